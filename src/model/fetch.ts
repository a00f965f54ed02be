/**
 * FETCH data (RFC 9051 §7.5.2 `msg-att`, RFC 3501 §7.4.2, RFC 3516 BINARY, RFC 7162 MODSEQ).
 * ENVELOPE, BODY/BODYSTRUCTURE and PREVIEW come with their own parsers; until one is
 * registered, an attribute stays in `unknown` with its raw bytes.
 */
import type { BodyStructure } from './body.ts';
import type { Envelope } from './envelope.ts';

/** `section-msgtext` / `section-text` specifiers. */
export type SectionText = 'HEADER' | 'HEADER.FIELDS' | 'HEADER.FIELDS.NOT' | 'TEXT' | 'MIME';

/**
 * One `BODY[section]<origin>` or `BINARY[section]` value.
 *
 * `value` is a view into the pushed chunk when the bytes arrived in one chunk (valid as long
 * as that chunk is not modified), else an exact-size copy.
 */
export interface BodySection {
  kind: 'body' | 'binary';
  /** The section in canonical form: `''`, `'1.2'`, `'HEADER'`, `'1.MIME'`, `'HEADER.FIELDS (From To)'`. */
  section: string;
  /** The part numbers (`[1, 2]` for `1.2`); empty for the whole message. */
  part: number[];
  text?: SectionText;
  /** Header field names of `HEADER.FIELDS[.NOT]`, as sent. */
  fields?: string[];
  /** `<origin>`: the first octet's offset of a partial fetch. */
  origin?: number;
  value: Uint8Array | null;
  /**
   * The value was streamed (decoder option `streamThreshold`): its bytes came as `body-piece`
   * items before this response, and `value` is empty.
   */
  streamed?: true;
}

/** RFC 3516 `"BINARY.SIZE" section-binary SP number`. */
export interface BinarySize {
  /** The part numbers joined by `.`. */
  section: string;
  part: number[];
  size: number;
}

/** A FETCH attribute this parser has no grammar for, kept whole. */
export interface UnknownAttribute {
  /** The attribute name with its section and partial suffix as sent, e.g. `X-GM-LABELS`, `FOO[1]`. */
  name: string;
  /** The value's exact wire bytes (literals included). */
  raw: Uint8Array;
}

/** The attributes of one FETCH response; present fields are those the server sent. */
export interface FetchAttributes {
  /** `"ENVELOPE" SP envelope` */
  envelope?: Envelope;
  /** `"BODYSTRUCTURE" SP body`: the MIME tree with extension data and section numbers. */
  bodyStructure?: BodyStructure;
  /** `"BODY" SP body`: the non-extensible form. */
  body?: BodyStructure;
  /** `"UID" SP uniqueid` */
  uid?: number;
  /** `"FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"`, as sent (`\Seen`, `$Forwarded`). */
  flags?: string[];
  /** RFC 7162 `"MODSEQ" SP "(" mod-sequence-value ")"`. */
  modseq?: bigint;
  /** `"RFC822.SIZE" SP number64`. */
  rfc822Size?: number;
  /** `"INTERNALDATE" SP date-time`, as a `Date`; `internalDateRaw` keeps the string. */
  internalDate?: Date;
  internalDateRaw?: string;
  /** `"RFC822" SP nstring` (obsolete in RFC 9051, still sent). */
  rfc822?: Uint8Array | null;
  rfc822Header?: Uint8Array | null;
  rfc822Text?: Uint8Array | null;
  /** The RFC822 items whose value was streamed (empty here; see `BodySection.streamed`). */
  streamed?: Array<'rfc822' | 'rfc822Header' | 'rfc822Text'>;
  /** Every `BODY[…]` and `BINARY[…]` value, in the order sent. */
  sections?: BodySection[];
  binarySizes?: BinarySize[];
  /**
   * RFC 8970 `"PREVIEW" SP nstring` (also the draft `PREVIEW (FUZZY …)` and Dovecot's
   * `SNIPPET (FUZZY …)`): UTF-8 text as bytes, a view valid as long as its chunk is not modified.
   */
  preview?: Uint8Array | null;
  /** The algorithm the draft forms name (`FUZZY`); absent for RFC 8970 `PREVIEW`. */
  previewAlgorithm?: string;
  /** RFC 8474 `"EMAILID" SP "(" objectid ")"`. */
  emailId?: string;
  /** RFC 8474 `"THREADID" SP ("(" objectid ")" / nil)`. */
  threadId?: string | null;
  /** Gmail `X-GM-MSGID`. */
  gmailMessageId?: bigint;
  /** Gmail `X-GM-THRID`. */
  gmailThreadId?: bigint;
  /** Gmail `X-GM-LABELS`, decoded like mailbox names; system labels as sent (`\Inbox`, `\Important`). */
  gmailLabels?: string[];
  unknown?: UnknownAttribute[];
}
