/**
 * Charset decoding through the platform's `TextDecoder` (WHATWG Encoding: UTF-8, ISO-8859-x,
 * windows-125x, KOI8-R/U, ISO-2022-JP, EUC-JP, Shift_JIS, GB18030/GBK, Big5, EUC-KR …).
 */

import { asciiString, isAscii } from '../lexer/strings.ts';
import { utf8Strict } from '../lexer/utf8.ts';

/** Labels to the WHATWG encoding they name (`null`: not decodable here). */
const encodings = new Map<string, string | null>();

/**
 * WHATWG Encoding's single-byte encodings: their decoders keep no state from one call to the
 * next, so one instance per charset is safe to reuse.
 */
const SINGLE_BYTE = /^(?:ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-125\d|windows-874|x-mac-cyrillic)$/;

/**
 * windows-1252 0x80–0x9F (WHATWG Encoding's table; 0x81, 0x8D, 0x8F, 0x90, 0x9D map to the C1
 * controls). Node 20's `TextDecoder('windows-1252')` decodes these bytes as ISO-8859-1 C1
 * controls instead (“ comes out as U+0093), so this one charset is decoded here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

/** Labels that WHATWG Encoding decodes as windows-1252 (what mail labelled so means in practice). */
const CP1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
  'cp819',
  'ibm819',
  'iso-ir-100',
]);

/** windows-1252 `buf[start, end)` to a string. */
export function cp1252String(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    s += String.fromCharCode(c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80]! : c);
  }
  return s;
}

/** Aliases MIME uses that the WHATWG label list spells otherwise (RFC 1345 / IANA names). */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['utf8', 'utf-8'],
  ['cp1251', 'windows-1251'],
  ['cp1256', 'windows-1256'],
  ['cp1250', 'windows-1250'],
  ['cp936', 'gbk'],
  ['ms936', 'gbk'],
  ['cp932', 'shift_jis'],
  ['ms932', 'shift_jis'],
  ['sjis', 'shift_jis'],
  ['cp949', 'euc-kr'],
  ['ks_c_5601-1987', 'euc-kr'],
  ['x-gbk', 'gbk'],
];
const ALIAS = new Map(ALIASES);

function encodingFor(charset: string): string | null {
  const label = charset.trim().toLowerCase();
  let e = encodings.get(label);
  if (e !== undefined) return e;
  try {
    e = new TextDecoder(ALIAS.get(label) ?? label, { fatal: true }).encoding;
  } catch {
    e = null;
  }
  if (encodings.size < 256) encodings.set(label, e);
  return e;
}

/**
 * True when the platform can decode `charset`.
 *
 * @example
 * ```ts
 * isKnownCharset('koi8-r'); // true
 * ```
 */
export function isKnownCharset(charset: string): boolean {
  return CP1252_LABELS.has(charset.trim().toLowerCase()) || encodingFor(charset) !== null;
}

/**
 * Decodes `bytes` in `charset`; `undefined` when the charset is unknown or the bytes are not
 * valid in it (the caller then keeps the raw form).
 *
 * @example
 * ```ts
 * decodeCharset(new Uint8Array([0xe4]), 'iso-8859-1'); // 'ä'
 * ```
 */
export function decodeCharset(bytes: Uint8Array, charset: string): string | undefined {
  return decodeCharsetRange(bytes, 0, bytes.length, charset);
}

/**
 * A charset decoded by `TextDecoder`: its WHATWG encoding name, and one decoder to reuse when
 * the encoding is single-byte (no state from one call to the next).
 *
 * A stateful (multi-byte) encoding gets a fresh decoder for every call. Chromium's fatal
 * ISO-2022-JP decoder keeps state between `decode()` calls, which `stream: false` should reset:
 * with one decoder reused, every second ISO-2022-JP header of a run failed to decode there and
 * stayed encoded (Node, Deno and Bun reset). ISO-2022-JP, Shift_JIS, EUC-KR … are rare enough in
 * headers for the allocation not to count.
 */
interface PlatformDecoder {
  readonly encoding: string;
  /**
   * A leading U+FEFF is text (../lexer/utf8.ts), but for "UTF-16", whose first two bytes may be
   * a byte-order mark (RFC 2781 §4.3); UTF-16BE / LE carry none (§3.3).
   */
  readonly options: TextDecoderOptions;
  readonly shared: TextDecoder | undefined;
}

/** What a charset label decodes with: UTF-8 and windows-1252 here, the rest by `TextDecoder`. */
type CharsetDecoder = 'utf-8' | 'windows-1252' | PlatformDecoder | null;
/** Labels as sent (before trimming and lower-casing) to their decoder: labels repeat. */
const labelDecoders = new Map<string, CharsetDecoder>();

function charsetDecoder(charset: string): CharsetDecoder {
  let d = labelDecoders.get(charset);
  if (d !== undefined) return d;
  const label = charset.trim().toLowerCase();
  if (CP1252_LABELS.has(label)) d = 'windows-1252';
  else if (label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8') d = 'utf-8';
  else {
    const encoding = encodingFor(label);
    const options = { fatal: true, ignoreBOM: label !== 'utf-16' };
    d =
      encoding === null
        ? null
        : {
            encoding,
            options,
            shared: SINGLE_BYTE.test(encoding) ? new TextDecoder(encoding, options) : undefined,
          };
  }
  if (labelDecoders.size < 256) labelDecoders.set(charset, d);
  return d;
}

/** {@link decodeCharset} of `buf[start, end)`. */
export function decodeCharsetRange(
  buf: Uint8Array,
  start: number,
  end: number,
  charset: string,
): string | undefined {
  const d = charsetDecoder(charset);
  if (d === 'utf-8') return utf8Strict(buf, start, end);
  if (d === 'windows-1252') return cp1252String(buf, start, end);
  if (d === null) return undefined;
  try {
    return (d.shared ?? new TextDecoder(d.encoding, d.options)).decode(buf.subarray(start, end));
  } catch {
    return undefined;
  }
}

/**
 * Header bytes without a declared charset (raw 8-bit in a quoted string or literal): UTF-8 when
 * valid (RFC 6532), else windows-1252 (the superset of ISO-8859-1 that mail in the wild means).
 *
 * @example
 * ```ts
 * decodeHeaderBytes(new Uint8Array([0x47, 0xfc])); // 'Gü' (not UTF-8: windows-1252)
 * ```
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  return decodeHeaderRange(bytes, 0, bytes.length);
}

/** {@link decodeHeaderBytes} of `buf[start, end)`. */
export function decodeHeaderRange(buf: Uint8Array, start: number, end: number): string {
  if (isAscii(buf, start, end)) return asciiString(buf, start, end);
  return utf8Strict(buf, start, end) ?? cp1252String(buf, start, end);
}
