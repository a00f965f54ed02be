/**
 * Tolerated server deviations. Each is named, says which servers need it, and is refused with
 * `STRICT` in strict mode. Nothing else is loosened.
 */

/** Names of the quirks the decoder tolerates outside strict mode. */
export type QuirkName = keyof typeof QUIRKS;

/** The quirks, with the servers that need them. */
export const QUIRKS = {
  bareLf: {
    what: 'a line ends in LF without CR',
    servers: 'hand-rolled test servers and proxies that rewrite line ends (imap-codec quirk_crlf_relaxed)',
  },
  trailingSpace: {
    what: 'a SP before CRLF after CAPABILITY, ENABLED, SEARCH and similar lists',
    servers: 'Yahoo, Zimbra and others (imap-codec quirk_trailing_space_capability / _search)',
  },
  missingRespText: {
    what: 'a status response without the SP and text after its status or code (`A1 OK\\r\\n`, `* OK [UIDNEXT 5]\\r\\n`)',
    servers:
      'Gmail, Exchange and others (imap-codec quirk_missing_text); RFC 9051 itself made the text optional after a code',
  },
  emptyContinuation: {
    what: 'a continuation request `+` with no SP and no text',
    servers: 'Exchange, Gmail during AUTHENTICATE (imap-codec quirk_empty_continue_req)',
  },
  nonSyncLiteralInResponse: {
    what: 'a `{n+}` literal in a server response (LITERAL+ is for clients only, RFC 7888)',
    servers: 'proxies that echo client literals',
  },
  zeroSectionPart: {
    what: 'a section part number 0 (`BODY[1.0]`); section-part is nz-number',
    servers: 'Dovecot 2.3.19 echoes a requested `BODY[1.0]` back with an empty literal',
  },
} as const;
