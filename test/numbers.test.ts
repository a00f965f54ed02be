/** number64 / mod-sequence-value read from bytes: exact against BigInt of the decimal text. */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseResponse } from '../src/index.ts';

function modseq(text: string): bigint {
  const r = parseResponse(new TextEncoder().encode(`* 1 FETCH (MODSEQ (${text}))\r\n`)) as unknown as {
    attributes: { modseq: bigint };
  };
  return r.attributes.modseq;
}

describe('number64', () => {
  fcTest.prop([fc.bigInt({ min: 1n, max: 0x7fffffffffffffffn })], { numRuns: 3000 })(
    'MODSEQ of 1 to 19 digits is exact (both halves of a long number)',
    (n) => {
      expect(modseq(String(n))).toBe(n);
    },
  );

  fcTest.prop([fc.integer({ min: 0, max: 4 }), fc.bigInt({ min: 1n, max: 10n ** 15n - 1n })], {
    numRuns: 500,
  })('16 to 20 digits with leading zeros', (zeros, n) => {
    const s = String(n);
    expect(modseq('0'.repeat(zeros + 16 - s.length) + s)).toBe(n);
  });
});
