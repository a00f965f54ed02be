/**
 * The items of a streamed FETCH body (decoder option `streamThreshold`, issue #20): a start,
 * pieces as the bytes arrive, an end; the FETCH response that holds the body comes after them,
 * with that value empty and marked `streamed`.
 */

/** A streamed body begins. */
export interface BodyStreamStart {
  type: 'body-start';
  /** The message's sequence number (`* seq FETCH`). */
  seq: number;
  /** The FETCH item: `BODY[section]`, `BINARY[section]` (also `~{n}`), or an RFC822 item. */
  item: 'BODY' | 'BINARY' | 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT';
  /** The section as sent between the brackets (`''` for `BODY[]` and the RFC822 items). */
  section: string;
  /** `<origin>` of a partial fetch. */
  origin?: number;
  /** The announced size in bytes: the pieces add up to it unless the stream is cut (TRUNCATED). */
  size: number;
  /** Stream offset of the literal's announcement. */
  offset: number;
}

/**
 * The next bytes of the streamed body: a view of a pushed chunk (no copy), valid as long as that
 * chunk is not modified.
 */
export interface BodyStreamPiece {
  type: 'body-piece';
  bytes: Uint8Array;
}

/** The streamed body is complete. */
export interface BodyStreamEnd {
  type: 'body-end';
}

export type BodyStreamItem = BodyStreamStart | BodyStreamPiece | BodyStreamEnd;
