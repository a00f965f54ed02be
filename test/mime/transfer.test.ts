/** Transfer decoding (base64, quoted-printable, identity), whole, by prefix and by pieces. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { createTransferDecoder, decodeTransfer } from '../../src/index.ts';
import { latin1 } from '../helpers/decode.ts';
import { base64Lines, quotedPrintable } from '../helpers/mime-encode.ts';

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('latin1');

/** `push` of each piece in order, then `end`, joined. */
function inPieces(encoding: string, pieces: Uint8Array[]): Uint8Array {
  const dec = createTransferDecoder(encoding)!;
  const out = [...pieces.map((p) => dec.push(p)), dec.end()];
  return new Uint8Array(Buffer.concat(out));
}

/** `bytes` cut at the given offsets (sorted, deduplicated). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

describe('known answers', () => {
  test.each([
    ['base64', 'SGVsbG8s\r\nIHdvcmxk\r\nIQ==', 'Hello, world!'],
    ['base64', 'SGVsbG8sIHdvcmxkIQ', 'Hello, world!'], // no padding: the last quantum still counts
    ['base64', 'SGVs bG8=\r\nSGk=', 'HelloHi'], // a space ignored; two bodies joined
    ['base64', 'S', ''], // one sextet holds no octet
    ['base64', 'SGVsbG8*!', 'Hello'], // characters outside the alphabet are ignored (§6.8)
    ['BASE64', 'QQ==', 'A'],
    ['quoted-printable', 'caf=C3=A9 =3D 1', 'caf\xc3\xa9 = 1'],
    ['quoted-printable', 'caf=c3=a9', 'caf\xc3\xa9'], // lower-case hex (§6.7 robustness)
    ['quoted-printable', 'soft=\r\nbreak', 'softbreak'],
    ['quoted-printable', 'soft= \t\r\nbreak', 'softbreak'], // padding after "=" too
    ['quoted-printable', 'soft=\nbreak', 'softbreak'], // a bare LF
    ['quoted-printable', 'hard  \r\nbreak', 'hard\r\nbreak'], // trailing white space deleted (rule 3)
    ['quoted-printable', 'a b\tc', 'a b\tc'],
    ['quoted-printable', 'end  ', 'end'], // the body's end ends a line
    ['quoted-printable', 'end=', 'end'], // a soft break whose CRLF is the boundary's
    ['quoted-printable', '=ZZ=4', '=ZZ=4'], // not a hex octet: kept as sent
    ['quoted-printable', 'a=\rb', 'a=\rb'],
    ['quoted-printable', 'a \rb', 'a \rb'], // a bare CR is no line break
    ['quoted-printable', 'x\r', 'x\r'],
    ['7bit', 'plain\r\ntext', 'plain\r\ntext'],
    ['8bit', '\xe4\xf6', '\xe4\xf6'],
    ['binary', '\x00\xff', '\x00\xff'],
  ])('%s %j', (encoding, input, expected) => {
    expect(text(decodeTransfer(latin1(input), encoding))).toBe(expected);
    // One octet per piece gives the same.
    expect(
      text(
        inPieces(
          encoding,
          [...latin1(input)].map((b) => new Uint8Array([b])),
        ),
      ),
    ).toBe(expected);
  });

  test('an unknown encoding has no decoder', () => {
    expect(createTransferDecoder('x-uuencode')).toBeUndefined();
    expect(decodeTransfer(latin1('begin 644'), 'x-uuencode')).toBeUndefined();
  });

  test('identity encodings hand back the caller’s bytes (a view)', () => {
    const b = latin1('abc');
    expect(createTransferDecoder('8bit')!.push(b)).toBe(b);
  });

  test('a prefix of base64 keeps its incomplete quantum', () => {
    const dec = createTransferDecoder('base64')!;
    expect(text(dec.push(latin1('SGVsbG8sIHd')))).toBe('Hello,'); // "IHd" waits
    expect(text(dec.push(latin1('vcmxkIQ==')))).toBe(' world!');
    expect(text(dec.end())).toBe('');
  });

  test('a prefix of quoted-printable keeps a cut =XX, soft break or trailing space', () => {
    const dec = createTransferDecoder('quoted-printable')!;
    expect(text(dec.push(latin1('caf=C')))).toBe('caf');
    expect(text(dec.push(latin1('3=A9  ')))).toBe('\xc3\xa9');
    expect(text(dec.push(latin1('\r')))).toBe('');
    expect(text(dec.push(latin1('\nx=')))).toBe('\r\nx');
    expect(text(dec.push(latin1('\r')))).toBe('');
    expect(text(dec.push(latin1('\ny')))).toBe('y');
    expect(text(dec.end())).toBe('');
  });
});

/** Checks every prefix of `encoded`: it decodes to a prefix of `whole`, never shorter than the one before. */
function everyPrefix(
  encoding: string,
  encoded: Uint8Array,
  whole: Uint8Array,
  least?: (k: number) => number,
): void {
  let last = 0;
  for (let k = 0; k <= encoded.length; k++) {
    const got = createTransferDecoder(encoding)!.push(encoded.subarray(0, k));
    expect(got.length).toBeGreaterThanOrEqual(last);
    expect(Buffer.from(got).equals(Buffer.from(whole.subarray(0, got.length)))).toBe(true);
    if (least !== undefined) expect(got.length).toBeGreaterThanOrEqual(Math.min(whole.length, least(k)));
    last = got.length;
  }
}

describe('properties', () => {
  const body = fc.uint8Array({ maxLength: 400 });
  const lineLength = fc.constantFrom(76, 76, 64, 72, 4, 8);

  test.prop([body, lineLength, fc.boolean()], { numRuns: 200 })(
    'base64: every prefix decodes to a prefix of the octets, all its whole quanta',
    (bytes, len, crlf) => {
      const enc = base64Lines(bytes, len, crlf);
      expect(Buffer.from(decodeTransfer(enc, 'base64')!).equals(Buffer.from(bytes))).toBe(true);
      // k octets of lines of `len` and CRLF hold this many alphabet characters (a multiple of 4 give 3 octets each).
      const chars = (k: number) => Math.floor(k / (len + 2)) * len + Math.min(k % (len + 2), len);
      everyPrefix('base64', enc, bytes, (k) => Math.floor(chars(k) / 4) * 3);
    },
  );

  test.prop([body, fc.integer({ min: 4, max: 76 }), fc.integer({ min: 0, max: 2 })], { numRuns: 200 })(
    'quoted-printable: every prefix decodes to a prefix of the octets',
    (bytes, len, padding) => {
      const enc = quotedPrintable(bytes, len, padding);
      expect(Buffer.from(decodeTransfer(enc, 'quoted-printable')!).equals(Buffer.from(bytes))).toBe(true);
      everyPrefix('quoted-printable', enc, bytes);
    },
  );

  test.prop(
    [body, fc.constantFrom('base64', 'quoted-printable', '8bit'), fc.array(fc.nat(), { maxLength: 12 })],
    { numRuns: 300 },
  )('pieces at random splits decode to the whole', (bytes, encoding, cuts) => {
    const enc =
      encoding === 'base64'
        ? base64Lines(bytes)
        : encoding === 'quoted-printable'
          ? quotedPrintable(bytes)
          : bytes;
    expect(Buffer.from(inPieces(encoding, split(enc, cuts))).equals(Buffer.from(bytes))).toBe(true);
  });

  test.prop(
    [
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom('base64', 'quoted-printable'),
      fc.array(fc.nat(), { maxLength: 8 }),
    ],
    {
      numRuns: 300,
    },
  )('any bytes (not an encoder’s): pieces decode as the whole does, no exception', (junk, encoding, cuts) => {
    expect(
      Buffer.from(inPieces(encoding, split(junk, cuts))).equals(Buffer.from(decodeTransfer(junk, encoding)!)),
    ).toBe(true);
  });
});
