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

import type {
  CompressCommand,
  GetMetadataCommand,
  GetQuotaCommand,
  GetQuotaRootCommand,
  NotifyCommand,
  SetMetadataCommand,
  SetQuotaCommand,
  SortCommand,
  ThreadCommand,
} from './command-ext.ts';
import type {
  AppendCommand,
  CopyCommand,
  ExpungeCommand,
  FetchCommand,
  SearchCommand,
  StoreCommand,
} from './command-message.ts';
import type { SequenceRange, SequenceSet } from './sequence-set.ts';

/**
 * A string value: text (sent as UTF-8) or exact bytes.
 *
 * @example
 * ```ts
 * const subject: ImapString = 'Grüße'; // or new Uint8Array([0xe9]) for exact bytes
 * ```
 */
export type ImapString = string | Uint8Array;

/**
 * A mailbox name: Unicode (encoded for the wire) or the exact wire bytes. Any case of `INBOX` is INBOX.
 *
 * @example
 * ```ts
 * const box: MailboxName = 'Entwürfe'; // sent as Entw&APw-rfe (or UTF-8 once enabled)
 * ```
 */
export type MailboxName = string | Uint8Array;

/**
 * `seq-number`: a number 1..2^32-1 or `*` (the largest number in use).
 *
 * @example
 * ```ts
 * const last: SeqNumber = '*';
 * ```
 */
export type SeqNumber = number | '*';

/**
 * One item of a sequence set given as an array: a number, `*`, or a range.
 *
 * @example
 * ```ts
 * const items: SequenceItem[] = [1, [3, 5], { start: 7, end: '*' }]; // 1,3:5,7:*
 * ```
 */
export type SequenceItem = SeqNumber | readonly [SeqNumber, SeqNumber] | SequenceRange;

/**
 * A sequence set as a caller writes it: the wire text (`'1:3,7,*'`; `'$'` for the saved search
 * result of RFC 5182), a number, `*`, a list of numbers and ranges, or a parsed {@link SequenceSet}.
 * The command parser gives the wire text.
 *
 * @example
 * ```ts
 * const set: SequenceSetInput = '1:3,7'; // or [[1, 3], 7], or '$'
 * ```
 */
export type SequenceSetInput = string | SeqNumber | readonly SequenceItem[] | SequenceSet;

/**
 * `status-att` (RFC 9051 §6.3.11, RFC 7162 HIGHESTMODSEQ, RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID).
 *
 * @example
 * ```ts
 * const items: StatusItem[] = ['MESSAGES', 'UIDNEXT', 'HIGHESTMODSEQ'];
 * ```
 */
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

/**
 * Commands without arguments.
 *
 * @example
 * ```ts
 * const cmd: SimpleCommand = { name: 'NOOP' }; // A1 NOOP
 * ```
 */
export interface SimpleCommand {
  name: 'CAPABILITY' | 'NOOP' | 'LOGOUT' | 'STARTTLS' | 'NAMESPACE' | 'IDLE' | 'CHECK' | 'CLOSE' | 'UNSELECT';
}

/**
 * @example
 * ```ts
 * const cmd: LoginCommand = { name: 'LOGIN', username: 'SMITH', password: 'SESAME' };
 * ```
 */
export interface LoginCommand {
  name: 'LOGIN';
  username: ImapString;
  password: ImapString;
}

/**
 * RFC 9051 §6.2.2; `initialResponse` is RFC 4959 SASL-IR (raw bytes, sent base64; empty is `=`).
 *
 * @example
 * ```ts
 * const cmd: AuthenticateCommand = { name: 'AUTHENTICATE', mechanism: 'PLAIN', initialResponse: '\0user\0pass' };
 * ```
 */
export interface AuthenticateCommand {
  name: 'AUTHENTICATE';
  mechanism: string;
  initialResponse?: ImapString;
}

/**
 * RFC 5161
 *
 * @example
 * ```ts
 * const cmd: EnableCommand = { name: 'ENABLE', capabilities: ['CONDSTORE', 'UTF8=ACCEPT'] };
 * ```
 */
export interface EnableCommand {
  name: 'ENABLE';
  capabilities: string[];
}

/**
 * RFC 2971: `ID NIL` when `parameters` is null.
 *
 * @example
 * ```ts
 * const cmd: IdCommand = { name: 'ID', parameters: [{ field: 'name', value: 'imap-wire' }] };
 * ```
 */
export interface IdCommand {
  name: 'ID';
  parameters: { field: ImapString; value: ImapString | null }[] | null;
}

/**
 * RFC 7162 §3.2.5 `QRESYNC (uidvalidity modseq [known-uids [seq-match-data]])`.
 *
 * @example
 * ```ts
 * const q: QresyncParameters = { uidValidity: 67890007, modseq: 20050715194045000n, knownUids: '41,43:211' };
 * ```
 */
export interface QresyncParameters {
  uidValidity: number;
  modseq: bigint;
  /** `known-uids`: no `*`. */
  knownUids?: SequenceSetInput;
  /** `seq-match-data = "(" known-sequence-set SP known-uid-set ")"` (no `*` in either). */
  seqMatch?: { sequences: SequenceSetInput; uids: SequenceSetInput };
}

/**
 * @example
 * ```ts
 * const cmd: SelectCommand = { name: 'SELECT', mailbox: 'INBOX', condstore: true }; // SELECT INBOX (CONDSTORE)
 * ```
 */
export interface SelectCommand {
  name: 'SELECT' | 'EXAMINE';
  mailbox: MailboxName;
  /** RFC 7162 `CONDSTORE` select parameter. */
  condstore?: boolean;
  qresync?: QresyncParameters;
}

/**
 * `specialUse` is RFC 6154 `USE (\Sent …)`.
 *
 * @example
 * ```ts
 * const cmd: CreateCommand = { name: 'CREATE', mailbox: 'Sent', specialUse: ['\\Sent'] };
 * ```
 */
export interface CreateCommand {
  name: 'CREATE';
  mailbox: MailboxName;
  specialUse?: string[];
}

/**
 * @example
 * ```ts
 * const cmd: MailboxCommand = { name: 'DELETE', mailbox: 'Old' };
 * ```
 */
export interface MailboxCommand {
  name: 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE';
  mailbox: MailboxName;
}

/**
 * @example
 * ```ts
 * const cmd: RenameCommand = { name: 'RENAME', from: 'blurdybloop', to: 'sarasoop' };
 * ```
 */
export interface RenameCommand {
  name: 'RENAME';
  from: MailboxName;
  to: MailboxName;
}

/**
 * RFC 5258 selection options (`SPECIAL-USE` is RFC 6154).
 *
 * @example
 * ```ts
 * const sel: ListSelectOption[] = ['SUBSCRIBED', 'RECURSIVEMATCH'];
 * ```
 */
export type ListSelectOption = 'SUBSCRIBED' | 'REMOTE' | 'RECURSIVEMATCH' | 'SPECIAL-USE';

/**
 * RFC 5258 return options; `{ status }` is RFC 5819 `STATUS (…)`.
 *
 * @example
 * ```ts
 * const ret: ListReturnOption[] = ['CHILDREN', { status: ['MESSAGES', 'UNSEEN'] }];
 * ```
 */
export type ListReturnOption = 'SUBSCRIBED' | 'CHILDREN' | 'SPECIAL-USE' | { status: StatusItem[] };

/**
 * LIST, with RFC 5258 LIST-EXTENDED. `pattern` as an array is sent as the parenthesised
 * `patterns` list; `selection` / `return` present (even empty) are sent (`()`, `RETURN ()`).
 *
 * @example
 * ```ts
 * const cmd: ListCommand = { name: 'LIST', reference: '', pattern: '%', return: ['SPECIAL-USE'] };
 * ```
 */
export interface ListCommand {
  name: 'LIST';
  reference: MailboxName;
  pattern: MailboxName | MailboxName[];
  selection?: ListSelectOption[];
  return?: ListReturnOption[];
}

/**
 * @example
 * ```ts
 * const cmd: LsubCommand = { name: 'LSUB', reference: '#news.', pattern: 'comp.mail.*' };
 * ```
 */
export interface LsubCommand {
  name: 'LSUB';
  reference: MailboxName;
  pattern: MailboxName;
}

/**
 * @example
 * ```ts
 * const cmd: StatusCommand = { name: 'STATUS', mailbox: 'blurdybloop', items: ['UIDNEXT', 'MESSAGES'] };
 * ```
 */
export interface StatusCommand {
  name: 'STATUS';
  mailbox: MailboxName;
  items: StatusItem[];
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

/**
 * Every value of `Command['name']`.
 *
 * @example
 * ```ts
 * const n: CommandName = 'FETCH';
 * ```
 */
export type CommandName = Command['name'];

export type {
  CompressCommand,
  GetMetadataCommand,
  GetQuotaCommand,
  GetQuotaRootCommand,
  NotifyCommand,
  SetMetadataCommand,
  SetQuotaCommand,
  SortCommand,
  SortKey,
  ThreadCommand,
} from './command-ext.ts';
export type {
  AppendCommand,
  AppendMessage,
  CopyCommand,
  ExpungeCommand,
  FetchCommand,
  SearchCommand,
  StoreCommand,
} from './command-message.ts';

/**
 * Every `status-att` (RFC 9051, 8438 SIZE, 7162, 9208 DELETED, 7889 APPENDLIMIT, 8474 MAILBOXID),
 * for the encoder and the command reader.
 *
 * @example
 * ```ts
 * STATUS_ITEMS.includes('HIGHESTMODSEQ'); // true
 * ```
 */
export const STATUS_ITEMS: readonly StatusItem[] = [
  'MESSAGES',
  'UIDNEXT',
  'UIDVALIDITY',
  'UNSEEN',
  'DELETED',
  'SIZE',
  'RECENT',
  'HIGHESTMODSEQ',
  'APPENDLIMIT',
  'MAILBOXID',
];
