/**
 * Regression tests for the framing findings of issue #17 (an outside fuzzing campaign): a line
 * classified from its first 80 bytes, a literal count read from a 32-byte tail, limits checked
 * in an order that depended on where a chunk ended, a literal gathered as one view per chunk,
 * and an unknown response that lost its literal's last CR. Every input is decoded whole, one
 * byte at a time and split at every position, and all must agree (`decodeAllWays`).
 */
import { describe, expect, test } from 'vitest';
import { type DecodeItem, type DecoderOptions, ResponseDecoder } from '../src/index.ts';
import { asJson, bytes, chunked, decodeAllWays, decodeChunks, splitAt } from './helpers/decode.ts';

const SENTINEL = 'S1 OK sentinel\r\n';

/** Items as `code@offset` for errors, else the item itself as JSON. */
function summary(items: DecodeItem[]): unknown[] {
  return asJson(items).map((j) => {
    const o = j as { type: string; code?: string; offset?: number };
    return o.type === 'error' ? `${o.code}@${o.offset}` : o;
  });
}

function allWays(input: string, options?: DecoderOptions): unknown[] {
  return summary(decodeAllWays(bytes(input), options));
}

const sentinel = { type: 'tagged', tag: 'S1', status: 'OK', text: 'sentinel' };

describe('finding 3: a long tag never hides the status word', () => {
  test('a 78-character tag: `{5}` after the text is text, the next response stays', () => {
    const tag = 'T'.repeat(78);
    expect(allWays(`${tag} OK hello {5}\r\n${SENTINEL}`)).toEqual([
      { type: 'tagged', tag, status: 'OK', text: 'hello {5}' },
      sentinel,
    ]);
  });

  test('a huge count after a long tag skips nothing', () => {
    const tag = 'T'.repeat(300);
    expect(allWays(`${tag} NO hello {536870912}\r\n${SENTINEL}`)).toEqual([
      { type: 'tagged', tag, status: 'NO', text: 'hello {536870912}' },
      sentinel,
    ]);
  });

  test('a 100,000-character tag in 1460-byte chunks', () => {
    const tag = 'a'.repeat(100_000);
    const input = bytes(`${tag} BAD nope {12}\r\n${SENTINEL}`);
    const items = decodeChunks(chunked(input, 1460));
    expect(summary(items)).toEqual([{ type: 'tagged', tag, status: 'BAD', text: 'nope {12}' }, sentinel]);
  });

  test('a long tag before an open response code: there a literal is a literal', () => {
    const tag = 'x'.repeat(120);
    const items = allWays(`${tag} NO [BADCHARSET ({5}\r\nUTF-8)] no\r\n${SENTINEL}`);
    expect(items).toEqual([
      { type: 'tagged', tag, status: 'NO', code: { name: 'BADCHARSET', charsets: ['UTF-8'] }, text: 'no' },
      sentinel,
    ]);
  });

  test('a code ends at its first "]", as the parser reads it: a `{n}` after it is text', () => {
    expect(allWays(`A1 NO [XFOO a[b] {5}\r\n${SENTINEL}`)).toEqual([
      {
        type: 'tagged',
        tag: 'A1',
        status: 'NO',
        code: { name: 'XFOO', unknown: true, raw: 'a[b' },
        text: '{5}',
      },
      sentinel,
    ]);
  });

  test('a long status line that is not a status response (`* 1 FETCH`) still reads its literal', () => {
    const items = allWays(
      `* 1 FETCH (BODY[HEADER.FIELDS (${'X-A '.repeat(40)}X-B)] {3}\r\nabc)\r\n${SENTINEL}`,
    );
    expect(items[0]).toMatchObject({ type: 'untagged', kind: 'fetch' });
    expect(items[1]).toEqual(sentinel);
  });
});

describe('finding 4: framing after a limit error does not depend on chunking', () => {
  test('a literal inside an open code of a line that was too long is skipped, every way', () => {
    const input = `* OK [BADCHARSET (${'X'.repeat(60)} {24}\r\nA1 OK injected response\r\n)] done\r\n${SENTINEL}`;
    const items = allWays(input, { maxLineLength: 64 });
    expect(items[0]).toBe('LINE_TOO_LONG@64');
    expect(items.some((i) => typeof i === 'object' && (i as { tag?: string }).tag === 'A1')).toBe(false);
    expect(items.at(-1)).toEqual(sentinel);
  });

  test('a line too long whose code closed before its `{n}`: no literal, every way', () => {
    const input = `* OK [ALERT] ${'Y'.repeat(80)} {16}\r\nA2 OK not skipped\r\n${SENTINEL}`;
    expect(allWays(input, { maxLineLength: 64 })).toEqual([
      'LINE_TOO_LONG@64',
      { type: 'tagged', tag: 'A2', status: 'OK', text: 'not skipped' },
      sentinel,
    ]);
  });
});

describe('finding 5: a literal count is read exactly across chunks', () => {
  test('31 digits and `}` without `{` are text of an unknown response', () => {
    const digits = '1'.repeat(31);
    expect(allWays(`* XFOO ${digits}}\r\n${SENTINEL}`)).toEqual([
      { type: 'untagged', kind: 'unknown', name: 'XFOO', raw: `${digits}}` },
      sentinel,
    ]);
  });

  test('a count with 30 leading zeros: the same error at the same offset every way', () => {
    const items = allWays(`* 1 FETCH (BODY[] {${'0'.repeat(30)}5}\r\nhello)\r\n${SENTINEL}`);
    expect(items).toEqual(['NUMBER_RANGE@19', sentinel]);
  });

  test('a count of 2^32 or more is BAD_LITERAL_COUNT at its "{", every way', () => {
    expect(allWays(`* 1 FETCH (BODY[] {${'9'.repeat(40)}}\r\n${SENTINEL}`)).toEqual([
      'BAD_LITERAL_COUNT@18',
      sentinel,
    ]);
    expect(allWays(`* 1 FETCH (BODY[] {4294967296}\r\n${SENTINEL}`)).toEqual([
      'BAD_LITERAL_COUNT@18',
      sentinel,
    ]);
  });

  test('`}` CR `}` and a CR inside the count are not announcements', () => {
    const items = allWays(`* XFOO {5}\r}\r\n* XBAR {5\r}\r\n${SENTINEL}`);
    expect(items).toEqual([
      { type: 'untagged', kind: 'unknown', name: 'XFOO', raw: '{5}\r}' },
      { type: 'untagged', kind: 'unknown', name: 'XBAR', raw: '{5\r}' },
      sentinel,
    ]);
  });
});

describe('finding 6: limits and excerpts do not depend on chunking', () => {
  test('the limit crossed first in the stream is the one reported', () => {
    const input = `* 1 FETCH (BODY[] {10}\r\n0123456789 ${'X'.repeat(100)})\r\n${SENTINEL}`;
    const items = decodeAllWays(bytes(input), { maxLineLength: 80, maxResponseSize: 100 });
    expect(summary(items)).toEqual(['RESPONSE_TOO_LARGE@100', sentinel]);
    // The excerpt holds the literal's bytes, as they were on the wire, every way.
    expect(items[0]).toMatchObject({
      error: { excerpt: '* 1 FETCH (BODY[] {10}\\r\\n0123456789 XXXXXXXXXXXXX…⟨here⟩…' },
    });
  });

  test('the line limit crossed first', () => {
    const input = `* 1 FETCH (BODY[] {10}\r\n0123456789 ${'X'.repeat(100)})\r\n${SENTINEL}`;
    expect(summary(decodeAllWays(bytes(input), { maxLineLength: 50, maxResponseSize: 100 }))).toEqual([
      // The line after the literal starts at 34; 50 bytes on is 84.
      'LINE_TOO_LONG@84',
      sentinel,
    ]);
  });

  test('a STRICT error in a response with a literal reads the same every way', () => {
    const input = `* 1 FETCH (BODY[] {3}\r\nabc FLAGS (\\Seen ))\r\n${SENTINEL}`;
    const items = decodeAllWays(bytes(input), { strict: true });
    expect(summary(items)).toEqual(['STRICT@39', sentinel]);
    expect(items[0]).toMatchObject({ error: { excerpt: expect.stringContaining('abc FLAGS') } });
  });
});

describe('finding 7: an unknown response keeps its literal whole', () => {
  test('a literal ending in CR before a bare LF keeps its CR', () => {
    expect(allWays(`* XFOO {4}\r\nabc\r\n${SENTINEL}`)).toEqual([
      { type: 'untagged', kind: 'unknown', name: 'XFOO', raw: '{4}\r\nabc\r' },
      sentinel,
    ]);
  });

  test('a CRLF after a literal is still the line end', () => {
    expect(allWays(`* XFOO {3}\r\nabc\r\n${SENTINEL}`)).toEqual([
      { type: 'untagged', kind: 'unknown', name: 'XFOO', raw: '{3}\r\nabc' },
      sentinel,
    ]);
  });
});

describe('finding 2: memory follows the bytes, not the number of chunks', () => {
  test('a literal over 16 MiB in 1-byte chunks: exact value, heap not per chunk', () => {
    const n = 17 * 1024 * 1024;
    const dec = new ResponseDecoder();
    const out: DecodeItem[] = [...dec.push(bytes(`* 1 FETCH (BODY[] {${n}}\r\n`))];
    const body = new Uint8Array(n);
    for (let i = 0; i < n; i += 4096) body[i] = (i >> 12) & 0xff;
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = 0;
    for (let i = 0; i < n; i++) {
      out.push(...dec.push(body.subarray(i, i + 1)));
      if ((i & 0x3fffff) === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    }
    out.push(...dec.push(bytes(`)\r\n${SENTINEL}`)));
    expect(out).toHaveLength(2);
    const f = out[0]!;
    const v = f.type === 'untagged' && f.kind === 'fetch' ? f.attributes.sections?.[0]?.value : undefined;
    expect(v?.length).toBe(n);
    expect(v?.buffer.byteLength).toBe(n);
    // (toEqual on 17 M elements enumerates them as keys: compare the bytes directly.)
    let same = v !== undefined;
    for (let i = 0; same && i < n; i++) same = v![i] === body[i];
    expect(same).toBe(true);
    // One view object per chunk was ~100 bytes of heap each: 1.7 GB here. Now the heap holds
    // nothing per chunk (the bytes are in one growing buffer outside it).
    expect(heapPeak).toBeLessThan(256 * 1024 * 1024);
  });

  test('a long line in 1-byte chunks is gathered, not kept as one view per chunk', () => {
    const n = 1_000_000;
    const input = bytes(`* XLONG ${'z'.repeat(n)}\r\n${SENTINEL}`);
    const dec = new ResponseDecoder();
    const out: DecodeItem[] = [];
    for (let i = 0; i < input.length; i++) out.push(...dec.push(input.subarray(i, i + 1)));
    expect(out).toHaveLength(2);
    const u = out[0]!;
    expect(u.type === 'untagged' && u.kind === 'unknown' && u.raw.length).toBe(n);
    // The text's buffer is its gathering buffer (at most twice the text), not n views.
    expect(u.type === 'untagged' && u.kind === 'unknown' && u.raw.buffer.byteLength).toBeLessThanOrEqual(
      2 * (n + 16),
    );
  });
});

describe('every chunking gives the same items for mutated server streams', () => {
  // A deterministic mutator (seeded): the corpus below with bytes changed, inserted, deleted
  // and literal announcements inserted, decoded with several limit settings.
  const corpus = [
    '* 1 FETCH (UID 5 BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n',
    '* OK [BADCHARSET ({5}\r\nUTF-8 "x")] text {3}\r\n',
    'A1 NO [ALERT] quota {3}\r\n+ go ahead {4}\r\n',
    '* 2 FETCH (ENVELOPE ("Mon, 1 Jan 2024 00:00:00 +0000" {7}\r\nsubject NIL NIL NIL NIL NIL NIL NIL NIL))\r\n',
    '* LIST (\\HasNoChildren) "/" {4}\r\nI\r\nX\r\n* STATUS "a b" (MESSAGES 3)\r\n',
    '* XFOO {4}\r\nabc\r\n* 3 EXISTS\r\n',
  ];
  const optionSets: DecoderOptions[] = [
    {},
    { strict: true },
    { maxLineLength: 24 },
    { maxLineLength: 40, maxResponseSize: 60 },
    { maxLiteralSize: 3 },
  ];
  let seed = 20261207;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = bytes('{}[]()"\\\r\n 0123456789+~*AOKNB');

  test('400 mutated streams: whole, one byte at a time and at random splits agree', () => {
    let checked = 0;
    for (let r = 0; r < 400; r++) {
      const b = Array.from(bytes(corpus[rnd(corpus.length)]! + corpus[rnd(corpus.length)]!));
      for (let m = 1 + rnd(4); m > 0; m--) {
        const p = rnd(b.length + 1);
        const k = rnd(4);
        const c = alphabet[rnd(alphabet.length)]!;
        if (k === 0) b[p] = c;
        else if (k === 1) b.splice(p, 0, c);
        else if (k === 2) b.splice(p, 1);
        else b.splice(p, 0, ...bytes(`{${rnd(12)}}\r\n`));
      }
      const input = new Uint8Array([...b, ...bytes(`\r\n${SENTINEL}`)]);
      const options = optionSets[rnd(optionSets.length)]!;
      const whole = JSON.stringify(asJson(decodeChunks([input.slice()], options)));
      expect(JSON.stringify(asJson(decodeChunks(chunked(input, 1), options)))).toBe(whole);
      const p = 1 + rnd(input.length - 1);
      expect(JSON.stringify(asJson(decodeChunks(splitAt(input, p), options)))).toBe(whole);
      checked++;
    }
    expect(checked).toBe(400);
  });
});
