/**
 * The one error class of imap-wire, and its stable codes.
 *
 * Errors are values in the decoder's output (`{ type: 'error', error }`), never exceptions that
 * escape `push()`: one malformed response costs exactly that response.
 */

/**
 * Stable error codes. Match on these, not on `message`.
 *
 * | code | meaning |
 * |---|---|
 * | `SYNTAX` | the bytes do not follow the grammar at `offset` (`expected` says what would) |
 * | `LINE_TOO_LONG` | a line exceeded `maxLineLength` before its CRLF |
 * | `LITERAL_TOO_LARGE` | an announced literal exceeds `maxLiteralSize` (nothing was allocated) |
 * | `RESPONSE_TOO_LARGE` | one response (lines + literals) exceeds `maxResponseSize` |
 * | `DEPTH_EXCEEDED` | parentheses nested deeper than `maxDepth` |
 * | `BAD_LITERAL_COUNT` | a `{n}` whose count is not a number below 2^32 |
 * | `NUMBER_RANGE` | a number outside its type's range (number: 32-bit; number64: 63-bit) |
 * | `TRUNCATED` | the stream ended inside a response |
 * | `STRICT` | a known server deviation (a quirk, named in `quirk`) that strict mode rejects |
 */
export type ImapParseErrorCode =
  | 'SYNTAX'
  | 'LINE_TOO_LONG'
  | 'LITERAL_TOO_LARGE'
  | 'RESPONSE_TOO_LARGE'
  | 'DEPTH_EXCEEDED'
  | 'BAD_LITERAL_COUNT'
  | 'NUMBER_RANGE'
  | 'TRUNCATED'
  | 'STRICT';

/**
 * A parse failure with its position in the stream.
 *
 * @example
 * ```ts
 * const [item] = new ResponseDecoder().push(new TextEncoder().encode('* 12x EXISTS\r\n'));
 * if (item?.type === 'error') console.log(item.error.code, item.error.offset); // SYNTAX 4
 * ```
 */
export class ImapParseError extends Error {
  override readonly name = 'ImapParseError';
  /** Stable machine-readable code. */
  readonly code: ImapParseErrorCode;
  /** Absolute byte offset in the decoded stream (0 = first byte ever pushed). */
  readonly offset: number;
  /** What the grammar expected at `offset`. */
  readonly expected: string;
  /** The bytes around `offset`, escaped (`\r\n` visible, non-ASCII as `\xNN`), `⟨here⟩` marks the offset. */
  readonly excerpt: string;
  /** For `STRICT`: the quirk that strict mode refused. */
  readonly quirk: string | undefined;
  /**
   * For a failed tagged response: its tag, as far as it could be read. A client waiting for
   * that tag learns from this error that its command completed (badly formed), instead of
   * waiting forever. `undefined` for untagged responses and when the tag itself was unreadable.
   */
  readonly tag: string | undefined;
  /**
   * For a failed status response (`A1 OK …`, `* BYE …`): the status word it was read with, so
   * that a strict client still knows whether the command succeeded or the server is leaving.
   */
  readonly status: ErrorStatus | undefined;

  constructor(
    code: ImapParseErrorCode,
    offset: number,
    expected: string,
    excerpt: string,
    quirk?: string,
    tag?: string,
    status?: ErrorStatus,
  ) {
    super(`${code} at offset ${offset}: expected ${expected} near "${excerpt}"`);
    this.code = code;
    this.offset = offset;
    this.expected = expected;
    this.excerpt = excerpt;
    this.quirk = quirk;
    this.tag = tag;
    this.status = status;
  }

  /**
   * The same error, carrying the tag and status of the response it happened in (see
   * {@link ImapParseError.tag}). Fields already set are kept.
   *
   * @example
   * ```ts
   * new ImapParseError('SYNTAX', 9, '"]"', '…').withResponse('A1', 'OK').tag; // 'A1'
   * ```
   */
  withResponse(tag: string | undefined, status: ErrorStatus | undefined): ImapParseError {
    return new ImapParseError(
      this.code,
      this.offset,
      this.expected,
      this.excerpt,
      this.quirk,
      this.tag ?? tag,
      this.status ?? status,
    );
  }
}

/** The status word of a failed status response (tagged `OK`/`NO`/`BAD`, or untagged `BYE`/`PREAUTH` too). */
export type ErrorStatus = 'OK' | 'NO' | 'BAD' | 'BYE' | 'PREAUTH';

const HEX = '0123456789abcdef';

/**
 * Escapes bytes for an error excerpt: printable ASCII as is, `\r` `\n` `\t` `\\` as escapes,
 * everything else as `\xNN`. Never decodes UTF-8: the excerpt shows the bytes as they were.
 */
export function escapeBytes(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
  }
  return out;
}

/** Bytes of context on each side of an error offset in its excerpt. */
const EXCERPT_CONTEXT = 24;

/** Builds the excerpt around `pos` in `bytes[start, end)`, marking the position with `⟨here⟩`. */
export function excerptAt(bytes: Uint8Array, start: number, end: number, pos: number): string {
  const from = Math.max(start, pos - EXCERPT_CONTEXT);
  const to = Math.min(end, pos + EXCERPT_CONTEXT);
  const p = Math.min(Math.max(pos, from), to);
  return `${from > start ? '…' : ''}${escapeBytes(bytes, from, p)}⟨here⟩${escapeBytes(bytes, p, to)}${to < end ? '…' : ''}`;
}
