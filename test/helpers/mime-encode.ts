/**
 * Test-only MIME body encoders: base64 in lines of a given length with CRLF (RFC 2045 §6.8)
 * and quoted-printable with hex octets and soft line breaks (§6.7), to feed the decoders.
 */

/** base64 of `bytes` in lines of `lineLength` characters joined by CRLF (and one after the last, if asked). */
export function base64Lines(bytes: Uint8Array, lineLength = 76, trailingCrlf = false): Uint8Array {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += lineLength) lines.push(b64.slice(i, i + lineLength));
  return new Uint8Array(
    Buffer.from(lines.join('\r\n') + (trailingCrlf && lines.length > 0 ? '\r\n' : ''), 'latin1'),
  );
}

const HEX = '0123456789ABCDEF';

/**
 * Quoted-printable of `bytes`: CRLF stays a hard line break; other controls, 8-bit octets,
 * "=", and white space before a line break or at the end become `=XX`; a soft line break
 * `=` CRLF keeps lines within `lineLength` (at least 4) without splitting an `=XX`. `padding`
 * puts that many spaces before every CRLF (transport padding, deleted by the decoder).
 */
export function quotedPrintable(bytes: Uint8Array, lineLength = 76, padding = 0): Uint8Array {
  let out = '';
  let line = 0;
  const pad = ' '.repeat(padding);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x0d && bytes[i + 1] === 0x0a) {
      out += `${pad}\r\n`;
      line = 0;
      i++;
      continue;
    }
    const beforeBreak = i + 1 === bytes.length || (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a);
    const literal = (c >= 0x21 && c <= 0x7e && c !== 0x3d) || ((c === 0x20 || c === 0x09) && !beforeBreak);
    const token = literal ? String.fromCharCode(c) : `=${HEX[c >> 4]}${HEX[c & 15]}`;
    if (line + token.length > lineLength - 1) {
      out += `=${pad}\r\n`;
      line = 0;
    }
    out += token;
    line += token.length;
  }
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
