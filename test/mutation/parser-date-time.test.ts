/**
 * Known answers for `date-time` (src/parser/date-time.ts; RFC 9051 §9, RFC 3501 §9) read as a
 * FETCH INTERNALDATE: the instant, the raw string, where the cursor stops, and for refusals the
 * error's code, offset and expectation.
 */
import { describe, expect, test } from 'vitest';
import { ImapParseError } from '../../src/errors.ts';
import { Cursor } from '../../src/lexer/cursor.ts';
import { takeDateTime } from '../../src/parser/date-time.ts';

/** Where the value starts: after `INTERNALDATE "`, as in a FETCH response. */
const AT = 14;

function cursor(value: string): Cursor {
  const c = new Cursor();
  c.buf = new TextEncoder().encode(`INTERNALDATE "${value}")`);
  c.pos = AT - 1;
  c.end = c.buf.length;
  return c;
}

function internalDate(value: string): { iso: string; raw: string; pos: number } {
  const c = cursor(value);
  const { date, raw } = takeDateTime(c);
  return { iso: date.toISOString(), raw, pos: c.pos };
}

function refused(value: string): { code: string; offset: number; expected: string } {
  try {
    takeDateTime(cursor(value));
  } catch (e) {
    if (!(e instanceof ImapParseError)) throw e;
    return { code: e.code, offset: e.offset, expected: e.expected };
  }
  throw new Error(`${value}: no error`);
}

const syntax = (at: number, expected: string) => ({ code: 'SYNTAX', offset: AT + at, expected });

describe('date-time values', () => {
  test('the zone is subtracted; the raw string is kept', () => {
    expect(internalDate('17-Jul-1996 02:44:25 -0700')).toEqual({
      iso: '1996-07-17T09:44:25.000Z',
      raw: '17-Jul-1996 02:44:25 -0700',
      pos: AT + 27,
    });
    expect(internalDate('01-Jan-2024 01:30:00 +0130').iso).toBe('2024-01-01T00:00:00.000Z');
    expect(internalDate('31-Dec-2023 23:00:00 -0130').iso).toBe('2024-01-01T00:30:00.000Z');
  });

  test('date-day-fixed: SP DIGIT or 2DIGIT; month names in any case', () => {
    expect(internalDate(' 5-jUL-2024 00:00:00 +0000').iso).toBe('2024-07-05T00:00:00.000Z');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(months.map((m) => internalDate(`10-${m}-2024 00:00:00 +0000`).iso.slice(5, 7))).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
  });

  test('the last day of each kind of month, leap years, a leap second', () => {
    expect(internalDate('29-Feb-2024 00:00:00 +0000').iso).toBe('2024-02-29T00:00:00.000Z');
    expect(internalDate('29-Feb-2000 00:00:00 +0000').iso).toBe('2000-02-29T00:00:00.000Z');
    expect(internalDate('28-Feb-2023 00:00:00 +0000').iso).toBe('2023-02-28T00:00:00.000Z');
    expect(internalDate('30-Apr-2024 00:00:00 +0000').iso).toBe('2024-04-30T00:00:00.000Z');
    expect(internalDate('31-Jan-2024 23:59:59 +0000').iso).toBe('2024-01-31T23:59:59.000Z');
    expect(internalDate('31-Dec-2024 23:59:60 +0000').iso).toBe('2025-01-01T00:00:00.000Z');
    expect(internalDate('01-Jan-2024 00:00:00 -0059').iso).toBe('2024-01-01T00:59:00.000Z');
  });
});

describe('date-time refusals', () => {
  test('the opening DQUOTE; the closing one within the end of the text', () => {
    const c = cursor('17-Jul-1996 02:44:25 -0700');
    c.pos = AT;
    expect(() => takeDateTime(c)).toThrow(expect.objectContaining({ offset: AT, expected: 'date-time' }));
    const cut = cursor('17-Jul-1996 02:44:25 -0700');
    cut.end = AT + 26;
    expect(() => takeDateTime(cut)).toThrow(
      expect.objectContaining({ offset: AT, expected: 'date-time "dd-Mon-yyyy hh:mm:ss +zzzz"' }),
    );
    // The value may end the text.
    const last = cursor('17-Jul-1996 02:44:25 -0700');
    last.end = AT + 27;
    expect(takeDateTime(last).raw).toBe('17-Jul-1996 02:44:25 -0700');
  });

  const invalid = syntax(0, 'a valid date-time');

  test('days, hours, minutes, seconds and zone minutes out of range', () => {
    for (const v of [
      '29-Feb-2023 00:00:00 +0000',
      '29-Feb-1900 00:00:00 +0000',
      '31-Apr-2024 00:00:00 +0000',
      '32-Jan-2024 00:00:00 +0000',
      '00-Jan-2024 00:00:00 +0000',
      '01-Jan-2024 24:00:00 +0000',
      '01-Jan-2024 00:60:00 +0000',
      '01-Jan-2024 00:00:61 +0000',
      '01-Jan-2024 00:00:00 +0060',
    ])
      expect(refused(v), v).toEqual(invalid);
  });

  test('each separator, digit and the month, at its own offset', () => {
    expect(refused('17-Jul-1996')).toEqual(syntax(0, 'date-time "dd-Mon-yyyy hh:mm:ss +zzzz"'));
    expect(refused('17-Jul-1996 02:44:25 -07000')).toEqual(
      syntax(0, 'date-time "dd-Mon-yyyy hh:mm:ss +zzzz"'),
    );
    expect(refused('1x-Jul-1996 02:44:25 -0700')).toEqual(syntax(1, 'DIGIT'));
    expect(refused(' x-Jul-1996 02:44:25 -0700')).toEqual(syntax(1, 'DIGIT'));
    expect(refused('17/Jul-1996 02:44:25 -0700')).toEqual(syntax(2, '"-"'));
    expect(refused('17-Jux-1996 02:44:25 -0700')).toEqual(syntax(3, 'date-month'));
    expect(refused('17-Xul-1996 02:44:25 -0700')).toEqual(syntax(3, 'date-month'));
    expect(refused('17-Jxl-1996 02:44:25 -0700')).toEqual(syntax(3, 'date-month'));
    expect(refused('17-Jul/1996 02:44:25 -0700')).toEqual(syntax(6, '"-"'));
    expect(refused('17-Jul-199x 02:44:25 -0700')).toEqual(syntax(10, 'DIGIT'));
    expect(refused('17-Jul-1996T02:44:25 -0700')).toEqual(syntax(11, 'SP'));
    expect(refused('17-Jul-1996 0x:44:25 -0700')).toEqual(syntax(13, 'DIGIT'));
    expect(refused('17-Jul-1996 02.44:25 -0700')).toEqual(syntax(14, '":"'));
    expect(refused('17-Jul-1996 02:4x:25 -0700')).toEqual(syntax(16, 'DIGIT'));
    expect(refused('17-Jul-1996 02:44.25 -0700')).toEqual(syntax(17, '":"'));
    expect(refused('17-Jul-1996 02:44:2x -0700')).toEqual(syntax(19, 'DIGIT'));
    expect(refused('17-Jul-1996 02:44:25_-0700')).toEqual(syntax(20, 'SP'));
    expect(refused('17-Jul-1996 02:44:25 *0700')).toEqual(syntax(21, 'zone sign'));
    expect(refused('17-Jul-1996 02:44:25 -07x0')).toEqual(syntax(24, 'DIGIT'));
  });
});
