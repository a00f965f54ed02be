/**
 * BODY and BODYSTRUCTURE (RFC 9051 §7.5.2, §9 `body`): the MIME tree of a message, each node
 * with its section number (RFC 9051 §6.4.5) so that a client can fetch exactly that part.
 */
import type { Envelope } from './envelope.ts';

/**
 * One parameter (`body-fld-param`), after RFC 2231 continuations were joined and the value
 * decoded (RFC 2231 charset, RFC 2047 encoded words). Parameters are an array, in the order
 * sent: names from the wire never become object keys.
 */
export interface BodyParameter {
  /** Lower-cased name, without RFC 2231 `*0*` suffixes (`filename`). */
  name: string;
  /** The decoded value. */
  value: string;
  /** RFC 2231 charset and language, when the value carried them (`utf-8''…`). */
  charset?: string;
  language?: string;
}

/** `body-fld-dsp = "(" string SP body-fld-param ")" / nil` */
export interface BodyDisposition {
  /** Lower-cased (`attachment`, `inline`). */
  type: string;
  params: BodyParameter[];
}

/** A `body-extension` value kept as a tree: strings, numbers, NIL and lists. */
export type BodyExtension = string | number | null | BodyExtension[];

/** Fields every part has in BODYSTRUCTURE's extension data (absent in BODY). */
interface ExtensionFields {
  disposition?: BodyDisposition | null;
  /** `body-fld-lang`: one string or a list, always as a list here. */
  language?: string[] | null;
  location?: string | null;
  /** Further `body-extension` values, as sent. */
  extensions?: BodyExtension[];
}

/**
 * A multipart node (`body-type-mpart`). Its children are numbered `1`, `2`, … below its own
 * number; the root multipart, and one directly inside a message/rfc822 part, have no number of
 * their own (`section` is absent).
 */
export interface MultipartBody extends ExtensionFields {
  type: 'multipart';
  /** Lower-cased (`mixed`, `alternative`, `related`, `signed` …). */
  subtype: string;
  section?: string;
  parts: BodyStructure[];
  /** `body-ext-mpart`'s `body-fld-param` (the boundary, …); absent in BODY. */
  params?: BodyParameter[];
  /**
   * The Content-Description Exchange sends in the disposition slot of a multipart (quirk
   * `descriptionAsDisposition`); the grammar has no place for it.
   */
  description?: string;
}

/**
 * A non-multipart node (`body-type-1part`): basic, text (with `lines`), or message/rfc822 and
 * message/global (with `envelope`, `body` and `lines`).
 */
export interface SinglePartBody extends ExtensionFields {
  /** Lower-cased media type (`text`, `image`, `application`, `message` …). */
  type: string;
  /** Lower-cased subtype. */
  subtype: string;
  /** The section number: `1` for a non-multipart message, `2.1`, `1.2.3` … */
  section: string;
  params: BodyParameter[];
  /** `body-fld-id`: the Content-ID, `<…>` included as sent. */
  id: string | null;
  description: string | null;
  /** `body-fld-enc`, lower-cased (`7bit`, `base64`, `quoted-printable` …). */
  encoding: string;
  /** `body-fld-octets`: size of the (encoded) body in octets. */
  size: number;
  /** `body-fld-lines`: text and message parts. */
  lines?: number;
  /** `body-fld-md5`. */
  md5?: string | null;
  /** message/rfc822 and message/global: the encapsulated message's envelope and body. */
  envelope?: Envelope;
  body?: BodyStructure;
}

/** A BODY or BODYSTRUCTURE tree. */
export type BodyStructure = MultipartBody | SinglePartBody;
