/**
 * SEARCH keys as typed values (RFC 9051 §6.4.4 and extensions), used by SEARCH, SORT, THREAD.
 * A list of keys is an implicit AND; `AND` is the parenthesised list.
 *
 * Dates are calendar dates `'YYYY-MM-DD'` (IMAP dates have no time and no zone; on the wire
 * `1-Feb-1994`).
 *
 * @example
 * ```ts
 * const criteria: SearchKey[] = [
 *   { key: 'FLAGGED' },
 *   { key: 'SINCE', date: '1994-02-01' },
 *   { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
 * ]; // FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"
 * ```
 */
import type { ImapString, MailboxName, SequenceSetInput } from './command.ts';

/**
 * Keys without an argument. `SAVEDATESUPPORTED` is RFC 8514.
 *
 * @example
 * ```ts
 * const k: SearchKey = { key: 'UNSEEN' };
 * ```
 */
export type SearchFlagKeyName =
  | 'ALL'
  | 'ANSWERED'
  | 'DELETED'
  | 'DRAFT'
  | 'FLAGGED'
  | 'NEW'
  | 'OLD'
  | 'RECENT'
  | 'SEEN'
  | 'UNANSWERED'
  | 'UNDELETED'
  | 'UNDRAFT'
  | 'UNFLAGGED'
  | 'UNSEEN'
  | 'SAVEDATESUPPORTED';

/**
 * Keys with a string argument; `X-GM-RAW` is Gmail's search syntax as one string.
 *
 * @example
 * ```ts
 * const k: SearchKey = { key: 'SUBJECT', value: 'lunch' }; // SUBJECT "lunch"
 * ```
 */
export type SearchStringKeyName = 'BCC' | 'BODY' | 'CC' | 'FROM' | 'SUBJECT' | 'TEXT' | 'TO' | 'X-GM-RAW';

/**
 * Keys with a date argument (`SAVED*` are RFC 8514 SAVEDATE).
 *
 * @example
 * ```ts
 * const k: SearchKey = { key: 'SINCE', date: '1994-02-01' }; // SINCE 1-Feb-1994
 * ```
 */
export type SearchDateKeyName =
  | 'BEFORE'
  | 'ON'
  | 'SINCE'
  | 'SENTBEFORE'
  | 'SENTON'
  | 'SENTSINCE'
  | 'SAVEDBEFORE'
  | 'SAVEDON'
  | 'SAVEDSINCE';

/**
 * One search key.
 *
 * @example
 * ```ts
 * const k: SearchKey = { key: 'OR', left: { key: 'FROM', value: 'a' }, right: { key: 'TO', value: 'b' } };
 * ```
 */
export type SearchKey =
  | { key: SearchFlagKeyName }
  /** `KEYWORD flag-keyword` / `UNKEYWORD flag-keyword` */
  | { key: 'KEYWORD' | 'UNKEYWORD'; flag: string }
  | { key: SearchStringKeyName; value: ImapString }
  /** `HEADER header-fld-name SP astring` */
  | { key: 'HEADER'; field: ImapString; value: ImapString }
  /** `'YYYY-MM-DD'` */
  | { key: SearchDateKeyName; date: string }
  /** `LARGER number64` / `SMALLER number64` (octets) */
  | { key: 'LARGER' | 'SMALLER'; size: number }
  /** RFC 5032 WITHIN: `OLDER nz-number` / `YOUNGER nz-number` (seconds) */
  | { key: 'OLDER' | 'YOUNGER'; seconds: number }
  /** `UID sequence-set` */
  | { key: 'UID'; set: SequenceSetInput }
  /** A bare `sequence-set` (message sequence numbers; `'$'` is the saved result, RFC 5182). */
  | { key: 'SEQUENCE-SET'; set: SequenceSetInput }
  | { key: 'NOT'; operand: SearchKey }
  | { key: 'OR'; left: SearchKey; right: SearchKey }
  /** `"(" search-key *(SP search-key) ")"` */
  | { key: 'AND'; operands: SearchKey[] }
  /** RFC 7162 §3.1.5: `MODSEQ [SP entry-name SP entry-type-req] SP mod-sequence-valzer` */
  | { key: 'MODSEQ'; modseq: bigint; entry?: { name: ImapString; type: 'priv' | 'shared' | 'all' } }
  /** Gmail: `X-GM-MSGID` / `X-GM-THRID` (64-bit ids) */
  | { key: 'X-GM-MSGID' | 'X-GM-THRID'; id: bigint }
  /** Gmail: `X-GM-LABELS label` (a label name is encoded like a mailbox name) */
  | { key: 'X-GM-LABELS'; label: MailboxName }
  /** RFC 8474 OBJECTID: `EMAILID objectid` / `THREADID objectid` */
  | { key: 'EMAILID' | 'THREADID'; id: string };

/**
 * RFC 4731 / RFC 9051 `search-return-opt` (`SAVE` is RFC 5182). An empty list is `RETURN ()`
 * (same as `ALL`).
 *
 * @example
 * ```ts
 * const ret: SearchReturnOption[] = ['MIN', 'MAX'];
 * ```
 */
export type SearchReturnOption = 'MIN' | 'MAX' | 'ALL' | 'COUNT' | 'SAVE';

/** Every `search-return-opt` (RFC 4731, RFC 5182 SAVE), for the encoder and the command reader. */
export const SEARCH_RETURN_OPTIONS: readonly SearchReturnOption[] = ['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'];

/**
 * The search keys without argument, with an astring, with a date: one list for the encoder and
 * the command reader.
 *
 * @example
 * ```ts
 * SEARCH_FLAG_KEYS.includes('UNSEEN'); // true
 * ```
 */
export const SEARCH_FLAG_KEYS: readonly SearchFlagKeyName[] = [
  'ALL',
  'ANSWERED',
  'DELETED',
  'DRAFT',
  'FLAGGED',
  'NEW',
  'OLD',
  'RECENT',
  'SEEN',
  'UNANSWERED',
  'UNDELETED',
  'UNDRAFT',
  'UNFLAGGED',
  'UNSEEN',
  'SAVEDATESUPPORTED',
];
/** Keys taking an astring (see {@link SEARCH_FLAG_KEYS}). */
export const SEARCH_STRING_KEYS: readonly SearchStringKeyName[] = [
  'BCC',
  'BODY',
  'CC',
  'FROM',
  'SUBJECT',
  'TEXT',
  'TO',
  'X-GM-RAW',
];
/** Keys taking a date (see {@link SEARCH_FLAG_KEYS}). */
export const SEARCH_DATE_KEYS: readonly SearchDateKeyName[] = [
  'BEFORE',
  'ON',
  'SINCE',
  'SENTBEFORE',
  'SENTON',
  'SENTSINCE',
  'SAVEDBEFORE',
  'SAVEDON',
  'SAVEDSINCE',
];
