import { decodeMutf7 } from '../parser/mutf7.ts';

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

const AMP = 0x26;

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
  // One decoder serves both directions: the parser's, on bytes (parser/mutf7.ts).
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    bytes[i] = c;
  }
  return decodeMutf7(bytes, 0, bytes.length);
}
