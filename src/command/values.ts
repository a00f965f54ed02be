/**
 * Values inside commands, read into the command model's forms (the encoder's inputs):
 * strings as `string` when valid UTF-8 (else the bytes), mailbox names decoded from modified
 * UTF-7 (or UTF-8), sequence sets as their wire text, dates as ISO text.
 *
 * ```abnf
 * astring        = 1*ASTRING-CHAR / string
 * mailbox        = "INBOX" / astring
 * list-mailbox   = 1*list-char / string
 * date           = date-text / DQUOTE date-text DQUOTE
 * date-text      = date-day "-" date-month "-" date-year
 * seq-last-command = "$"                                  ; RFC 5182
 * ```
 */
import { decodeModifiedUtf7 } from '../encoder/mutf7.ts';
import { LIST_CHAR } from '../encoder/writer.ts';
import { ASTRING_CHAR, ATOM_CHAR, Ch, DIGIT, lowerAscii } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString, utf8OrUndefined } from '../lexer/strings.ts';
import type { ImapString, MailboxName } from '../model/command.ts';
import { takeDateTime } from '../parser/date-time.ts';
import { takeSequenceSet } from '../parser/sequence-set.ts';

/** How the peer's strings are read. */
export interface ValueOptions {
  /** UTF8=ACCEPT / IMAP4rev2 enabled: mailbox names are UTF-8, not modified UTF-7. */
  utf8: boolean;
}

/** A string value: text when the bytes are valid UTF-8, else the bytes. */
export function stringValue(b: Uint8Array): ImapString {
  if (b.length < 64) {
    let ascii = true;
    for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) ascii = false;
    if (ascii) return asciiString(b, 0, b.length);
  }
  return utf8OrUndefined(b) ?? b;
}

const INBOX = 'inbox';

function isInbox(b: Uint8Array): boolean {
  if (b.length !== 5) return false;
  for (let i = 0; i < 5; i++) if (lowerAscii(b[i]!) !== INBOX.charCodeAt(i)) return false;
  return true;
}

/**
 * A mailbox name's model value: any case of INBOX is `'INBOX'`; otherwise the decoded modified
 * UTF-7 (or UTF-8) text, or the bytes when they are not valid in that form.
 */
export function mailboxValue(b: Uint8Array, o: ValueOptions, inbox = true): MailboxName {
  if (inbox && isInbox(b)) return 'INBOX';
  if (o.utf8) return utf8OrUndefined(b) ?? b;
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return b;
  return decodeModifiedUtf7(asciiString(b, 0, b.length)) ?? b;
}

/** `astring` as a model string. */
export function takeAStringValue(cur: Cursor): ImapString {
  return stringValue(cur.takeAString());
}

/** `string` (quoted or literal) as a model string. */
export function takeStringValue(cur: Cursor): ImapString {
  return stringValue(cur.takeString());
}

/** `mailbox`. */
export function takeMailbox(cur: Cursor, o: ValueOptions): MailboxName {
  return mailboxValue(cur.takeAString(), o);
}

/** `list-mailbox`: a pattern (`%` and `*` bare); no INBOX rule. */
export function takeListMailbox(cur: Cursor, o: ValueOptions): MailboxName {
  const c = cur.peek();
  if (c === Ch.DQuote || c === Ch.LBrace) return mailboxValue(cur.takeString(), o, false);
  cur.takeRun(LIST_CHAR, 'list-mailbox');
  return mailboxValue(cur.buf.subarray(cur.tokStart, cur.tokEnd), o, false);
}

/** An atom's text (`table`: its character class). */
export function takeAtomText(cur: Cursor, what = 'atom', table: Uint8Array = ATOM_CHAR): string {
  cur.takeRun(table, what);
  return asciiString(cur.buf, cur.tokStart, cur.tokEnd);
}

/** An ASTRING-CHAR run's text (tags, atoms with `]`). */
export function takeAStringAtom(cur: Cursor, what: string): string {
  return takeAtomText(cur, what, ASTRING_CHAR);
}

/** One of `words` (case-insensitive), returned as listed; fails with `what`. */
export function takeWord<T extends string>(cur: Cursor, words: readonly T[], what: string): T {
  for (const w of words) {
    if (cur.isKeyword(w)) {
      cur.pos += w.length;
      return w;
    }
  }
  return cur.fail(what);
}

/** `sequence-set` as its wire text; `$` where `dollar` (RFC 5182); no `*` where `!star`. */
export function takeSeqSet(cur: Cursor, star = true, dollar = true): string {
  if (dollar && cur.peek() === Ch.Dollar) {
    cur.pos++;
    return '$';
  }
  return takeSequenceSet(cur, star).text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `date` as `'YYYY-MM-DD'`. */
export function takeSearchDate(cur: Cursor): string {
  const quoted = cur.skipIf(Ch.DQuote);
  const at = cur.pos;
  let day = 0;
  let n = 0;
  while (DIGIT[cur.peek()] === 1 && n < 2) {
    day = day * 10 + (cur.peek() - Ch.Zero);
    cur.pos++;
    n++;
  }
  if (n === 0) cur.fail('date-day');
  cur.expect(Ch.Minus, '"-"');
  let m = '';
  for (let k = 0; k < 3; k++) m += String.fromCharCode(lowerAscii(cur.peekAt(k) & 0xff));
  const month = MONTHS.indexOf(m);
  if (month < 0) cur.fail('date-month (Jan … Dec)');
  cur.pos += 3;
  cur.expect(Ch.Minus, '"-"');
  const y = cur.pos;
  for (let k = 0; k < 4; k++) if (DIGIT[cur.peekAt(k)] !== 1) cur.fail('date-year (4 digits)', y + k);
  const year = asciiString(cur.buf, y, y + 4);
  cur.pos += 4;
  if (quoted) cur.expect(Ch.DQuote, 'closing DQUOTE');
  const last = new Date(Date.UTC(Number(year) + 400, month + 1, 0)).getUTCDate();
  if (day < 1 || day > last) cur.fail('a day of that month', at);
  return `${year}-${pad2(month + 1)}-${pad2(day)}`;
}

/** `date-time` as ISO 8601 text with its zone: `'1994-02-07T22:43:04-08:00'`. */
export function takeDateTimeIso(cur: Cursor): string {
  const { raw } = takeDateTime(cur);
  // raw: "dd-Mon-yyyy hh:mm:ss +zzzz" (the day may be " 7")
  const day = raw.slice(0, 2).trim().padStart(2, '0');
  const month = pad2(MONTHS.indexOf(raw.slice(3, 6).toLowerCase()) + 1);
  return `${raw.slice(7, 11)}-${month}-${day}T${raw.slice(12, 20)}${raw.slice(21, 24)}:${raw.slice(24, 26)}`;
}
