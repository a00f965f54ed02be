/**
 * ```abnf
 * base64      = *(4base64-char) [base64-terminal]      ; RFC 9051
 * base64-char = ALPHA / DIGIT / "+" / "/"
 * base64-terminal = (2base64-char "==") / (3base64-char "=")
 * ```
 */

/** Each byte's base64 value, -1 outside the alphabet. */
export const VALUE: Int8Array = new Int8Array(256).fill(-1);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Decodes `buf[start, end)` when it is base64 by the grammar above; `undefined` otherwise. */
export function decodeBase64(buf: Uint8Array, start: number, end: number): Uint8Array | undefined {
  const n = end - start;
  if (n % 4 !== 0) return undefined;
  let pad = 0;
  if (n > 0 && buf[end - 1] === 0x3d) pad = buf[end - 2] === 0x3d ? 2 : 1;
  const out = new Uint8Array((n / 4) * 3 - pad);
  let o = 0;
  for (let i = start; i < end; i += 4) {
    const last = i + 4 === end;
    const a = VALUE[buf[i]!]!;
    const b = VALUE[buf[i + 1]!]!;
    const c = last && pad === 2 ? 0 : VALUE[buf[i + 2]!]!;
    const d = last && pad >= 1 ? 0 : VALUE[buf[i + 3]!]!;
    if ((a | b | c | d) < 0) return undefined;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 0xff;
    if (o < out.length) out[o++] = v & 0xff;
  }
  return out;
}
