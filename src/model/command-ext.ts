/**
 * The extension commands of the command model: NOTIFY (RFC 5465), QUOTA (RFC 9208), METADATA
 * (RFC 5464), COMPRESS (RFC 4978), SORT and THREAD (RFC 5256, RFC 5267).
 */
import type { ImapString, MailboxName } from './command.ts';
import type { NotifyGroup } from './command-notify.ts';
import type { SearchKey, SearchReturnOption } from './command-search.ts';

/**
 * RFC 5465: `groups: null` is `NOTIFY NONE`; `status` asks for STATUS of the covered mailboxes.
 *
 * @example
 * ```ts
 * const cmd: NotifyCommand = { name: 'NOTIFY', groups: [{ filter: 'selected', events: ['MessageNew', 'MessageExpunge'] }] };
 * ```
 */
export interface NotifyCommand {
  name: 'NOTIFY';
  status?: boolean;
  groups: NotifyGroup[] | null;
}

/**
 * RFC 9208
 *
 * @example
 * ```ts
 * const cmd: GetQuotaCommand = { name: 'GETQUOTA', root: '' };
 * ```
 */
export interface GetQuotaCommand {
  name: 'GETQUOTA';
  root: ImapString;
}

/**
 * @example
 * ```ts
 * const cmd: GetQuotaRootCommand = { name: 'GETQUOTAROOT', mailbox: 'INBOX' };
 * ```
 */
export interface GetQuotaRootCommand {
  name: 'GETQUOTAROOT';
  mailbox: MailboxName;
}

/**
 * @example
 * ```ts
 * const cmd: SetQuotaCommand = { name: 'SETQUOTA', root: '', limits: [{ resource: 'STORAGE', limit: 512 }] };
 * ```
 */
export interface SetQuotaCommand {
  name: 'SETQUOTA';
  root: ImapString;
  limits: { resource: string; limit: number }[];
}

/**
 * RFC 5464. `mailbox: ''` addresses server metadata. `entries` as a string is sent bare, as an
 * array in parentheses.
 *
 * @example
 * ```ts
 * const cmd: GetMetadataCommand = { name: 'GETMETADATA', mailbox: '', entries: '/shared/comment' };
 * ```
 */
export interface GetMetadataCommand {
  name: 'GETMETADATA';
  mailbox: MailboxName;
  entries: ImapString | ImapString[];
  maxSize?: number;
  depth?: '0' | '1' | 'infinity';
}

/**
 * RFC 5464; `value: null` removes the entry. A value with NUL bytes is sent as `~{n}` (BINARY).
 *
 * @example
 * ```ts
 * const cmd: SetMetadataCommand = { name: 'SETMETADATA', mailbox: 'INBOX', entries: [{ entry: '/private/comment', value: null }] };
 * ```
 */
export interface SetMetadataCommand {
  name: 'SETMETADATA';
  mailbox: MailboxName;
  entries: { entry: ImapString; value: ImapString | null }[];
}

/**
 * RFC 4978
 *
 * @example
 * ```ts
 * const cmd: CompressCommand = { name: 'COMPRESS', mechanism: 'DEFLATE' };
 * ```
 */
export interface CompressCommand {
  name: 'COMPRESS';
  mechanism: 'DEFLATE';
}

/**
 * RFC 5256 `sort-key` (`DISPLAYFROM` / `DISPLAYTO` are RFC 5957).
 *
 * @example
 * ```ts
 * const key: SortKey = 'SUBJECT';
 * ```
 */
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

/**
 * RFC 5256 SORT; `return` is RFC 5267 ESORT.
 *
 * @example
 * ```ts
 * const cmd: SortCommand = { name: 'SORT', sort: [{ key: 'DATE', reverse: true }], charset: 'UTF-8', criteria: [{ key: 'ALL' }] };
 * ```
 */
export interface SortCommand {
  name: 'SORT';
  uid?: boolean;
  sort: { key: SortKey; reverse?: boolean }[];
  charset: string;
  criteria: SearchKey[];
  return?: SearchReturnOption[];
}

/**
 * RFC 5256 THREAD (`ORDEREDSUBJECT`, `REFERENCES`, or an extension's atom).
 *
 * @example
 * ```ts
 * const cmd: ThreadCommand = { name: 'THREAD', algorithm: 'REFERENCES', charset: 'UTF-8', criteria: [{ key: 'ALL' }] };
 * ```
 */
export interface ThreadCommand {
  name: 'THREAD';
  uid?: boolean;
  algorithm: string;
  charset: string;
  criteria: SearchKey[];
}

/**
 * RFC 5256 sort keys and RFC 5957 DISPLAYFROM / DISPLAYTO, for the encoder and the command reader.
 *
 * @example
 * ```ts
 * SORT_KEYS.includes('ARRIVAL'); // true
 * ```
 */
export const SORT_KEYS: readonly SortKey[] = [
  'ARRIVAL',
  'CC',
  'DATE',
  'FROM',
  'SIZE',
  'SUBJECT',
  'TO',
  'DISPLAYFROM',
  'DISPLAYTO',
];
