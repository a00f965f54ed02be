/**
 * MIME parameters: RFC 2231 continuations and charset/language, and the RFC 2047 encoded words
 * that many mailers put in `name=` / `filename=` instead.
 *
 * ```abnf
 * ; RFC 2231 §3, §4 (as IMAP servers pass the Content-Type / Content-Disposition parameters on)
 * parameter       = regular-parameter / extended-parameter
 * regular-parameter = attribute [section] "=" value        ; section = "*" number
 * extended-parameter = attribute [section] "*" "=" ext-value
 * ext-value       = [charset] "'" [language] "'" *(char / "%" 2HEXDIG)   ; only in section 0 (or none)
 * ```
 */

import { hexValue } from '../lexer/chars.ts';
import { asciiString, lowerAtom } from '../lexer/strings.ts';
import type { BodyParameter } from '../model/body.ts';
import { decodeCharsetRange, decodeHeaderRange } from './charset.ts';
import { headerText } from './header-text.ts';

/** One parameter as it came off the wire. */
export interface RawParameter {
  name: Uint8Array;
  value: Uint8Array;
}

/** The joined bytes of one parameter's segments (grows, never shrinks). */
let joined = new Uint8Array(256);
let joinedLen = 0;

function append(b: Uint8Array, from: number, percent: boolean): void {
  if (joinedLen + b.length > joined.length) {
    const bigger = new Uint8Array(Math.max(joined.length * 2, joinedLen + b.length));
    bigger.set(joined.subarray(0, joinedLen));
    joined = bigger;
  }
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (percent && c === 0x25 && i + 2 < b.length) {
      const h = hexValue(b[i + 1]!);
      const l = hexValue(b[i + 2]!);
      if (h >= 0 && l >= 0) {
        joined[joinedLen++] = (h << 4) | l;
        i += 2;
        continue;
      }
    }
    joined[joinedLen++] = c;
  }
}

/**
 * Per raw parameter, while {@link joinParameters} runs (module scratch, grown on demand: a
 * parameter list is a handful of entries, and these are read before the call returns):
 * its base name (lower-cased, without `*`, section and trailing `*`), its section (-2: a plain
 * parameter, -1: `name*` without a section) and whether it is extended (trailing `*`).
 */
let baseOf: string[] = [];
let sectionOf = new Int32Array(16);
let extendedOf = new Uint8Array(16);
/**
 * The raw parameters of one base name as a chain in wire order: `nextOf[k]` is the next entry
 * of `k`'s name (-1: none); `lastOf[f]` is the last so far of the name whose first entry is
 * `f`, and -1 for an entry that is not its name's first.
 * Built in one pass with {@link firstOf}; finding each name's entries by scanning the list
 * from every first entry was quadratic in the number of names (issue #17: 80,000 `"p0*" "a"
 * "p1*" "a" …` took 35 s).
 */
let nextOf = new Int32Array(16);
let lastOf = new Int32Array(16);
/** Base name to the index of its first raw parameter, for a long list being joined (then cleared). */
const firstOf = new Map<string, number>();
/**
 * Lists up to this long find a name's first entry by scanning the earlier ones (at most 28
 * string compares) instead of {@link firstOf}: with the `Map` for every list (its `clear`
 * allocates a new table), joinParameters on real-shaped lists of 2 to 5 entries took about
 * 1.5× as long (a loop over three such lists, Node 20; bench/ has no case this small).
 */
const SCAN_MAX = 8;
/** The raw parameters of the group being joined, in section order. */
let order = new Int32Array(16);

/**
 * Reads the RFC 2231 shape of parameter `k`'s name from its bytes: `attribute ["*" section]
 * ["*"]`. A section is digits after a `*` that is not the name's first byte, up to a value of
 * about 10^7; anything else (`a*b`, `*0`, `x**`) leaves the star in the base name.
 */
function readName(b: Uint8Array, k: number): void {
  let end = b.length;
  const extended = end > 0 && b[end - 1] === 0x2a;
  if (extended) end--;
  let d = end;
  while (d > 0 && b[d - 1]! >= 0x30 && b[d - 1]! <= 0x39) d--;
  let section = -1;
  if (d < end && d >= 2 && b[d - 1] === 0x2a) {
    let v = 0;
    for (let i = d; i < end && v >= 0; i++) v = v > 1e6 ? -1 : v * 10 + (b[i]! - 0x30);
    if (v >= 0) {
      section = v;
      end = d - 1;
    }
  }
  baseOf[k] = lowerAtom(b, 0, end);
  sectionOf[k] = section >= 0 ? section : extended ? -1 : -2;
  extendedOf[k] = extended ? 1 : 0;
}

/**
 * Joins the raw parameters into decoded ones, in the order their names first appear.
 * When both `filename` and `filename*` are present, the RFC 2231 form wins (it is exact).
 * Names are read from their bytes and base names come from the lower-case atom cache: no
 * strings are sliced, no objects made per segment (a profile of the envelope+bodystructure
 * benchmark, where 2 of 3 messages carry an RFC 2231 name, had the string version at ~1 µs a
 * list). A property test in the repository checks it against that version.
 *
 * @example
 * ```ts
 * // ("filename*0*" "utf-8''%E2%82%AC" "filename*1" " rates.pdf") → [{ name: 'filename', value: '€ rates.pdf', charset: 'utf-8' }]
 * ```
 */
export function joinParameters(raw: RawParameter[]): BodyParameter[] {
  const n = raw.length;
  if (n > sectionOf.length) {
    sectionOf = new Int32Array(n * 2);
    extendedOf = new Uint8Array(n * 2);
    nextOf = new Int32Array(n * 2);
    lastOf = new Int32Array(n * 2);
    order = new Int32Array(n * 2);
  }
  const map = n > SCAN_MAX;
  for (let k = 0; k < n; k++) {
    readName(raw[k]!.name, k);
    const name = baseOf[k]!;
    let first = -1;
    if (map) first = firstOf.get(name) ?? -1;
    else for (let e = 0; e < k && first < 0; e++) if (lastOf[e]! >= 0 && baseOf[e] === name) first = e;
    nextOf[k] = -1;
    if (first < 0) {
      if (map) firstOf.set(name, k);
      lastOf[k] = k;
    } else {
      nextOf[lastOf[first]!] = k;
      lastOf[first] = k;
      lastOf[k] = -1;
    }
  }
  if (map) firstOf.clear();
  const out: BodyParameter[] = [];
  for (let k = 0; k < n; k++) if (lastOf[k]! >= 0) out.push(joinGroup(raw, baseOf[k]!, k));
  if (baseOf.length > 64) baseOf = [];
  return out;
}

/**
 * Entries above this many are put in section order by `sort`, fewer by insertion (no comparator
 * calls): a real parameter has a few sections, only a hostile list has more.
 */
const INSERTION_MAX = 16;

/** Section order, wire order among equal sections (RFC 2231 does not say; the first version did so). */
function bySection(a: number, b: number): number {
  return sectionOf[a]! - sectionOf[b]! || a - b;
}

/** The parameter `name`, whose first raw entry is `from`. */
function joinGroup(raw: RawParameter[], name: string, from: number): BodyParameter {
  // Its RFC 2231 entries in section order (stable: equal sections keep their wire order).
  let count = 0;
  let plain = -1;
  for (let k = from; k >= 0; k = nextOf[k]!) {
    if (sectionOf[k] === -2) {
      if (plain < 0) plain = k;
    } else order[count++] = k;
  }
  if (count > INSERTION_MAX) {
    // Insertion sort is quadratic on sections sent in reverse (issue #17: 80,000 took 5 s).
    order.subarray(0, count).sort(bySection);
  } else {
    for (let c = 1; c < count; c++) {
      const k = order[c]!;
      const section = sectionOf[k]!;
      let at = c;
      while (at > 0 && sectionOf[order[at - 1]!]! > section) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = k;
    }
  }
  if (count === 0) {
    const v = raw[plain]!.value;
    return { name, value: headerText(v, 0, v.length, null) };
  }
  let charset: string | undefined;
  let language: string | undefined;
  joinedLen = 0;
  for (let c = 0; c < count; c++) {
    const k = order[c]!;
    const value = raw[k]!.value;
    const extended = extendedOf[k] === 1;
    let start = 0;
    if (extended && c === 0) {
      const q1 = value.indexOf(0x27);
      const q2 = q1 < 0 ? -1 : value.indexOf(0x27, q1 + 1);
      if (q2 > 0) {
        if (q1 > 0) charset = lowerAtom(value, 0, q1);
        if (q2 > q1 + 1) language = asciiString(value, q1 + 1, q2);
        start = q2 + 1;
      }
    }
    append(value, start, extended);
  }
  const value =
    (charset !== undefined ? decodeCharsetRange(joined, 0, joinedLen, charset) : undefined) ??
    decodeHeaderRange(joined, 0, joinedLen);
  const param: BodyParameter = { name, value };
  if (charset !== undefined) param.charset = charset;
  if (language !== undefined) param.language = language;
  return param;
}
