/**
 * ENVELOPE (RFC 9051 §7.5.2).
 *
 * ```abnf
 * envelope        = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP
 *                   env-to SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
 * env-from        = "(" 1*address ")" / nil        ; likewise sender, reply-to, to, cc, bcc
 * address         = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
 * addr-name       = nstring                          ; addr-adl, addr-mailbox, addr-host too
 * ```
 * RFC 9051 §7.5.2: a NIL host marks an RFC 5322 group: mailbox non-NIL starts the group (the
 * mailbox is its name), mailbox NIL ends it.
 */
import { Ch, QUOTED_STOP } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { FNV_OFFSET, FNV_PRIME, StringCache } from '../lexer/string-cache.ts';
import { asciiString } from '../lexer/strings.ts';
import { TextCache } from '../lexer/text-cache.ts';
import { decodeHeaderBytes, decodeHeaderRange } from '../mime/charset.ts';
import { parseMailDateBytes } from '../mime/date.ts';
import { decodeEncodedWords } from '../mime/encoded-words.ts';
import { headerTextChanged, headerTextScanned } from '../mime/header-text.ts';
import type { Address, AddressEntry, Envelope } from '../model/envelope.ts';

/**
 * Display names, mailboxes and hosts recur across a folder's ENVELOPEs (and every address
 * appears in From, Sender and Reply-To at once): values up to 64 bytes come from a cache.
 */
const addressParts = new StringCache(4096, 64);

/**
 * `nstring` as header text: raw 8-bit decoded (UTF-8, else windows-1252), then RFC 2047.
 * `headerTextChanged()` tells whether the raw bytes should be kept beside the value.
 */
export function takeHeaderText(cur: Cursor, cache: StringCache | null): string | null {
  const kind = cur.takeNStringScanned();
  lastKind = kind;
  if (kind < 0) return null;
  if (kind === 0) {
    return headerTextScanned(cur.buf, cur.tokStart, cur.tokEnd, cur.tokBits, cur.tokEq, cur.tokHash, cache);
  }
  const b = cur.tokBytes;
  return headerTextScanned(b, 0, b.length, cur.tokBits, cur.tokEq, cur.tokHash, cache);
}

let lastKind = -1;

/** The raw bytes of the last {@link takeHeaderText} (read before the cursor moves on). */
function lastRaw(cur: Cursor): Uint8Array {
  return lastKind === 0 ? cur.buf.subarray(cur.tokStart, cur.tokEnd) : cur.tokBytes;
}

/** `nstring` as plain text (mailbox, host, message-id: no encoded words). */
export function takePlain(cur: Cursor): string | null {
  const kind = cur.takeNStringRange();
  if (kind < 0) return null;
  return kind === 0 ? decodeHeaderRange(cur.buf, cur.tokStart, cur.tokEnd) : decodeHeaderBytes(cur.tokBytes);
}

/** `nstring` as an address part: plain text, cached. */
function takeAddressPart(cur: Cursor): string | null {
  const kind = cur.takeNStringScanned();
  if (kind < 0) return null;
  const buf = kind === 0 ? cur.buf : cur.tokBytes;
  const start = kind === 0 ? cur.tokStart : 0;
  const end = kind === 0 ? cur.tokEnd : buf.length;
  if (cur.tokBits < 0x80) {
    return (
      addressParts.lookupHashed(buf, start, end, cur.tokHash) ??
      addressParts.store(buf, start, end, asciiString(buf, start, end))
    );
  }
  return decodeHeaderRange(buf, start, end);
}

/** The fields of an address as {@link takeAddressList} read them; `nameRaw` a copy. */
interface AddressFields {
  name: string | null;
  adl: string | null;
  mailbox: string | null;
  host: string | null;
  nameRaw: Uint8Array | undefined;
}

/**
 * Whole addresses up to 128 bytes, keyed by their bytes from "(" to ")": a folder's senders and
 * recipients recur (the same From on every message of a list, the same To on every reply), and
 * comparing 40-80 bytes costs less than four field reads with a cache lookup each. On the
 * envelope+bodystructure benchmark corpus 85 % of the addresses come from it, 13 % are not
 * cacheable (a literal, or longer), and 3 % are scanned here and parsed too.
 */
const wholeAddresses = new TextCache<AddressFields>(4096, 128);

/** The {@link fnv1a} hash of the bytes {@link plainAddressEnd} accepted. */
let addressHash = 0;

/**
 * The end (after ")") of the `address` at `buf[at]` when its four fields are quoted strings or
 * NIL (no literal: its bytes are not in the text), each followed by the one SP or ")" of the
 * grammar, and it fits a cache key; else -1. Hashes the bytes into {@link addressHash} on the way. What the bytes mean is
 * left to the parse: an accepted range is only a cache key.
 */
function plainAddressEnd(buf: Uint8Array, at: number, limit: number): number {
  if (buf[at] !== Ch.LParen) return -1;
  // Scan no further than the longest key: a longer address is not cached.
  const end = Math.min(limit, at + wholeAddresses.width);
  let h = Math.imul(FNV_OFFSET ^ Ch.LParen, FNV_PRIME);
  let i = at + 1;
  for (let field = 0; field < 4; field++) {
    if (i + 3 > end) return -1;
    const c = buf[i]!;
    if (c === Ch.DQuote) {
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      for (;;) {
        if (i >= end) return -1;
        const q = buf[i]!;
        if (QUOTED_STOP[q] !== 0) {
          if (q === Ch.DQuote) break;
          if (q !== Ch.Backslash || i + 1 >= end) return -1;
          h = Math.imul(h ^ q, FNV_PRIME);
          i++;
        }
        h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        i++;
      }
    } else if ((c | 0x20) === 0x6e && (buf[i + 1]! | 0x20) === 0x69 && (buf[i + 2]! | 0x20) === 0x6c) {
      h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ buf[i + 1]!, FNV_PRIME);
      h = Math.imul(h ^ buf[i + 2]!, FNV_PRIME);
      i += 2;
    } else return -1;
    // The closing DQUOTE or the L of NIL, then SP (between fields) or ")" (after the host).
    h = Math.imul(h ^ buf[i]!, FNV_PRIME);
    i++;
    const sep = field < 3 ? Ch.Space : Ch.RParen;
    if (i >= end || buf[i] !== sep) return -1;
    h = Math.imul(h ^ sep, FNV_PRIME);
    i++;
  }
  addressHash = h;
  return i;
}

/**
 * `address` lists. Some servers put spaces between the addresses (imap-codec
 * `quirk_spaces_between_addresses`; seen from Yahoo, Office 365): quirk `spaceBetweenAddresses`.
 */
function takeAddressList(cur: Cursor): AddressEntry[] | null {
  if (cur.skipNil()) return null;
  if (cur.peek() === Ch.LParen && cur.peekAt(1) === Ch.RParen) {
    // `()` for NIL: Mail.ru (swift-nio-imap #821), JavaMail's broken servers (jakartaee/mail-api#82).
    cur.quirk('emptyAddressList', cur.pos);
    cur.pos += 2;
    return null;
  }
  const out: AddressEntry[] = [];
  let group: { group: string; members: Address[] } | null = null;
  cur.enter();
  for (;;) {
    if (skipNilInList(cur)) {
      if (cur.peek() === Ch.RParen) break;
      continue;
    }
    let name: string | null;
    let adl: string | null;
    let mailbox: string | null;
    let host: string | null;
    let nameRaw: Uint8Array | undefined;
    const at = cur.pos;
    // A whole address seen before, byte for byte: its fields without parsing them again. Not
    // where `enter()` would refuse the depth (the parse below reports that).
    const end = cur.depth < cur.maxDepth ? plainAddressEnd(cur.buf, at, cur.end) : -1;
    const known = end < 0 ? undefined : wholeAddresses.get(cur.buf, at, end, addressHash);
    if (known !== undefined) {
      cur.pos = end;
      name = known.name;
      adl = known.adl;
      mailbox = known.mailbox;
      host = known.host;
      nameRaw = known.nameRaw?.slice();
    } else {
      cur.enter();
      name = takeHeaderText(cur, addressParts);
      nameRaw = name !== null && headerTextChanged() ? lastRaw(cur) : undefined;
      cur.expectSp();
      adl = takeAddressPart(cur);
      cur.expectSp();
      mailbox = takeAddressPart(cur);
      cur.expectSp();
      host = takeAddressPart(cur);
      cur.leave();
      // The key and nameRaw are copies: the cache keeps no chunk alive.
      if (end >= 0)
        wholeAddresses.set(cur.buf, at, end, addressHash, {
          name,
          adl,
          mailbox,
          host,
          nameRaw: nameRaw?.slice(),
        });
    }
    if (host === null && mailbox !== null && mailbox !== '') {
      group = { group: decodeEncodedWords(mailbox), members: [] };
      out.push(group);
    } else if (host === null && mailbox === null) {
      group = null;
    } else {
      const a: Address = { name, adl, mailbox, host };
      if (nameRaw !== undefined) a.nameRaw = nameRaw;
      (group?.members ?? out).push(a);
    }
    if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
      cur.quirk('spaceBetweenAddresses', cur.pos);
      cur.pos++;
    }
    // `(… (…) NIL)`: the NIL is read (and counted) at the top of the loop.
    if (cur.peek() === Ch.Space && (cur.peekAt(1) | 0x20) === 0x6e) cur.pos++;
    else if (cur.peek() !== Ch.LParen) break;
  }
  cur.leave();
  return out;
}

/**
 * A NIL where an `address` belongs (`(NIL ("a" NIL "b" "c"))`): SmarterMail 100.0.7242 (MailKit
 * #991). Quirk `nilInAddressList`, the NIL skipped with the SP after it. False (the cursor
 * unmoved) when no NIL is there.
 */
function skipNilInList(cur: Cursor): boolean {
  const at = cur.pos;
  if (!cur.skipNil()) return false;
  cur.quirk('nilInAddressList', at);
  if (cur.peek() !== Ch.RParen) cur.expectSp();
  return true;
}

/**
 * True (and the cursor moved past it) when the next address list is byte for byte the From
 * list at `[start, end)`: RFC 3501 §7.4.2 has the server fill Sender and Reply-To from From when
 * the header lacks them, so most envelopes carry the same list three times. The copy is parsed
 * once. Only for a From without literals and without `) (` (where quirk `spaceBetweenAddresses`
 * could have been counted): then equal bytes parse to equal values.
 */
function repeatsFrom(cur: Cursor, start: number, end: number): boolean {
  if (end < 0 || cur.buf[start] !== Ch.LParen) return false;
  const n = end - start;
  const buf = cur.buf;
  const at = cur.pos;
  if (at + n > cur.end) return false;
  for (let i = 0; i < n; i++) {
    const c = buf[start + i]!;
    if (c !== buf[at + i]) return false;
    if (c === Ch.Space && buf[start + i - 1] === Ch.RParen && buf[start + i + 1] === Ch.LParen) return false;
  }
  cur.pos = at + n;
  return true;
}

/** A copy of an address list (new objects: a caller may change one list and not the others). */
function copyList(list: AddressEntry[]): AddressEntry[] {
  const out: AddressEntry[] = [];
  for (const e of list) {
    if ('group' in e) out.push({ group: e.group, members: e.members.map(copyAddress) });
    else out.push(copyAddress(e));
  }
  return out;
}

function copyAddress(a: Address): Address {
  const c: Address = { name: a.name, adl: a.adl, mailbox: a.mailbox, host: a.host };
  if (a.nameRaw !== undefined) c.nameRaw = a.nameRaw;
  return c;
}

/** Reads an `envelope`. */
export function takeEnvelope(cur: Cursor): Envelope {
  cur.enter();
  // The date is read from its bytes (parseMailDateBytes), its string made once for `dateRaw`.
  let dateRaw: string | null = null;
  let date: Date | null = null;
  const dateKind = cur.takeNStringRange();
  if (dateKind >= 0) {
    const b = dateKind === 0 ? cur.buf : cur.tokBytes;
    const s = dateKind === 0 ? cur.tokStart : 0;
    const e = dateKind === 0 ? cur.tokEnd : b.length;
    dateRaw = decodeHeaderRange(b, s, e);
    date = parseMailDateBytes(b, s, e, dateRaw);
  }
  cur.expectSp();
  const subject = takeHeaderText(cur, null);
  const subjectRaw = subject !== null && headerTextChanged() ? lastRaw(cur) : undefined;
  cur.expectSp();
  const fromStart = cur.pos;
  const fromLit = cur.lit;
  const from = takeAddressList(cur);
  const fromEnd = cur.lit === fromLit && from !== null ? cur.pos : -1;
  cur.expectSp();
  const sender = repeatsFrom(cur, fromStart, fromEnd) ? copyList(from!) : takeAddressList(cur);
  cur.expectSp();
  const replyTo = repeatsFrom(cur, fromStart, fromEnd) ? copyList(from!) : takeAddressList(cur);
  cur.expectSp();
  const to = takeAddressList(cur);
  cur.expectSp();
  const cc = takeAddressList(cur);
  cur.expectSp();
  const bcc = takeAddressList(cur);
  let inReplyTo: string | null = null;
  let messageId: string | null = null;
  // An envelope that ends early, without In-Reply-To (MailKit #932) or Message-ID (MailKit
  // #669): quirk envelopeMissingFields, the missing fields NIL.
  if (cur.peek() === Ch.RParen) cur.quirk('envelopeMissingFields', cur.pos);
  else {
    cur.expectSp();
    inReplyTo = takePlain(cur);
    if (cur.peek() === Ch.RParen) cur.quirk('envelopeMissingFields', cur.pos);
    else {
      cur.expectSp();
      messageId = takePlain(cur);
    }
  }
  cur.leave();
  const env: Envelope = {
    date,
    dateRaw,
    subject,
    from,
    sender,
    replyTo,
    to,
    cc,
    bcc,
    inReplyTo,
    messageId,
  };
  if (subjectRaw !== undefined) env.subjectRaw = subjectRaw;
  return env;
}
