/** Test-only helpers: run a byte stream through the decoder under different chunkings. */
import { itemToJson } from '../../src/cli/json.ts';
import { type DecodeItem, type DecoderOptions, ResponseDecoder } from '../../src/index.ts';

/** Bytes from a string with `\r\n` written out; `latin1` keeps each char as one byte. */
export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Bytes from a latin1 string: each char code is one byte (for 8-bit and binary input). */
export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Decodes the given chunks with one decoder, `end()` included. */
export function decodeChunks(chunks: Uint8Array[], options?: DecoderOptions): DecodeItem[] {
  const dec = new ResponseDecoder(options);
  const out: DecodeItem[] = [];
  for (const c of chunks) out.push(...dec.push(c));
  out.push(...dec.end());
  return out;
}

/** Splits into chunks of `size` bytes (copies, so views cannot alias across runs). */
export function chunked(b: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.slice(i, i + size));
  return out;
}

/** Splits at the given positions. */
export function splitAt(b: Uint8Array, ...positions: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let p = 0;
  for (const q of positions) {
    out.push(b.slice(p, q));
    p = q;
  }
  out.push(b.slice(p));
  return out;
}

export function decodeWhole(b: Uint8Array, options?: DecoderOptions): DecodeItem[] {
  return decodeChunks([b.slice()], options);
}

/** Items as comparable JSON (errors by code, offset, expected and excerpt; quirk, tag and status when set). */
export function asJson(items: DecodeItem[]): unknown[] {
  return items.map((i) =>
    i.type === 'error'
      ? {
          type: 'error',
          code: i.error.code,
          offset: i.error.offset,
          excerpt: i.error.excerpt,
          expected: i.error.expected,
          ...(i.error.quirk === undefined ? {} : { quirk: i.error.quirk }),
          ...(i.error.tag === undefined ? {} : { tag: i.error.tag }),
          ...(i.error.status === undefined ? {} : { status: i.error.status }),
        }
      : itemToJson(i),
  );
}

/** Split positions to try: every one for small inputs, else `samples` spread evenly plus the edges. */
export function splitPositions(length: number, samples = 256): number[] {
  if (length <= samples) return Array.from({ length: Math.max(length - 1, 0) }, (_, i) => i + 1);
  const out = new Set<number>([1, 2, length - 2, length - 1]);
  for (let k = 1; k <= samples; k++) out.add(Math.floor((k * length) / (samples + 1)));
  return [...out].filter((p) => p > 0 && p < length).sort((a, b) => a - b);
}

/**
 * Asserts the three ways agree: whole, one byte per push, and split at each position
 * (sampled above a few KB); returns the whole-input result.
 */
export function decodeAllWays(b: Uint8Array, options?: DecoderOptions, samples = 256): DecodeItem[] {
  const whole = decodeWhole(b, options);
  const expected = JSON.stringify(asJson(whole));
  const check = (how: string, items: DecodeItem[]): void => {
    const got = JSON.stringify(asJson(items));
    if (got !== expected)
      throw new Error(`decoding ${how} differs from decoding whole:\n${firstDiff(expected, got)}`);
  };
  check('one byte per push', decodeChunks(chunked(b, 1), options));
  for (const p of splitPositions(b.length, samples))
    check(`split at ${p}`, decodeChunks(splitAt(b, p), options));
  return whole;
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `whole: …${a.slice(Math.max(0, i - 80), i + 80)}\nother: …${b.slice(Math.max(0, i - 80), i + 80)}`;
}

/** The only response in `b` (asserting there is exactly one and it is not an error). */
export function one(b: Uint8Array | string, options?: DecoderOptions): DecodeItem {
  const items = decodeAllWays(typeof b === 'string' ? bytes(b) : b, options);
  if (items.length !== 1)
    throw new Error(`expected one item, got ${items.length}: ${JSON.stringify(asJson(items))}`);
  return items[0]!;
}
