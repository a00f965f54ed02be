/**
 * The long runs of numbers in SEARCH and SORT responses, read straight from the bytes.
 *
 * ```abnf
 * mailbox-data =/ "SEARCH" *(SP nz-number) [SP search-sort-mod-seq]   ; RFC 3501, RFC 7162
 * sort-data    = "SORT" *(SP nz-number) [SP search-sort-mod-seq]     ; RFC 5256
 * nz-number    = digit-nz *DIGIT                                     ; 1 to 4294967295
 * ```
 *
 * A `UID SEARCH ALL` of a 10-million-message mailbox is 10 million of these (issue #24): one
 * tight loop over the bytes instead of a cursor call, a space check and a trailing-space check
 * per number. Anything else (a leading zero, 11 digits, a trailing space, `(MODSEQ …)`) stops
 * the run where it stands and is left to the caller's grammar, which reports it as before.
 */
import { DIGIT } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';

const MAX_U32 = 0xffffffff;
// Plain constants, not `Ch.*`: tsc inlines a const enum, but esbuild (tsx, vitest) compiles it to
// an object read per use, which was half of this loop's time in tests over 10 million numbers.
const SPACE = 0x20;
const ZERO = 0x30;
const NINE = 0x39;

/** Appends the value of each `SP nz-number` that follows to `ids`; stops before anything else. */
export function takeNzNumberRun(cur: Cursor, ids: number[]): void {
  const buf = cur.buf;
  const end = cur.end;
  let p = cur.pos;
  while (p + 1 < end && buf[p] === SPACE) {
    const c = buf[p + 1]!;
    if (c <= ZERO || c > NINE) break;
    let v = c - ZERO;
    let i = p + 2;
    const stop = Math.min(end, p + 11);
    while (i < stop) {
      const d = buf[i]! - ZERO;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      i++;
    }
    if (v > MAX_U32 || (i < end && DIGIT[buf[i]!] === 1)) break;
    ids.push(v);
    p = i;
  }
  cur.pos = p;
}
