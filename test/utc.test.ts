/** utcMillis (src/mime/utc.ts), the integer replacement for Date.UTC in date parsing. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseMailDate, parseResponse } from '../src/index.ts';
import { utcMillis } from '../src/mime/utc.ts';

describe('utcMillis', () => {
  test.prop(
    [
      fc.integer({ min: 100, max: 9999 }),
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 60 }),
    ],
    { numRuns: 5000 },
  )('equals Date.UTC from year 100 on, carries included', (y, mo, d, h, mi, s) => {
    expect(utcMillis(y, mo, d, h, mi, s)).toBe(Date.UTC(y, mo, d, h, mi, s));
  });

  test('leap days, century rules, the epoch', () => {
    expect(utcMillis(1970, 0, 1, 0, 0, 0)).toBe(0);
    expect(new Date(utcMillis(2000, 1, 29, 12, 0, 0)).toISOString()).toBe('2000-02-29T12:00:00.000Z');
    expect(new Date(utcMillis(1900, 1, 29, 0, 0, 0)).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(new Date(utcMillis(2023, 1, 31, 0, 0, 0)).toISOString()).toBe('2023-03-03T00:00:00.000Z');
  });

  test('years below 100 are those years (Date.UTC would make them 19xx)', () => {
    expect(new Date(utcMillis(50, 0, 1, 0, 0, 0)).getUTCFullYear()).toBe(50);
    const r = parseResponse(
      new TextEncoder().encode('* 1 FETCH (INTERNALDATE "01-Jan-0050 00:00:00 +0000")\r\n'),
    );
    expect(r).toMatchObject({ kind: 'fetch' });
    const at = (r as { attributes: { internalDate: Date } }).attributes.internalDate;
    expect(at.getUTCFullYear()).toBe(50);
    expect(parseMailDate('Sat, 1 Jan 0050 00:00:00 +0000')?.getUTCFullYear()).toBe(50);
  });
});
