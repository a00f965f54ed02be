/**
 * RFC 2231 joining as it was written first, on strings (commit f224bee), with the percent
 * decoding rewritten plainly on a number array: slow and independent, kept as the oracle that
 * the byte-level src/mime/rfc2231.ts is checked against. Same results on purpose, including the
 * odd names (`a*b`, `*0`, `x**`, huge sections).
 *
 * MIME parameters: RFC 2231 continuations and charset/language, and the RFC 2047 encoded words
 * that many mailers put in `name=` / `filename=` instead.
 */
import { asciiString, lowerAtom } from '../../src/lexer/strings.ts';
import { decodeCharsetRange, decodeHeaderRange } from '../../src/mime/charset.ts';
import { headerText } from '../../src/mime/header-text.ts';
import type { RawParameter } from '../../src/mime/rfc2231.ts';
import type { BodyParameter } from '../../src/model/body.ts';

interface Segment {
  index: number;
  extended: boolean;
  value: Uint8Array;
}

interface Group {
  name: string;
  /** A plain (non-RFC 2231) value of that name, first one sent. */
  plain: Uint8Array | undefined;
  segments: Segment[];
}

/** A parameter name lower-cased, cached (names repeat: charset, name, boundary). */
function lowerName(b: Uint8Array): string {
  return lowerAtom(b, 0, b.length);
}

/** Appends `b[from…]` to `out`, `%XX` decoded when `percent` (a number array: plain, not fast). */
function append(out: number[], b: Uint8Array, from: number, percent: boolean): void {
  const hex = (c: number | undefined) => c !== undefined && /^[0-9a-f]$/i.test(String.fromCharCode(c));
  for (let i = from; i < b.length; i++) {
    if (percent && b[i] === 0x25 && i + 2 < b.length && hex(b[i + 1]) && hex(b[i + 2])) {
      out.push(Number.parseInt(String.fromCharCode(b[i + 1]!, b[i + 2]!), 16));
      i += 2;
    } else out.push(b[i]!);
  }
}

/** `*` number at the end of `s` (RFC 2231 section): its value, or -1. */
function sectionNumber(s: string, star: number): number {
  if (star <= 0 || star === s.length - 1) return -1;
  let v = 0;
  for (let i = star + 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9 || v > 1e6) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Joins the raw parameters into decoded ones, in the order their names first appear.
 * When both `filename` and `filename*` are present, the RFC 2231 form wins (it is exact).
 *
 * @example
 * ```ts
 * // ("filename*0*" "utf-8''%E2%82%AC" "filename*1" " rates.pdf") → [{ name: 'filename', value: '€ rates.pdf', charset: 'utf-8' }]
 * ```
 */
export function joinParametersOracle(raw: RawParameter[]): BodyParameter[] {
  const groups: Group[] = [];
  for (const p of raw) {
    const full = lowerName(p.name);
    let base = full;
    let index = -1;
    let extended = false;
    if (base.endsWith('*')) {
      extended = true;
      base = base.slice(0, -1);
    }
    const star = base.lastIndexOf('*');
    const section = sectionNumber(base, star);
    if (section >= 0) {
      index = section;
      base = base.slice(0, star);
    } else if (!extended) index = -2; // a plain parameter
    let group: Group | undefined;
    for (const g of groups) if (g.name === base) group = g;
    if (group === undefined) {
      group = { name: base, plain: undefined, segments: [] };
      groups.push(group);
    }
    if (index === -2) group.plain ??= p.value;
    else group.segments.push({ index, extended, value: p.value });
  }
  const out: BodyParameter[] = [];
  for (const { name, plain, segments } of groups) {
    if (segments.length === 0) {
      out.push({ name, value: headerText(plain!, 0, plain!.length, null) });
      continue;
    }
    if (segments.length > 1) segments.sort((a, b) => a.index - b.index);
    let charset: string | undefined;
    let language: string | undefined;
    const bytes: number[] = [];
    for (let k = 0; k < segments.length; k++) {
      const s = segments[k]!;
      let from = 0;
      if (s.extended && k === 0) {
        const q1 = s.value.indexOf(0x27);
        const q2 = q1 < 0 ? -1 : s.value.indexOf(0x27, q1 + 1);
        if (q2 > 0) {
          if (q1 > 0) charset = lowerAtom(s.value, 0, q1);
          if (q2 > q1 + 1) language = asciiString(s.value, q1 + 1, q2);
          from = q2 + 1;
        }
      }
      append(bytes, s.value, from, s.extended);
    }
    const joined = Uint8Array.from(bytes);
    const decoded = charset === undefined ? undefined : decodeCharsetRange(joined, 0, joined.length, charset);
    out.push({
      name,
      value: decoded ?? decodeHeaderRange(joined, 0, joined.length),
      ...(charset === undefined ? {} : { charset }),
      ...(language === undefined ? {} : { language }),
    });
  }
  return out;
}
