/**
 * ```abnf
 * flag-list      = "(" [flag *(SP flag)] ")"
 * flag           = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
 * flag-extension = "\" atom
 * flag-keyword   = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
 * flag-fetch     = flag / obsolete-flag-recent       ; "\Recent"
 * flag-perm      = flag / "\*"
 * ```
 * Flags come back as sent; repeated flags share one string (the atom cache).
 */
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { atomString } from '../lexer/strings.ts';

/** One flag (`\*` allowed: PERMANENTFLAGS). */
export function takeFlag(cur: Cursor): string {
  const buf = cur.buf;
  const start = cur.pos;
  let i = start;
  if (buf[i] === Ch.Backslash) {
    i++;
    if (buf[i] === Ch.Star) {
      cur.pos = i + 1;
      return '\\*';
    }
  }
  const atomStart = i;
  while (i < cur.end && ATOM_CHAR[buf[i]!] === 1) i++;
  if (i === atomStart) cur.fail('flag', i);
  cur.pos = i;
  return atomString(buf, start, i);
}

/** `flag-list`, also used for FETCH FLAGS and PERMANENTFLAGS. */
export function takeFlagList(cur: Cursor): string[] {
  const flags: string[] = [];
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    flags.push(takeFlag(cur));
    while (cur.skipIf(Ch.Space)) flags.push(takeFlag(cur));
  }
  cur.leave();
  return flags;
}
