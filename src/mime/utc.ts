/**
 * Milliseconds since the epoch of a UTC civil date and time (proleptic Gregorian calendar), as
 * `Date.UTC(year, month0, day, hh, mm, ss)` gives it for years 100 and later, in integer
 * arithmetic: `Date.UTC` is a call into the V8 runtime (~90 ns here, against ~15 ns for this),
 * and a FETCH of ENVELOPE and INTERNALDATE makes two. Out-of-range days, hours, minutes and
 * seconds carry over as in `Date.UTC` (31 Feb is 3 March; second 60 is the next minute).
 * Unlike `Date.UTC`, years 0-99 are those years, not 1900-1999: IMAP's `date-year` is 4DIGIT
 * as written, and RFC 5322's two- and three-digit years are mapped by the caller (§4.3).
 *
 * Days from civil: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (March-based
 * years, so that February's length only matters at the end of a year).
 */
export function utcMillis(
  year: number,
  month0: number,
  day: number,
  hh: number,
  mm: number,
  ss: number,
): number {
  const m = month0 + 1;
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return ((days * 24 + hh) * 60 + mm) * 60_000 + ss * 1000;
}
