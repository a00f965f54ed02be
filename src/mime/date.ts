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
  if (s.length <= SCRATCH.length) {
    // The canonical reader works on bytes: a string becomes them first (a char above U+00FF
    // becomes 0xFF, which no part of the canonical form matches).
    for (let i = 0; i < s.length; i++) SCRATCH[i] = Math.min(s.charCodeAt(i), 0xff);
    const fast = parseCanonical(SCRATCH, 0, s.length);
    if (fast !== undefined) return fast;
  }
  return parseGeneral(s);
}

const SCRATCH = new Uint8Array(64);

/**
 * {@link parseMailDate} of the bytes `buf[start, end)`, whose string is `raw`: the canonical form
 * is read from the bytes (the string of an ENVELOPE date is built in pieces, and reading it
 * character by character would first copy it flat), anything else from `raw`.
 */
export function parseMailDateBytes(buf: Uint8Array, start: number, end: number, raw: string): Date | null {
  const fast = parseCanonical(buf, start, end);
  return fast !== undefined ? fast : parseGeneral(raw);
}

/** The general RFC 5322 date reader (obsolete forms, comments, named zones). */
function parseGeneral(s: string): Date | null {
  // Comments ("(CEST)") and the day of the week carry nothing the numbers do not. The
  // expressions below are anchored at the start: each is tried once, so linear in `s`.
  const t = withoutComments(s)
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

/**
 * `s` with every comment, from a "(" to the next ")", made one space: what
 * `s.replace(/\([^)]*\)/g, ' ')` gives, in one pass. That expression retries at every "(" and
 * each try scans to the end when no ")" follows, quadratic in the number of "(" (issue #17: an
 * ENVELOPE date of 262,144 "(" took 23 s). Once no ")" follows a "(", none follows any later
 * one either, so the rest is kept as it is.
 */
function withoutComments(s: string): string {
  let open = s.indexOf('(');
  if (open < 0) return s;
  // Pieces joined once: `+=` of many short pieces left a deep rope that cost more to flatten.
  const kept: string[] = [];
  let from = 0;
  while (open >= 0) {
    const close = s.indexOf(')', open + 1);
    if (close < 0) break;
    kept.push(s.slice(from, open));
    from = close + 1;
    open = s.indexOf('(', from);
  }
  kept.push(s.slice(from));
  return kept.join(' ');
}

/** `n` digits at `b[i]` as a number, or -1; bytes at or after `end` are no digits. */
function digitsAt(b: Uint8Array, i: number, n: number, end: number): number {
  if (i + n > end) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[i + k]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The month of the three letters at `b[i]` (case folded), or -1. */
function monthAt(b: Uint8Array, i: number, end: number): number {
  if (i + 3 > end) return -1;
  const code = ((b[i]! | 0x20) << 16) | ((b[i + 1]! | 0x20) << 8) | (b[i + 2]! | 0x20);
  for (let m = 0; m < 12; m++) if (MONTH_CODES[m] === code) return m;
  return -1;
}
const MONTH_CODES = MONTHS.map((m) => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2));

/**
 * The form nearly every server passes on, `[Www, ]D[D] Mon YYYY HH:MM:SS +ZZZZ`, without a
 * regular expression (a folder's ENVELOPEs all have one); `undefined` sends anything else to
 * the general parser (flags-sync … envelope benchmark: the regex was 6% of the profile).
 */
function parseCanonical(b: Uint8Array, start: number, end: number): Date | null | undefined {
  let i = start;
  if (b[i + 3] === 44 /* , */ && b[i + 4] === 32 && i + 5 < end) i += 5;
  const d2 = b[i + 1] !== 32;
  const day = digitsAt(b, i, d2 ? 2 : 1, end);
  i += d2 ? 3 : 2;
  const month = monthAt(b, i, end);
  if (day < 1 || month < 0 || i + 3 >= end || b[i + 3] !== 32) return undefined;
  i += 4;
  const year = digitsAt(b, i, 4, end);
  if (year < 0 || i + 4 >= end || b[i + 4] !== 32) return undefined;
  i += 5;
  const hh = digitsAt(b, i, 2, end);
  const mm = digitsAt(b, i + 3, 2, end);
  const ss = digitsAt(b, i + 6, 2, end);
  if (hh < 0 || mm < 0 || ss < 0 || b[i + 2] !== 58 || b[i + 5] !== 58) return undefined;
  i += 9;
  const sign = i < end ? b[i] : -1;
  const zh = digitsAt(b, i + 1, 2, end);
  const zm = digitsAt(b, i + 3, 2, end);
  if ((sign !== 43 && sign !== 45) || zh < 0 || zm < 0 || b[i - 1] !== 32) return undefined;
  if (i + 5 !== end && b[i + 5] !== 32) return undefined;
  if (day > 31 || hh > 23 || mm > 59 || ss > 60 || zm > 59) return null;
  const zone = (sign === 45 ? -1 : 1) * (zh * 60 + zm);
  return new Date(utcMillis(year, month, day, hh, mm, ss) - zone * 60_000);
}
