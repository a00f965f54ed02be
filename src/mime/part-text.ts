/**
 * The text of a fetched part, or of the prefix a partial fetch gave: transfer decoding, then
 * charset decoding, each keeping what a cut left incomplete out of the text.
 */
import { createCharsetDecoder, wholeCharacterLength } from './charset-stream.ts';
import { createTransferDecoder } from './transfer.ts';

/** What {@link decodePartPrefix} needs to know of the fetch (a `PlannedText` is one). */
export interface FetchedPart {
  /** The part's Content-Transfer-Encoding. */
  encoding: string;
  /** True when the octets came from `BINARY[…]` (the server undid the transfer encoding). */
  binary?: boolean;
  charset: string;
  /** True when a prefix was asked for (`<0.bytes>`). */
  partial: boolean;
  /** Octets asked for: fewer came back only when the part ended before. */
  bytes: number;
}

/** The text of a fetched part or prefix. */
export interface PartText {
  /** The whole characters decoded. */
  text: string;
  /** The octets after transfer decoding (before charset decoding). */
  decoded: Uint8Array;
  /**
   * How many of `decoded` are in `text`: all when `complete`, else all but an incomplete last
   * character.
   */
  wholeBytes: number;
  /** True when what was fetched is the whole part (its end was decoded, not kept as a tail). */
  complete: boolean;
  /** False when the transfer encoding is unknown: `decoded` is then the octets as fetched. */
  encodingKnown: boolean;
  /** False when the charset is unknown: `text` is then UTF-8 (invalid octets as U+FFFD). */
  charsetKnown: boolean;
}

/**
 * Decodes what `BODY[section]<0.N>` (or `BINARY[…]`, or the whole part) gave: the transfer
 * encoding, then the charset. Of a prefix, only what the fetched octets certainly decode to
 * becomes text: a base64 quantum, a quoted-printable `=X` or a UTF-8 character cut by the
 * prefix is left out, so `text` is exactly the beginning of the whole part's text.
 *
 * @example
 * ```ts
 * const plan = planFetch(tree, { budget: 2048 });
 * const got = await fetch(plan.items); // BODY[1.1]<0> → bytes
 * decodePartPrefix(bytes, plan.text!).text; // 'Hello Bob, the contract is attached …'
 * ```
 */
export function decodePartPrefix(fetched: Uint8Array, part: FetchedPart): PartText {
  // A prefix shorter than asked is the whole rest of the part (RFC 9051 §6.4.5: "fewer octets").
  const complete = !part.partial || fetched.length < part.bytes;
  const transfer = part.binary ? createTransferDecoder('binary') : createTransferDecoder(part.encoding);
  let decoded = fetched;
  if (transfer !== undefined) {
    decoded = transfer.push(fetched);
    if (complete) decoded = join(decoded, transfer.end());
  }
  const known = createCharsetDecoder(part.charset);
  const chars = known ?? createCharsetDecoder('utf-8')!;
  let text = chars.push(decoded);
  if (complete) text += chars.end();
  return {
    text,
    decoded,
    wholeBytes: complete
      ? decoded.length
      : wholeCharacterLength(decoded, known === undefined ? 'utf-8' : part.charset),
    complete,
    encodingKnown: transfer !== undefined,
    charsetKnown: known !== undefined,
  };
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
