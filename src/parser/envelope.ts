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
import { Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { isAscii } from '../lexer/strings.ts';
import { decodeHeaderBytes, decodeHeaderRange } from '../mime/charset.ts';
import { parseMailDate } from '../mime/date.ts';
import { decodeEncodedWords } from '../mime/encoded-words.ts';
import type { Address, AddressEntry, Envelope } from '../model/envelope.ts';

/** A decoded header string and, when decoding changed it, its raw bytes. */
export interface HeaderText {
  value: string | null;
  raw?: Uint8Array;
}

const NIL_TEXT: HeaderText = Object.freeze({ value: null }) as HeaderText;

/** `nstring` as header text: raw 8-bit decoded (UTF-8, else windows-1252), then RFC 2047. */
export function takeHeaderText(cur: Cursor): HeaderText {
  const kind = cur.takeNStringRange();
  if (kind < 0) return NIL_TEXT;
  const buf = kind === 0 ? cur.buf : cur.tokBytes;
  const start = kind === 0 ? cur.tokStart : 0;
  const end = kind === 0 ? cur.tokEnd : buf.length;
  const plain = decodeHeaderRange(buf, start, end);
  const value = decodeEncodedWords(plain);
  if (value === plain && isAscii(buf, start, end)) return { value };
  return { value, raw: buf.subarray(start, end) };
}

/** `nstring` as plain text (mailbox, host, message-id: no encoded words). */
export function takePlain(cur: Cursor): string | null {
  const kind = cur.takeNStringRange();
  if (kind < 0) return null;
  return kind === 0 ? decodeHeaderRange(cur.buf, cur.tokStart, cur.tokEnd) : decodeHeaderBytes(cur.tokBytes);
}

/**
 * `address` lists. Some servers put spaces between the addresses (imap-codec
 * `quirk_spaces_between_addresses`; seen from Yahoo, Office 365): quirk `spaceBetweenAddresses`.
 */
function takeAddressList(cur: Cursor): AddressEntry[] | null {
  if (cur.skipNil()) return null;
  const out: AddressEntry[] = [];
  let group: { group: string; members: Address[] } | null = null;
  cur.enter();
  for (;;) {
    cur.enter();
    const name = takeHeaderText(cur);
    cur.expectSp();
    const adl = takePlain(cur);
    cur.expectSp();
    const mailbox = takePlain(cur);
    cur.expectSp();
    const host = takePlain(cur);
    cur.leave();
    if (host === null && mailbox !== null && mailbox !== '') {
      group = { group: decodeEncodedWords(mailbox), members: [] };
      out.push(group);
    } else if (host === null && mailbox === null) {
      group = null;
    } else {
      const a: Address = { name: name.value, adl, mailbox, host };
      if (name.raw !== undefined) a.nameRaw = name.raw;
      (group?.members ?? out).push(a);
    }
    if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
      cur.quirk('spaceBetweenAddresses', cur.pos);
      cur.pos++;
    }
    if (cur.peek() !== Ch.LParen) break;
  }
  cur.leave();
  return out;
}

/** Reads an `envelope`. */
export function takeEnvelope(cur: Cursor): Envelope {
  cur.enter();
  const dateRaw = takePlain(cur);
  cur.expectSp();
  const subject = takeHeaderText(cur);
  cur.expectSp();
  const from = takeAddressList(cur);
  cur.expectSp();
  const sender = takeAddressList(cur);
  cur.expectSp();
  const replyTo = takeAddressList(cur);
  cur.expectSp();
  const to = takeAddressList(cur);
  cur.expectSp();
  const cc = takeAddressList(cur);
  cur.expectSp();
  const bcc = takeAddressList(cur);
  cur.expectSp();
  const inReplyTo = takePlain(cur);
  cur.expectSp();
  const messageId = takePlain(cur);
  cur.leave();
  const env: Envelope = {
    date: dateRaw === null ? null : parseMailDate(dateRaw),
    dateRaw,
    subject: subject.value,
    from,
    sender,
    replyTo,
    to,
    cc,
    bcc,
    inReplyTo,
    messageId,
  };
  if (subject.raw !== undefined) env.subjectRaw = subject.raw;
  return env;
}
