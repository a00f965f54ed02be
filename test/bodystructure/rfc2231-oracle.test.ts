/**
 * The byte-level RFC 2231 joiner (src/mime/rfc2231.ts) against the first, string-based one
 * (test/helpers/rfc2231-oracle.ts) on random parameter lists: names made of the bytes that
 * matter (letters of both cases, `*`, digits), values with `%XX`, quotes and 8-bit bytes.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { joinParameters, type RawParameter } from '../../src/mime/rfc2231.ts';
import { joinParametersOracle } from '../helpers/rfc2231-oracle.ts';

const nameByte = fc.constantFrom(...'aBnN*0129'.split('').map((c) => c.charCodeAt(0)));
const valueByte = fc.oneof(
  fc.constantFrom(..."%'=?aF0e9 ".split('').map((c) => c.charCodeAt(0))),
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x80, max: 0xff }),
);
const name = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 8 }).map(() => new Uint8Array(0)),
  fc.array(nameByte, { minLength: 1, maxLength: 9 }).map((b) => new Uint8Array(b)),
  fc
    .tuple(fc.constantFrom('name', 'filename', 'title'), fc.nat(12), fc.boolean())
    .map(([n, i, star]) => new TextEncoder().encode(`${n}*${i}${star ? '*' : ''}`)),
);
const value = fc.oneof(
  fc.array(valueByte, { maxLength: 24 }).map((b) => new Uint8Array(b)),
  fc
    .tuple(fc.constantFrom('utf-8', 'ISO-8859-1', '', 'x-unknown'), fc.constantFrom('', 'en', 'de-CH'))
    .chain(([cs, lang]) =>
      fc
        .array(valueByte, { maxLength: 16 })
        .map((b) => new Uint8Array([...new TextEncoder().encode(`${cs}'${lang}'`), ...b])),
    ),
);
const list = fc.array(
  fc.record({ name, value }).map((p): RawParameter => p),
  { minLength: 1, maxLength: 7 },
);

describe('joinParameters', () => {
  test.prop([list], { numRuns: 3000 })('matches the string oracle', (raw) => {
    expect(joinParameters(raw)).toEqual(joinParametersOracle(raw));
  });

  // Past 8 entries names are grouped through a Map, past 16 sections sorted by `sort`.
  test.prop([fc.array(fc.record({ name, value }), { minLength: 9, maxLength: 60 })], { numRuns: 500 })(
    'long lists match the string oracle',
    (raw) => {
      expect(joinParameters(raw)).toEqual(joinParametersOracle(raw));
    },
  );

  test.prop([
    fc.array(fc.constantFrom('name*0*', 'name*1', 'name*2*', 'name', 'name*'), {
      minLength: 1,
      maxLength: 30,
    }),
  ])('long lists of one name, every section order', (names) => {
    const raw = names.map((n, i) => ({
      name: new TextEncoder().encode(n),
      value: new TextEncoder().encode(i % 3 === 0 ? "utf-8''%C3%A9" : `v${i}%41`),
    }));
    expect(joinParameters(raw)).toEqual(joinParametersOracle(raw));
  });
});
