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
import { ASTRING_CHAR, ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { atomString } from '../lexer/strings.ts';

/**
 * The system flags, as RFC 9051 spells them, and the keywords of its `flag-keyword` rule and
 * the IANA registry that servers set on most messages: returned without hashing when sent so.
 */
const KNOWN_FLAGS = [
  '\\Seen',
  '\\Answered',
  '\\Flagged',
  '\\Deleted',
  '\\Draft',
  '\\Recent',
  '$Forwarded',
  '$MDNSent',
  '$Junk',
  '$NotJunk',
  '$Phishing',
];
const KNOWN_BY_LENGTH: string[][] = [];
for (const f of KNOWN_FLAGS) (KNOWN_BY_LENGTH[f.length] ??= []).push(f);

/** The known flag spelled exactly `buf[start, end)`, or `undefined`. */
function knownFlag(buf: Uint8Array, start: number, end: number): string | undefined {
  const candidates = KNOWN_BY_LENGTH[end - start];
  if (candidates === undefined) return undefined;
  for (let c = 0; c < candidates.length; c++) {
    const f = candidates[c]!;
    let k = 0;
    while (k < f.length && buf[start + k] === f.charCodeAt(k)) k++;
    if (k === f.length) return f;
  }
  return undefined;
}

/**
 * One flag; `\*` only where `perm` (PERMANENTFLAGS' `flag-perm`), elsewhere quirk `starInFlags`
 * (GreenMail, GreenMail issue 633, ruby/net-imap#228; Zoho, imap-proto
 * `flag_list`). A `]` inside a keyword (`OIB-Seen-[Gmail]/All`) is quirk `bracketInFlag` (Gmail,
 * issuetracker.google.com/issues/315160951, ruby/net-imap#241): `]` is a resp-special, not an
 * ATOM-CHAR; the keyword is read as an ASTRING-CHAR run.
 */
export function takeFlag(cur: Cursor, perm = false): string {
  const buf = cur.buf;
  const start = cur.pos;
  let i = start;
  if (buf[i] === Ch.Backslash) {
    i++;
    if (buf[i] === Ch.Star) {
      if (!perm) cur.quirk('starInFlags', start);
      cur.pos = i + 1;
      return '\\*';
    }
  }
  const atomStart = i;
  while (i < cur.end && ATOM_CHAR[buf[i]!] === 1) i++;
  if (buf[i] === Ch.RBracket && i < cur.end) {
    cur.quirk('bracketInFlag', i);
    while (i < cur.end && ASTRING_CHAR[buf[i]!] === 1) i++;
  }
  if (i === atomStart) cur.fail('flag', i);
  cur.pos = i;
  return knownFlag(buf, start, i) ?? atomString(buf, start, i);
}

/** The string of the flag `buf[start, end)` (a `"\\" atom`, already read), as {@link takeFlag} makes it. */
export function flagString(buf: Uint8Array, start: number, end: number): string {
  return knownFlag(buf, start, end) ?? atomString(buf, start, end);
}

/** `flag-list`, also used for FETCH FLAGS and (with `perm`) PERMANENTFLAGS. */
export function takeFlagList(cur: Cursor, perm = false): string[] {
  const flags: string[] = [];
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    flags.push(takeFlag(cur, perm));
    while (cur.skipIf(Ch.Space)) {
      // `FLAGS (\\Seen )`: iCloud (swift-nio-imap #481), quirk spaceBeforeParen.
      if (cur.peek() === Ch.RParen) {
        cur.quirk('spaceBeforeParen', cur.pos - 1);
        break;
      }
      flags.push(takeFlag(cur, perm));
    }
  }
  cur.leave();
  return flags;
}
