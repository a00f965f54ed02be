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
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import { ascii } from './ascii.ts';
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
  if (!tryFlag(w, v)) refuseFlag(v, field);
}

const ANSWERED = ascii('\\Answered');
const FLAGGED = ascii('\\Flagged');
const DELETED = ascii('\\Deleted');
const SEEN = ascii('\\Seen');
const DRAFT = ascii('\\Draft');
const MDN_SENT = ascii('$MDNSent');
const FORWARDED = ascii('$Forwarded');
const JUNK = ascii('$Junk');
const NOT_JUNK = ascii('$NotJunk');
const PHISHING = ascii('$Phishing');

/**
 * The system flags and the `flag-keyword` keywords, as the ABNF above spells them: what a client
 * sets nearly every time, interned (one lookup instead of checking each character). A switch,
 * not a `Map`: the names are internalized strings, so a case is a pointer comparison (~4 ns a
 * lookup against ~14 ns for `Map.get` on Node 20).
 */
function knownFlag(v: string): Uint8Array | undefined {
  switch (v) {
    case '\\Seen':
      return SEEN;
    case '\\Deleted':
      return DELETED;
    case '\\Flagged':
      return FLAGGED;
    case '\\Answered':
      return ANSWERED;
    case '\\Draft':
      return DRAFT;
    case '$MDNSent':
      return MDN_SENT;
    case '$Forwarded':
      return FORWARDED;
    case '$Junk':
      return JUNK;
    case '$NotJunk':
      return NOT_JUNK;
    case '$Phishing':
      return PHISHING;
    default:
      return undefined;
  }
}

/**
 * Writes `v` when it is `\` atom or an atom, and not `\Recent` (checking and copying in one
 * pass); returns false, having written nothing, otherwise.
 */
export function tryFlag(w: Writer, v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const known = knownFlag(v);
  if (known !== undefined) {
    w.text(known);
    return true;
  }
  const from = v.charCodeAt(0) === Ch.Backslash ? 1 : 0;
  if (from === 1 && v.length === 7 && v.toLowerCase() === '\\recent') return false;
  return w.atomText(v, ATOM_CHAR, from);
}

/** Throws the error for a value {@link tryFlag} refused. */
function refuseFlag(v: unknown, field: string): never {
  if (typeof v !== 'string') throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected a flag string');
  const body = v.startsWith('\\') ? v.slice(1) : v;
  if (body.length === 0 || !isAtom(body)) {
    throw new ImapEncodeError('INVALID_FLAG', field, `${JSON.stringify(v)} is not "\\" atom or an atom`);
  }
  if (v.toLowerCase() === '\\recent')
    throw new ImapEncodeError('INVALID_FLAG', field, '\\Recent cannot be set');
  throw new ImapEncodeError('INTERNAL', field, `${JSON.stringify(v)}: a flag refused without a reason`);
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
  w.byte(Ch.LParen);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) w.sp();
    const f = list[i];
    if (!tryFlag(w, f)) refuseFlag(f, `${field}[${i}]`);
  }
  w.byte(Ch.RParen);
}

/** True when every character is an ATOM-CHAR. */
export function isAtom(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f || ATOM_CHAR[c] !== 1) return false;
  }
  return s.length > 0;
}
