/**
 * Hostile input: absurd literal counts, deep nesting, endless lines, 1-byte chunks, bytes that
 * must not be where they are, and keys that try to reach prototypes. Every case ends in a clear
 * ImapParseError (or a correct value) and the decoder goes on. Cost is checked by counting the
 * bytes the framer scans and copies, never by timing.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { type DecodeItem, ResponseDecoder } from '../src/index.ts';
import { bytes, latin1 } from './helpers/decode.ts';

const NEXT = bytes('* 42 EXISTS\r\n');
const isNext = (i: DecodeItem | undefined): boolean =>
  i?.type === 'untagged' && i.kind === 'exists' && i.count === 42;

/** Counts the bytes the decoder copies (`set`, `slice`) and scans for LF (`indexOf`). */
function countWork<T>(fn: () => T): { result: T; copied: number; scanned: number } {
  const proto = Uint8Array.prototype;
  const { set, indexOf, slice } = proto;
  let copied = 0;
  let scanned = 0;
  proto.set = function (this: Uint8Array, src: ArrayLike<number>, offset?: number) {
    copied += src.length;
    return set.call(this, src, offset);
  } as typeof set;
  proto.indexOf = function (this: Uint8Array, v: number, from?: number) {
    const r = indexOf.call(this, v, from);
    scanned += (r < 0 ? this.length : r + 1) - (from ?? 0);
    return r;
  } as typeof indexOf;
  proto.slice = function (this: Uint8Array, a?: number, b?: number) {
    const r = slice.call(this, a, b);
    copied += r.length;
    return r;
  } as typeof slice;
  try {
    return { result: fn(), copied, scanned };
  } finally {
    proto.set = set;
    proto.indexOf = indexOf;
    proto.slice = slice;
  }
}

afterEach(() => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('literal counts', () => {
  test('{4294967295} beyond the limit allocates nothing, skips, reports, goes on', () => {
    const dec = new ResponseDecoder({ maxLiteralSize: 1024 });
    const before = process.memoryUsage().arrayBuffers;
    const items = dec.push(bytes('* 1 FETCH (BODY[] {4294967295}\r\nsome bytes of it'));
    expect(items).toMatchObject([{ type: 'error', error: { code: 'LITERAL_TOO_LARGE', offset: 18 } }]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024);
    expect(dec.pending).toBe(true);
    // The server really sends that much: still skipped, nothing kept.
    const mb = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 8; i++) expect(dec.push(mb)).toEqual([]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  test('{4294967295} within default limits? no: default maxLiteralSize refuses it', () => {
    const items = new ResponseDecoder().push(bytes('* 1 FETCH (BODY[] {4294967295}\r\nx'));
    expect(items).toMatchObject([{ type: 'error', error: { code: 'LITERAL_TOO_LARGE' } }]);
  });

  test('a 30-digit count fails cleanly and the next line is a new response', () => {
    const items = new ResponseDecoder().push(
      new Uint8Array([...bytes(`* 1 FETCH (BODY[] {${'9'.repeat(30)}}\r\n`), ...NEXT]),
    );
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'BAD_LITERAL_COUNT', offset: 18 } });
    expect(isNext(items[1])).toBe(true);
  });

  test('a large count announced, its bytes trickle: memory follows the bytes, not the count', () => {
    const dec = new ResponseDecoder();
    const before = process.memoryUsage().arrayBuffers;
    dec.push(bytes('* 1 FETCH (BODY[] {200000000}\r\nabc'));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
    expect(dec.end()).toMatchObject([{ type: 'error', error: { code: 'TRUNCATED', offset: 0 } }]);
  });
});

describe('nesting', () => {
  test('100k nested parentheses: DEPTH_EXCEEDED, no stack overflow, decoding goes on', () => {
    const n = 100_000;
    const input = new Uint8Array([
      ...bytes(`* 1 FETCH (X-DEEP ${'('.repeat(n)}1${')'.repeat(n)})\r\n`),
      ...NEXT,
    ]);
    const items = new ResponseDecoder().push(input);
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'DEPTH_EXCEEDED', offset: 18 + 255 } });
    expect(isNext(items[1])).toBe(true);
  });

  test('100k nested brackets in a response code: the text as sent, or (strict) a clean error', () => {
    const n = 100_000;
    const input = new Uint8Array([...bytes(`* OK [X ${'['.repeat(n)}\r\n`), ...NEXT]);
    // No "]" closes the code: quirk malformedRespText keeps the OK with its raw text.
    const items = new ResponseDecoder().push(input);
    expect(items[0]).toMatchObject({ type: 'untagged', kind: 'ok', text: `[X ${'['.repeat(n)}` });
    expect(isNext(items[1])).toBe(true);
    const strict = new ResponseDecoder({ strict: true }).push(input);
    expect(strict[0]).toMatchObject({ type: 'error', error: { code: 'SYNTAX', status: 'OK' } });
    expect(isNext(strict[1])).toBe(true);
  });
});

describe('long lines', () => {
  test('a 10 MB line without CRLF: LINE_TOO_LONG once, bounded memory, then the next response', () => {
    const dec = new ResponseDecoder();
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const out: DecodeItem[] = [...dec.push(bytes('* OK '))];
    for (let sent = 0; sent < 10_000_000; sent += chunk.length) out.push(...dec.push(chunk));
    out.push(...dec.push(new Uint8Array([0x0d, 0x0a, ...NEXT])));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      type: 'error',
      error: { code: 'LINE_TOO_LONG', offset: 4 * 1024 * 1024 },
    });
    expect(isNext(out[1])).toBe(true);
  });

  test('a long line fed one byte at a time costs linear work', () => {
    const n = 200_000;
    const input = new Uint8Array([...bytes('* OK '), ...new Uint8Array(n).fill(0x62), 0x0d, 0x0a]);
    const chunks = Array.from(input, (b) => new Uint8Array([b]));
    const { result, copied, scanned } = countWork(() => {
      const dec = new ResponseDecoder();
      const out: DecodeItem[] = [];
      for (const c of chunks) out.push(...dec.push(c));
      return out;
    });
    expect(result).toHaveLength(1);
    if (result[0]?.type === 'error') throw result[0].error;
    expect(result[0]).toMatchObject({ type: 'untagged', kind: 'ok' });
    // Each byte is scanned once and copied a small constant number of times (the line tail
    // kept for literal announcements, the one concatenation of the response's pieces).
    expect(scanned).toBeLessThanOrEqual(input.length);
    expect(copied).toBeLessThanOrEqual(40 * input.length);
  });
});

describe('literals in 1-byte chunks', () => {
  test('a 300 KB literal fed one byte at a time: exact value, linear work', () => {
    const n = 300_000;
    const body = new Uint8Array(n);
    for (let i = 0; i < n; i++) body[i] = (i * 7) & 0xff;
    const input = new Uint8Array([
      ...bytes(`* 1 FETCH (UID 1 BODY[] {${n}}\r\n`),
      ...body,
      ...bytes(')\r\n'),
      ...NEXT,
    ]);
    const chunks = Array.from(input, (b) => new Uint8Array([b]));
    const { result, copied, scanned } = countWork(() => {
      const dec = new ResponseDecoder();
      const out: DecodeItem[] = [];
      for (const c of chunks) out.push(...dec.push(c));
      return out;
    });
    expect(result).toHaveLength(2);
    const f = result[0]!;
    expect(f.type === 'untagged' && f.kind === 'fetch' && f.attributes.sections?.[0]?.value).toEqual(body);
    expect(isNext(result[1])).toBe(true);
    // Literal bytes are never scanned for LF; each is copied once.
    expect(scanned).toBeLessThan(200);
    expect(copied).toBeLessThan(n + 2000);
  });

  test('a literal larger than the preallocation bound, in 64 KiB chunks: one exact-size copy', () => {
    const n = 20 * 1024 * 1024;
    const head = bytes(`* 1 FETCH (BODY[] {${n}}\r\n`);
    const dec = new ResponseDecoder();
    const out: DecodeItem[] = [...dec.push(head)];
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    for (let sent = 0; sent < n; sent += chunk.length) out.push(...dec.push(chunk.slice()));
    out.push(...dec.push(bytes(')\r\n')));
    expect(out).toHaveLength(1);
    const v =
      out[0]!.type === 'untagged' && out[0]!.kind === 'fetch'
        ? out[0]!.attributes.sections?.[0]?.value
        : null;
    expect(v?.length).toBe(n);
    expect(v?.buffer.byteLength).toBe(n);
  });
});

describe('bytes out of place', () => {
  test('NUL, CR and LF inside quoted strings', () => {
    const items = new ResponseDecoder().push(
      new Uint8Array([
        ...latin1('* 1 FETCH (BODY[] "a\x00b")\r\n'),
        ...latin1('* 2 FETCH (BODY[] "a\rb")\r\n'),
        ...latin1('* 3 FETCH (BODY[] "a\nb")\r\n'),
        ...NEXT,
      ]),
    );
    expect(items.map((i) => (i.type === 'error' ? `${i.error.code}@${i.error.offset}` : i.type))).toEqual([
      'SYNTAX@20',
      'SYNTAX@46',
      'SYNTAX@72',
      'SYNTAX@74',
      'untagged',
    ]);
    expect(isNext(items[4])).toBe(true);
  });

  test('random binary garbage never throws and the decoder recovers at the next line', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    };
    for (let round = 0; round < 200; round++) {
      const junk = Array.from({ length: 1 + (rnd() % 200) }, rnd).filter((b) => b !== 0x0a && b !== 0x7d);
      const input = new Uint8Array([...junk, 0x0d, 0x0a, ...NEXT]);
      const items = new ResponseDecoder().push(input);
      expect(isNext(items.at(-1))).toBe(true);
      for (const i of items.slice(0, -1)) {
        if (i.type === 'error') expect(i.error.expected).not.toContain('internal error');
      }
    }
  });
});

describe('keys from the wire', () => {
  test('__proto__ and constructor as names touch no prototype', () => {
    const input = bytes(
      '* 1 FETCH (__proto__ (polluted 1) constructor {3}\r\nabc toString 5)\r\n' +
        '* __proto__ polluted\r\n* OK [__proto__ polluted] x\r\n* CAPABILITY __proto__ constructor\r\n',
    );
    const items = new ResponseDecoder().push(input);
    expect(items).toHaveLength(4);
    const f = items[0]!;
    expect(f.type === 'untagged' && f.kind === 'fetch' && f.attributes.unknown?.map((u) => u.name)).toEqual([
      '__proto__',
      'constructor',
      'toString',
    ]);
    expect(items[1]).toMatchObject({ kind: 'unknown', name: '__proto__' });
    expect(items[2]).toMatchObject({
      kind: 'ok',
      code: { name: '__proto__', unknown: true, raw: 'polluted' },
    });
    expect(items[3]).toMatchObject({ kind: 'capability', capabilities: ['__proto__', 'constructor'] });
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
  });
});
