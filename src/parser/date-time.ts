/**
 * ```abnf
 * date-time      = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
 * date-day-fixed = (SP DIGIT) / 2DIGIT
 * date-month     = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" /
 *                  "Jul" / "Aug" / "Sep" / "Oct" / "Nov" / "Dec"
 * date-year      = 4DIGIT
 * time           = 2DIGIT ":" 2DIGIT ":" 2DIGIT
 * zone           = ("+" / "-") 4DIGIT
 * ```
 */
import { Ch, DIGIT, lowerAscii } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString } from '../lexer/strings.ts';
import { utcMillis } from '../mime/utc.ts';

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A parsed `date-time`. */
export interface DateTime {
  date: Date;
  raw: string;
}

function digits(cur: Cursor, buf: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = buf[i + k];
    if (c === undefined || DIGIT[c] !== 1) cur.fail('DIGIT', i + k);
    v = v * 10 + (c - Ch.Zero);
  }
  return v;
}

/** Reads a quoted `date-time`. */
export function takeDateTime(cur: Cursor): DateTime {
  const buf = cur.buf;
  const s = cur.pos;
  cur.expect(Ch.DQuote, 'date-time');
  // "dd-Mon-yyyy hh:mm:ss +zzzz" is 26 bytes between the quotes.
  const i = s + 1;
  if (i + 27 > cur.end || buf[i + 26] !== Ch.DQuote) cur.fail('date-time "dd-Mon-yyyy hh:mm:ss +zzzz"', i);
  const day = buf[i] === Ch.Space ? digits(cur, buf, i + 1, 1) : digits(cur, buf, i, 2);
  if (buf[i + 2] !== Ch.Minus) cur.fail('"-"', i + 2);
  let month = -1;
  for (let m = 0; m < 12; m++) {
    if (
      lowerAscii(buf[i + 3]!) === MONTHS.charCodeAt(m * 3) &&
      lowerAscii(buf[i + 4]!) === MONTHS.charCodeAt(m * 3 + 1) &&
      lowerAscii(buf[i + 5]!) === MONTHS.charCodeAt(m * 3 + 2)
    ) {
      month = m;
      break;
    }
  }
  if (month < 0) cur.fail('date-month', i + 3);
  if (buf[i + 6] !== Ch.Minus) cur.fail('"-"', i + 6);
  const year = digits(cur, buf, i + 7, 4);
  if (buf[i + 11] !== Ch.Space) cur.fail('SP', i + 11);
  const hh = digits(cur, buf, i + 12, 2);
  if (buf[i + 14] !== Ch.Colon) cur.fail('":"', i + 14);
  const mm = digits(cur, buf, i + 15, 2);
  if (buf[i + 17] !== Ch.Colon) cur.fail('":"', i + 17);
  const ss = digits(cur, buf, i + 18, 2);
  if (buf[i + 20] !== Ch.Space) cur.fail('SP', i + 20);
  const sign = buf[i + 21];
  if (sign !== Ch.Plus && sign !== Ch.Minus) cur.fail('zone sign', i + 21);
  const zh = digits(cur, buf, i + 22, 2);
  const zm = digits(cur, buf, i + 24, 2);
  // utcMillis (like Date.UTC) would roll 30-Feb into March: check the day against the month.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 1 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month]!;
  if (day < 1 || day > days || hh > 23 || mm > 59 || ss > 60 || zm > 59) cur.fail('a valid date-time', i);
  const zone = (sign === Ch.Minus ? -1 : 1) * (zh * 60 + zm);
  const date = new Date(utcMillis(year, month, day, hh, mm, ss) - zone * 60_000);
  cur.pos = i + 27;
  return { date, raw: asciiString(buf, i, i + 26) };
}
