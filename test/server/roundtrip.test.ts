/**
 * typed → bytes → typed: for arbitrary responses of every kind (src/testing/arbitrary-responses.ts),
 * the bytes `encodeResponse` writes decode, in strict mode (no quirk), to the same value, whether
 * pushed whole, one byte at a time or split at random points; many responses in a row decode as
 * one by one; every proper prefix of a response is incomplete (no item, no error).
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type DecodeItem, ResponseDecoder } from '../../src/decoder.ts';
import type { Response } from '../../src/model/response.ts';
import { encodeResponse } from '../../src/server/response-encoder.ts';
import { RESPONSE_KINDS, response } from '../../src/testing/arbitrary-responses.ts';

/** Decodes `bytes` pushed in pieces cut at `cuts` (positions taken modulo the length). */
function decode(bytes: Uint8Array, cuts: number[]): DecodeItem[] {
  const dec = new ResponseDecoder({ strict: true });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: DecodeItem[] = [];
  let prev = 0;
  for (const p of [...points, bytes.length]) {
    out.push(...dec.push(bytes.subarray(prev, p)));
    prev = p;
  }
  out.push(...dec.end());
  return out;
}

function oneByOne(bytes: Uint8Array): DecodeItem[] {
  return decode(
    bytes,
    Array.from({ length: bytes.length }, (_, i) => i),
  );
}

function kindOf(r: Response): string {
  return r.type === 'untagged' ? r.kind : r.type;
}

/** The first error's code and message, for a readable failure. */
function errors(items: DecodeItem[]): string[] {
  return items.flatMap((i) =>
    i.type === 'error' ? [`${i.error.code} @${i.error.offset}: ${i.error.message}`] : [],
  );
}

describe('encodeResponse → ResponseDecoder', () => {
  fcTest.prop([response, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 })], { numRuns: 300 })(
    'gives the same value back: whole, one byte per push, split anywhere',
    (r, utf8, cuts) => {
      const bytes = encodeResponse(r, { utf8 });
      const whole = decode(bytes, []);
      expect(errors(whole)).toEqual([]);
      expect(whole).toEqual([r]);
      expect(decode(bytes, cuts)).toEqual([r]);
      expect(oneByOne(bytes)).toEqual([r]);
    },
    60_000,
  );

  fcTest.prop([fc.array(response, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 12 })], {
    numRuns: 150,
  })(
    'many responses in a row decode as one by one, under any split (each twice: the caches)',
    (some, cuts) => {
      // Each response twice: the decoder's caches (texts, names, addresses, sections) then answer.
      const rs = [...some, ...some];
      const parts = rs.map((r) => encodeResponse(r).slice());
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        all.set(p, o);
        o += p.length;
      }
      expect(decode(all, cuts)).toEqual(rs);
    },
    60_000,
  );

  fcTest.prop([response], { numRuns: 150 })(
    'every proper prefix is incomplete, never an error',
    (r) => {
      const bytes = encodeResponse(r);
      const n = bytes.length;
      // Every prefix of a short response; 48 spread over a long one, and the last bytes.
      const lengths =
        n <= 64
          ? Array.from({ length: n }, (_, i) => i)
          : [...new Set([...Array.from({ length: 48 }, (_, k) => Math.floor((k * n) / 48)), n - 2, n - 1])];
      for (const k of lengths) {
        const dec = new ResponseDecoder({ strict: true });
        expect(dec.push(bytes.subarray(0, k))).toEqual([]);
        expect(dec.pending).toBe(k > 0);
      }
    },
    60_000,
  );

  test('the arbitraries cover every response kind', () => {
    const seen = new Set(fc.sample(response, { numRuns: 3000, seed: 42 }).map(kindOf));
    expect([...RESPONSE_KINDS].filter((k) => !seen.has(k))).toEqual([]);
  }, 60_000);
});
