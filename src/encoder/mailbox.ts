/**
 * Mailbox names (RFC 9051 §5.1, RFC 3501 §5.1.3, RFC 6855 §3).
 *
 * ```abnf
 * mailbox      = "INBOX" / astring      ; INBOX is case-insensitive
 * list-mailbox = 1*list-char / string
 * ```
 *
 * A name given as a string is Unicode: it goes in modified UTF-7, or as UTF-8 once UTF8=ACCEPT
 * (or IMAP4rev2) is enabled. A name given as bytes is sent as those bytes (a name a server
 * listed that is not valid modified UTF-7, say). Any case of `INBOX` is sent as `INBOX`; names
 * below it (`inbox/Sub`) keep their case, which RFC 3501 leaves to the server.
 */
import { ASTRING_CHAR } from '../lexer/chars.ts';
import { ImapEncodeError } from './errors.ts';
import { encodeModifiedUtf7 } from './mutf7.ts';
import { LIST_CHAR, valueBytes, type Writer } from './writer.ts';

const INBOX = new Uint8Array([0x49, 0x4e, 0x42, 0x4f, 0x58]);

function isInbox(b: Uint8Array): boolean {
  if (b.length !== 5) return false;
  for (let i = 0; i < 5; i++) if ((b[i]! & 0xdf) !== INBOX[i]) return false;
  return true;
}

/**
 * The wire bytes of a mailbox name (before the atom/quoted/literal choice).
 *
 * @example
 * ```ts
 * mailboxBytes('inbox', false);      // bytes of 'INBOX'
 * mailboxBytes('台北', false);        // bytes of '&U,BTFw-'
 * mailboxBytes('台北', true);         // UTF-8 bytes of '台北'
 * ```
 */
export function mailboxBytes(v: unknown, utf8: boolean, field = 'mailbox', inbox = true): Uint8Array {
  let b: Uint8Array;
  if (v instanceof Uint8Array) b = v;
  else if (typeof v === 'string') b = valueBytes(utf8 ? v : encodeModifiedUtf7(v, field), field);
  else throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected a mailbox name (string or bytes)');
  return inbox && isInbox(b) ? INBOX : b;
}

/**
 * Writes `mailbox`.
 *
 * @example
 * ```ts
 * writeMailbox(w, 'Sent Items', 'mailbox'); // "Sent Items"
 * ```
 */
export function writeMailbox(w: Writer, v: unknown, field: string): void {
  // Printable ASCII without "&" is its own modified UTF-7 (and UTF-8): no bytes to make.
  if (typeof v === 'string' && isPlainAscii(v)) {
    if (v.length === 5 && isInboxText(v)) {
      w.raw('INBOX');
      return;
    }
    if (w.asciiString(v, ASTRING_CHAR)) return;
  }
  w.stringBytes(mailboxBytes(v, w.ctx.utf8, field), field, ASTRING_CHAR, false);
}

/** Printable ASCII (0x20-0x7e) and no `&`. */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x26) return false;
  }
  return true;
}

/** `INBOX` in any case (five ASCII characters, as {@link isInbox} compares bytes). */
function isInboxText(s: string): boolean {
  for (let i = 0; i < 5; i++) if ((s.charCodeAt(i) & 0xdf) !== INBOX[i]) return false;
  return true;
}

/**
 * Writes `list-mailbox` (a LIST/LSUB pattern; `%` and `*` may stand bare). Patterns are not
 * names, so the INBOX rule does not apply.
 *
 * @example
 * ```ts
 * writeListMailbox(w, '~/Mail/%', 'pattern'); // ~/Mail/%
 * ```
 */
export function writeListMailbox(w: Writer, v: unknown, field: string): void {
  w.stringBytes(mailboxBytes(v, w.ctx.utf8, field, false), field, LIST_CHAR, false);
}
