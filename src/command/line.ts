/**
 * Reading one command line's edges: the tag at its start, the literal announcement at its end.
 *
 * ```abnf
 * tag      = 1*<any ASTRING-CHAR except "+">
 * literal  = "{" number64 ["+"] "}" CRLF *CHAR8
 * literal8 = "~{" number64 ["+"] "}" CRLF *OCTET
 * ```
 */
import { Ch, DIGIT, TAG_CHAR } from '../lexer/chars.ts';

/** Bytes of a command's first line kept for its tag and an error's excerpt. */
export const EXCERPT_HEAD = 48;
const MAX_COUNT_DIGITS = 19;

/** The tag at the start of a command's first line (`null` when it has none). */
export function tagOf(line: Uint8Array): string | null {
  let i = 0;
  while (i < line.length && TAG_CHAR[line[i]!] === 1) i++;
  if (i === 0 || line[i] !== Ch.Space) return null;
  let s = '';
  for (let k = 0; k < i; k++) s += String.fromCharCode(line[k]!);
  return s;
}

/**
 * A literal announcement at the end of a line (before its CRLF or LF): its count, whether it is
 * `~{…}` and non-synchronising; `null` when the line announces none. `count` is -1 when the
 * digits do not make a number below 2^53.
 */
export function announcement(
  line: Uint8Array,
  end: number,
): { count: number; binary: boolean; nonsync: boolean; at: number } | null {
  let i = end - 1;
  if (line[i] !== Ch.RBrace) return null;
  i--;
  const nonsync = line[i] === Ch.Plus;
  if (nonsync) i--;
  const last = i;
  while (i >= 0 && DIGIT[line[i]!] === 1) i--;
  if (i === last || line[i] !== Ch.LBrace) return null;
  const binary = i > 0 && line[i - 1] === Ch.Tilde;
  const digits = last - i;
  let count = 0;
  for (let k = i + 1; k <= last; k++) count = count * 10 + (line[k]! - Ch.Zero);
  if (digits > MAX_COUNT_DIGITS || !Number.isSafeInteger(count)) count = -1;
  return { count, binary, nonsync, at: binary ? i - 1 : i };
}

/** `head` extended by the first bytes of `b`, up to EXCERPT_HEAD bytes. */
export function headOf(head: Uint8Array, b: Uint8Array): Uint8Array {
  if (head.length >= EXCERPT_HEAD) return head;
  if (head.length === 0) return b.subarray(0, EXCERPT_HEAD);
  const n = Math.min(EXCERPT_HEAD - head.length, b.length);
  const out = new Uint8Array(head.length + n);
  out.set(head, 0);
  out.set(b.subarray(0, n), head.length);
  return out;
}
