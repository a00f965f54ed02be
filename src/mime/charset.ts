/**
 * Charset decoding through the platform's `TextDecoder` (WHATWG Encoding: UTF-8, ISO-8859-x,
 * windows-125x, KOI8-R/U, ISO-2022-JP, EUC-JP, Shift_JIS, GB18030/GBK, Big5, EUC-KR …).
 */

const decoders = new Map<string, TextDecoder | null>();

/** Aliases MIME uses that the WHATWG label list spells otherwise (RFC 1345 / IANA names). */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['us-ascii', 'windows-1252'],
  ['ascii', 'windows-1252'],
  ['ansi_x3.4-1968', 'windows-1252'],
  ['utf8', 'utf-8'],
  ['cp1252', 'windows-1252'],
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
  ['latin1', 'iso-8859-1'],
];
const ALIAS = new Map(ALIASES);

function decoderFor(charset: string): TextDecoder | null {
  const label = charset.trim().toLowerCase();
  let d = decoders.get(label);
  if (d !== undefined) return d;
  try {
    d = new TextDecoder(ALIAS.get(label) ?? label, { fatal: true });
  } catch {
    d = null;
  }
  if (decoders.size < 256) decoders.set(label, d);
  return d;
}

/** True when the platform can decode `charset`. */
export function isKnownCharset(charset: string): boolean {
  return decoderFor(charset) !== null;
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
  const d = decoderFor(charset);
  if (d === null) return undefined;
  try {
    return d.decode(bytes);
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const win1252 = new TextDecoder('windows-1252');

/**
 * Header bytes without a declared charset (raw 8-bit in a quoted string or literal): UTF-8 when
 * valid (RFC 6532), else windows-1252 (the superset of ISO-8859-1 that mail in the wild means).
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return win1252.decode(bytes);
  }
}
