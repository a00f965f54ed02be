/**
 * Commands as typed values: what the encoder writes and the command parser reads. A
 * discriminated union on `name`; field names are the JSON of `imap-wire encode`.
 *
 * Strings are `string` (sent as UTF-8) or `Uint8Array` (sent as these exact bytes). Mailbox names
 * are Unicode strings (the encoder writes modified UTF-7, or UTF-8 once UTF8=ACCEPT is enabled)
 * or exact wire bytes. MODSEQ values are `bigint`. UID variants are `uid: true`.
 *
 * @example
 * ```ts
 * const cmd: Command = { name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }; // UID FETCH 1:* (FLAGS)
 * ```
 */

import type { FetchItem, FetchMacro } from './command-fetch.ts';
import type { NotifyGroup } from './command-notify.ts';
import type { SearchKey, SearchReturnOption } from './command-search.ts';
import type { SequenceRange, SequenceSet } from './sequence-set.ts';

/** A string value: text (sent as UTF-8) or exact bytes. */
export type ImapString = string | Uint8Array;

/** A mailbox name: Unicode (encoded for the wire) or the exact wire bytes. Any case of `INBOX` is INBOX. */
export type MailboxName = string | Uint8Array;

/** `seq-number`: a number 1..2^32-1 or `*` (the largest number in use). */
export type SeqNumber = number | '*';

/** One item of a sequence set given as an array: a number, `*`, or a range. */
export type SequenceItem = SeqNumber | readonly [SeqNumber, SeqNumber] | SequenceRange;

/**
 * A sequence set as a caller writes it: the wire text (`'1:3,7,*'`; `'$'` for the saved search
 * result of RFC 5182), a number, `*`, a list of numbers and ranges, or a parsed {@link SequenceSet}.
 * The command parser gives the wire text.
 */
export type SequenceSetInput = string | SeqNumber | readonly SequenceItem[] | SequenceSet;

/** `status-att` (RFC 9051 §6.3.11, RFC 7162 HIGHESTMODSEQ, RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID). */
export type StatusItem =
  | 'MESSAGES'
  | 'UIDNEXT'
  | 'UIDVALIDITY'
  | 'UNSEEN'
  | 'DELETED'
  | 'SIZE'
  | 'RECENT'
  | 'HIGHESTMODSEQ'
  | 'APPENDLIMIT'
  | 'MAILBOXID';

/** Commands without arguments. */
export interface SimpleCommand {
  name: 'CAPABILITY' | 'NOOP' | 'LOGOUT' | 'STARTTLS' | 'NAMESPACE' | 'IDLE' | 'CHECK' | 'CLOSE' | 'UNSELECT';
}

export interface LoginCommand {
  name: 'LOGIN';
  username: ImapString;
  password: ImapString;
}

/** RFC 9051 §6.2.2; `initialResponse` is RFC 4959 SASL-IR (raw bytes, sent base64; empty is `=`). */
export interface AuthenticateCommand {
  name: 'AUTHENTICATE';
  mechanism: string;
  initialResponse?: ImapString;
}

/** RFC 5161 */
export interface EnableCommand {
  name: 'ENABLE';
  capabilities: string[];
}

/** RFC 2971: `ID NIL` when `parameters` is null. */
export interface IdCommand {
  name: 'ID';
  parameters: { field: ImapString; value: ImapString | null }[] | null;
}

/** RFC 7162 §3.2.5 `QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])`. */
export interface QresyncParameters {
  uidValidity: number;
  modseq: bigint;
  /** `known-uids`: no `*`. */
  knownUids?: SequenceSetInput;
  /** `seq-match-data = "(" known-sequence-set SP known-uid-set ")"` (no `*` in either). */
  seqMatch?: { sequences: SequenceSetInput; uids: SequenceSetInput };
}

export interface SelectCommand {
  name: 'SELECT' | 'EXAMINE';
  mailbox: MailboxName;
  /** RFC 7162 `CONDSTORE` select parameter. */
  condstore?: boolean;
  qresync?: QresyncParameters;
}

/** `specialUse` is RFC 6154 `USE (\Sent …)`. */
export interface CreateCommand {
  name: 'CREATE';
  mailbox: MailboxName;
  specialUse?: string[];
}

export interface MailboxCommand {
  name: 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE';
  mailbox: MailboxName;
}

export interface RenameCommand {
  name: 'RENAME';
  from: MailboxName;
  to: MailboxName;
}

/** RFC 5258 selection options (`SPECIAL-USE` is RFC 6154). */
export type ListSelectOption = 'SUBSCRIBED' | 'REMOTE' | 'RECURSIVEMATCH' | 'SPECIAL-USE';

/** RFC 5258 return options; `{ status }` is RFC 5819 `STATUS (…)`. */
export type ListReturnOption = 'SUBSCRIBED' | 'CHILDREN' | 'SPECIAL-USE' | { status: StatusItem[] };

/**
 * LIST, with RFC 5258 LIST-EXTENDED. `pattern` as an array is sent as the parenthesised
 * `patterns` list; `selection` / `return` present (even empty) are sent (`()`, `RETURN ()`).
 */
export interface ListCommand {
  name: 'LIST';
  reference: MailboxName;
  pattern: MailboxName | MailboxName[];
  selection?: ListSelectOption[];
  return?: ListReturnOption[];
}

export interface LsubCommand {
  name: 'LSUB';
  reference: MailboxName;
  pattern: MailboxName;
}

export interface StatusCommand {
  name: 'STATUS';
  mailbox: MailboxName;
  items: StatusItem[];
}

/**
 * One message of APPEND. `date` is a `Date` (sent in UTC) or ISO 8601 text with its zone
 * (`'1994-02-07T21:52:25-08:00'`, sent with that zone). `binary` (RFC 3516) sends `~{n}`; content
 * with a NUL byte is always sent so (and needs BINARY).
 */
export interface AppendMessage {
  flags?: string[];
  date?: Date | string;
  content: ImapString;
  binary?: boolean;
}

/** APPEND; more than one message is RFC 3502 MULTIAPPEND. */
export interface AppendCommand {
  name: 'APPEND';
  mailbox: MailboxName;
  messages: AppendMessage[];
}

/** EXPUNGE, or with `uids` RFC 4315 `UID EXPUNGE uid-set`. */
export interface ExpungeCommand {
  name: 'EXPUNGE';
  uids?: SequenceSetInput;
}

/**
 * SEARCH. Without `charset`, a search string with non-ASCII text adds `CHARSET UTF-8` (unless
 * UTF8=ACCEPT is enabled, RFC 6855 §3). `return` is RFC 4731 ESEARCH.
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

/** COPY, and RFC 6851 MOVE. */
export interface CopyCommand {
  name: 'COPY' | 'MOVE';
  uid?: boolean;
  sequence: SequenceSetInput;
  mailbox: MailboxName;
}

/** RFC 5465: `groups: null` is `NOTIFY NONE`; `status` asks for STATUS of the covered mailboxes. */
export interface NotifyCommand {
  name: 'NOTIFY';
  status?: boolean;
  groups: NotifyGroup[] | null;
}

/** RFC 9208 */
export interface GetQuotaCommand {
  name: 'GETQUOTA';
  root: ImapString;
}

export interface GetQuotaRootCommand {
  name: 'GETQUOTAROOT';
  mailbox: MailboxName;
}

export interface SetQuotaCommand {
  name: 'SETQUOTA';
  root: ImapString;
  limits: { resource: string; limit: number }[];
}

/**
 * RFC 5464. `mailbox: ''` addresses server metadata. `entries` as a string is sent bare, as an
 * array in parentheses.
 */
export interface GetMetadataCommand {
  name: 'GETMETADATA';
  mailbox: MailboxName;
  entries: ImapString | ImapString[];
  maxSize?: number;
  depth?: '0' | '1' | 'infinity';
}

/** RFC 5464; `value: null` removes the entry. A value with NUL bytes is sent as `~{n}` (BINARY). */
export interface SetMetadataCommand {
  name: 'SETMETADATA';
  mailbox: MailboxName;
  entries: { entry: ImapString; value: ImapString | null }[];
}

/** RFC 4978 */
export interface CompressCommand {
  name: 'COMPRESS';
  mechanism: 'DEFLATE';
}

/** RFC 5256 `sort-key` (`DISPLAYFROM` / `DISPLAYTO` are RFC 5957). */
export type SortKey =
  | 'ARRIVAL'
  | 'CC'
  | 'DATE'
  | 'FROM'
  | 'SIZE'
  | 'SUBJECT'
  | 'TO'
  | 'DISPLAYFROM'
  | 'DISPLAYTO';

/** RFC 5256 SORT; `return` is RFC 5267 ESORT. */
export interface SortCommand {
  name: 'SORT';
  uid?: boolean;
  sort: { key: SortKey; reverse?: boolean }[];
  charset: string;
  criteria: SearchKey[];
  return?: SearchReturnOption[];
}

/** RFC 5256 THREAD (`ORDEREDSUBJECT`, `REFERENCES`, or an extension's atom). */
export interface ThreadCommand {
  name: 'THREAD';
  uid?: boolean;
  algorithm: string;
  charset: string;
  criteria: SearchKey[];
}

/**
 * Every command the encoder writes.
 *
 * @example
 * ```ts
 * const cmds: Command[] = [
 *   { name: 'LOGIN', username: 'SMITH', password: 'SESAME' },
 *   { name: 'SELECT', mailbox: 'INBOX', condstore: true },
 *   { name: 'FETCH', sequence: '2:4', items: [{ item: 'FLAGS' }] },
 * ];
 * ```
 */
export type Command =
  | SimpleCommand
  | LoginCommand
  | AuthenticateCommand
  | EnableCommand
  | IdCommand
  | SelectCommand
  | CreateCommand
  | MailboxCommand
  | RenameCommand
  | ListCommand
  | LsubCommand
  | StatusCommand
  | AppendCommand
  | ExpungeCommand
  | SearchCommand
  | FetchCommand
  | StoreCommand
  | CopyCommand
  | NotifyCommand
  | GetQuotaCommand
  | GetQuotaRootCommand
  | SetQuotaCommand
  | GetMetadataCommand
  | SetMetadataCommand
  | CompressCommand
  | SortCommand
  | ThreadCommand;

/** Every value of `Command['name']`. */
export type CommandName = Command['name'];
