/**
 * Dates for SEARCH and APPEND, mirroring `parser/date-time.ts`.
 *
 * ```abnf
 * date           = date-text / DQUOTE date-text DQUOTE        ; RFC 9051 §9
 * date-text      = date-day "-" date-month "-" date-year
 * date-day       = 1*2DIGIT
 * date-time      = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
 * date-day-fixed = (SP DIGIT) / 2DIGIT
 * time           = 2DIGIT ":" 2DIGIT ":" 2DIGIT
 * zone           = ("+" / "-") 4DIGIT
 * ```
 */
import { ImapEncodeError } from './errors.ts';
import { describe } from './writer.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days of `month` (1-12) in the proleptic Gregorian calendar (year 0 is a leap year). */
function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** The value of the `n` digits of `s` from `i`, or -1 when one is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `date-text` of a calendar date `'YYYY-MM-DD'` (the form RFC 3501's examples use: no leading
 * zero on the day).
 *
 * @example
 * ```ts
 * formatSearchDate('1994-02-01'); // '1-Feb-1994'
 * ```
 */
export function formatSearchDate(v: unknown, field = 'date'): string {
  // `YYYY-MM-DD`, four, two and two ASCII digits, read without a regular expression.
  const ok = typeof v === 'string' && v.length === 10 && v.charCodeAt(4) === 0x2d && v.charCodeAt(7) === 0x2d;
  const y = ok ? digitsAt(v, 0, 4) : -1;
  const mo = ok ? digitsAt(v, 5, 2) : -1;
  const d = ok ? digitsAt(v, 8, 2) : -1;
  if (y < 0 || mo < 0 || d < 0)
    throw new ImapEncodeError('INVALID_DATE', field, `expected 'YYYY-MM-DD', got ${describe(v)}`);
  if (!validDay(y, mo, d)) throw new ImapEncodeError('INVALID_DATE', field, `${v} is not a calendar date`);
  return `${d}-${MONTHS[mo - 1]}-${(v as string).slice(0, 4)}`;
}

/**
 * `date-time` (without its quotes) of an instant: a `Date` is written in UTC (`+0000`); ISO 8601
 * text with a zone (`Z` or `±hh:mm`) keeps its zone. The day is space-padded (`" 7-Feb-1994 …"`),
 * as in RFC 3502's example.
 *
 * @example
 * ```ts
 * formatDateTime('1994-02-07T22:43:04-08:00');             // ' 7-Feb-1994 22:43:04 -0800'
 * formatDateTime(new Date(Date.UTC(2024, 0, 1, 9, 0, 0))); // ' 1-Jan-2024 09:00:00 +0000'
 * ```
 */
export function formatDateTime(v: unknown, field = 'date'): string {
  let y: number;
  let mo: number;
  let d: number;
  let hh: number;
  let mm: number;
  let ss: number;
  let zone: string;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new ImapEncodeError('INVALID_DATE', field, 'an invalid Date');
    [y, mo, d] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
    [hh, mm, ss] = [v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds()];
    zone = '+0000';
    if (y < 0 || y > 9999) throw new ImapEncodeError('INVALID_DATE', field, 'the year is not 4 digits');
  } else {
    const m = typeof v === 'string' ? DATE_TIME.exec(v) : null;
    if (m === null) {
      throw new ImapEncodeError(
        'INVALID_DATE',
        field,
        `expected a Date or 'YYYY-MM-DDThh:mm:ss±hh:mm', got ${describe(v)}`,
      );
    }
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    hh = Number(m[4]);
    mm = Number(m[5]);
    ss = Number(m[6]);
    const z = m[7]!;
    zone = z === 'Z' ? '+0000' : z.replace(':', '');
    if (!validDay(y, mo, d) || hh > 23 || mm > 59 || ss > 60 || Number(zone.slice(3)) > 59) {
      throw new ImapEncodeError('INVALID_DATE', field, `${v} is not a valid date-time`);
    }
  }
  const day = d < 10 ? ` ${d}` : String(d);
  return `${day}-${MONTHS[mo - 1]}-${String(y).padStart(4, '0')} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} ${zone}`;
}
