/**
 * Undoing a part's Content-Transfer-Encoding (RFC 2045 §6): base64, quoted-printable, and the
 * identity encodings 7bit, 8bit and binary. What a `BODY[1]<0.1024>` or a streamed literal
 * gives is a piece of the encoded body, so each decoder takes pieces and keeps what a piece
 * left incomplete for the next one; `decodeTransfer` is the one-piece form.
 */
import { Base64BodyDecoder } from './base64-body.ts';
import { QuotedPrintableDecoder } from './quoted-printable.ts';

/**
 * A transfer decoder for one body: `push` each piece in order, then `end` once.
 *
 * `push` returns the octets the pieces so far decode to for certain; an incomplete tail (an
 * unfinished base64 quantum, a quoted-printable `=X` or `=` before its CRLF, white space that a
 * line break would delete) is kept for the next piece. `end` says the body is over and returns
 * what the tail decodes to then; the decoder is then fresh for another body. With an identity
 * encoding `push` returns its argument itself (a view, valid as long as the caller's bytes).
 */
export interface TransferDecoder {
  push(bytes: Uint8Array): Uint8Array;
  end(): Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** 7bit, 8bit, binary (RFC 2045 §6.2): the octets are the content. */
const IDENTITY: TransferDecoder = {
  push: (bytes) => bytes,
  end: () => EMPTY,
};

/**
 * A decoder for `encoding` (a `body-fld-enc`, any case); `undefined` for an encoding this
 * library does not know (`x-uuencode` …), whose bytes the caller then keeps as they are.
 * An absent Content-Transfer-Encoding is 7bit (RFC 2045 §6.1).
 *
 * @example
 * ```ts
 * const dec = createTransferDecoder('base64')!;
 * for await (const piece of literal) await file.write(dec.push(piece));
 * await file.write(dec.end());
 * ```
 */
export function createTransferDecoder(encoding: string): TransferDecoder | undefined {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return new Base64BodyDecoder();
    case 'quoted-printable':
      return new QuotedPrintableDecoder();
    case '':
    case '7bit':
    case '8bit':
    case 'binary':
      return IDENTITY;
    default:
      return undefined;
  }
}

/**
 * Decodes a whole body in `encoding`; `undefined` for an unknown encoding.
 *
 * @example
 * ```ts
 * decodeTransfer(new TextEncoder().encode('caf=C3=A9=\r\n!'), 'quoted-printable'); // 'café!' in UTF-8
 * ```
 */
export function decodeTransfer(bytes: Uint8Array, encoding: string): Uint8Array | undefined {
  const dec = createTransferDecoder(encoding);
  if (dec === undefined) return undefined;
  const body = dec.push(bytes);
  const tail = dec.end();
  if (tail.length === 0) return body;
  const out = new Uint8Array(body.length + tail.length);
  out.set(body);
  out.set(tail, body.length);
  return out;
}
