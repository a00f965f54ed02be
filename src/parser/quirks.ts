/**
 * Tolerated server deviations. Each is named, says which servers need it, and is refused with
 * `STRICT` in strict mode. Nothing else is loosened.
 */

/** Names of the quirks the decoder tolerates outside strict mode. */
export type QuirkName = keyof typeof QUIRKS;

/**
 * The quirks, with the servers that need them.
 *
 * @example
 * ```ts
 * QUIRKS.nilBodyEncoding.servers; // 'Apple iCloud, maddy (…)'
 * ```
 */
export const QUIRKS = {
  bareLf: {
    what: 'a line ends in LF without CR',
    servers: 'hand-rolled test servers and proxies that rewrite line ends (imap-codec quirk_crlf_relaxed)',
  },
  trailingSpace: {
    what: 'a SP before CRLF after CAPABILITY, ENABLED, SEARCH, STATUS, THREAD (`* THREAD \\r\\n`, ruby/net-imap test_invalid_thread_empty_response) and similar lists',
    servers:
      'Yahoo, Zimbra and others (imap-codec quirk_trailing_space_capability / _search); Exchange and Outlook.com after STATUS (imap-codec #468, imap-proto #152, modern-email/defects#9)',
  },
  missingRespText: {
    what: 'a status response without the SP and text after its status or code (`A1 OK\\r\\n`, `* OK [UIDNEXT 5]\\r\\n`)',
    servers:
      'Gmail, Exchange and others (imap-codec quirk_missing_text); RFC 9051 itself made the text optional after a code',
  },
  malformedResponseCode: {
    what: 'a response code that does not follow its grammar, read up to the first `]` as an unknown code (`malformed: true`) with its raw text: a known code with a missing, extra or malformed payload (`[COPYUID]`, `[COPYUID 1 2 3 extra]`, `[CLOSED junk]`) or no code by the grammar (`[Error="Lookup failed" Server=…]`); strict mode keeps the grammar error, with the tag and status',
    servers:
      'Outlook.com / Microsoft 365 (`A1 OK [Error="…" Server=…] AUTHENTICATE completed.`, ruby/net-imap#597; `[COPYUID 701  ]`, net-imap test/…/quirky_behaviors.yml)',
  },
  malformedRespText: {
    what: 'status text that does not parse (a NUL, a bare CR, no SP after the code, a `[` that no `]` closes), read raw to the line end; strict mode keeps the grammar error, with the tag and status',
    servers:
      'servers that put an unclosed `[` or binary junk into their texts (net-imap falls back to `resp-text = text` the same way, ruby/net-imap#597)',
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
  nulInLiteral: {
    what: 'a NUL byte inside a `{n}` literal (CHAR8 excludes NUL; only `~{n}` literal8 may hold it)',
    servers:
      'servers that pass 8-bit message bodies through unchanged when the client did not ask for BINARY; only strict mode scans literals for NUL, so outside it this quirk is not counted',
  },
  literalCountedInCharacters: {
    what: 'a literal whose count is the number of UTF-8 characters, not octets (the rest of the string follows the literal)',
    servers: 'DavMail 6.0 (MailKit issue #1369); tried only when the response does not parse as sent',
  },
  nilBodyEncoding: {
    what: 'NIL as body-fld-enc in BODYSTRUCTURE (read as 7bit, RFC 2045 §6.1)',
    servers: 'Apple iCloud, maddy (imap-proto PR #205; imap-codec quirk_body_fld_enc_nil_to_empty)',
  },
  dispositionAsString: {
    what: 'a bare string as body-fld-dsp (`"inline"` instead of `("inline" NIL)`)',
    servers: 'Microsoft Exchange (MailKit issue #919)',
  },
  emptyMultipart: {
    what: 'a multipart without children: `("RELATED" NIL ("ATTACHMENT" NIL) NIL)` or `(NIL "alternative" …)`',
    servers: 'Gmail (MailKit issue #371), a server behind MailKit issue #1393',
  },
  messageWithoutEnvelope: {
    what: 'a message/rfc822 part without envelope, body and lines (sent like a basic part)',
    servers: 'Exchange and Yahoo for attached messages they cannot parse',
  },
  missingBodyLines: {
    what: 'a text or message part without body-fld-lines',
    servers: 'Exchange, Domino (K-9 Mail and MailKit work-arounds)',
  },
  quotedNumber: {
    what: 'a size or line count sent as a quoted string (`"1234"`)',
    servers: 'hMailServer, older Exchange (imap-codec quirk_rectify_numbers)',
  },
  emptyParamList: {
    what: '`()` as body-fld-param (the grammar wants NIL or at least one pair)',
    servers: 'Domino, some Exchange versions',
  },
  nilMediaSubtype: {
    what: 'NIL as a media subtype',
    servers: 'servers facing messages without a subtype (seen in MailKit issue #1393 captures)',
  },
  spaceBetweenAddresses: {
    what: 'a SP between the addresses of an ENVELOPE address list',
    servers: 'Yahoo, Office 365 (imap-codec quirk_spaces_between_addresses)',
  },
  spaceBeforeParen: {
    what: 'a SP before the ")" that closes an ID parameter list (`* ID ("name" "x" )`), a flag list (`FLAGS (\\Seen )`) or a FETCH attribute list (`(UID 92285 )`)',
    servers:
      'Archiveopteryx for ID (imap-proto #168, swift-nio-imap #774); iCloud, SurgeMail for FLAGS (swift-nio-imap #481, imap-proto flag_list); FETCH: ruby/net-imap test_invalid_fetch_msg_att_extra_space',
  },
  quotaExtraSpace: {
    what: 'more than one SP between a QUOTA resource name, its usage and its limit',
    servers:
      'Archiveopteryx 3.2.0 (imap-proto #169, imap-codec quirk_excessive_space_quota_resource, modern-email/defects#23)',
  },
  badEventAtom: {
    what: 'the BADEVENT code with its events not in parentheses (`[BADEVENT MailboxMetadataChange]`)',
    servers: 'Dovecot 2.3.19 answering NOTIFY SET with an unsupported event (RFC 5465 wants `BADEVENT (…)`)',
  },
  spaceBetweenBodyParts: {
    what: 'a SP between the sibling parts of a multipart BODYSTRUCTURE (`(…) (…) "mixed"`; `1*body` has none)',
    servers:
      'Stalwart, Exchange (imap-codec PR #697), maddy (modern-email/defects#51), Twisted (twisted/twisted#7315); swift-nio-imap PR #265 accepts it',
  },
  spaceAfterBodyParen: {
    what: 'a SP after the "(" that opens a body before its first child (`( ("text" …`)',
    servers:
      'seen in the malformed BODYSTRUCTUREs collected for imap-wire issue #18 (server not named there)',
  },
  doubleSpaceBeforeParams: {
    what: 'two SPs between a media subtype and its parameter list (`"text" "plain"  ("charset" …)`)',
    servers:
      'servers of ruby/net-imap users since 2014 (ruby/net-imap PR #271, test_bodystructure_extra_space)',
  },
  nilParamValue: {
    what: 'NIL as a body parameter value (`("boundary" NIL)`), read as `""`; body-fld-param holds strings',
    servers: 'mail.ru; MailKit issue #124 (a server sending NIL boundaries)',
  },
  descriptionAsDisposition: {
    what: 'a string with non-token characters in the disposition slot: the Content-Description (set as `description`), the disposition left absent',
    servers:
      'Microsoft Exchange (javaee/javamail#278: `"mixed" (…) "S/MIME Encrypted Message" NIL`; MailKit work-around from stackoverflow.com/questions/33481604)',
  },
  nilMediaType: {
    what: 'NIL as a media type in a one-part body (read as `""`)',
    servers:
      'MailKit ImapUtils ParseContentType reads a NIL type as application (servers facing parts without Content-Type)',
  },
  starInFlags: {
    what: '`\\*` in FLAGS or FETCH FLAGS (only PERMANENTFLAGS may hold it)',
    servers: 'GreenMail (GreenMail issue 633, ruby/net-imap#228); Zoho Mail (imap-proto flag_list)',
  },
  bracketInFlag: {
    what: 'a `]` inside a flag keyword (`OIB-Seen-[Gmail]/All`); `]` is not an ATOM-CHAR',
    servers: 'Gmail (issuetracker.google.com/issues/315160951, ruby/net-imap#241, imap-proto flag())',
  },
  emptyDelimiter: {
    what: '`""` as the LIST hierarchy delimiter (read as NIL, a flat hierarchy)',
    servers:
      "reported in imap-wire issue #18 from other clients' captures (RFC 9051 wants one QUOTED-CHAR or NIL)",
  },
  unquoted8BitMailbox: {
    what: 'an unquoted mailbox name with 8-bit (UTF-8) bytes in LIST, LSUB or STATUS (ASTRING-CHAR is 7-bit)',
    servers:
      'servers with UTF8=ACCEPT or raw 8-bit folder names that do not quote them (imap-proto core.rs accepts 8-bit bytes for Dovecot and Cyrus)',
  },
  quotaWithoutResources: {
    what: '`* QUOTA ""` without its resource list',
    servers: 'Courier-IMAP 5 answering GETQUOTA on the default root (imap-wire issue #18)',
  },
  sectionOriginWithSize: {
    what: 'a BODY[…]<origin.size> in a response (`BODY[2]<0.65536>`): the response has the origin only; the size is dropped',
    servers: 'WildDuck before 1.0 (zone-eu/wildduck#32: `BODY[TEXT]<0.28>`)',
  },
  envelopeMissingFields: {
    what: 'an ENVELOPE that ends without In-Reply-To, or without Message-ID (both read as NIL)',
    servers: 'servers behind MailKit issues #932 (no In-Reply-To) and #669 (no Message-ID)',
  },
  emptyAddressList: {
    what: '`()` as an ENVELOPE address list (`addr-list` is NIL or at least one address), read as NIL',
    servers:
      'Mail.ru for a message without To (swift-nio-imap #821, fixed by PR #823); "broken IMAP servers" of jakartaee/mail-api#82',
  },
  nilInAddressList: {
    what: 'a NIL where an address belongs in an ENVELOPE address list (`(NIL ("a" NIL "b" "c"))`), skipped',
    servers: 'SmarterMail 100.0.7242 (MailKit issue #991, work-around in MailKit 2.5.2)',
  },
  unescapedQuote: {
    what: 'a DQUOTE inside a quoted string without its backslash (`NIL """" "base64"`: a Content-Description `""`), tried only when the response does not parse as sent; then a DQUOTE that no SP, `)`, `]` or line end follows is part of the string',
    servers:
      'qiye.163.com (NetEase enterprise mail, go-imap #659); GreenMail before PR #989 / #994 (Content-Description, type and subtype unescaped)',
  },
  emptyMessageBody: {
    what: '`()` as the body of a message/rfc822 part (`(NIL NIL … NIL) () 0`), the body left absent',
    servers: 'Lotus Domino for delivery reports (MailKit issue #944)',
  },
  draftPreview: {
    what: 'PREVIEW with an algorithm list, `PREVIEW (FUZZY "…")`, the pre-RFC 8970 draft form',
    servers: 'Dovecot 2.3 releases that advertised only PREVIEW=FUZZY (draft-ietf-extra-imap-fetch-preview)',
  },
} as const;
