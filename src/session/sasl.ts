/**
 * The SASL mechanisms the client session speaks: their initial client responses, and what to
 * answer when the server's challenge is an error report.
 *
 * ```abnf
 * message   = [authzid] UTF8NUL authcid UTF8NUL passwd               ; RFC 4616 §2 (PLAIN)
 * client-resp = (gs2-header kvsep *kvpair kvsep) / kvsep              ; RFC 7628 §3.1 (OAUTHBEARER)
 * gs2-header  = gs2-cb-flag "," [ gs2-authzid ] ","                   ; RFC 5801
 * xoauth2     = "user=" user %x01 "auth=Bearer " token %x01 %x01      ; Google XOAUTH2
 * ```
 */

/**
 * What {@link ClientSession.authenticate} needs for one mechanism.
 *
 * @example
 * ```ts
 * const plain: SaslCredentials = { mechanism: 'PLAIN', username: 'tim', password: 'tanstaaftanstaaf' };
 * const google: SaslCredentials = { mechanism: 'XOAUTH2', username: 'me@gmail.com', accessToken: 'ya29…' };
 * ```
 */
export type SaslCredentials =
  | { mechanism: 'PLAIN'; username: string; password: string; authzid?: string }
  | { mechanism: 'XOAUTH2'; username: string; accessToken: string }
  | { mechanism: 'OAUTHBEARER'; username: string; accessToken: string; host?: string; port?: number };

const UTF8 = new TextEncoder();

/** RFC 5801 §4 `saslname`: `,` and `=` escaped as `=2C` and `=3D`. */
function saslname(s: string): string {
  return s.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

/**
 * The client's first (and, on success, only) response of a mechanism.
 *
 * @example
 * ```ts
 * saslInitialResponse({ mechanism: 'PLAIN', username: 'tim', password: 'x' }); // bytes "\0tim\0x"
 * ```
 */
export function saslInitialResponse(c: SaslCredentials): Uint8Array {
  switch (c.mechanism) {
    case 'PLAIN':
      return UTF8.encode(`${c.authzid ?? ''}\u0000${c.username}\u0000${c.password}`);
    case 'XOAUTH2':
      return UTF8.encode(`user=${c.username}\u0001auth=Bearer ${c.accessToken}\u0001\u0001`);
    case 'OAUTHBEARER': {
      const host = c.host !== undefined ? `host=${c.host}\u0001` : '';
      const port = c.port !== undefined ? `port=${c.port}\u0001` : '';
      return UTF8.encode(
        `n,a=${saslname(c.username)},\u0001${host}${port}auth=Bearer ${c.accessToken}\u0001\u0001`,
      );
    }
  }
}

/**
 * What a client answers to a challenge that follows its credentials: XOAUTH2 and OAUTHBEARER
 * send an error report (base64 JSON) and expect a dummy response before their tagged NO — an
 * empty one for XOAUTH2 (Google's XOAUTH2 protocol page), `%x01` for OAUTHBEARER (RFC 7628
 * §3.2.3). PLAIN has no second step: `null`, the exchange is cancelled with `*`.
 *
 * @example
 * ```ts
 * saslErrorResponse('OAUTHBEARER'); // Uint8Array [1]
 * ```
 */
export function saslErrorResponse(mechanism: SaslCredentials['mechanism']): Uint8Array | null {
  if (mechanism === 'XOAUTH2') return new Uint8Array(0);
  if (mechanism === 'OAUTHBEARER') return new Uint8Array([1]);
  return null;
}
