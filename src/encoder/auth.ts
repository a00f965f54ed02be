/**
 * LOGIN and AUTHENTICATE, and the lines a client sends during an AUTHENTICATE exchange
 * (RFC 9051 §6.2.2–§6.2.3, RFC 4959 SASL-IR).
 *
 * ```abnf
 * login           = "LOGIN" SP userid SP password
 * userid          = astring
 * password        = astring
 * authenticate    = "AUTHENTICATE" SP auth-type [SP initial-resp] *(CRLF base64)
 * auth-type       = atom
 * initial-resp    = (base64 / "=")          ; RFC 4959: "=" is an empty response
 * ```
 */
import type { Fragment } from './fragment.ts';
import { valueBytes, type Writer } from './writer.ts';

const ASCII = new TextEncoder();

/** RFC 4648 base64 of bytes (web-standard `btoa`, in bounded pieces). */
export function base64(b: Uint8Array): string {
  let out = '';
  // 3-byte aligned pieces keep `btoa` output joinable and `fromCharCode.apply` off the stack limit.
  for (let i = 0; i < b.length; i += 8190) {
    out += btoa(String.fromCharCode.apply(null, b.subarray(i, i + 8190) as unknown as number[]));
  }
  return out;
}

/** `LOGIN userid password`. */
export function writeLogin(w: Writer, c: Record<string, unknown>): void {
  w.raw('LOGIN ').astring(c['username'], 'username').sp().astring(c['password'], 'password');
}

/** `AUTHENTICATE mechanism [initial-resp]`. */
export function writeAuthenticate(w: Writer, c: Record<string, unknown>): void {
  w.raw('AUTHENTICATE ').atom(c['mechanism'], 'mechanism', undefined, 'a SASL mechanism name');
  const ir = c['initialResponse'];
  if (ir !== undefined) {
    const b = valueBytes(ir, 'initialResponse');
    w.sp().raw(b.length === 0 ? '=' : base64(b));
  }
}

/**
 * The line answering a server challenge (`+ …`) during AUTHENTICATE: the response bytes in
 * base64 (an empty response is an empty line).
 *
 * @example
 * ```ts
 * encodeAuthenticateResponse('\u0000tim\u0000tanstaaftanstaaf'); // [{ type: 'line', bytes: 'AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n' }]
 * ```
 */
export function encodeAuthenticateResponse(data: Uint8Array | string): Fragment[] {
  return [{ type: 'line', bytes: ASCII.encode(`${base64(valueBytes(data, 'data'))}\r\n`) }];
}

/**
 * The line that cancels an AUTHENTICATE exchange (`*`, RFC 9051 §6.2.2): the server answers BAD.
 *
 * @example
 * ```ts
 * encodeAuthenticateCancel(); // [{ type: 'line', bytes: '*\r\n' }]
 * ```
 */
export function encodeAuthenticateCancel(): Fragment[] {
  return [{ type: 'line', bytes: ASCII.encode('*\r\n') }];
}

/**
 * The line that ends IDLE (`DONE`, RFC 2177 §3).
 *
 * @example
 * ```ts
 * encodeIdleDone(); // [{ type: 'line', bytes: 'DONE\r\n' }]
 * ```
 */
export function encodeIdleDone(): Fragment[] {
  return [{ type: 'line', bytes: ASCII.encode('DONE\r\n') }];
}
