/**
 * Response codes (RFC 9051 §7.1 `resp-text-code`, RFC 3501 §7.1, RFC 4315 UIDPLUS,
 * RFC 7162 CONDSTORE/QRESYNC, RFC 5530, RFC 5182, RFC 5465 …), discriminated by `name`.
 */
import type { SequenceSet } from './sequence-set.ts';

/**
 * Codes that carry no data (RFC 9051, RFC 5530, RFC 7162 `NOMODSEQ`, RFC 4469 `TOOBIG` …): one
 * list for the parser's dispatch, the response encoder and the test arbitraries.
 */
export const SIMPLE_CODE_NAMES = [
  'ALERT',
  'PARSE',
  'READ-ONLY',
  'READ-WRITE',
  'TRYCREATE',
  'UIDNOTSTICKY',
  'CLOSED',
  'NOMODSEQ',
  'NOTSAVED',
  'HASCHILDREN',
  'UNAVAILABLE',
  'AUTHENTICATIONFAILED',
  'AUTHORIZATIONFAILED',
  'EXPIRED',
  'PRIVACYREQUIRED',
  'CONTACTADMIN',
  'NOPERM',
  'INUSE',
  'EXPUNGEISSUED',
  'CORRUPTION',
  'SERVERBUG',
  'CLIENTBUG',
  'CANNOT',
  'LIMIT',
  'OVERQUOTA',
  'ALREADYEXISTS',
  'NONEXISTENT',
  'UNKNOWN-CTE',
  'NOTIFICATIONOVERFLOW',
  'COMPRESSIONACTIVE',
  'USEATTR',
  'TOOBIG',
] as const;

/** A code that carries no data. */
export type SimpleCodeName = (typeof SIMPLE_CODE_NAMES)[number];

/** A code without data, e.g. `[ALERT]`, `[TRYCREATE]`, `[AUTHENTICATIONFAILED]`. */
export interface SimpleCode {
  name: SimpleCodeName;
}

/** `"BADCHARSET" [SP "(" charset *(SP charset) ")"]` */
export interface BadCharsetCode {
  name: 'BADCHARSET';
  charsets: string[];
}

/** `capability-data` inside a code. */
export interface CapabilityCode {
  name: 'CAPABILITY';
  capabilities: string[];
}

/** `"PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"`, `\*` included as sent. */
export interface PermanentFlagsCode {
  name: 'PERMANENTFLAGS';
  flags: string[];
}

/** `"UIDNEXT" SP nz-number` / `"UIDVALIDITY" SP nz-number` / `"UNSEEN" SP nz-number`. */
export interface NumberCode {
  name: 'UIDNEXT' | 'UIDVALIDITY' | 'UNSEEN';
  value: number;
}

/** RFC 7162 `"HIGHESTMODSEQ" SP mod-sequence-value`. */
export interface HighestModseqCode {
  name: 'HIGHESTMODSEQ';
  value: bigint;
}

/** RFC 7162 `"MODIFIED" SP sequence-set`. */
export interface ModifiedCode {
  name: 'MODIFIED';
  set: SequenceSet;
}

/** RFC 4315 `"APPENDUID" SP nz-number SP append-uid`. */
export interface AppendUidCode {
  name: 'APPENDUID';
  uidValidity: number;
  uids: SequenceSet;
}

/** RFC 4315 `"COPYUID" SP nz-number SP uid-set SP uid-set`. */
export interface CopyUidCode {
  name: 'COPYUID';
  uidValidity: number;
  source: SequenceSet;
  destination: SequenceSet;
}

/** RFC 5465 `"BADEVENT" SP "(" event *(SP event) ")"`: the events, as sent. */
export interface BadEventCode {
  name: 'BADEVENT';
  events: string[];
}

/** RFC 5464 `"METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number / "TOOMANY" / "NOPRIVATE")`. */
export interface MetadataCode {
  name: 'METADATA';
  item: 'LONGENTRIES' | 'MAXSIZE' | 'TOOMANY' | 'NOPRIVATE';
  /** The number after LONGENTRIES or MAXSIZE. */
  value?: number;
}

/** RFC 2221 / RFC 2193 `"REFERRAL" 1*(SP url)`: the IMAP URLs as sent. */
export interface ReferralCode {
  name: 'REFERRAL';
  urls: string[];
}

/** RFC 8474 `"MAILBOXID" SP "(" objectid ")"`. */
export interface MailboxIdCode {
  name: 'MAILBOXID';
  id: string;
}

/**
 * A code this parser has no grammar for: its name as sent and the text up to the first `]`
 * (RFC 9051 `atom [SP 1*<any TEXT-CHAR except "]">]`), e.g. `[X-FOO see a[b] c` → raw `see a[b`.
 *
 * Also a code that did not parse (quirk `malformedResponseCode`): a known code with a missing,
 * extra or malformed payload (`[COPYUID]`, `[CLOSED junk]`) or no code at all by the grammar
 * (`[Error="Lookup failed" Server=…]`, Outlook.com); then `malformed` is set and `name` is the
 * atom it starts with (`COPYUID`, `Error=`).
 */
export interface UnknownCode {
  name: string;
  unknown: true;
  /** Everything after the name and its SP, up to the closing `]`; absent when nothing followed. */
  raw?: string;
  /** Set when this is a code that did not follow its grammar, read raw (quirk `malformedResponseCode`). */
  malformed?: true;
}

/** Any response code. */
export type ResponseCode =
  | SimpleCode
  | BadCharsetCode
  | CapabilityCode
  | PermanentFlagsCode
  | NumberCode
  | HighestModseqCode
  | ModifiedCode
  | AppendUidCode
  | CopyUidCode
  | BadEventCode
  | MetadataCode
  | ReferralCode
  | MailboxIdCode
  | UnknownCode;
