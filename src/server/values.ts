/**
 * The values every response family writes, mirroring the parser's readers: response text,
 * mailbox names and delimiters, flags, atoms, objectids, extension value trees and raw values
 * kept by the decoder (`UnknownUntagged.raw`, `UnknownAttribute.raw`, `UnknownStatusItem.raw`).
 *
 * ```abnf
 * text          = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)      ; RFC 9051: no CR, LF (nor NUL)
 * mailbox       = "INBOX" / astring
 * delimiter     = DQUOTE QUOTED-CHAR DQUOTE / nil
 * flag          = "\" atom / atom                                 ; flag-perm adds "\*"
 * objectid      = 1*255(ALPHA / DIGIT / "_" / "-")                ; RFC 8474
 * tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"  ; RFC 4466
 * ```
 *
 * Strings go through the command encoder's `Writer` (the encoder's writer): it picks atom,
 * quoted or literal, and refuses CR, LF and NUL anywhere but in a literal. A server never waits
 * for a `+` before a literal, so the literals are written `{n}` (`~{n}` for `literal8`).
 */

import { ImapEncodeError } from '../encoder/errors.ts';
import { encodeModifiedUtf7 } from '../encoder/mutf7.ts';
import type { EncodeContext } from '../encoder/options.ts';
import { describe, valueBytes, type Writer } from '../encoder/writer.ts';
import { ASTRING_CHAR, ATOM_CHAR, Ch, DIGIT, OBJECTID_CHAR } from '../lexer/chars.ts';
import type { ExtValue } from '../model/tagged-ext.ts';

/** The context of a server's writer: `{n}` literals, `~{n}` where the grammar has literal8. */
export function serverContext(utf8: boolean): EncodeContext {
  return { literalPlus: false, literalMinus: false, binary: true, utf8 };
}

/**
 * Deepest nesting the encoder writes (BODYSTRUCTURE, THREAD, extension values): a guard against
 * a cyclic value, far above any decoder's limit (the decoder's default `maxDepth` is 256).
 */
export const MAX_NESTING = 1024;

/** `INVALID_ARGUMENT` for a value nested deeper than {@link MAX_NESTING}. */
export function checkDepth(depth: number, field: string): void {
  if (depth > MAX_NESTING) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      field,
      `nested deeper than ${MAX_NESTING} levels (a cycle?)`,
    );
  }
}

/** `INVALID_ARGUMENT` naming `field`. */
export function invalid(field: string, message: string): ImapEncodeError {
  return new ImapEncodeError('INVALID_ARGUMENT', field, message);
}

/** An array (`nonEmpty`: the grammar's `1*`), else `INVALID_ARGUMENT`. */
export function list<T>(v: readonly T[] | undefined | null, field: string, nonEmpty = false): readonly T[] {
  if (!Array.isArray(v)) throw invalid(field, `expected an array, got ${describe(v)}`);
  if (nonEmpty && v.length === 0)
    throw invalid(field, 'expected at least one item (the grammar has no empty list here)');
  return v;
}

/**
 * Writes a resp-text's `text`. Refused (`INVALID_TEXT`): a CR, LF or NUL (nothing can carry
 * them: `text` is not a string and has no literal form), and, when no response code stands
 * before it (`afterCode` false), a `[` first, which the client would read as a code.
 */
export function writeText(w: Writer, text: unknown, field: string, afterCode: boolean): void {
  const b = valueBytes(text, field);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === Ch.Cr || c === Ch.Lf || c === Ch.Nul) {
      throw new ImapEncodeError(
        'INVALID_TEXT',
        field,
        `${c === Ch.Nul ? 'NUL' : c === Ch.Cr ? 'CR' : 'LF'} at byte ${i}: a response text is one line`,
      );
    }
  }
  if (!afterCode && b[0] === Ch.LBracket) {
    throw new ImapEncodeError(
      'INVALID_TEXT',
      field,
      'a text starting with "[" reads as a response code: give the code, or start the text otherwise',
    );
  }
  w.put(b);
}

/** Writes an atom of `table` (default `ATOM-CHAR`); `INVALID_ATOM` for anything else. */
export function writeAtom(w: Writer, v: unknown, field: string, table: Uint8Array = ATOM_CHAR): void {
  if (typeof v === 'string' && w.atomText(v, table)) return;
  w.atom(v, field, table);
}

/** True when `v` is a string of `table` bytes after its first `from` characters (and has one). */
export function isAtomText(v: unknown, table: Uint8Array = ATOM_CHAR, from = 0): v is string {
  if (typeof v !== 'string' || v.length <= from) return false;
  for (let i = from; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x7f || table[c] !== 1) return false;
  }
  return true;
}

/** Writes atoms separated by SP (capabilities), each after a SP: `*(SP atom)`. */
export function writeAtoms(w: Writer, v: readonly string[] | undefined, field: string): void {
  const atoms = list(v, field);
  for (let i = 0; i < atoms.length; i++) {
    w.sp();
    writeAtom(w, atoms[i], `${field}[${i}]`);
  }
}

/** RFC 8474 `objectid`, in its parentheses: `"(" objectid ")"`. */
export function writeObjectId(w: Writer, v: unknown, field: string): void {
  if (typeof v === 'string' && v.length > 255) throw invalid(field, 'an objectid has at most 255 characters');
  w.byte(Ch.LParen);
  writeAtom(w, v, field, OBJECTID_CHAR);
  w.byte(Ch.RParen);
}

/**
 * Writes one flag: `\` atom or atom; `\*` only where `perm` (PERMANENTFLAGS). `\Recent` is a
 * flag a server may send (RFC 9051 `obsolete-flag-recent`), unlike a client.
 */
export function writeFlag(w: Writer, v: unknown, field: string, perm: boolean, backslash = false): void {
  if (v === '\\*') {
    if (!perm)
      throw new ImapEncodeError('INVALID_FLAG', field, '"\\*" is a flag-perm: only in PERMANENTFLAGS');
    w.raw('\\*');
    return;
  }
  const from = typeof v === 'string' && v.charCodeAt(0) === Ch.Backslash ? 1 : 0;
  if (backslash && from === 0)
    throw new ImapEncodeError('INVALID_FLAG', field, `${describe(v)}: a mailbox attribute is "\\" atom`);
  if (typeof v === 'string' && w.atomText(v, ATOM_CHAR, from)) return;
  throw new ImapEncodeError('INVALID_FLAG', field, `${describe(v)} is not "\\" atom or an atom`);
}

/** `"(" [flag *(SP flag)] ")"` (`backslash`: every one `"\" atom`, LIST's attributes). */
export function writeFlagList(
  w: Writer,
  v: readonly string[] | undefined,
  field: string,
  perm = false,
  backslash = false,
): void {
  const flags = list(v, field);
  w.byte(Ch.LParen);
  for (let i = 0; i < flags.length; i++) {
    if (i > 0) w.sp();
    writeFlag(w, flags[i], `${field}[${i}]`, perm, backslash);
  }
  w.byte(Ch.RParen);
}

/** True when `s` has a character outside 7-bit ASCII. */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * The wire bytes of a name (mailbox, namespace prefix, Gmail label) given as text, as the decoder
 * reads names back (the parser's mailbox reader): modified UTF-7; with `utf8` (UTF8=ACCEPT), UTF-8
 * for a name with non-ASCII characters (an ASCII name stays modified UTF-7, which is then itself
 * but for `&`: `&-`, so the decoder cannot take `&Jjo-` for a shifted run).
 */
export function nameBytes(w: Writer, name: unknown, field: string): Uint8Array {
  if (typeof name !== 'string') throw invalid(field, `expected a name, got ${describe(name)}`);
  return valueBytes(w.ctx.utf8 && hasNonAscii(name) ? name : encodeModifiedUtf7(name, field), field);
}

/**
 * Writes a `mailbox` (an astring) from its bytes as sent (`raw`, when the value came from the
 * decoder: the name comes back byte for byte) or else from its text (see {@link nameBytes}).
 */
export function writeMailbox(w: Writer, raw: unknown, name: unknown, field: string): void {
  if (raw instanceof Uint8Array) w.stringBytes(raw, `${field}Raw`, ASTRING_CHAR, false);
  else w.stringBytes(nameBytes(w, name, field), field, ASTRING_CHAR, false);
}

/**
 * `DQUOTE QUOTED-CHAR DQUOTE / nil`: one character (UTF-8 allowed, RFC 9051 `QUOTED-CHAR`), or
 * `null` for NIL.
 */
export function writeDelimiter(w: Writer, v: unknown, field: string): void {
  if (v === null) {
    w.raw('NIL');
    return;
  }
  const b = valueBytes(v, field);
  const s = v as string;
  const one = typeof v === 'string' && s.length > 0 && s.length === (s.codePointAt(0)! > 0xffff ? 2 : 1);
  if (!one) throw invalid(field, `a hierarchy delimiter is one character, got ${describe(v)}`);
  if (b[0] === Ch.Cr || b[0] === Ch.Lf || b[0] === Ch.Nul)
    throw invalid(field, 'a hierarchy delimiter cannot be CR, LF or NUL');
  w.quotedBytes(b);
}

/** Bytes of a bare `tagged-ext-val` token: ASTRING-CHAR and `*` (the parser's tagged-ext reader). */
const EXT_TOKEN_CHAR: Uint8Array = (() => {
  const t = ASTRING_CHAR.slice();
  t[Ch.Star] = 1;
  return t;
})();

/**
 * Writes an extension value tree as the decoder reads it (the parser's tagged-ext reader): a `string`
 * is a bare token (atom, number, sequence set), a `Uint8Array` a string (quoted or literal), an
 * array a parenthesised list.
 */
export function writeExtValue(w: Writer, v: ExtValue, field: string, depth = 0): void {
  checkDepth(depth, field);
  if (typeof v === 'string') writeAtom(w, v, field, EXT_TOKEN_CHAR);
  else if (v instanceof Uint8Array) w.stringBytes(v, field, null, false);
  else {
    const items = list(v, field);
    w.byte(Ch.LParen);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) w.sp();
      writeExtValue(w, items[i]!, `${field}[${i}]`, depth + 1);
    }
    w.byte(Ch.RParen);
  }
}

/**
 * The announcement `["~"] "{" digits "}"` that ends `raw[from, end)`, as `[start, count]`, or
 * `undefined`. (`{n+}` is not taken: a server's literal never is non-synchronising.)
 */
function announcementBefore(
  raw: Uint8Array,
  from: number,
  end: number,
): [number, number, boolean] | undefined {
  if (end - from < 3 || raw[end - 1] !== Ch.RBrace) return undefined;
  let i = end - 2;
  while (i > from && DIGIT[raw[i]!] === 1) i--;
  if (i === end - 2 || raw[i] !== Ch.LBrace || end - 2 - i > 10) return undefined;
  let count = 0;
  for (let k = i + 1; k < end - 1; k++) count = count * 10 + (raw[k]! - Ch.Zero);
  const binary = i > from && raw[i - 1] === Ch.Tilde;
  return [binary ? i - 1 : i, count, binary];
}

/**
 * True when `raw[from, end)` ends with `{digits}` or `{digits+}`, as the framer reads a line's
 * end backwards (lexer/framer.ts): a client would wait for a literal.
 */
function endsLikeAnnouncement(raw: Uint8Array, from: number, end: number): boolean {
  let i = end - 1;
  if (i < from || raw[i] !== Ch.RBrace) return false;
  i--;
  if (i >= from && raw[i] === Ch.Plus) i--;
  const last = i;
  while (i >= from && DIGIT[raw[i]!] === 1) i--;
  return i < last && i >= from && raw[i] === Ch.LBrace;
}

/**
 * Writes a value kept raw by the decoder (its exact wire bytes, literals included). A CR or LF
 * may appear only as the CRLF of a literal announcement (`{n}` or `~{n}`, followed by its `n`
 * bytes); a NUL only inside a `~{n}` literal. With `lineEnd` (the raw runs to the end of the
 * response), it must not end like an announcement either: the client would wait for a literal.
 * The literals are written through the writer, as the encoder's own.
 */
export function writeRaw(w: Writer, raw: unknown, field: string, lineEnd: boolean): void {
  if (!(raw instanceof Uint8Array)) throw invalid(field, `expected bytes, got ${describe(raw)}`);
  const n = raw.length;
  let seg = 0;
  let i = 0;
  while (i < n) {
    const c = raw[i]!;
    if (c === Ch.Nul)
      throw new ImapEncodeError('NUL_IN_STRING', field, `NUL at byte ${i} outside a literal8`);
    if (c !== Ch.Cr && c !== Ch.Lf) {
      i++;
      continue;
    }
    const ann = c === Ch.Cr && raw[i + 1] === Ch.Lf ? announcementBefore(raw, seg, i) : undefined;
    if (ann === undefined)
      throw invalid(field, `${c === Ch.Cr ? 'CR' : 'LF'} at byte ${i} outside a literal`);
    const [at, count, binary] = ann;
    const start = i + 2;
    if (start + count > n) throw invalid(field, `the literal announced at byte ${at} runs past the value`);
    const bytes = raw.subarray(start, start + count);
    if (!binary && bytes.indexOf(0) >= 0)
      throw new ImapEncodeError(
        'NUL_IN_STRING',
        field,
        `NUL in the literal at byte ${at}: only ~{n} carries one`,
      );
    w.put(raw.subarray(seg, at));
    w.literal(bytes, binary);
    seg = i = start + count;
  }
  if (lineEnd && endsLikeAnnouncement(raw, seg, n))
    throw invalid(field, 'the value ends like a literal announcement ("{n}") at the end of the line');
  w.put(raw.subarray(seg, n));
}
