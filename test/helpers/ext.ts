/**
 * Test-only helpers for the extension suites (test/ext/*.test.ts): known answers decoded whole,
 * one byte per push and split at every position; refusals with their code and offset, followed
 * by a valid response that must still parse; quirks tolerated by default and refused in strict
 * mode.
 */
import { expect } from 'vitest';
import { type DecodeItem, type DecoderOptions, ResponseDecoder } from '../../src/index.ts';
import { bytes, decodeAllWays } from './decode.ts';

export { bytes };

/** The valid response every refusal is followed by. */
export const NEXT = '* 42 EXISTS\r\n';

function asBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? bytes(input) : input;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** `input` decodes, every way, to exactly the responses `expected` (compared strictly). */
export function expectDecoded(
  input: string | Uint8Array,
  expected: unknown[],
  options?: DecoderOptions,
): void {
  const items = decodeAllWays(asBytes(input), options);
  expect(items).toStrictEqual(expected);
}

/** `input` is one response that decodes, every way, to `expected`. */
export function expectOne(input: string | Uint8Array, expected: unknown, options?: DecoderOptions): void {
  expectDecoded(input, [expected], options);
}

/**
 * `input` (one response) is refused with `code` at the absolute `offset`, and the response after
 * it still parses.
 */
export function expectRefused(
  input: string | Uint8Array,
  code: string,
  offset: number,
  options?: DecoderOptions,
): DecodeItem {
  const items = decodeAllWays(concat(asBytes(input), bytes(NEXT)), options);
  expect(items).toHaveLength(2);
  const [err, next] = items;
  expect(err!.type).toBe('error');
  if (err!.type !== 'error') throw new Error('unreachable');
  expect({ code: err!.error.code, offset: err!.error.offset }).toEqual({ code, offset });
  expect(next).toStrictEqual({ type: 'untagged', kind: 'exists', count: 42 });
  return err!;
}

/**
 * `input` decodes to `expected` with quirk `quirk` counted `times`, and strict mode refuses it
 * with `STRICT` at `offset` (its first occurrence, naming the quirk), the next response still
 * parsing.
 */
export function expectQuirk(
  input: string | Uint8Array,
  expected: unknown,
  quirk: string,
  offset: number,
  times = 1,
): void {
  expectOne(input, expected);
  const dec = new ResponseDecoder();
  dec.push(asBytes(input).slice());
  expect(dec.quirks.get(quirk as never)).toBe(times);
  const err = expectRefused(input, 'STRICT', offset, { strict: true });
  if (err.type === 'error') expect(err.error.quirk).toBe(quirk);
}
