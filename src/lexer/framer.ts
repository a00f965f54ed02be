/**
 * The framer: cuts a byte stream, pushed in chunks of any size, into complete responses
 * (RFC 9051 §2.2, §4.3: lines ending in CRLF, each possibly ending in a literal announcement).
 *
 * ```abnf
 * literal  = "{" number64 ["+"] "}" CRLF *CHAR8   ; RFC 9051 (the "+" is RFC 7888 LITERAL+)
 * literal8 = "~{" number64 "}" CRLF *OCTET        ; RFC 3516 BINARY
 * ```
 *
 * One pass, linear in the input whatever the chunking: LF is found with `indexOf` (native
 * memchr), a line is never re-scanned, a literal inside one chunk is a `subarray` view and one
 * that straddles chunks is copied once into a buffer of its exact size. A literal count is
 * believed only once its bytes arrive: an announced `{4294967295}` beyond the limit allocates
 * nothing. Memory follows the bytes of a response, never the number of chunks it came in: the
 * text of a response that straddles chunks, and a literal above 16 MiB, are gathered into
 * doubling buffers (grow.ts), not kept as one view per chunk.
 *
 * Every decision is a function of the bytes alone, so every chunking gives the same items, error
 * codes, offsets and excerpts: the kind of a response (whether a `{n}` closing its line is a
 * literal) comes from the grammar of its whole first line (frame-kind.ts), the announcement from
 * an automaton that carries across chunks (announce.ts), and the limits are checked by where in
 * the stream they are first exceeded, not by when a chunk happened to end.
 */
import { escapeBytes, ImapParseError } from '../errors.ts';
import { bytesToFill, textToFill } from './alloc.ts';
import { AnnounceScanner } from './announce.ts';
import { type BodyItemInfo, fetchBodyItem } from './body-item.ts';
import { Ch } from './chars.ts';
import { Frame } from './frame.ts';
import { Kind, KindScanner } from './frame-kind.ts';
import { grown } from './grow.ts';

/** Size limits the framer enforces; each has its own error code. */
export interface FramerLimits {
  /** Longest line (text between literals), CRLF included. `LINE_TOO_LONG`. */
  readonly maxLineLength: number;
  /** Longest line of a SEARCH, SORT, THREAD, ESEARCH or VANISHED response. `LINE_TOO_LONG`. */
  readonly maxNumberListLength: number;
  /** Largest announced literal. `LITERAL_TOO_LARGE`. */
  readonly maxLiteralSize: number;
  /** Largest response, lines and literals together. `RESPONSE_TOO_LARGE`. */
  readonly maxResponseSize: number;
  /**
   * FETCH body literals larger than this are handed to the sink's `body*` callbacks as they
   * arrive instead of being gathered (`Infinity`: never).
   */
  readonly streamThreshold: number;
}

/** Where the framer delivers its results, in stream order. */
export interface FrameSink {
  /** A complete response. `frame` is reused: read it before returning. */
  frame(frame: Frame): void;
  /** A response that failed framing; the framer skips the rest of it. */
  error(error: ImapParseError): void;
  /** A streamed body begins (a FETCH body literal above `streamThreshold`). */
  bodyStart?(info: BodyItemInfo, size: number, offset: number): void;
  /** The next bytes of the streamed body: a view of the pushed chunk, no copy. */
  bodyPiece?(bytes: Uint8Array): void;
  /** The streamed body's last byte arrived. */
  bodyEnd?(): void;
}

const enum State {
  Line = 0,
  Literal = 1,
  SkipLiteral = 2,
  /** A FETCH body literal handed out piece by piece (issue #20). */
  StreamLiteral = 3,
}

/** Bytes of a response's start shown in a framing error's excerpt. */
const EXCERPT_HEAD = 48;
const EMPTY = new Uint8Array(0);
/** The literals and resume points of a response without literals (frozen: a sink may keep them). */
const NO_LITERALS: Uint8Array[] = Object.freeze([]) as unknown as Uint8Array[];
const NO_RESUME: number[] = Object.freeze([]) as unknown as number[];
const NO_STREAMED: boolean[] = Object.freeze([]) as unknown as boolean[];
/** Bytes of a response's first line read to tell `* n FETCH (` for a streamed body. */
const HEAD = 32;
/**
 * Largest straddling literal whose exact-size buffer is made when its first bytes arrive
 * (16 MiB). A bound on what a hostile count costs before its bytes come; larger literals are
 * gathered in a doubling buffer capped at their size (memory at most twice the bytes received).
 */
const LITERAL_PREALLOCATE = 16 * 1024 * 1024;
/**
 * The text buffer is kept for the next response up to this size; a response whose text is
 * larger takes the buffer with it (no second copy of a long line), and a discarded one drops it.
 */
const TEXT_KEEP = 1024 * 1024;

export class Framer {
  private readonly sink: FrameSink;
  private readonly limits: FramerLimits;
  private readonly out = new Frame();
  private readonly kind = new KindScanner();
  private readonly announce = new AnnounceScanner();

  private state = State.Line;
  /** Absolute offset of `chunk[0]`. */
  private base = 0;
  private chunk: Uint8Array = EMPTY;

  // The response in progress.
  private inFrame = false;
  /** The response already failed: consume it to its end, deliver nothing. */
  private discarding = false;
  /** Everything of the response so far lies in `chunk`, from `frameStart`. */
  private contiguous = true;
  private frameStart = 0;
  private frameOffset = 0;
  /** Bytes of the response consumed so far (text and literals, a literal from its announcement). */
  private frameBytes = 0;
  /** Text bytes (without literal bytes) consumed so far. */
  private textLen = 0;
  private bareLf = false;

  // The line in progress.
  /** Index in `chunk` where the current line's bytes in this chunk begin. */
  private lineStart = 0;
  /** Bytes of the current line that arrived in earlier chunks. */
  private lineBefore = 0;
  /** Absolute offset of the current line's first byte. */
  private lineOffset = 0;
  /** The last byte of the current line in earlier chunks (a CR before an LF that opens a chunk). */
  private lastByte = -1;

  /** The text of a response that straddles chunks, gathered (`textUsed` bytes of it). */
  private text: Uint8Array = EMPTY;
  private textUsed = 0;

  // Literals of the response.
  private lits: Uint8Array[] = [];
  /** Index in `chunk` where literal k's bytes start, while the response is contiguous. */
  private litPos: number[] = [];
  private resumeInline: number[] = [];
  private resumeCopied: number[] = [];
  /** Announced size of literal k (a streamed literal's value is empty). */
  private litSizes: number[] = [];
  /** Literal k was streamed (empty unless some literal was). */
  private litStreamed: boolean[] = NO_STREAMED;
  /** The straddling literal being filled, and the count left to skip. */
  private litBuf: Uint8Array = EMPTY;
  private litFill = 0;
  private litNeed = 0;
  /** Index in `chunk` where a literal that straddles the chunk end started. */
  private litStartInChunk = 0;

  constructor(sink: FrameSink, limits: FramerLimits) {
    this.sink = sink;
    this.limits = limits;
  }

  /** Absolute offset of the next byte to be pushed. */
  get position(): number {
    return this.base + this.chunk.length;
  }

  /** True while a response is partly received. */
  get pending(): boolean {
    return this.inFrame;
  }

  /** Absolute offset where the partly received response began. */
  get pendingOffset(): number {
    return this.frameOffset;
  }

  /** Feeds one chunk. The chunk must not be modified afterwards: literals may be views into it. */
  push(chunk: Uint8Array): void {
    this.base += this.chunk.length;
    this.chunk = chunk;
    const len = chunk.length;
    let pos = 0;
    if (this.state === State.Line) this.lineStart = 0;
    while (pos < len) {
      if (this.state === State.Literal) {
        pos = this.fillLiteral(pos);
        continue;
      }
      if (this.state === State.StreamLiteral) {
        pos = this.streamLiteral(pos);
        continue;
      }
      if (this.state === State.SkipLiteral) {
        const n = Math.min(this.litNeed, len - pos);
        this.litNeed -= n;
        pos += n;
        if (this.litNeed === 0) this.beginLine(pos);
        continue;
      }
      let lf: number;
      if (!this.inFrame) {
        pos = this.wholeLines(pos);
        if (pos >= len) break;
        this.beginFrame(pos);
        lf = this.lfFound;
      } else lf = chunk.indexOf(Ch.Lf, pos);
      if (lf < 0) {
        this.lineContinues(len);
        pos = len;
        break;
      }
      pos = this.endLine(lf);
    }
    if (this.inFrame && !this.discarding) this.keepAcrossChunk(len);
  }

  /**
   * The fast path at a response boundary: delivers each following response that is one whole
   * line of this chunk, ends in CRLF, does not end in `}` (no literal to decide on) and is within
   * the line limit, straight from the chunk, without the per-response state of {@link endLine}.
   * Most responses of a FLAGS sync, a LIST or an IDLE push are such lines; the framer's fixed
   * cost per response (beginFrame, beginLine, endLine, deliver) was 15-22 % of those workloads
   * (bench/profile-notes.md). Returns where the general path takes over, with the first LF
   * from there (or -1) in {@link lfFound}: no byte is searched twice.
   */
  private wholeLines(pos: number): number {
    const chunk = this.chunk;
    const len = chunk.length;
    const max = Math.min(this.limits.maxLineLength, this.limits.maxResponseSize);
    const f = this.out;
    while (pos < len) {
      const lf = chunk.indexOf(Ch.Lf, pos);
      // `lf - pos < 2`: an empty line or a bare LF; the general path reports those.
      if (lf - pos < 2 || lf + 1 - pos > max || chunk[lf - 1] !== Ch.Cr || chunk[lf - 2] === Ch.RBrace) {
        this.lfFound = lf;
        return pos;
      }
      f.bareLf = false;
      f.literals = NO_LITERALS;
      f.buf = chunk;
      f.start = pos;
      f.end = lf + 1;
      f.offset = this.base + pos;
      f.resume = NO_RESUME;
      f.streamed = NO_STREAMED;
      if (f.segText.length > 0) {
        f.segText = [];
        f.segStream = [];
      }
      this.sink.frame(f);
      pos = lf + 1;
    }
    this.lfFound = -1;
    return pos;
  }

  /** The LF {@link wholeLines} found where it stopped. */
  private lfFound = -1;

  /** Resets all state (after `end()`, or to drop a half-received response). */
  reset(): void {
    this.base += this.chunk.length;
    this.chunk = EMPTY;
    this.state = State.Line;
    this.inFrame = false;
    this.discarding = false;
    this.clearFrame();
  }

  private beginFrame(pos: number): void {
    this.inFrame = true;
    this.discarding = false;
    this.contiguous = true;
    this.frameStart = pos;
    this.frameOffset = this.base + pos;
    this.frameBytes = 0;
    this.textLen = 0;
    this.bareLf = false;
    this.kind.reset();
    this.beginLine(pos);
  }

  private beginLine(pos: number): void {
    this.state = State.Line;
    this.lineStart = pos;
    this.lineBefore = 0;
    this.lineOffset = this.base + pos;
    this.lastByte = -1;
    this.announce.reset();
  }

  private clearFrame(): void {
    // Setting an array's length is a runtime call in V8: only when there is something to drop
    // (most responses have no literals; profile of the flags-sync benchmark).
    if (this.lits.length > 0 || this.resumeCopied.length > 0) this.freshLiterals();
    if (this.text.length > TEXT_KEEP) this.text = EMPTY;
    this.textUsed = 0;
    this.litBuf = EMPTY;
  }

  /** The chunk ends inside a line. */
  private lineContinues(len: number): void {
    const chunk = this.chunk;
    const n = len - this.lineStart;
    if (this.kind.open) this.kind.feed(chunk, this.lineStart, len);
    this.announce.scan(chunk, this.lineStart, len, this.base);
    this.lineBefore += n;
    this.textLen += n;
    this.frameBytes += n;
    this.lastByte = chunk[len - 1]!;
    if (!this.discarding) this.checkText(this.lineBefore, len);
  }

  /**
   * Fails the response if its text so far is past the line or the response limit. Both are
   * "more bytes received than the limit", so whichever limit is crossed first in the stream is
   * the one reported, at the first byte past it, however the bytes were chunked. `upto` is
   * where the received bytes end in the current chunk.
   */
  private checkText(lineLen: number, upto: number): void {
    const { maxResponseSize } = this.limits;
    // The longer limit holds only if the first word settled it within the ordinary limit: then
    // every chunking agrees on which limit a line is under (an undecided line is ordinary).
    const k = this.kind;
    const maxLineLength =
      k.kind === Kind.NumberList && k.settledAt <= this.limits.maxLineLength
        ? this.limits.maxNumberListLength
        : this.limits.maxLineLength;
    const lineOver = lineLen > maxLineLength;
    const lineAt = this.lineOffset + maxLineLength;
    const respAt = this.frameOffset + maxResponseSize;
    const respOver = this.frameBytes > maxResponseSize;
    if (lineOver && (!respOver || lineAt <= respAt))
      this.fail('LINE_TOO_LONG', lineAt, `a line of at most ${maxLineLength} bytes`, upto);
    else if (respOver)
      this.fail('RESPONSE_TOO_LARGE', respAt, `a response of at most ${maxResponseSize} bytes`, upto);
  }

  /** End of a push with a response in progress: keep its text (the literals are kept apart). */
  private keepAcrossChunk(len: number): void {
    if (this.contiguous) {
      this.contiguous = false;
      let s = this.frameStart;
      s = this.keepInlineText(s);
      this.keepText(s, this.state === State.Line ? len : this.litStartInChunk);
    } else if (this.state === State.Line) {
      this.keepText(this.lineStart, len);
    }
  }

  /** Keeps the text of a contiguous response from `s` past its inline literals; returns where it stopped. */
  private keepInlineText(s: number): number {
    for (let k = 0; k < this.lits.length; k++) {
      const p = this.litPos[k]!;
      this.keepText(s, p);
      s = p + this.litSizes[k]!;
    }
    return s;
  }

  /** Appends `chunk[s, e)` to the response's gathered text. */
  private keepText(s: number, e: number): void {
    if (e <= s) return;
    const used = this.textUsed;
    if (used + (e - s) > this.text.length)
      this.text = grown(this.text, used, used + (e - s), Number.POSITIVE_INFINITY);
    this.text.set(this.chunk.subarray(s, e), used);
    this.textUsed = used + (e - s);
  }

  /** A line ends at `lf`. Returns the position to continue from. */
  private endLine(lf: number): number {
    const chunk = this.chunk;
    const n = lf + 1 - this.lineStart;
    this.textLen += n;
    this.frameBytes += n;
    const beforeLf = lf > this.lineStart ? chunk[lf - 1]! : this.lastByte;
    if (beforeLf !== Ch.Cr) this.bareLf = true;
    if (this.kind.open) this.kind.feed(chunk, this.lineStart, lf + 1);
    const ann = this.announce;
    ann.scan(chunk, this.lineStart, lf, this.base);

    let count = -1;
    let countBad = false;
    let announceAt = -1;
    if (ann.announced && this.kind.literalAllowed()) {
      count = ann.count;
      announceAt = ann.at;
      if (count < 0) countBad = true;
    }

    if (!this.discarding) this.checkText(this.lineBefore + n, lf + 1);
    if (!this.discarding && countBad) {
      this.fail('BAD_LITERAL_COUNT', announceAt, 'a literal count below 2^32', lf + 1);
    }

    if (count < 0) {
      // The response ends here.
      if (!this.discarding) this.deliver(lf + 1);
      this.inFrame = false;
      this.discarding = false;
      this.clearFrame();
      return lf + 1;
    }

    // A literal follows.
    if (!this.discarding && count > this.limits.maxLiteralSize) {
      this.fail(
        'LITERAL_TOO_LARGE',
        announceAt,
        `a literal of at most ${this.limits.maxLiteralSize} bytes`,
        lf + 1,
      );
    } else if (!this.discarding && this.frameBytes + count > this.limits.maxResponseSize) {
      this.fail(
        'RESPONSE_TOO_LARGE',
        announceAt,
        `a response of at most ${this.limits.maxResponseSize} bytes`,
        lf + 1,
      );
    }
    const start = lf + 1;
    this.frameBytes += count;
    if (this.discarding) {
      this.litNeed = count;
      this.state = State.SkipLiteral;
      if (count === 0) this.beginLine(start);
      return start;
    }
    if (count > this.limits.streamThreshold && this.sink.bodyStart !== undefined) {
      const info = this.bodyItem(lf, announceAt);
      if (info !== null) return this.beginStream(lf, count, announceAt, info);
    }
    if (!this.contiguous) this.keepText(this.lineStart, lf + 1);
    this.resumeCopied.push(this.textLen);
    this.resumeInline.push(start + count);
    this.litSizes.push(count);
    if (this.litStreamed !== NO_STREAMED) this.litStreamed.push(false);
    const avail = chunk.length - start;
    if (avail >= count) {
      this.lits.push(chunk.subarray(start, start + count));
      this.litPos.push(start);
      this.beginLine(start + count);
      return start + count;
    }
    // The literal straddles the chunk end: its bytes end up in one buffer of its exact size.
    // Up to LITERAL_PREALLOCATE that buffer is made now; beyond, it grows as the bytes arrive,
    // so that an announced count costs memory only as its bytes come.
    this.litNeed = count;
    this.litFill = 0;
    this.litStartInChunk = start;
    this.state = State.Literal;
    this.litBuf = count <= LITERAL_PREALLOCATE ? bytesToFill(count) : EMPTY;
    return this.fillLiteral(start);
  }

  /** The FETCH body item the literal announced at `announceAt` (on the line ending at `lf`) is. */
  private bodyItem(lf: number, announceAt: number): BodyItemInfo | null {
    const chunk = this.chunk;
    let line: Uint8Array;
    if (this.lineBefore === 0) line = chunk.subarray(this.lineStart, lf + 1);
    else {
      line = new Uint8Array(this.lineBefore + lf + 1 - this.lineStart);
      line.set(this.text.subarray(this.textUsed - this.lineBefore, this.textUsed), 0);
      line.set(chunk.subarray(this.lineStart, lf + 1), this.lineBefore);
    }
    let head = line;
    if (this.lits.length > 0)
      head = this.contiguous
        ? chunk.subarray(this.frameStart, this.frameStart + HEAD)
        : this.text.subarray(0, Math.min(HEAD, this.textUsed));
    return fetchBodyItem(head, line, announceAt - this.lineOffset);
  }

  /**
   * Starts handing out a FETCH body literal as it arrives. The response's text is gathered from
   * here on whatever the chunking (a streamed literal is not in the frame), so the frame, its
   * offsets and its error excerpts are the same for every chunking.
   */
  private beginStream(lf: number, count: number, announceAt: number, info: BodyItemInfo): number {
    if (this.contiguous) {
      this.contiguous = false;
      this.keepText(this.keepInlineText(this.frameStart), lf + 1);
    } else this.keepText(this.lineStart, lf + 1);
    if (this.litStreamed === NO_STREAMED) this.litStreamed = this.lits.map(() => false);
    this.litStreamed.push(true);
    this.lits.push(EMPTY);
    this.litPos.push(-1);
    this.litSizes.push(count);
    this.resumeCopied.push(this.textLen);
    this.resumeInline.push(-1);
    this.litNeed = count;
    this.state = State.StreamLiteral;
    this.sink.bodyStart!(info, count, announceAt);
    return lf + 1;
  }

  private streamLiteral(pos: number): number {
    const chunk = this.chunk;
    const n = Math.min(this.litNeed, chunk.length - pos);
    this.sink.bodyPiece!(pos === 0 && n === chunk.length ? chunk : chunk.subarray(pos, pos + n));
    this.litNeed -= n;
    pos += n;
    if (this.litNeed === 0) {
      this.sink.bodyEnd!();
      this.beginLine(pos);
    }
    return pos;
  }

  private fillLiteral(pos: number): number {
    const chunk = this.chunk;
    const n = Math.min(this.litNeed - this.litFill, chunk.length - pos);
    if (this.litFill + n > this.litBuf.length)
      this.litBuf = grown(this.litBuf, this.litFill, this.litFill + n, this.litNeed);
    // A chunk wholly inside the literal (the common case) is copied without a view of it.
    this.litBuf.set(pos === 0 && n === chunk.length ? chunk : chunk.subarray(pos, pos + n), this.litFill);
    this.litFill += n;
    pos += n;
    if (this.litFill === this.litNeed) {
      this.lits.push(this.litBuf);
      this.litPos.push(-1);
      this.litBuf = EMPTY;
      this.beginLine(pos);
    }
    return pos;
  }

  /**
   * The response's first `n` wire bytes (literals in place), however it was chunked; `upto` is
   * where the bytes received so far end in the current chunk (the current line is not kept yet).
   */
  private wireHead(n: number, upto: number): Uint8Array {
    const chunk = this.chunk;
    if (this.contiguous) return chunk.subarray(this.frameStart, Math.min(upto, this.frameStart + n));
    const out = new Uint8Array(n);
    let o = 0;
    let t = 0;
    const take = (src: Uint8Array, s: number, e: number): void => {
      const m = Math.min(e - s, n - o);
      if (m <= 0) return;
      out.set(src.subarray(s, s + m), o);
      o += m;
    };
    for (let k = 0; k < this.lits.length && o < n; k++) {
      const r = this.resumeCopied[k]!;
      take(this.text, t, r);
      t = r;
      take(this.lits[k]!, 0, this.lits[k]!.length);
    }
    take(this.text, t, this.textUsed);
    take(chunk, this.lineStart, upto);
    return out.subarray(0, o);
  }

  private fail(
    code: 'LINE_TOO_LONG' | 'LITERAL_TOO_LARGE' | 'RESPONSE_TOO_LARGE' | 'BAD_LITERAL_COUNT',
    offset: number,
    expected: string,
    upto: number,
  ): void {
    // The response's bytes before the offset (at most EXCERPT_HEAD): they were all received
    // when the error was found, so the excerpt reads the same however the stream was chunked.
    const want = Math.min(EXCERPT_HEAD, Math.max(0, offset - this.frameOffset));
    const head = this.wireHead(want, upto);
    const n = head.length;
    const excerpt = `${escapeBytes(head, 0, n)}${n < offset - this.frameOffset ? '…' : ''}⟨here⟩…`;
    this.discarding = true;
    this.clearFrame();
    this.sink.error(new ImapParseError(code, offset, expected, excerpt));
  }

  /** Hands the complete response ending before `end` (index in chunk) to the sink. */
  private deliver(end: number): void {
    const f = this.out;
    f.bareLf = this.bareLf;
    f.literals = this.lits;
    if (this.contiguous) {
      f.buf = this.chunk;
      f.start = this.frameStart;
      f.end = end;
      f.offset = this.frameOffset;
      f.resume = this.resumeInline;
      if (f.segText.length > 0) {
        f.segText = [];
        f.segStream = [];
      }
    } else {
      this.keepText(this.lineStart, end);
      const used = this.textUsed;
      let buf: Uint8Array;
      if (used > TEXT_KEEP) {
        // A long text keeps its gathering buffer (no second copy); the next starts afresh.
        buf = this.text.subarray(0, used);
        this.text = EMPTY;
      } else {
        buf = textToFill(used);
        buf.set(this.text.subarray(0, used), 0);
      }
      this.textUsed = 0;
      // The text is the wire bytes without the literals: stream offsets step at each literal.
      const segText = [0];
      const segStream = [this.frameOffset];
      let skipped = 0;
      for (let k = 0; k < this.lits.length; k++) {
        skipped += this.litSizes[k]!;
        segText.push(this.resumeCopied[k]!);
        segStream.push(this.frameOffset + this.resumeCopied[k]! + skipped);
      }
      f.buf = buf;
      f.start = 0;
      f.end = used;
      f.offset = this.frameOffset;
      f.resume = this.resumeCopied;
      f.segText = segText;
      f.segStream = segStream;
    }
    f.streamed = this.litStreamed;
    this.sink.frame(f);
    // The sink may have kept the arrays; start fresh ones.
    if (this.lits.length > 0) this.freshLiterals();
  }

  private freshLiterals(): void {
    this.lits = [];
    this.litPos = [];
    this.resumeInline = [];
    this.resumeCopied = [];
    this.litSizes = [];
    this.litStreamed = NO_STREAMED;
  }
}
