/**
 * The streaming decoder: framer → cursor → grammar, with errors as values.
 */
import { excerptAt, ImapParseError } from './errors.ts';
import { Cursor } from './lexer/cursor.ts';
import type { Frame } from './lexer/frame.ts';
import { Framer, type FrameSink } from './lexer/framer.ts';
import type { BodyStreamItem } from './model/body-stream.ts';
import type { Response } from './model/response.ts';
import { releaseViews } from './parser/astring.ts';
import { type DecoderOptions, type ResolvedOptions, resolveOptions } from './parser/options.ts';
import type { QuirkName } from './parser/quirks.ts';
import { takeResponse } from './parser/response.ts';

/** A failed response in the decoder's output. Decoding goes on after it. */
export interface DecodeError {
  type: 'error';
  error: ImapParseError;
}

/** What the decoder yields: a response, or the error that one malformed response became. */
export type DecodeItem = Response | DecodeError;

/** What {@link StreamingResponseDecoder} yields: decode items and the items of streamed bodies. */
export type StreamItem = DecodeItem | BodyStreamItem;

/**
 * Decodes the bytes an IMAP server sends, pushed in chunks of any size, into typed responses.
 *
 * Values that are byte strings (`BODY[]`, literals, quoted strings) are views into the pushed
 * chunks when their bytes arrived in one chunk: do not modify a chunk after pushing it.
 *
 * @example
 * ```ts
 * const dec = new ResponseDecoder();
 * for (const item of dec.push(new TextEncoder().encode('* 3 EXISTS\r\nA1 OK done\r\n'))) {
 *   if (item.type === 'error') console.error(item.error.code, item.error.offset);
 *   else console.log(item); // { type: 'untagged', kind: 'exists', count: 3 }, then the tagged OK
 * }
 * dec.end(); // [] — or a TRUNCATED error if the stream stopped inside a response
 * ```
 */
export class ResponseDecoder {
  private readonly options: ResolvedOptions;
  private readonly framer: Framer;
  private readonly cursor = new Cursor();
  private out: StreamItem[] = [];
  /**
   * Stream offset just after the first complete response (for {@link parseResponse}).
   * @internal
   */
  firstEnd = -1;
  /** How often each quirk was tolerated so far. */
  readonly quirks = new Map<QuirkName, number>();

  /** `streaming` (internal): hand out large FETCH bodies in pieces, for {@link StreamingResponseDecoder}. */
  constructor(options?: DecoderOptions, streaming?: true) {
    this.options = resolveOptions(options);
    this.cursor.maxDepth = this.options.maxDepth;
    this.cursor.strict = this.options.strict;
    this.cursor.quirk = this.options.strict
      ? (name, at) => this.cursor.fail(`no quirk (strict mode refuses ${name})`, at, 'STRICT', name)
      : (name) => this.quirks.set(name as QuirkName, (this.quirks.get(name as QuirkName) ?? 0) + 1);
    const sink: FrameSink = {
      frame: (f) => this.onFrame(f),
      error: (e) => this.out.push({ type: 'error', error: e }),
    };
    if (streaming === true && this.options.streamThreshold !== Number.POSITIVE_INFINITY) {
      sink.bodyStart = (info, size, offset) => {
        const start: BodyStreamItem = {
          type: 'body-start',
          seq: info.seq,
          item: info.item,
          section: info.section,
          size,
          offset,
        };
        if (info.origin !== undefined) start.origin = info.origin;
        this.out.push(start);
      };
      sink.bodyPiece = (bytes) => this.out.push({ type: 'body-piece', bytes });
      sink.bodyEnd = () => this.out.push({ type: 'body-end' });
    }
    this.framer = new Framer(sink, this.options);
  }

  /** Feeds a chunk; returns the responses (and errors) it completed, in stream order. */
  push(chunk: Uint8Array): DecodeItem[] {
    this.out = [];
    this.framer.push(chunk);
    releaseViews();
    // Body items are made only for StreamingResponseDecoder (its `streaming` flag).
    return this.out as DecodeItem[];
  }

  /** Ends the stream: a `TRUNCATED` error if it stopped inside a response, else nothing. */
  end(): DecodeItem[] {
    const out: DecodeItem[] = [];
    if (this.framer.pending) {
      const at = this.framer.pendingOffset;
      out.push({
        type: 'error',
        error: new ImapParseError(
          'TRUNCATED',
          at,
          'the rest of the response (the stream ended)',
          '⟨end of stream⟩',
        ),
      });
    }
    this.framer.reset();
    return out;
  }

  /** True while a response is partly received. */
  get pending(): boolean {
    return this.framer.pending;
  }

  /**
   * The items of the last push, body items included.
   * @internal
   */
  get lastItems(): StreamItem[] {
    return this.out;
  }

  /**
   * A response with a multi-octet literal failed: read it once more taking literal lengths as
   * character counts (quirk `literalCountedInCharacters`). The first error stands if that fails.
   */
  private reparseByCharacters(frame: Frame, first: ImapParseError): DecodeItem {
    const cur = this.cursor;
    cur.reset(frame);
    cur.charCountLiterals = true;
    try {
      return takeResponse(cur);
    } catch {
      return { type: 'error', error: first };
    } finally {
      cur.charCountLiterals = false;
    }
  }

  /**
   * A response with a DQUOTE inside a quoted string failed: read it once more taking a DQUOTE
   * that no SP, ")", "]" or line end follows as content (quirk `unescapedQuote`). A first loose
   * read reports nothing; only when it succeeds is the response read again with the quirks
   * reported (counted, or in strict mode the `STRICT` error). Else the first error stands.
   */
  private reparseLooseQuotes(frame: Frame, first: ImapParseError): DecodeItem {
    const cur = this.cursor;
    const hook = cur.quirk;
    cur.looseQuotes = true;
    try {
      cur.quirk = () => {};
      cur.reset(frame);
      try {
        takeResponse(cur);
      } catch {
        return { type: 'error', error: first };
      }
      cur.quirk = hook;
      cur.reset(frame);
      return takeResponse(cur);
    } catch (e) {
      return { type: 'error', error: asParseError(e, cur, frame) };
    } finally {
      cur.quirk = hook;
      cur.looseQuotes = false;
    }
  }

  private onFrame(frame: Frame): void {
    const cur = this.cursor;
    cur.reset(frame);
    if (this.firstEnd < 0) this.firstEnd = frame.streamOffset(frame.end);
    try {
      if (frame.bareLf) cur.quirk('bareLf', frame.start);
      this.out.push(takeResponse(cur));
    } catch (e) {
      const retry =
        !this.options.strict &&
        e instanceof ImapParseError &&
        e.code === 'SYNTAX' &&
        hasMultibyteLiteral(frame);
      if (retry) this.out.push(this.reparseByCharacters(frame, e));
      else if (e instanceof ImapParseError && e.code === 'SYNTAX' && hasInnerQuote(frame))
        this.out.push(this.reparseLooseQuotes(frame, e));
      else this.out.push({ type: 'error', error: asParseError(e, cur, frame) });
    }
  }
}

/**
 * A {@link ResponseDecoder} that hands out large FETCH bodies as they arrive (issue #20): a FETCH
 * body literal (`BODY[…]`, `BINARY[…]`, `RFC822*`) of more than `streamThreshold` bytes comes as
 * a `body-start` item, `body-piece` items (views of the pushed chunks, no copy) and a
 * `body-end`, then the FETCH response with that value empty and marked `streamed`; memory stays
 * at one chunk whatever the body's size. Smaller literals are values as always.
 *
 * @example
 * ```ts
 * const dec = new StreamingResponseDecoder({ streamThreshold: 64 * 1024 });
 * for (const item of dec.push(chunk)) {
 *   if (item.type === 'body-start') file = openFile(`${item.seq}-${item.section}`);
 *   else if (item.type === 'body-piece') file.write(item.bytes);
 *   else if (item.type === 'body-end') file.close();
 * }
 * ```
 */
export class StreamingResponseDecoder {
  private readonly dec: ResponseDecoder;

  constructor(options: DecoderOptions & { streamThreshold: number }) {
    this.dec = new ResponseDecoder(options, true);
  }

  /** Feeds a chunk; returns the items it completed, in stream order. */
  push(chunk: Uint8Array): StreamItem[] {
    this.dec.push(chunk);
    return this.dec.lastItems;
  }

  /** Ends the stream: a `TRUNCATED` error if it stopped inside a response (or a body). */
  end(): StreamItem[] {
    return this.dec.end();
  }

  /** True while a response is partly received. */
  get pending(): boolean {
    return this.dec.pending;
  }

  /** How often each quirk was tolerated so far. */
  get quirks(): ReadonlyMap<QuirkName, number> {
    return this.dec.quirks;
  }
}

/** A literal with a UTF-8 multi-octet character: one a character-counting server could have cut. */
function hasMultibyteLiteral(frame: Frame): boolean {
  for (const lit of frame.literals) {
    for (let i = 0; i < lit.length; i++) if (lit[i]! >= 0xc0) return true;
  }
  return false;
}

/** Any exception from the grammar as an `ImapParseError`: a bug must not stop the stream. */
function asParseError(e: unknown, cur: Cursor, frame: Frame): ImapParseError {
  if (e instanceof ImapParseError) return e;
  const at = Math.min(cur.pos, frame.end);
  return new ImapParseError(
    'SYNTAX',
    frame.streamOffset(at),
    `valid input (internal error: ${e instanceof Error ? e.message : String(e)})`,
    excerptAt(frame.buf, frame.start, frame.end, at),
  );
}

/**
 * Parses exactly one complete response (CRLF included).
 *
 * @throws ImapParseError when the bytes are not one valid response (`TRUNCATED` when incomplete).
 * @example
 * ```ts
 * parseResponse(new TextEncoder().encode('* 5 FETCH (UID 9 FLAGS (\\Seen))\r\n'));
 * // { type: 'untagged', kind: 'fetch', seq: 5, attributes: { uid: 9, flags: ['\\Seen'] } }
 * ```
 */
export function parseResponse(bytes: Uint8Array, options?: DecoderOptions): Response {
  const dec = new ResponseDecoder(options);
  const items = [...dec.push(bytes), ...dec.end()];
  const first = items[0];
  if (first === undefined) {
    throw new ImapParseError('TRUNCATED', 0, 'a complete response', excerptAt(bytes, 0, bytes.length, 0));
  }
  if (first.type === 'error') throw first.error;
  if (items.length > 1) {
    const at = dec.firstEnd;
    throw new ImapParseError(
      'SYNTAX',
      at,
      'exactly one response',
      excerptAt(bytes, 0, bytes.length, Math.min(at, bytes.length)),
    );
  }
  return first;
}

/** Whether the response's text holds a DQUOTE (a quoted string that could hold an unescaped one). */
function hasInnerQuote(frame: Frame): boolean {
  return frame.buf.subarray(frame.start, frame.end).includes(0x22);
}
