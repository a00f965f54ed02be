/**
 * The message commands of the command model: APPEND, EXPUNGE, SEARCH, FETCH, STORE, COPY / MOVE
 * (RFC 9051 §6.3.12, §6.4; RFC 3502, RFC 3516, RFC 4315, RFC 4731, RFC 6851, RFC 7162).
 */
import type { ImapString, MailboxName, SequenceSetInput } from './command.ts';
import type { FetchItem, FetchMacro } from './command-fetch.ts';
import type { SearchKey, SearchReturnOption } from './command-search.ts';

/**
 * One message of APPEND. `date` is a `Date` (sent in UTC) or ISO 8601 text with its zone
 * (`'1994-02-07T21:52:25-08:00'`, sent with that zone). `binary` (RFC 3516) sends `~{n}`; content
 * with a NUL byte is always sent so (and needs BINARY).
 *
 * @example
 * ```ts
 * const m: AppendMessage = { flags: ['\\Seen'], date: '1994-02-07T21:52:25-08:00', content: 'Subject: hi\r\n\r\n' };
 * ```
 */
export interface AppendMessage {
  flags?: string[];
  date?: Date | string;
  content: ImapString;
  binary?: boolean;
}

/**
 * APPEND; more than one message is RFC 3502 MULTIAPPEND.
 *
 * @example
 * ```ts
 * const cmd: AppendCommand = { name: 'APPEND', mailbox: 'Drafts', messages: [{ flags: ['\\Draft'], content: bytes }] };
 * ```
 */
export interface AppendCommand {
  name: 'APPEND';
  mailbox: MailboxName;
  messages: AppendMessage[];
}

/**
 * EXPUNGE, or with `uids` RFC 4315 `UID EXPUNGE uid-set`.
 *
 * @example
 * ```ts
 * const cmd: ExpungeCommand = { name: 'EXPUNGE', uids: '3000:3002' }; // UID EXPUNGE 3000:3002
 * ```
 */
export interface ExpungeCommand {
  name: 'EXPUNGE';
  uids?: SequenceSetInput;
}

/**
 * SEARCH. Without `charset`, a search string with non-ASCII text adds `CHARSET UTF-8` (unless
 * UTF8=ACCEPT is enabled, RFC 6855 §3). `return` is RFC 4731 ESEARCH.
 *
 * @example
 * ```ts
 * const cmd: SearchCommand = { name: 'SEARCH', return: ['MIN', 'COUNT'], criteria: [{ key: 'UNSEEN' }] };
 * ```
 */
export interface SearchCommand {
  name: 'SEARCH';
  uid?: boolean;
  charset?: string;
  criteria: SearchKey[];
  return?: SearchReturnOption[];
}

/**
 * FETCH. `items`: a macro, one item (sent bare) or a list (sent in parentheses).
 * `changedSince` / `vanished` are RFC 7162 modifiers (`vanished` needs `uid` and `changedSince`).
 *
 * @example
 * ```ts
 * const cmd: FetchCommand = { name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }], changedSince: 12345n };
 * ```
 */
export interface FetchCommand {
  name: 'FETCH';
  uid?: boolean;
  sequence: SequenceSetInput;
  items: FetchMacro | FetchItem | FetchItem[];
  changedSince?: bigint;
  vanished?: boolean;
}

/**
 * STORE: `operation` `replace` is `FLAGS`, `add` `+FLAGS`, `remove` `-FLAGS`. Give `flags`, or
 * `labels` to store Gmail's `X-GM-LABELS` instead (label names are encoded like mailbox names;
 * `\\Inbox`-style system labels are sent bare). `unchangedSince` is RFC 7162.
 *
 * @example
 * ```ts
 * const cmd: StoreCommand = { name: 'STORE', sequence: '2:4', operation: 'add', flags: ['\\Deleted'] };
 * ```
 */
export interface StoreCommand {
  name: 'STORE';
  uid?: boolean;
  sequence: SequenceSetInput;
  operation: 'replace' | 'add' | 'remove';
  silent?: boolean;
  flags?: string[];
  labels?: MailboxName[];
  unchangedSince?: bigint;
}

/**
 * COPY, and RFC 6851 MOVE.
 *
 * @example
 * ```ts
 * const cmd: CopyCommand = { name: 'MOVE', uid: true, sequence: '42:69', mailbox: 'foo' };
 * ```
 */
export interface CopyCommand {
  name: 'COPY' | 'MOVE';
  uid?: boolean;
  sequence: SequenceSetInput;
  mailbox: MailboxName;
}
