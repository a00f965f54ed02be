/**
 * Flags (RFC 9051 §9), mirroring `parser/flags.ts`.
 *
 * ```abnf
 * flag           = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
 * flag-extension = "\" atom
 * flag-keyword   = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
 * flag-list      = "(" [flag *(SP flag)] ")"
 * ```
 * `\*` is `flag-perm` only (PERMANENTFLAGS), and `\Recent` cannot be set: both are refused.
 */
import { ATOM_CHAR } from '../lexer/chars.ts';
import { expectArray } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import type { Writer } from './writer.ts';

/**
 * Writes one flag: `\` followed by an atom, or an atom (a keyword).
 *
 * @example
 * ```ts
 * writeFlag(w, '\\Seen', 'flags[0]'); // \Seen
 * writeFlag(w, '$Forwarded', 'flags[1]');
 * ```
 */
export function writeFlag(w: Writer, v: unknown, field: string): void {
  if (typeof v !== 'string') throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected a flag string');
  const body = v.startsWith('\\') ? v.slice(1) : v;
  if (body.length === 0 || !isAtom(body)) {
    throw new ImapEncodeError('INVALID_FLAG', field, `${JSON.stringify(v)} is not "\\" atom or an atom`);
  }
  if (v.toLowerCase() === '\\recent')
    throw new ImapEncodeError('INVALID_FLAG', field, '\\Recent cannot be set');
  w.raw(v);
}

/**
 * Writes `flag-list`: `(` flags separated by SP `)`.
 *
 * @example
 * ```ts
 * writeFlagList(w, ['\\Seen', '$Junk'], 'flags'); // (\Seen $Junk)
 * ```
 */
export function writeFlagList(w: Writer, v: unknown, field: string): void {
  const list = expectArray(v, field);
  w.raw('(');
  list.forEach((f, i) => {
    if (i > 0) w.sp();
    writeFlag(w, f, `${field}[${i}]`);
  });
  w.raw(')');
}

/** True when every character is an ATOM-CHAR. */
export function isAtom(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || ATOM_CHAR[c] !== 1) return false;
  }
  return s.length > 0;
}
