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

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate() || (month === 2 ? 28 : 31);
}

function validDay(y: number, m: number, d: number): boolean {
  // Date.UTC maps years 0-99 to 1900+; the day count is the same for year + 400.
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y < 100 ? y + 400 : y, m);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
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
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (m === null)
    throw new ImapEncodeError('INVALID_DATE', field, `expected 'YYYY-MM-DD', got ${describe(v)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(y, mo, d)) throw new ImapEncodeError('INVALID_DATE', field, `${v} is not a calendar date`);
  return `${d}-${MONTHS[mo - 1]}-${m[1]}`;
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
    [y, mo, d, hh, mm, ss] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k]!)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const z = m[7]!;
    zone = z === 'Z' ? '+0000' : z.replace(':', '');
    if (!validDay(y, mo, d) || hh > 23 || mm > 59 || ss > 60 || Number(zone.slice(3)) > 59) {
      throw new ImapEncodeError('INVALID_DATE', field, `${v} is not a valid date-time`);
    }
  }
  const day = d < 10 ? ` ${d}` : String(d);
  return `${day}-${MONTHS[mo - 1]}-${String(y).padStart(4, '0')} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} ${zone}`;
}
