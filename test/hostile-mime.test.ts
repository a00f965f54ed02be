/**
 * Header decoders on hostile input (issue #17, finding 1): an ENVELOPE date full of "(", a
 * value of "=?x" repeated, RFC 2231 parameter lists of many names or sections sent in reverse.
 * Each took seconds because its cost grew with the square of the input. Cost is checked by
 * comparing the time of n and 16n in one test (linear gives ~16, quadratic ~256; the bound
 * is 64), never by a wall-clock threshold; each input also goes through the whole decoder,
 * whole and in chunks, with the same items.
 */
import { describe, expect, test } from 'vitest';
import { type DecodeItem, decodeEncodedWords, parseMailDate } from '../src/index.ts';
import { joinParameters, type RawParameter } from '../src/mime/rfc2231.ts';
import { asJson, bytes, chunked, decodeChunks, decodeWhole } from './helpers/decode.ts';
import { joinParametersOracle } from './helpers/rfc2231-oracle.ts';

/** Milliseconds per call of `fn`, the best of 3 rounds of enough calls to last ~5 ms. */
function msPerCall(fn: () => void): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    if (performance.now() - t0 >= 5 || reps >= 1 << 20) break;
    reps *= 2;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) fn();
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  return best;
}

/**
 * How much longer `run` takes on the input of size 16n than on size n. The inputs are built
 * before timing. Three to six measurements, the smallest of each size kept: a busy machine can
 * slow one run, never make a quadratic one look linear.
 */
function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): number {
  const small = make(n);
  const large = make(16 * n);
  run(small);
  run(large);
  // The fastest of each size over the attempts (a busy machine or a GC slows single runs:
  // the ratio of the fastest is steadier than the fastest of the ratios).
  let a = Number.POSITIVE_INFINITY;
  let b = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 6 && !(b / a < 64 && attempt >= 2); attempt++) {
    a = Math.min(
      a,
      msPerCall(() => run(small)),
    );
    b = Math.min(
      b,
      msPerCall(() => run(large)),
    );
  }
  return b / a;
}

/** The items of `input` decoded whole, and checks that chunked decodes give the same. */
function decodeEveryWay(input: Uint8Array, sizes = [1460, 61]): DecodeItem[] {
  const whole = decodeWhole(input);
  for (const size of sizes) expect(asJson(decodeChunks(chunked(input, size)))).toEqual(asJson(whole));
  return whole;
}

function fetchAttributes(items: DecodeItem[]): Record<string, unknown> {
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (item.type !== 'untagged' || item.kind !== 'fetch') throw new Error(`not a FETCH: ${item.type}`);
  return item.attributes as Record<string, unknown>;
}

const envelope = (date: string, subject: string, name: string): Uint8Array =>
  bytes(
    `* 1 FETCH (ENVELOPE ("${date}" "${subject}" (("${name}" NIL "a" "b")) NIL NIL NIL NIL NIL NIL NIL))\r\n`,
  );

type Params = Array<{ name: string; value: string }>;
const paramsOf = (items: DecodeItem[]): Params =>
  (fetchAttributes(items)['bodyStructure'] as { params: Params }).params;

const bodyStructure = (params: string): Uint8Array =>
  bytes(`* 1 FETCH (BODYSTRUCTURE ("text" "plain" (${params}) NIL NIL "7bit" 1 1))\r\n`);

describe('dates (src/mime/date.ts)', () => {
  const shapes: Array<[string, (n: number) => string]> = [
    ['"(" repeated', (n) => '('.repeat(n)],
    ['")(" repeated: a comment at every step', (n) => ')('.repeat(n)],
    ['"(" repeated after a date', (n) => `Mon, 10 Jul 2023 09:14:01 +0200 ${'('.repeat(n)}`],
    ['"(" repeated before a date', (n) => `${'('.repeat(n)}) 10 Jul 2023 09:14:01 +0200`],
    ['white space then no date', (n) => `${' '.repeat(n)}1`],
    ['a day, then dashes', (n) => `1${' -'.repeat(n)}x`],
    ['a day and month, then letters', (n) => `1 Jan${'a'.repeat(n)}1`],
  ];
  test.each(shapes)('parseMailDate: %s grows linearly', (_, make) => {
    expect(growth(make, parseMailDate, 2048)).toBeLessThan(64);
  });

  test('comments are still dropped, nested or left open', () => {
    const at = Date.UTC(2023, 6, 10, 7, 14, 1);
    expect(parseMailDate('Mon, 10 Jul 2023 09:14:01 +0200 (CEST)')?.getTime()).toBe(at);
    expect(parseMailDate('(x) Mon, (y(z) 10 Jul 2023 09:14:01 +0200 (')?.getTime()).toBe(at);
    expect(
      parseMailDate('Mon, 10 Jul 2023 09:14:01 +0200 ((((((((((((((((((((((((((((((((((')?.getTime(),
    ).toBe(at);
    expect(parseMailDate('Mon, 10 (Jul) 2023 09:14:01 +0200')).toBeNull();
  });

  test('an ENVELOPE date of 262,144 "(" through the decoder, whole and in chunks', () => {
    const date = '('.repeat(262_144);
    const env = fetchAttributes(decodeEveryWay(envelope(date, 's', 'n')))['envelope'];
    expect(env).toMatchObject({ date: null, subject: 's' });
    expect((env as { dateRaw: string }).dateRaw).toBe(date);
  });
});

describe('encoded words (src/mime/encoded-words.ts)', () => {
  const shapes: Array<[string, (n: number) => string]> = [
    ['"=?x" repeated', (n) => '=?x'.repeat(n)],
    ['"=?a?q?" repeated: every prefix valid, no end', (n) => '=?a?q?'.repeat(n)],
    ['one word opened, then text that never ends it', (n) => `=?a?q?${'a'.repeat(n)}`],
    ['valid words in two charsets, alternating', (n) => '=?a?q?x?= =?b?q?y?= '.repeat(n)],
    ['valid adjacent words, one run', (n) => '=?utf-8?b?w6k=?= '.repeat(n)],
  ];
  test.each(shapes)('decodeEncodedWords: %s grows linearly', (_, make) => {
    expect(growth(make, decodeEncodedWords, 1024)).toBeLessThan(64);
  });

  test('"=?x" repeated stays as sent; valid words around it still decode', () => {
    const junk = '=?x'.repeat(1000);
    expect(decodeEncodedWords(junk)).toBe(junk);
    expect(decodeEncodedWords(`=?utf-8?q?=C3=A9?=${junk}=?utf-8?b?w6k=?=`)).toBe(`é${junk}é`);
    expect(decodeEncodedWords('=?utf-8?q?a?b?=')).toBe('=?utf-8?q?a?b?=');
    expect(decodeEncodedWords('=?utf-8?q??= x')).toBe(' x');
  });

  test('87,381 × "=?x" as a subject, an address name and a name parameter, through the decoder', () => {
    const junk = '=?x'.repeat(87_381);
    const env = fetchAttributes(decodeEveryWay(envelope('x', junk, junk)))['envelope'];
    expect(env).toMatchObject({ subject: junk, from: [{ name: junk, mailbox: 'a', host: 'b' }] });
    const body = fetchAttributes(decodeEveryWay(bodyStructure(`"name" "${junk}"`)))['bodyStructure'];
    expect(body).toMatchObject({ params: [{ name: 'name', value: junk }] });
  });
});

describe('RFC 2231 parameters (src/mime/rfc2231.ts)', () => {
  const encoder = new TextEncoder();
  const raw = (names: string[]): RawParameter[] =>
    names.map((name, i) => ({ name: encoder.encode(name), value: encoder.encode(`v${i}`) }));
  const shapes: Array<[string, (n: number) => RawParameter[]]> = [
    ['n names "pK*"', (n) => raw(Array.from({ length: n }, (_, k) => `p${k}*`))],
    [
      'n sections of one name, in reverse',
      (n) => raw(Array.from({ length: n }, (_, k) => `name*${n - 1 - k}`)),
    ],
    ['n plain names', (n) => raw(Array.from({ length: n }, (_, k) => `p${k}`).concat('x*'))],
    [
      'n/2 names of two sections each, interleaved',
      (n) => raw(Array.from({ length: n }, (_, k) => `p${k >> 1}*${k & 1}`)),
    ],
  ];
  test.each(shapes)('joinParameters: %s grows linearly', (_, make) => {
    expect(growth(make, joinParameters, 512)).toBeLessThan(64);
  });

  test('sections in reverse join in section order; equal sections keep wire order', () => {
    const n = 5000;
    const list = raw(Array.from({ length: n }, (_, k) => `name*${n - 1 - k}`));
    let expected = '';
    for (let k = n - 1; k >= 0; k--) expected += `v${k}`;
    expect(joinParameters(list)).toEqual([{ name: 'name', value: expected }]);
    // 22 sections: past the insertion sort, into `sort`.
    const twice = raw([...Array.from({ length: 20 }, (_, k) => `a*${19 - k}`), 'a*3', 'a*0']);
    const value = 'v19v21v18v17v16v20v15v14v13v12v11v10v9v8v7v6v5v4v3v2v1v0';
    expect(joinParameters(twice)).toEqual([{ name: 'a', value }]);
    expect(joinParametersOracle(twice)).toEqual([{ name: 'a', value }]);
  });

  test('80,000 names and 80,000 reversed sections through the decoder, whole and in chunks', () => {
    // 1.1 and 1.3 MB: one chunk size only, the suite's time is shared.
    let names = '';
    for (let k = 0; k < 80_000; k++) names += `"p${k}*" "a" `;
    const params = paramsOf(decodeEveryWay(bodyStructure(names.trimEnd()), [1460]));
    expect(params).toHaveLength(80_000);
    expect(params[79_999]).toEqual({ name: 'p79999', value: 'a' });
    let sections = '';
    for (let k = 79_999; k >= 0; k--) sections += `"name*${k}" "${k % 10}" `;
    const joined = paramsOf(decodeEveryWay(bodyStructure(sections.trimEnd()), [1460]));
    expect(joined).toEqual([{ name: 'name', value: '0123456789'.repeat(8000) }]);
  });
});
