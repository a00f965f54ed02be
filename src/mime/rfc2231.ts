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

import { atomString } from '../lexer/strings.ts';
import type { BodyParameter } from '../model/body.ts';
import { decodeCharset, decodeHeaderBytes } from './charset.ts';
import { decodeEncodedWords } from './encoded-words.ts';

/** One parameter as it came off the wire. */
export interface RawParameter {
  name: Uint8Array;
  value: Uint8Array;
}

interface Segment {
  index: number;
  extended: boolean;
  value: Uint8Array;
}

function ascii(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** A parameter name lower-cased, from the atom cache (names repeat: charset, name, boundary). */
function lowerName(b: Uint8Array): string {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x41 && c <= 0x5a) return ascii(b).toLowerCase();
  }
  return atomString(b, 0, b.length);
}

function percentDecode(b: Uint8Array, from: number): number[] {
  const out: number[] = [];
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x25 && i + 2 < b.length + 0) {
      const h = Number.parseInt(String.fromCharCode(b[i + 1]!, b[i + 2]!), 16);
      if (!Number.isNaN(h)) {
        out.push(h);
        i += 2;
        continue;
      }
    }
    out.push(c);
  }
  return out;
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
export function joinParameters(raw: RawParameter[]): BodyParameter[] {
  // Most parameter lists have no RFC 2231 name (no "*"): no grouping needed.
  if (!raw.some((p) => p.name.includes(0x2a))) {
    return raw.map((p) => ({
      name: lowerName(p.name),
      value: decodeEncodedWords(decodeHeaderBytes(p.value)),
    }));
  }
  const order: string[] = [];
  const groups = new Map<string, Segment[]>();
  for (const p of raw) {
    const full = ascii(p.name).toLowerCase();
    let base = full;
    let index = -1;
    let extended = false;
    if (base.endsWith('*')) {
      extended = true;
      base = base.slice(0, -1);
    }
    const star = base.lastIndexOf('*');
    if (star > 0 && /^\d+$/.test(base.slice(star + 1))) {
      index = Number(base.slice(star + 1));
      base = base.slice(0, star);
    } else if (!extended) index = -2; // a plain parameter
    let list = groups.get(base);
    if (list === undefined) {
      list = [];
      groups.set(base, list);
      order.push(base);
    }
    list.push({ index, extended, value: p.value });
  }
  const out: BodyParameter[] = [];
  for (const name of order) {
    const segs = groups.get(name)!;
    const rfc2231 = segs.filter((s) => s.index !== -2).sort((a, b) => a.index - b.index);
    if (rfc2231.length === 0) {
      out.push({ name, value: decodeEncodedWords(decodeHeaderBytes(segs[0]!.value)) });
      continue;
    }
    let charset: string | undefined;
    let language: string | undefined;
    const bytes: number[] = [];
    rfc2231.forEach((s, k) => {
      if (s.extended) {
        let from = 0;
        if (k === 0) {
          const q1 = s.value.indexOf(0x27);
          const q2 = q1 < 0 ? -1 : s.value.indexOf(0x27, q1 + 1);
          if (q2 > 0) {
            charset = ascii(s.value.subarray(0, q1)).toLowerCase() || undefined;
            language = ascii(s.value.subarray(q1 + 1, q2)) || undefined;
            from = q2 + 1;
          }
        }
        for (const b of percentDecode(s.value, from)) bytes.push(b);
      } else for (const b of s.value) bytes.push(b);
    });
    const b = new Uint8Array(bytes);
    const value = (charset !== undefined ? decodeCharset(b, charset) : undefined) ?? decodeHeaderBytes(b);
    const param: BodyParameter = { name, value };
    if (charset !== undefined) param.charset = charset;
    if (language !== undefined) param.language = language;
    out.push(param);
  }
  return out;
}
