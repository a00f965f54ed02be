/**
 * RFC 5322 §3.3 date-time as servers pass `env-date` on, with the obsolete forms of §4.3.
 *
 * ```abnf
 * date-time = [ day-of-week "," ] date time [CFWS]
 * date      = day month year
 * time      = time-of-day zone            ; time-of-day = hour ":" minute [ ":" second ]
 * zone      = (FWS ( "+" / "-" ) 4DIGIT) / obs-zone
 * obs-zone  = "UT" / "GMT" / "EST" / "EDT" / "CST" / "CDT" / "MST" / "MDT" / "PST" / "PDT" / %d65-73 / %d75-90 / %d97-105 / %d107-122
 * ```
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: ReadonlyArray<readonly [string, number]> = [
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
];
const ZONE = new Map(ZONES);

/**
 * Parses an RFC 5322 date; `null` when it is not one (the caller keeps the raw string).
 *
 * @example
 * ```ts
 * parseMailDate('Mon, 10 Jul 2023 09:14:01 +0200')?.toISOString(); // '2023-07-10T07:14:01.000Z'
 * ```
 */
export function parseMailDate(s: string): Date | null {
  // Comments ("(CEST)") and the day of the week carry nothing the numbers do not.
  const t = s
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*[A-Za-z]{3,}\s*,?\s*/, '')
    .trim();
  const m =
    /^(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
      t,
    );
  if (m === null) return null;
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  const hh = Number(m[4]);
  const mm = Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 0 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return null;
  let zone = 0;
  const z = m[7];
  if (z !== undefined) {
    if (z[0] === '+' || z[0] === '-') {
      const v = Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5));
      zone = z[0] === '-' ? -v : v;
    } else zone = ZONE.get(z.toLowerCase()) ?? 0;
  }
  const ms = Date.UTC(year, month, day, hh, mm, ss) - zone * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms);
}
