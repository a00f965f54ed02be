import { excerptAt } from '../errors.ts';

/**
 * One complete response as the framer hands it to the parser.
 *
 * The text holds the response's lines (CRLFs and `{n}` announcements included). Literals are
 * separate `Uint8Array`s. When the whole response arrived in one chunk, `buf` is that chunk and
 * the literal bytes lie inside the text (the lexer jumps over them via `resume`); otherwise `buf`
 * is one copy of the text pieces, without the literal bytes (up to 4 KiB a view of a shared
 * buffer, `textToFill` in alloc.ts).
 */
export class Frame {
  /** Bytes holding the text; read `[start, end)`. */
  buf: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  /** Literal values in announcement order: views into a chunk, or exact-size copies. */
  literals: Uint8Array[] = [];
  /** For literal `k`: the text position where the lexer continues after it. */
  resume: number[] = [];
  /**
   * Literal `k` was streamed (handed out in pieces as it arrived; its value here is empty).
   * Empty when none was. A frame with a streamed literal is always a copied one.
   */
  streamed: boolean[] = [];
  /** Absolute stream offset of `buf[start]` when the text is contiguous. */
  offset = 0;
  /** For a copied text: text positions where a new stream piece begins, and its stream offset. */
  segText: number[] = [];
  segStream: number[] = [];
  /** Some line of this response ended in a bare LF (quirk `bareLf`). */
  bareLf = false;

  /**
   * The error excerpt around text position `pos`, taken from the wire bytes (literals put back),
   * so that it reads the same however the stream was chunked.
   */
  excerpt(pos: number): string {
    if (this.segText.length === 0) return excerptAt(this.buf, this.start, this.end, pos);
    let wire = pos;
    for (let k = 0; k < this.literals.length; k++)
      if (this.resume[k]! <= pos) wire += this.literals[k]!.length;
    const bytes = wireBytes(this, this.start, this.end);
    return excerptAt(bytes, 0, bytes.length, wire - this.start);
  }

  /** The absolute stream offset of text position `pos`. */
  streamOffset(pos: number): number {
    const segs = this.segText;
    if (segs.length === 0) return this.offset + (pos - this.start);
    let i = segs.length - 1;
    while (i > 0 && segs[i]! > pos) i--;
    return this.segStream[i]! + (pos - segs[i]!);
  }
}

/**
 * The wire bytes of text positions `[from, to)`. A contiguous frame holds its literals inline,
 * so this is a view; a copied frame gets its literals put back where they were announced.
 */
export function wireBytes(frame: Frame, from: number, to: number): Uint8Array {
  if (frame.segText.length === 0) return frame.buf.subarray(from, to);
  let size = to - from;
  const inside: number[] = [];
  for (let k = 0; k < frame.literals.length; k++) {
    const r = frame.resume[k]!;
    if (r > from && r <= to) {
      inside.push(k);
      size += frame.literals[k]!.length;
    }
  }
  if (inside.length === 0) return frame.buf.subarray(from, to);
  const out = new Uint8Array(size);
  let o = 0;
  let p = from;
  for (const k of inside) {
    const r = frame.resume[k]!;
    out.set(frame.buf.subarray(p, r), o);
    o += r - p;
    out.set(frame.literals[k]!, o);
    o += frame.literals[k]!.length;
    p = r;
  }
  out.set(frame.buf.subarray(p, to), o);
  return out;
}
