/**
 * Modified UTF-7 for mailbox names (RFC 3501 §5.1.3, kept by RFC 9051 §5.1.3 for IMAP4rev1
 * peers).
 *
 * - Printable US-ASCII (0x20–0x7E) except `&` stands for itself; `&` is written `&-`.
 * - Any other run of characters is UTF-16BE in modified base64 (RFC 2152 base64 with `,` instead
 *   of `/`, no `=` padding) between `&` and `-`.
 * - Printable US-ASCII must never be base64-encoded, a shifted run never ends in non-zero
 *   padding bits, and two shifted runs are never adjacent (`-&` inside a name is a "null shift").
 *
 * Self-contained (no import from the parser): the response parser has its own decoder for LIST.
 */
import { ImapEncodeError } from './errors.ts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,';
/** Value of a modified-base64 character, or -1. */
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

const AMP = 0x26;
const MINUS = 0x2d;

const isPrintable = (c: number): boolean => c >= 0x20 && c <= 0x7e;

/**
 * Encodes a mailbox name (any Unicode string) in modified UTF-7.
 * Throws `INVALID_UNICODE` for a lone surrogate: it has no valid UTF-16 form to encode.
 *
 * @example
 * ```ts
 * encodeModifiedUtf7('~peter/mail/台北/日本語'); // '~peter/mail/&U,BTFw-/&ZeVnLIqe-'
 * encodeModifiedUtf7('Tom & Jerry');              // 'Tom &- Jerry'
 * ```
 */
export function encodeModifiedUtf7(name: string, field = 'mailbox'): string {
  let out = '';
  let i = 0;
  const n = name.length;
  while (i < n) {
    const c = name.charCodeAt(i);
    if (isPrintable(c)) {
      out += c === AMP ? '&-' : name[i];
      i++;
      continue;
    }
    // A run of non-printable characters: one shifted sequence for all of it.
    let j = i;
    while (j < n && !isPrintable(name.charCodeAt(j))) j++;
    out += `&${base64Units(name, i, j, field)}-`;
    i = j;
  }
  return out;
}

/** Modified base64 of the UTF-16BE code units `name[start, end)`, checking surrogate pairs. */
function base64Units(name: string, start: number, end: number, field: string): string {
  let out = '';
  let bits = 0;
  let nbits = 0;
  for (let k = start; k < end; k++) {
    const u = name.charCodeAt(k);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = k + 1 < end ? name.charCodeAt(k + 1) : -1;
      if (next < 0xdc00 || next > 0xdfff) throw loneSurrogate(field, k);
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      const prev = k > start ? name.charCodeAt(k - 1) : -1;
      if (prev < 0xd800 || prev > 0xdbff) throw loneSurrogate(field, k);
    }
    bits = (bits << 16) | u;
    nbits += 16;
    while (nbits >= 6) {
      nbits -= 6;
      out += B64[(bits >> nbits) & 63];
    }
    bits &= (1 << nbits) - 1;
  }
  if (nbits > 0) out += B64[(bits << (6 - nbits)) & 63];
  return out;
}

function loneSurrogate(field: string, at: number): ImapEncodeError {
  return new ImapEncodeError('INVALID_UNICODE', field, `lone UTF-16 surrogate at index ${at}`);
}

/**
 * Decodes a modified UTF-7 mailbox name; `undefined` when the text is not valid modified UTF-7
 * (8-bit or control characters, an unterminated or malformed shift, encoded printable ASCII,
 * non-zero padding bits, a null shift, a broken surrogate pair). Never throws.
 *
 * @example
 * ```ts
 * decodeModifiedUtf7('&U,BTFw-/&ZeVnLIqe-'); // '台北/日本語'
 * decodeModifiedUtf7('&Jjo');                  // undefined (no closing "-")
 * ```
 */
export function decodeModifiedUtf7(text: string): string | undefined {
  let out = '';
  let i = 0;
  const n = text.length;
  let afterShift = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isPrintable(c)) return undefined;
    if (c !== AMP) {
      out += text[i];
      i++;
      afterShift = false;
      continue;
    }
    if (i + 1 < n && text.charCodeAt(i + 1) === MINUS) {
      out += '&';
      i += 2;
      afterShift = false;
      continue;
    }
    // "-&" right after a shifted run is a null shift: the runs should have been one.
    if (afterShift) return undefined;
    const close = text.indexOf('-', i + 1);
    if (close < 0) return undefined;
    const units = decodeUnits(text, i + 1, close);
    if (units === undefined) return undefined;
    out += units;
    i = close + 1;
    afterShift = true;
  }
  return out;
}

/** The UTF-16 text of modified base64 `text[start, end)`, or `undefined` when invalid. */
function decodeUnits(text: string, start: number, end: number): string | undefined {
  let bits = 0;
  let nbits = 0;
  let out = '';
  let high = -1;
  for (let k = start; k < end; k++) {
    const ch = text.charCodeAt(k);
    const v = ch < 128 ? B64_VALUE[ch]! : -1;
    if (v < 0) return undefined;
    bits = ((bits << 6) | v) & 0x3fffff;
    nbits += 6;
    if (nbits >= 16) {
      nbits -= 16;
      const u = (bits >> nbits) & 0xffff;
      bits &= (1 << nbits) - 1;
      if (isPrintable(u)) return undefined;
      if (high >= 0) {
        if (u < 0xdc00 || u > 0xdfff) return undefined;
        out += String.fromCharCode(high, u);
        high = -1;
      } else if (u >= 0xd800 && u <= 0xdbff) high = u;
      else if (u >= 0xdc00 && u <= 0xdfff) return undefined;
      else out += String.fromCharCode(u);
    }
  }
  // An empty run, a dangling high surrogate, 6+ leftover bits or non-zero padding are invalid.
  if (out === '' || high >= 0 || nbits >= 6 || bits !== 0) return undefined;
  return out;
}
