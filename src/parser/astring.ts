/**
 * `astring` read without the cursor's `subarray` where the grammar only needs a range or a
 * string: V8's `TypedArray.prototype.subarray` (species lookup, then a constructor call) costs
 * about twice `new Uint8Array(buffer, offset, length)` — 80 ns against 40 on Node 20, for every
 * mailbox name of a LIST or STATUS (list-status profile).
 *
 * ```abnf
 * astring = 1*ASTRING-CHAR / string
 * ```
 * Errors and values are those of `Cursor.takeAString()`: atoms are the same run, quoted strings
 * and literals go through the cursor's own string reader.
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { textString } from '../lexer/strings.ts';

/** The buffer views were last made of, with its `buffer` and `byteOffset` (two getter calls saved per view). */
let viewOf: Uint8Array | null = null;
const NO_BUFFER = new ArrayBuffer(0);
let viewBuffer: ArrayBufferLike = NO_BUFFER;
let viewOffset = 0;

/**
 * A view of `buf[start, end)`, as `buf.subarray(start, end)` makes it: of the same class (a
 * Node `Buffer` gives a `Buffer`), the same buffer and offset; built directly for a plain
 * `Uint8Array`.
 */
export function view(buf: Uint8Array, start: number, end: number): Uint8Array {
  if (buf !== viewOf) {
    if (buf.constructor !== Uint8Array) return buf.subarray(start, end);
    viewOf = buf;
    viewBuffer = buf.buffer;
    viewOffset = buf.byteOffset;
  }
  return new Uint8Array(viewBuffer, viewOffset + start, end - start);
}

/** Forgets the buffer {@link view} last saw, so that it does not keep a pushed chunk alive. */
export function releaseViews(): void {
  viewOf = null;
  viewBuffer = NO_BUFFER;
  viewOffset = 0;
}

/** `Cursor.takeAString()` with the view of an atom or of a quoted string made by {@link view}. */
export function takeAStringView(cur: Cursor): Uint8Array {
  const c = cur.peek();
  if (c === Ch.DQuote || c === Ch.LBrace) {
    return cur.takeStringRange() === 0 ? view(cur.buf, cur.tokStart, cur.tokEnd) : cur.tokBytes;
  }
  cur.takeRun(ASTRING_CHAR, 'astring');
  return view(cur.buf, cur.tokStart, cur.tokEnd);
}

/** An `astring`'s text (UTF-8, U+FFFD where invalid), without a view. */
export function takeAStringText(cur: Cursor): string {
  const c = cur.peek();
  if (c === Ch.DQuote || c === Ch.LBrace) {
    if (cur.takeStringRange() === 0) return textString(cur.buf, cur.tokStart, cur.tokEnd);
    const b = cur.tokBytes;
    return textString(b, 0, b.length);
  }
  cur.takeRun(ASTRING_CHAR, 'astring');
  return textString(cur.buf, cur.tokStart, cur.tokEnd);
}
