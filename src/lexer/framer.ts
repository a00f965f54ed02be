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
 * memchr), a line is never re-scanned, text pieces that straddle chunks are concatenated once
 * per response, a literal inside one chunk is a `subarray` view and one that straddles chunks is
 * copied once into a buffer of its exact size. A literal count is believed only once its bytes
 * arrive: an announced `{4294967295}` beyond the limit allocates nothing.
 *
 * `{n}` at the end of a line is a literal only where the grammar allows one: a status response
 * (`* OK hello {5}`, `A1 NO [ALERT] quota {3}`) and a continuation request end in `text`, which
 * may end in `}`; only inside an open response code (`[BADCHARSET (` astring …) could a literal
 * stand there, so status lines are bracket-balanced before a trailing `{n}` is believed.
 */
import { escapeBytes, ImapParseError } from '../errors.ts';
import { bytesToFill, textToFill } from './alloc.ts';
import { Ch, DIGIT } from './chars.ts';
import { Frame } from './frame.ts';
import { classifyHead, Kind, statusTextStart } from './frame-kind.ts';

/** Size limits the framer enforces; each has its own error code. */
export interface FramerLimits {
  /** Longest line (text between literals), CRLF included. `LINE_TOO_LONG`. */
  readonly maxLineLength: number;
  /** Largest announced literal. `LITERAL_TOO_LARGE`. */
  readonly maxLiteralSize: number;
  /** Largest response, lines and literals together. `RESPONSE_TOO_LARGE`. */
  readonly maxResponseSize: number;
}

/** Where the framer delivers its results, in stream order. */
export interface FrameSink {
  /** A complete response. `frame` is reused: read it before returning. */
  frame(frame: Frame): void;
  /** A response that failed framing; the framer skips the rest of it. */
  error(error: ImapParseError): void;
}

const enum State {
  Line = 0,
  Literal = 1,
  SkipLiteral = 2,
}

/** Bytes of a line kept across a chunk boundary to read a split `~{4294967295+}` back. */
const TAIL = 32;
/** Bytes of a response's start read to tell a status response from the rest. */
const HEAD = 80;
const MAX_LITERAL_DIGITS = 10;
/** Bytes of a response's start shown in a framing error's excerpt. */
const EXCERPT_HEAD = 48;
const MAX_U32 = 0xffffffff;
const EMPTY = new Uint8Array(0);
/** The literals and resume points of a response without literals (frozen: a sink may keep them). */
const NO_LITERALS: Uint8Array[] = Object.freeze([]) as unknown as Uint8Array[];
const NO_RESUME: number[] = Object.freeze([]) as unknown as number[];
/**
 * Largest straddling literal whose exact-size buffer is made when its first bytes arrive
 * (16 MiB). A bound on what a hostile count costs before its bytes come; larger literals are
 * gathered as views and copied once at their end (peak 2x the literal instead of 1x).
 */
const LITERAL_PREALLOCATE = 16 * 1024 * 1024;

export class Framer {
  private readonly sink: FrameSink;
  private readonly limits: FramerLimits;
  private readonly out = new Frame();

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
  /** Bytes of the response consumed so far (text and literals). */
  private frameBytes = 0;
  /** Text bytes (without literal bytes) consumed so far. */
  private textLen = 0;
  private bareLf = false;
  private kind = Kind.Unknown;
  /** Bracket depth and quote state of a status response's code, carried across literals. */
  private codeDepth = 0;
  private codeQuoted = false;

  // The line in progress.
  /** Index in `chunk` where the current line's bytes in this chunk begin. */
  private lineStart = 0;
  /** Bytes of the current line that arrived in earlier chunks. */
  private lineBefore = 0;
  /** Absolute offset of the current line's first byte. */
  private lineOffset = 0;
  /** Index in `pBuf` of the current line's first piece (when the line straddles chunks). */
  private linePiece = 0;
  private readonly tail = new Uint8Array(TAIL);
  private tailLen = 0;

  // Text pieces of a response that straddles chunks.
  private pBuf: Uint8Array[] = [];
  private pStart: number[] = [];
  private pEnd: number[] = [];
  private pAbs: number[] = [];

  // Literals of the response.
  private lits: Uint8Array[] = [];
  /** Index in `chunk` where literal k's bytes start, while the response is contiguous. */
  private litPos: number[] = [];
  private resumeInline: number[] = [];
  private resumeCopied: number[] = [];
  /** The straddling literal being filled (or its pieces), and the count left to skip. */
  private litBuf: Uint8Array = EMPTY;
  private litParts: Uint8Array[] = [];
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
    this.kind = Kind.Unknown;
    this.codeDepth = 0;
    this.codeQuoted = false;
    this.beginLine(pos);
  }

  private beginLine(pos: number): void {
    this.state = State.Line;
    this.lineStart = pos;
    this.lineBefore = 0;
    this.lineOffset = this.base + pos;
    this.linePiece = this.pBuf.length;
    this.tailLen = 0;
  }

  private clearFrame(): void {
    // Setting an array's length is a runtime call in V8: only when there is something to drop
    // (most responses have no pieces and no literals; profile of the flags-sync benchmark).
    if (this.pBuf.length > 0) {
      this.pBuf.length = 0;
      this.pStart.length = 0;
      this.pEnd.length = 0;
      this.pAbs.length = 0;
    }
    if (this.lits.length > 0 || this.resumeCopied.length > 0) {
      this.lits = [];
      this.litPos = [];
      this.resumeInline = [];
      this.resumeCopied = [];
    }
    if (this.litParts.length > 0) this.litParts = [];
    this.litBuf = EMPTY;
  }

  /** The chunk ends inside a line. */
  private lineContinues(len: number): void {
    const chunk = this.chunk;
    const n = len - this.lineStart;
    if (!this.discarding && this.lineBefore + n > this.limits.maxLineLength) {
      this.fail(
        'LINE_TOO_LONG',
        this.lineOffset + this.limits.maxLineLength,
        `a line of at most ${this.limits.maxLineLength} bytes`,
      );
    } else if (!this.discarding && this.frameBytes + n > this.limits.maxResponseSize) {
      this.fail(
        'RESPONSE_TOO_LARGE',
        this.lineOffset,
        `a response of at most ${this.limits.maxResponseSize} bytes`,
      );
    }
    // Keep the line's last bytes: a literal announcement may straddle this boundary.
    if (n >= TAIL) {
      this.tail.set(chunk.subarray(len - TAIL, len), 0);
      this.tailLen = TAIL;
    } else {
      const keep = Math.min(this.tailLen, TAIL - n);
      this.tail.copyWithin(0, this.tailLen - keep, this.tailLen);
      this.tail.set(chunk.subarray(this.lineStart, len), keep);
      this.tailLen = keep + n;
    }
    this.lineBefore += n;
    this.textLen += n;
    this.frameBytes += n;
  }

  /** End of a push with a response in progress: keep its text as pieces of this chunk. */
  private keepAcrossChunk(len: number): void {
    if (this.contiguous) {
      this.contiguous = false;
      let s = this.frameStart;
      for (let k = 0; k < this.lits.length; k++) {
        const p = this.litPos[k]!;
        this.piece(s, p);
        s = p + this.lits[k]!.length;
      }
      if (this.state === State.Line) {
        this.piece(s, this.lineStart);
        this.linePiece = this.pBuf.length;
        this.piece(this.lineStart, len);
      } else {
        this.piece(s, this.litStartInChunk);
      }
    } else if (this.state === State.Line) {
      this.piece(this.lineStart, len);
    }
  }

  private piece(s: number, e: number): void {
    if (e <= s) return;
    this.pBuf.push(this.chunk);
    this.pStart.push(s);
    this.pEnd.push(e);
    this.pAbs.push(this.base + s);
  }

  /**
   * Byte `d` positions before `lf` in the current line; -1 before the line's start, -2 before
   * the bytes kept of a line that straddled chunks.
   */
  private back(lf: number, d: number): number {
    const i = lf - d;
    if (i >= this.lineStart) return this.chunk[i]!;
    const t = this.tailLen - (this.lineStart - i);
    if (t >= 0) return this.tail[t]!;
    return this.lineBefore > this.tailLen ? -2 : -1;
  }

  /** A line ends at `lf`. Returns the position to continue from. */
  private endLine(lf: number): number {
    const chunk = this.chunk;
    const lineLen = this.lineBefore + (lf + 1 - this.lineStart);
    this.textLen += lf + 1 - this.lineStart;
    this.frameBytes += lf + 1 - this.lineStart;
    let d = 1;
    if ((lf > this.lineStart ? chunk[lf - 1] : this.back(lf, 1)) === Ch.Cr) d = 2;
    else this.bareLf = true;

    // Read a literal announcement backwards: ["~"] "{" digits ["+"] "}".
    let count = -1;
    let countBad = false;
    let announceAt = -1;
    // Most lines end in ")" or text: one load decides when the byte is in this chunk.
    const last = lf - d >= this.lineStart ? chunk[lf - d]! : this.back(lf, d);
    if (last === Ch.RBrace) {
      let q = d + 1;
      if (this.back(lf, q) === Ch.Plus) q++;
      let digits = 0;
      let value = 0;
      let scale = 1;
      for (let c = this.back(lf, q); c >= 0 && DIGIT[c] === 1; c = this.back(lf, ++q)) {
        digits++;
        if (digits <= MAX_LITERAL_DIGITS + 1) {
          value += (c - Ch.Zero) * scale;
          scale *= 10;
        }
      }
      const open = this.back(lf, q);
      // -2: the digits run on past the bytes kept of a line that straddled chunks.
      if (digits > 0 && (open === Ch.LBrace || open === -2) && this.literalAllowed(lf, lineLen, q)) {
        if (open === -2 || digits > MAX_LITERAL_DIGITS || value > MAX_U32) countBad = true;
        else count = value;
        announceAt = this.lineOffset + lineLen - 1 - q;
      }
    }

    if (!this.discarding && lineLen > this.limits.maxLineLength) {
      this.fail(
        'LINE_TOO_LONG',
        this.lineOffset + this.limits.maxLineLength,
        `a line of at most ${this.limits.maxLineLength} bytes`,
      );
    } else if (!this.discarding && this.frameBytes > this.limits.maxResponseSize) {
      this.fail(
        'RESPONSE_TOO_LARGE',
        this.lineOffset,
        `a response of at most ${this.limits.maxResponseSize} bytes`,
      );
    }
    if (!this.discarding && countBad) {
      this.fail('BAD_LITERAL_COUNT', announceAt, 'a literal count below 2^32');
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
      this.fail('LITERAL_TOO_LARGE', announceAt, `a literal of at most ${this.limits.maxLiteralSize} bytes`);
    } else if (!this.discarding && this.frameBytes + count > this.limits.maxResponseSize) {
      this.fail(
        'RESPONSE_TOO_LARGE',
        announceAt,
        `a response of at most ${this.limits.maxResponseSize} bytes`,
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
    if (!this.contiguous) this.piece(this.lineStart, lf + 1);
    this.resumeCopied.push(this.textLen);
    this.resumeInline.push(start + count);
    const avail = chunk.length - start;
    if (avail >= count) {
      this.lits.push(chunk.subarray(start, start + count));
      this.litPos.push(start);
      this.beginLine(start + count);
      return start + count;
    }
    // The literal straddles the chunk end: its bytes end up in one buffer of its exact size,
    // copied once. Up to LITERAL_PREALLOCATE that buffer is made now; beyond, the pieces (views
    // of the pushed chunks) are kept and copied at the end, so that an announced count costs
    // memory only as its bytes arrive.
    this.litNeed = count;
    this.litFill = 0;
    this.litStartInChunk = start;
    this.state = State.Literal;
    if (count <= LITERAL_PREALLOCATE) this.litBuf = bytesToFill(count);
    return this.fillLiteral(start);
  }

  private fillLiteral(pos: number): number {
    const chunk = this.chunk;
    const n = Math.min(this.litNeed - this.litFill, chunk.length - pos);
    // A chunk wholly inside the literal (the common case) is copied without a view of it.
    if (this.litBuf.length > 0)
      this.litBuf.set(pos === 0 && n === chunk.length ? chunk : chunk.subarray(pos, pos + n), this.litFill);
    else this.litParts.push(chunk.subarray(pos, pos + n));
    this.litFill += n;
    pos += n;
    if (this.litFill === this.litNeed) {
      let value = this.litBuf;
      if (value.length === 0) {
        value = bytesToFill(this.litNeed);
        let o = 0;
        for (const p of this.litParts) {
          value.set(p, o);
          o += p.length;
        }
        this.litParts.length = 0;
      }
      this.lits.push(value);
      this.litPos.push(-1);
      this.litBuf = EMPTY;
      this.beginLine(pos);
    }
    return pos;
  }

  /**
   * Whether a `{n}` closing the current line announces a literal (see the file comment);
   * its `{` lies `q` bytes before the LF at `lf`.
   */
  private literalAllowed(lf: number, lineLen: number, q: number): boolean {
    if (this.kind === Kind.Unknown) this.kind = this.classify();
    if (this.kind === Kind.General) return true;
    if (this.kind === Kind.Continuation) return false;
    if (this.discarding) return this.codeDepth > 0;
    // Status response: balance the brackets of its code up to the announcement.
    const line = this.materializeLine(lf);
    let i = line.start;
    if (this.lits.length === 0) i += statusTextStart(line.buf, line.start, line.end);
    const stop = line.start + lineLen - 1 - q;
    let depth = this.codeDepth;
    let quoted = this.codeQuoted;
    if (this.lits.length === 0) {
      if (line.buf[i] !== Ch.LBracket) return false;
      depth = 0;
    }
    for (; i < stop; i++) {
      const c = line.buf[i]!;
      if (quoted) {
        if (c === Ch.Backslash) i++;
        else if (c === Ch.DQuote) quoted = false;
      } else if (c === Ch.DQuote) quoted = true;
      else if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket) {
        depth--;
        if (depth === 0) return false;
      }
    }
    this.codeDepth = depth;
    this.codeQuoted = quoted;
    return depth > 0;
  }

  /** The current line as one contiguous range (copies only when it straddles chunks). */
  private materializeLine(lf: number): { buf: Uint8Array; start: number; end: number } {
    if (this.lineBefore === 0) return { buf: this.chunk, start: this.lineStart, end: lf + 1 };
    const total = this.lineBefore + lf + 1 - this.lineStart;
    const buf = new Uint8Array(total);
    let o = 0;
    for (let k = this.linePiece; k < this.pBuf.length; k++) {
      buf.set(this.pBuf[k]!.subarray(this.pStart[k]!, this.pEnd[k]!), o);
      o += this.pEnd[k]! - this.pStart[k]!;
    }
    buf.set(this.chunk.subarray(this.lineStart, lf + 1), o);
    return { buf, start: 0, end: total };
  }

  /** Tells a status response or continuation from the rest, by the response's first bytes. */
  private classify(): Kind {
    const head = this.head();
    return head.length === 0 ? Kind.General : classifyHead(head);
  }

  /** Up to HEAD first bytes of the response in progress. */
  private head(): Uint8Array {
    // Contiguous (the common case: every FETCH with a PREVIEW literal asks): a view, no copy.
    if (this.contiguous)
      return this.chunk.subarray(this.frameStart, Math.min(this.chunk.length, this.frameStart + HEAD));
    const out = new Uint8Array(HEAD);
    let o = 0;
    for (let k = 0; k < this.pBuf.length && o < HEAD; k++) {
      const s = this.pStart[k]!;
      const e = Math.min(this.pEnd[k]!, s + HEAD - o);
      out.set(this.pBuf[k]!.subarray(s, e), o);
      o += e - s;
    }
    if (o < HEAD && this.state === State.Line) {
      const e = Math.min(this.chunk.length, this.lineStart + HEAD - o);
      out.set(this.chunk.subarray(this.lineStart, e), o);
      o += e - this.lineStart;
    }
    return out.subarray(0, o);
  }

  private fail(
    code: 'LINE_TOO_LONG' | 'LITERAL_TOO_LARGE' | 'RESPONSE_TOO_LARGE' | 'BAD_LITERAL_COUNT',
    offset: number,
    expected: string,
  ): void {
    if (this.kind === Kind.Unknown) this.kind = this.classify();
    // The response's bytes before the offset (at most EXCERPT_HEAD): they were all received
    // when the error was found, so the excerpt reads the same however the stream was chunked.
    const head = this.head();
    const n = Math.min(head.length, EXCERPT_HEAD, Math.max(0, offset - this.frameOffset));
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
      this.piece(this.lineStart, end);
      const buf = textToFill(this.textLen);
      const segText: number[] = [];
      const segStream: number[] = [];
      let o = 0;
      for (let k = 0; k < this.pBuf.length; k++) {
        const s = this.pStart[k]!;
        const e = this.pEnd[k]!;
        buf.set(this.pBuf[k]!.subarray(s, e), o);
        segText.push(o);
        segStream.push(this.pAbs[k]!);
        o += e - s;
      }
      f.buf = buf;
      f.start = 0;
      f.end = o;
      f.offset = this.frameOffset;
      f.resume = this.resumeCopied;
      f.segText = segText;
      f.segStream = segStream;
    }
    this.sink.frame(f);
    // The sink may have kept the arrays; start fresh ones.
    if (this.lits.length > 0) {
      this.lits = [];
      this.litPos = [];
      this.resumeInline = [];
      this.resumeCopied = [];
    }
  }
}
