/**
 * Response codes, mirroring `parser/resp-code.ts` (and the codes its extensions register).
 *
 * ```abnf
 * resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
 *                  "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" /
 *                  "READ-ONLY" / "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number /
 *                  "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number / "CLOSED" / …
 *                  atom [SP 1*<any TEXT-CHAR except "]">]
 * resp-code-apnd = "APPENDUID" SP nz-number SP append-uid                  ; RFC 4315
 * resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
 * resp-text-code =/ "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" /  ; RFC 7162
 *                   "MODIFIED" SP sequence-set
 * resp-text-code =/ "BADEVENT" SP "(" event *(SP event) ")"               ; RFC 5465
 * resp-text-code =/ "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number /
 *                   "TOOMANY" / "NOPRIVATE")                                ; RFC 5464
 * resp-text-code =/ "REFERRAL" 1*(SP url)                                  ; RFC 2221
 * resp-text-code =/ "MAILBOXID" SP "(" objectid ")"                        ; RFC 8474
 * ```
 * A BADCHARSET charset is an atom or a quoted string (printable ASCII): the grammar has no
 * literal there. An unknown code's `raw` text is written as given when it stays inside the brackets the way the
 * parser and the framer read it: no CR, LF or NUL, and no `]` (the first `]` closes the code).
 */

import { ImapEncodeError } from '../encoder/errors.ts';
import { writeSequenceSet } from '../encoder/sequence-set.ts';
import { describe, valueBytes, type Writer } from '../encoder/writer.ts';
import { Ch, ITEM_NAME_CHAR } from '../lexer/chars.ts';
import { type ResponseCode, SIMPLE_CODE_NAMES, type SimpleCodeName } from '../model/resp-code.ts';
import { invalid, isAtomText, list, writeAtom, writeAtoms, writeFlagList, writeObjectId } from './values.ts';

const SIMPLE: ReadonlySet<string> = new Set<SimpleCodeName>(SIMPLE_CODE_NAMES);

/** Writes `"[" resp-text-code "]"`. */
export function writeResponseCode(w: Writer, code: ResponseCode, field: string): void {
  if (code === null || typeof code !== 'object')
    throw invalid(field, `expected a response code, got ${describe(code)}`);
  w.byte(Ch.LBracket);
  if ('unknown' in code && code.unknown === true) writeUnknownCode(w, code.name, code.raw, field);
  else writeKnownCode(w, code, field);
  w.byte(Ch.RBracket);
}

function writeKnownCode(w: Writer, code: ResponseCode, field: string): void {
  const c = code as unknown as Record<string, unknown>;
  const name = c['name'];
  if (typeof name === 'string' && SIMPLE.has(name)) {
    w.raw(name);
    return;
  }
  switch (name) {
    case 'BADCHARSET': {
      w.raw('BADCHARSET');
      const charsets = list(c['charsets'] as string[], `${field}.charsets`);
      if (charsets.length === 0) return;
      w.raw(' (');
      for (let i = 0; i < charsets.length; i++) {
        if (i > 0) w.sp();
        writeCharset(w, charsets[i], `${field}.charsets[${i}]`);
      }
      w.byte(Ch.RParen);
      return;
    }
    case 'CAPABILITY':
      w.raw('CAPABILITY');
      writeAtoms(w, c['capabilities'] as string[], `${field}.capabilities`);
      return;
    case 'PERMANENTFLAGS':
      w.raw('PERMANENTFLAGS ');
      writeFlagList(w, c['flags'] as string[], `${field}.flags`, true);
      return;
    case 'UIDNEXT':
    case 'UIDVALIDITY':
    case 'UNSEEN':
      w.raw(name).sp().number(c['value'], `${field}.value`, true);
      return;
    case 'HIGHESTMODSEQ':
      w.raw('HIGHESTMODSEQ ').number64(c['value'], `${field}.value`, true);
      return;
    case 'MODIFIED':
      w.raw('MODIFIED ');
      writeSet(w, c['set'], `${field}.set`, true);
      return;
    case 'APPENDUID':
      w.raw('APPENDUID ').number(c['uidValidity'], `${field}.uidValidity`, true).sp();
      writeSet(w, c['uids'], `${field}.uids`, false);
      return;
    case 'COPYUID':
      w.raw('COPYUID ').number(c['uidValidity'], `${field}.uidValidity`, true).sp();
      writeSet(w, c['source'], `${field}.source`, false);
      w.sp();
      writeSet(w, c['destination'], `${field}.destination`, false);
      return;
    case 'BADEVENT': {
      const events = list(c['events'] as string[], `${field}.events`, true);
      w.raw('BADEVENT (');
      for (let i = 0; i < events.length; i++) {
        if (i > 0) w.sp();
        writeAtom(w, events[i], `${field}.events[${i}]`);
      }
      w.byte(Ch.RParen);
      return;
    }
    case 'METADATA': {
      const item = c['item'];
      w.raw('METADATA ');
      if (item === 'LONGENTRIES' || item === 'MAXSIZE') w.raw(item).sp().number(c['value'], `${field}.value`);
      else if (item === 'TOOMANY' || item === 'NOPRIVATE') w.raw(item);
      else
        throw invalid(
          `${field}.item`,
          `expected LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE, got ${describe(item)}`,
        );
      return;
    }
    case 'REFERRAL': {
      const urls = list(c['urls'] as string[], `${field}.urls`, true);
      w.raw('REFERRAL');
      for (let i = 0; i < urls.length; i++) {
        w.sp();
        writeUrl(w, urls[i], `${field}.urls[${i}]`);
      }
      return;
    }
    case 'MAILBOXID':
      w.raw('MAILBOXID ');
      writeObjectId(w, c['id'], `${field}.id`);
      return;
    default:
      throw invalid(`${field}.name`, `no response code ${describe(name)} (an unknown one has unknown: true)`);
  }
}

/**
 * `charset = atom / quoted` (RFC 9051, RFC 3501): never a literal, so a charset with a byte
 * outside printable ASCII is refused. (The parser reads an astring there; an atom with `]`
 * would close the code for the framer, so it is quoted.)
 */
function writeCharset(w: Writer, v: unknown, field: string): void {
  if (isAtomText(v) && v.toUpperCase() !== 'NIL') w.raw(v);
  else w.quoted(v, field);
}

/** A sequence set as the decoder gives it (`text` as sent), or ranges. */
export function writeSet(w: Writer, v: unknown, field: string, star: boolean): void {
  const text = v !== null && typeof v === 'object' ? (v as { text?: unknown }).text : undefined;
  writeSequenceSet(w, typeof text === 'string' ? text : v, field, { star, dollar: false });
}

/**
 * An IMAP URL (RFC 5092) as the parser reads one (parser/ext/referral.ts): up to a SP or
 * the `]` that closes the code, brackets balanced. A `"` is refused too: the framer reads the
 * code's quoted strings (for a `{n}` at the line's end) and would disagree with the parser.
 */
function writeUrl(w: Writer, v: unknown, field: string): void {
  const b = valueBytes(v, field);
  let depth = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c <= Ch.Space || c === Ch.DQuote || c === Ch.Del)
      throw invalid(field, `byte 0x${c.toString(16)} at ${i}: a URL has no SP, quote or control character`);
    if (c === Ch.LBracket) depth++;
    else if (c === Ch.RBracket && --depth < 0)
      throw invalid(field, `an unmatched "]" at ${i} would close the code`);
  }
  if (b.length === 0 || depth !== 0) throw invalid(field, 'expected a URL with its brackets balanced');
  w.put(b);
}

/** `atom [SP raw]`: an unknown code. */
function writeUnknownCode(w: Writer, name: unknown, raw: unknown, field: string): void {
  // ATOM-CHAR without "[" (the parser would read one as part of the name; no server sends it).
  writeAtom(w, name, `${field}.name`, ITEM_NAME_CHAR);
  if (raw === undefined) return;
  const b = valueBytes(raw, `${field}.raw`);
  checkBalanced(b, `${field}.raw`);
  w.sp();
  w.put(b);
}

/**
 * The rule of the parser's `skipToClose` (parser/resp-code.ts) and the framer: an unknown
 * code's text ends at its first `]`, quoted or not (`1*<any TEXT-CHAR except "]">`), so `raw`
 * holds no `]`, and no CR, LF or NUL.
 */
function checkBalanced(b: Uint8Array, field: string): void {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === Ch.Cr || c === Ch.Lf || c === Ch.Nul)
      throw new ImapEncodeError(
        'INVALID_TEXT',
        field,
        `byte 0x${c.toString(16)} at ${i} inside a response code`,
      );
    if (c === Ch.RBracket) throw invalid(field, `a "]" at ${i} would close the code`);
  }
}
