/**
 * Frames an IMAP server stream into whole responses, literals included, for parsers that need a
 * complete response (emailjs-imap-handler's `parser`, like its client's `_parseIncomingCommands`).
 * A line that ends in `{n}` / `{n+}` / `~{n}` switches to counting n literal bytes; a response
 * ends at the first line end outside a literal. Pieces are subarray views; a response that
 * spans chunks is concatenated once, at its end (no re-scan, no quadratic growth).
 */
const LF = 0x0a;
const CR = 0x0d;

export class LiteralFramer {
  private pieces: Uint8Array[] = [];
  private size = 0;
  private literalLeft = 0;
  /** Offset in the current response where line mode last resumed (after a literal). */
  private lineFrom = 0;

  /** Frames one chunk; returns the responses it completed, each without its final CRLF. */
  push(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      if (this.literalLeft > 0) {
        const take = Math.min(this.literalLeft, len - pos);
        this.add(chunk.subarray(pos, pos + take));
        pos += take;
        this.literalLeft -= take;
        if (this.literalLeft === 0) this.lineFrom = this.size;
        continue;
      }
      const lf = chunk.indexOf(LF, pos);
      if (lf < 0) {
        this.add(chunk.subarray(pos));
        break;
      }
      this.add(chunk.subarray(pos, lf + 1));
      pos = lf + 1;
      const n = this.literalAtLineEnd();
      if (n >= 0) {
        this.literalLeft = n;
        this.lineFrom = this.size;
        continue;
      }
      out.push(this.take());
    }
    return out;
  }

  /** Bytes left over at end of stream (an unterminated response), if any. */
  end(): Uint8Array | undefined {
    return this.size > 0 ? this.take() : undefined;
  }

  private add(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.size += piece.length;
  }

  /** Byte at response offset `at`, reading backwards over the pieces (marker check only). */
  private byteAt(at: number): number {
    let end = this.size;
    for (let i = this.pieces.length - 1; i >= 0; i--) {
      const p = this.pieces[i]!;
      const start = end - p.length;
      if (at >= start) return p[at - start]!;
      end = start;
    }
    return -1;
  }

  /** The literal size announced at the end of the line just completed, or -1. */
  private literalAtLineEnd(): number {
    let at = this.size - 2; // before LF
    if (at >= this.lineFrom && this.byteAt(at) === CR) at--;
    if (at < this.lineFrom || this.byteAt(at) !== 0x7d) return -1; // }
    at--;
    if (at >= this.lineFrom && this.byteAt(at) === 0x2b) at--; // + (LITERAL+)
    let value = 0;
    let scale = 1;
    let digits = 0;
    for (; at >= this.lineFrom; at--) {
      const c = this.byteAt(at);
      if (c >= 0x30 && c <= 0x39) {
        value += (c - 0x30) * scale;
        scale *= 10;
        digits++;
      } else break;
    }
    if (digits === 0 || at < this.lineFrom || this.byteAt(at) !== 0x7b) return -1; // {
    return value;
  }

  private take(): Uint8Array {
    let whole: Uint8Array;
    if (this.pieces.length === 1) whole = this.pieces[0]!;
    else {
      whole = new Uint8Array(this.size);
      let at = 0;
      for (const p of this.pieces) {
        whole.set(p, at);
        at += p.length;
      }
    }
    this.pieces = [];
    this.size = 0;
    this.lineFrom = 0;
    let end = whole.length;
    if (end > 0 && whole[end - 1] === LF) end--;
    if (end > 0 && whole[end - 1] === CR) end--;
    return end === whole.length ? whole : whole.subarray(0, end);
  }
}
