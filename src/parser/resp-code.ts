/**
 * Response codes: the dispatch table and the grammar of each known code.
 *
 * ```abnf
 * resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
 *                  "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" /
 *                  "READ-ONLY" / "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number /
 *                  "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number / "CLOSED" /
 *                  resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" /      ; RFC 4315
 *                  "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" /   ; RFC 7162
 *                  "MODIFIED" SP sequence-set /
 *                  "UNAVAILABLE" / "AUTHENTICATIONFAILED" / … / "NONEXISTENT" / ; RFC 5530
 *                  atom [SP 1*<any TEXT-CHAR except "]">]
 * resp-code-apnd = "APPENDUID" SP nz-number SP append-uid
 * resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set
 * ```
 * An extension adds its code with {@link registerResponseCode}.
 */
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { wireBytes } from '../lexer/frame.ts';
import { KeywordTable } from '../lexer/keywords.ts';
import { asciiString, atomString, textString } from '../lexer/strings.ts';
import { type ResponseCode, SIMPLE_CODE_NAMES } from '../model/resp-code.ts';
import { takeCapabilities } from './capability.ts';
import { takeFlagList } from './flags.ts';
import { takeSequenceSet } from './sequence-set.ts';

/** Parses a code's data; the cursor stands right after the code's name, and must end before `]`. */
export type ResponseCodeParser = (cur: Cursor, name: string) => ResponseCode;

/** A registered code: its parser, and the upper-cased name with its bytes (see `takeResponseCode`). */
interface CodeEntry {
  parse: ResponseCodeParser;
  upper: string;
  upperBytes: Uint8Array;
}

const codes = new KeywordTable<CodeEntry>();

/** Plugs a response code's grammar into the dispatch (used by extension files). */
export function registerResponseCode(name: string, parse: ResponseCodeParser): void {
  const upper = name.toUpperCase();
  // Only an ASCII name has a byte form to compare with (a code's name is an atom on the wire).
  const ascii = /^[\x21-\x7e]*$/.test(upper);
  const upperBytes = new Uint8Array(ascii ? upper.length : 0);
  for (let i = 0; i < upperBytes.length; i++) upperBytes[i] = upper.charCodeAt(i);
  codes.add(name, { parse, upper, upperBytes });
}

/**
 * The name handed to a code's parser: the code as sent, upper-cased. Servers send the name in
 * upper case, so it is the registered one without making a string; other spellings are made
 * as before.
 */
function upperName(entry: CodeEntry, buf: Uint8Array, start: number, end: number): string {
  const b = entry.upperBytes;
  if (b.length === end - start && b.length > 0) {
    let k = 0;
    while (k < b.length && b[k] === buf[start + k]) k++;
    if (k === b.length) return entry.upper;
  }
  return asciiString(buf, start, end).toUpperCase();
}

// TOOBIG is plugged in with STATUS (ext/status.ts), as its extension is.
const SIMPLE = SIMPLE_CODE_NAMES.filter((n) => n !== 'TOOBIG');
for (const name of SIMPLE) registerResponseCode(name, () => ({ name }));

registerResponseCode('BADCHARSET', (cur) => {
  const charsets: string[] = [];
  if (cur.skipIf(Ch.Space)) {
    cur.enter();
    do {
      const v = cur.takeAString();
      charsets.push(textString(v, 0, v.length));
    } while (cur.skipIf(Ch.Space));
    cur.leave();
  }
  return { name: 'BADCHARSET', charsets };
});
registerResponseCode('CAPABILITY', (cur) => ({ name: 'CAPABILITY', capabilities: takeCapabilities(cur) }));
registerResponseCode('PERMANENTFLAGS', (cur) => {
  cur.expectSp();
  return { name: 'PERMANENTFLAGS', flags: takeFlagList(cur, true) };
});
for (const name of ['UIDNEXT', 'UIDVALIDITY', 'UNSEEN'] as const) {
  registerResponseCode(name, (cur) => {
    cur.expectSp();
    return { name, value: cur.takeNzNumber() };
  });
}
registerResponseCode('HIGHESTMODSEQ', (cur) => {
  cur.expectSp();
  return { name: 'HIGHESTMODSEQ', value: cur.takeModSeq() };
});
registerResponseCode('MODIFIED', (cur) => {
  cur.expectSp();
  return { name: 'MODIFIED', set: takeSequenceSet(cur) };
});
registerResponseCode('APPENDUID', (cur) => {
  cur.expectSp();
  const uidValidity = cur.takeNzNumber();
  cur.expectSp();
  return { name: 'APPENDUID', uidValidity, uids: takeSequenceSet(cur, false) };
});
registerResponseCode('COPYUID', (cur) => {
  cur.expectSp();
  const uidValidity = cur.takeNzNumber();
  cur.expectSp();
  const source = takeSequenceSet(cur, false);
  cur.expectSp();
  return { name: 'COPYUID', uidValidity, source, destination: takeSequenceSet(cur, false) };
});

/** Reads `"[" resp-text-code "]"`; the cursor stands on the `[`. */
export function takeResponseCode(cur: Cursor): ResponseCode {
  cur.expect(Ch.LBracket, '"["');
  cur.takeRun(ATOM_CHAR, 'response code name');
  const nameStart = cur.tokStart;
  const nameEnd = cur.tokEnd;
  const entry = codes.get(cur.buf, nameStart, nameEnd);
  let code: ResponseCode;
  if (entry !== undefined) {
    code = entry.parse(cur, upperName(entry, cur.buf, nameStart, nameEnd));
  } else {
    code = { name: atomString(cur.buf, nameStart, nameEnd), unknown: true };
    if (cur.skipIf(Ch.Space)) {
      const start = cur.pos;
      skipToClose(cur);
      const raw = wireBytes(cur.frame!, start, cur.pos);
      code.raw = textString(raw, 0, raw.length);
    }
  }
  cur.expect(Ch.RBracket, '"]" closing the response code');
  return code;
}

/**
 * Up to (not over) the first `]`: `1*<any TEXT-CHAR except "]">` ends there, whatever `[` or
 * `"` came before (`[XFOO see bar[baz] mailbox is busy`: the code's text is `see bar[baz`).
 * Literals are taken whole (the framer believed a `{n}` here only inside an open code).
 */
function skipToClose(cur: Cursor): void {
  const buf = cur.buf;
  for (;;) {
    const c = cur.peek();
    if (c < 0 || c === Ch.Cr || c === Ch.Lf) cur.fail('"]" closing the response code');
    if (c === Ch.RBracket) return;
    if (c === Ch.LBrace && isLiteralStart(buf, cur.pos, cur.end)) {
      cur.takeLiteral(false);
      continue;
    }
    cur.pos++;
  }
}

/** `{digits}` or `{digits+}` followed by a line end: a literal, not text. */
function isLiteralStart(buf: Uint8Array, i: number, end: number): boolean {
  let k = i + 1;
  while (k < end && buf[k]! >= Ch.Zero && buf[k]! <= Ch.Nine) k++;
  if (k === i + 1) return false;
  if (buf[k] === Ch.Plus) k++;
  return buf[k] === Ch.RBrace && (buf[k + 1] === Ch.Cr || buf[k + 1] === Ch.Lf) && k + 2 < end;
}
