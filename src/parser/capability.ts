/**
 * ```abnf
 * capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev2" *(SP capability)   ; RFC 9051
 * capability      = ("AUTH=" auth-type) / atom
 * enable-data     = "ENABLED" *(SP capability)                                    ; RFC 5161
 * ```
 * The IMAP4rev1/IMAP4rev2 member is not enforced: `* CAPABILITY` lists are data, and the
 * client decides what it needs.
 */
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { atomString } from '../lexer/strings.ts';

/** `*(SP capability)` up to the end of the response or a `]`. */
export function takeCapabilities(cur: Cursor): string[] {
  const caps: string[] = [];
  while (cur.peek() === Ch.Space) {
    if (cur.skipTrailingSpace()) break;
    cur.pos++;
    cur.takeRun(ATOM_CHAR, 'capability');
    caps.push(atomString(cur.buf, cur.tokStart, cur.tokEnd));
  }
  return caps;
}
