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

import { utcMillis } from './utc.ts';

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
  const fast = parseCanonical(s);
  if (fast !== undefined) return fast;
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
  const ms = utcMillis(year, month, day, hh, mm, ss) - zone * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms);
}

function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Three letters, case folded, as one number: a month found without a substring. */
function monthCode(s: string, i: number): number {
  return (
    ((s.charCodeAt(i) | 0x20) << 16) | ((s.charCodeAt(i + 1) | 0x20) << 8) | (s.charCodeAt(i + 2) | 0x20)
  );
}
const MONTH_BY_CODE = new Map(MONTHS.map((m, i) => [monthCode(m, 0), i]));

/**
 * The form nearly every server passes on, `[Www, ]D[D] Mon YYYY HH:MM:SS +ZZZZ`, without a
 * regular expression (a folder's ENVELOPEs all have one); `undefined` sends anything else to
 * the general parser (flags-sync … envelope benchmark: the regex was 6% of the profile).
 */
function parseCanonical(s: string): Date | null | undefined {
  let i = 0;
  if (s.charCodeAt(3) === 44 /* , */ && s.charCodeAt(4) === 32) i = 5;
  const d2 = s.charCodeAt(i + 1) !== 32;
  const day = digitsAt(s, i, d2 ? 2 : 1);
  i += d2 ? 3 : 2;
  const month = MONTH_BY_CODE.get(monthCode(s, i));
  if (day < 1 || month === undefined || s.charCodeAt(i + 3) !== 32) return undefined;
  i += 4;
  const year = digitsAt(s, i, 4);
  if (year < 0 || s.charCodeAt(i + 4) !== 32) return undefined;
  i += 5;
  const hh = digitsAt(s, i, 2);
  const mm = digitsAt(s, i + 3, 2);
  const ss = digitsAt(s, i + 6, 2);
  if (hh < 0 || mm < 0 || ss < 0 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58)
    return undefined;
  i += 9;
  const sign = s.charCodeAt(i);
  const zh = digitsAt(s, i + 1, 2);
  const zm = digitsAt(s, i + 3, 2);
  if ((sign !== 43 && sign !== 45) || zh < 0 || zm < 0 || s.charCodeAt(i - 1) !== 32) return undefined;
  if (i + 5 !== s.length && s.charCodeAt(i + 5) !== 32) return undefined;
  if (day > 31 || hh > 23 || mm > 59 || ss > 60 || zm > 59) return null;
  const zone = (sign === 45 ? -1 : 1) * (zh * 60 + zm);
  return new Date(utcMillis(year, month, day, hh, mm, ss) - zone * 60_000);
}
