/**
 * The server side's framer: cuts the bytes a client sends, pushed in chunks of any size, into
 * complete commands (RFC 9051 §2.2.1, §4.3), and tells the server when a synchronising literal is
 * announced, because the client then waits for `+` before it sends the literal's bytes.
 *
 * ```abnf
 * command  = tag SP (…) CRLF
 * literal  = "{" number64 ["+"] "}" CRLF *CHAR8     ; "+": RFC 7888 non-synchronising
 * literal8 = "~{" number64 ["+"] "}" CRLF *OCTET    ; RFC 3516
 * ```
 * In a command, a line that ends in `{n}` always announces a literal: no atom holds `{` and a
 * quoted string ends in `"`, so unlike a server's `* OK text {5}` there is no ambiguity.
 *
 * Linear in the input whatever the chunking: each byte is looked at once for its LF (native
 * `indexOf`); a command's lines are copied once into its text buffer; a literal inside one chunk
 * is a `subarray` view of it, one that straddles chunks is gathered and copied once.
 */
import { escapeBytes, ImapParseError } from '../errors.ts';
import { Ch } from '../lexer/chars.ts';
import { Frame } from '../lexer/frame.ts';
import { announcement, headOf, tagOf } from './line.ts';

/** Limits of the command framer; each has its own error code. */
export interface CommandLimits {
  /** Longest line, CRLF included (`LINE_TOO_LONG`). */
  readonly maxLineLength: number;
  /** Most literal bytes one command may carry, all its literals together (`LITERAL_TOO_LARGE`). */
  readonly maxLiteralSize: number;
}

/** What the framer reports, in stream order. */
export type FramerEvent =
  | { type: 'frame'; frame: Frame; tag: string | null }
  /** A line of a continuation answer (AUTHENTICATE data, DONE): `bytes` without its CRLF. */
  | { type: 'line'; bytes: Uint8Array; offset: number }
  /** A synchronising literal was announced: the client waits for `+`. */
  | { type: 'literal'; tag: string | null; size: number; binary: boolean }
  | { type: 'error'; tag: string | null; error: ImapParseError };

const enum State {
  Line = 0,
  Literal = 1,
  Skip = 2,
}

const EMPTY = new Uint8Array(0);

/** Bytes of an overlong line kept to read its literal announcement: `~{9223372036854775807+}\r\n`. */
const TAIL = 32;

/**
 * Pull-based framer: `feed()` a chunk, then call `next()` until it returns `null` (the chunk is
 * used up). Literal values are views of the fed chunks when they lie in one: do not modify a
 * chunk after feeding it.
 */
export class CommandFramer {
  private readonly limits: CommandLimits;
  private state = State.Line;
  private base = 0;
  private chunk: Uint8Array = EMPTY;
  private pos = 0;

  // The line in progress.
  private pieces: Uint8Array[] = [];
  private lineLen = 0;
  private lineOffset = 0;
  private overflow = false;
  private readonly tail = new Uint8Array(TAIL);
  private tailLen = 0;
  /** The line's first bytes (its tag, the error excerpt), kept even when it overflows. */
  private lineHead: Uint8Array = EMPTY;

  // The command in progress.
  private inCommand = false;
  private failed = false;
  private tag: string | null = null;
  private head: Uint8Array = EMPTY;
  private text = new Uint8Array(256);
  private textLen = 0;
  private literals: Uint8Array[] = [];
  private resume: number[] = [];
  private segText: number[] = [];
  private segStream: number[] = [];
  private cmdOffset = 0;
  private literalTotal = 0;

  // The literal in progress.
  private need = 0;
  private parts: Uint8Array[] = [];
  private fill = 0;

  /** The next complete line is a continuation answer, not a command (set by the reader). */
  lineMode = false;

  constructor(limits: CommandLimits) {
    this.limits = limits;
  }

  /** Absolute offset of the next byte to be fed. */
  get position(): number {
    return this.base + this.chunk.length;
  }

  /** True inside a command or a line. */
  get pending(): boolean {
    return this.inCommand || this.lineLen > 0 || this.state !== State.Line;
  }

  /** Gives the framer its next chunk (after `next()` returned `null` for the previous one). */
  feed(chunk: Uint8Array): void {
    this.base += this.chunk.length;
    this.chunk = chunk;
    this.pos = 0;
  }

  /**
   * Drops the command in progress: the server refused its synchronising literal (a tagged
   * NO/BAD instead of `+`), so the client will not send it and starts a new command.
   */
  abandon(): void {
    this.state = State.Line;
    this.endCommand();
  }

  /** The event that ends the stream: `TRUNCATED` when it stopped inside a command. */
  end(): FramerEvent | null {
    const pending = this.pending;
    const tag = this.inCommand ? this.tag : null;
    const at = this.position;
    this.state = State.Line;
    this.endCommand();
    this.resetLine(at);
    if (!pending) return null;
    return {
      type: 'error',
      tag,
      error: new ImapParseError('TRUNCATED', at, 'the rest of the command', '⟨here⟩'),
    };
  }

  /** The next event from the fed chunk, or `null` when it is used up. */
  next(): FramerEvent | null {
    const chunk = this.chunk;
    const len = chunk.length;
    while (this.pos < len) {
      if (this.state === State.Literal) {
        this.takeLiteral();
        continue;
      }
      if (this.state === State.Skip) {
        const n = Math.min(this.need, len - this.pos);
        this.need -= n;
        this.pos += n;
        if (this.need === 0) this.state = State.Line;
        continue;
      }
      if (this.lineLen === 0 && this.pieces.length === 0) this.lineOffset = this.base + this.pos;
      const lf = chunk.indexOf(Ch.Lf, this.pos);
      if (lf < 0) {
        this.keepPiece(chunk.subarray(this.pos, len));
        this.pos = len;
        return null;
      }
      const last = chunk.subarray(this.pos, lf + 1);
      this.pos = lf + 1;
      const event = this.endLine(last);
      if (event !== null) return event;
    }
    return null;
  }

  private keepPiece(b: Uint8Array): void {
    this.lineHead = headOf(this.lineHead, b);
    this.lineLen += b.length;
    if (!this.overflow && this.lineLen > this.limits.maxLineLength) {
      this.overflow = true;
      this.pieces = [];
    }
    if (!this.overflow) this.pieces.push(b);
    // Keep the line's last bytes: a literal announcement may straddle this boundary.
    if (b.length >= TAIL) {
      this.tail.set(b.subarray(b.length - TAIL), 0);
      this.tailLen = TAIL;
    } else {
      const keep = Math.min(this.tailLen, TAIL - b.length);
      this.tail.copyWithin(0, this.tailLen - keep, this.tailLen);
      this.tail.set(b, keep);
      this.tailLen = keep + b.length;
    }
  }

  private resetLine(offset: number): void {
    this.pieces = [];
    this.lineLen = 0;
    this.overflow = false;
    this.tailLen = 0;
    this.lineHead = EMPTY;
    this.lineOffset = offset;
  }

  /** A complete line (its last piece is `last`, LF included). */
  private endLine(last: Uint8Array): FramerEvent | null {
    let line: Uint8Array;
    const offset = this.lineOffset;
    const total = this.lineLen + last.length;
    const overflow = this.overflow || total > this.limits.maxLineLength;
    const head = headOf(this.lineHead, last);
    if (overflow) {
      // Only the tail matters now: where the literal announcement, if any, stands.
      this.keepPiece(last);
      line = this.tail.slice(0, this.tailLen);
    } else if (this.pieces.length === 0) line = last;
    else {
      line = new Uint8Array(total);
      let o = 0;
      for (const p of this.pieces) {
        line.set(p, o);
        o += p.length;
      }
      line.set(last, o);
    }
    this.resetLine(this.base + this.pos);

    const crlf = line.length >= 2 && line[line.length - 2] === Ch.Cr;
    const end = line.length - (crlf ? 2 : 1);
    if (this.lineMode && !this.inCommand) {
      this.lineMode = false;
      if (overflow)
        return this.error(
          null,
          'LINE_TOO_LONG',
          offset + this.limits.maxLineLength,
          `a line of at most ${this.limits.maxLineLength} bytes`,
          EMPTY,
        );
      if (!crlf) return this.error(null, 'SYNTAX', offset + end, 'CRLF', line);
      return { type: 'line', bytes: line.subarray(0, end), offset };
    }

    if (!this.inCommand) this.beginCommand(head, offset);
    let event: FramerEvent | null = null;
    if (!this.failed) {
      if (overflow) {
        event = this.fail(
          'LINE_TOO_LONG',
          offset + this.limits.maxLineLength,
          `a line of at most ${this.limits.maxLineLength} bytes`,
        );
      } else if (!crlf) {
        event = this.fail('SYNTAX', offset + end, 'CRLF at the end of the line');
      } else this.append(line, offset);
    }
    const ann = announcement(line, end);
    if (ann === null) {
      // The command ends here.
      const frame = this.failed ? null : this.frame();
      const tag = this.tag;
      this.endCommand();
      return event ?? (frame === null ? null : { type: 'frame', frame, tag });
    }
    const sync = !ann.nonsync;
    const at = offset + (overflow ? 0 : ann.at);
    if (ann.count < 0) {
      // Nothing tells how many bytes follow: the stream cannot be framed past this point.
      const e = this.failed ? null : this.fail('BAD_LITERAL_COUNT', at, 'a literal count below 2^53');
      this.endCommand();
      return e ?? event;
    }
    if (!this.failed && this.literalTotal + ann.count > this.limits.maxLiteralSize) {
      event = this.fail(
        'LITERAL_TOO_LARGE',
        at,
        `at most ${this.limits.maxLiteralSize} literal bytes in a command`,
      );
    }
    if (this.failed) {
      // A client that waits for "+" gets the server's BAD instead and sends nothing more of
      // this command; a non-synchronising literal's bytes come anyway and are skipped.
      if (sync) this.endCommand();
      else {
        this.need = ann.count;
        this.state = ann.count > 0 ? State.Skip : State.Line;
      }
      return event;
    }
    this.literalTotal += ann.count;
    this.resume.push(this.textLen);
    this.need = ann.count;
    this.fill = 0;
    this.state = State.Literal;
    if (ann.count === 0) this.takeLiteral();
    return sync ? { type: 'literal', tag: this.tag, size: ann.count, binary: ann.binary } : event;
  }

  /** `head`: the first line's first bytes. */
  private beginCommand(head: Uint8Array, offset: number): void {
    this.inCommand = true;
    this.failed = false;
    this.tag = tagOf(head);
    this.head = head.slice();
    this.cmdOffset = offset;
    this.textLen = 0;
    this.literals = [];
    this.resume = [];
    this.segText = [];
    this.segStream = [];
    this.literalTotal = 0;
  }

  private endCommand(): void {
    this.inCommand = false;
    this.failed = false;
    this.tag = null;
    this.head = EMPTY;
    this.text = new Uint8Array(256);
    this.textLen = 0;
    this.literals = [];
    this.parts = [];
  }

  private append(line: Uint8Array, offset: number): void {
    if (this.textLen + line.length > this.text.length) {
      const next = new Uint8Array(Math.max(this.text.length * 2, this.textLen + line.length));
      next.set(this.text.subarray(0, this.textLen));
      this.text = next;
    }
    this.segText.push(this.textLen);
    this.segStream.push(offset);
    this.text.set(line, this.textLen);
    this.textLen += line.length;
  }

  private takeLiteral(): void {
    const chunk = this.chunk;
    const n = Math.min(this.need - this.fill, chunk.length - this.pos);
    if (this.fill === 0 && n === this.need) {
      this.literals.push(chunk.subarray(this.pos, this.pos + n));
    } else {
      this.parts.push(chunk.subarray(this.pos, this.pos + n));
      if (this.fill + n === this.need) {
        const value = new Uint8Array(this.need);
        let o = 0;
        for (const p of this.parts) {
          value.set(p, o);
          o += p.length;
        }
        this.parts = [];
        this.literals.push(value);
      }
    }
    this.fill += n;
    this.pos += n;
    if (this.fill === this.need) {
      this.state = State.Line;
      this.resetLine(this.base + this.pos);
    }
  }

  private frame(): Frame {
    const f = new Frame();
    f.buf = this.text;
    f.start = 0;
    f.end = this.textLen;
    f.literals = this.literals;
    f.resume = this.resume;
    f.offset = this.cmdOffset;
    f.segText = this.segText;
    f.segStream = this.segStream;
    return f;
  }

  private fail(code: ImapParseError['code'], offset: number, expected: string): FramerEvent {
    this.failed = true;
    return this.error(this.tag, code, offset, expected, this.head);
  }

  private error(
    tag: string | null,
    code: ImapParseError['code'],
    offset: number,
    expected: string,
    head: Uint8Array,
  ): FramerEvent {
    const excerpt = `${escapeBytes(head, 0, head.length)}…⟨here⟩`;
    return { type: 'error', tag, error: new ImapParseError(code, offset, expected, excerpt) };
  }
}
