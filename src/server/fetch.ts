/**
 * FETCH responses, mirroring `parser/fetch.ts` and the FETCH items of its extensions
 * (`parser/ext/preview.ts`, `objectid.ts`, `gmail.ts`).
 *
 * ```abnf
 * message-data   = nz-number SP "FETCH" SP msg-att
 * msg-att        = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
 * msg-att-static = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time /
 *                  "RFC822.SIZE" SP number64 / "BODY" ["STRUCTURE"] SP body /
 *                  "BODY" section ["<" number ">"] SP nstring /
 *                  "BINARY" section-binary SP (nstring / literal8) /
 *                  "BINARY.SIZE" section-binary SP number / "UID" SP uniqueid
 * msg-att-static =/ "RFC822" ["." ("HEADER" / "TEXT")] SP nstring        ; RFC 3501
 * fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"                  ; RFC 7162
 * msg-att-static =/ "PREVIEW" SP nstring                                   ; RFC 8970
 *                 / "SNIPPET" SP "(" snippet-alg SP nstring ")"            ; the draft, Dovecot
 *                 / "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil)
 *                 / "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64 /
 *                   "X-GM-LABELS" SP "(" [label *(SP label)] ")"           ; Gmail
 * ```
 * The attributes are written in a fixed order (the order of `FetchAttributes`; BODY[] sections
 * in their array order, unknown attributes last). `INTERNALDATE` is `internalDateRaw` when
 * present, else `internalDate` in UTC. A section is written from `part`, `text` and `fields`
 * (`section` is their canonical text, derived). `previewAlgorithm` makes the draft form
 * `SNIPPET (alg …)` (not a quirk for the decoder, unlike `PREVIEW (alg …)`).
 */

import { formatDateTime } from '../encoder/date-time.ts';
import { ImapEncodeError } from '../encoder/errors.ts';
import { describe, type Writer } from '../encoder/writer.ts';
import { ASTRING_CHAR, ATOM_CHAR, Ch, ITEM_NAME_CHAR } from '../lexer/chars.ts';
import type { BodySection, FetchAttributes } from '../model/fetch.ts';
import type { FetchResponse } from '../model/response.ts';
import { writeBody } from './body.ts';
import { writeEnvelope } from './envelope.ts';
import {
  invalid,
  isAtomText,
  list,
  nameBytes,
  writeAtom,
  writeFlag,
  writeFlagList,
  writeObjectId,
  writeRaw,
} from './values.ts';

/** Writes `nz-number SP "FETCH" SP msg-att` after `* `. */
export function writeFetch(w: Writer, r: FetchResponse): void {
  w.number(r.seq, 'seq', true).raw(' FETCH (');
  const a = r.attributes;
  if (a === null || typeof a !== 'object') throw invalid('attributes', 'expected the FETCH attributes');
  let items = 0;
  const item = (name: string): Writer => {
    if (items++ > 0) w.sp();
    return w.raw(name);
  };
  if (a.uid !== undefined) item('UID ').number(a.uid, 'attributes.uid', true);
  if (a.flags !== undefined) {
    item('FLAGS ');
    writeFlagList(w, a.flags, 'attributes.flags');
  }
  if (a.modseq !== undefined) item('MODSEQ (').number64(a.modseq, 'attributes.modseq', true).byte(Ch.RParen);
  if (a.internalDate !== undefined || a.internalDateRaw !== undefined) {
    item('INTERNALDATE ');
    writeInternalDate(w, a);
  }
  if (a.rfc822Size !== undefined) item('RFC822.SIZE ').number64(a.rfc822Size, 'attributes.rfc822Size');
  if (a.envelope !== undefined) {
    item('ENVELOPE ');
    writeEnvelope(w, a.envelope, 'attributes.envelope');
  }
  if (a.body !== undefined) {
    item('BODY ');
    writeBody(w, a.body, false, 'attributes.body');
  }
  if (a.bodyStructure !== undefined) {
    item('BODYSTRUCTURE ');
    writeBody(w, a.bodyStructure, true, 'attributes.bodyStructure');
  }
  if (a.rfc822 !== undefined) item('RFC822 ').nstring(a.rfc822, 'attributes.rfc822');
  if (a.rfc822Header !== undefined) item('RFC822.HEADER ').nstring(a.rfc822Header, 'attributes.rfc822Header');
  if (a.rfc822Text !== undefined) item('RFC822.TEXT ').nstring(a.rfc822Text, 'attributes.rfc822Text');
  if (a.sections !== undefined) {
    const sections = list(a.sections, 'attributes.sections');
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      item(s?.kind === 'binary' ? 'BINARY' : 'BODY');
      writeSectionValue(w, s, `attributes.sections[${i}]`);
    }
  }
  if (a.binarySizes !== undefined) {
    const sizes = list(a.binarySizes, 'attributes.binarySizes');
    for (let i = 0; i < sizes.length; i++) {
      const s = sizes[i]!;
      item('BINARY.SIZE');
      writePart(w, s?.part, `attributes.binarySizes[${i}].part`, true);
      w.sp().number(s.size, `attributes.binarySizes[${i}].size`);
    }
  }
  if (a.preview !== undefined) {
    if (a.previewAlgorithm !== undefined) {
      item('SNIPPET (');
      writeAtom(w, a.previewAlgorithm, 'attributes.previewAlgorithm');
      w.sp().nstring(a.preview, 'attributes.preview').byte(Ch.RParen);
    } else item('PREVIEW ').nstring(a.preview, 'attributes.preview');
  }
  if (a.emailId !== undefined) {
    item('EMAILID ');
    writeObjectId(w, a.emailId, 'attributes.emailId');
  }
  if (a.threadId !== undefined) {
    item('THREADID ');
    if (a.threadId === null) w.raw('NIL');
    else writeObjectId(w, a.threadId, 'attributes.threadId');
  }
  if (a.gmailMessageId !== undefined)
    item('X-GM-MSGID ').number64(a.gmailMessageId, 'attributes.gmailMessageId');
  if (a.gmailThreadId !== undefined)
    item('X-GM-THRID ').number64(a.gmailThreadId, 'attributes.gmailThreadId');
  if (a.gmailLabels !== undefined) {
    item('X-GM-LABELS ');
    writeLabels(w, a.gmailLabels, 'attributes.gmailLabels');
  }
  if (a.unknown !== undefined) {
    const unknown = list(a.unknown, 'attributes.unknown');
    for (let i = 0; i < unknown.length; i++) {
      const u = unknown[i]!;
      const f = `attributes.unknown[${i}]`;
      if (u === null || typeof u !== 'object') throw invalid(f, 'expected { name, raw }');
      item('');
      writeAttributeName(w, u.name, `${f}.name`);
      w.sp();
      if (!(u.raw instanceof Uint8Array) || u.raw.length === 0)
        throw invalid(`${f}.raw`, "expected the value's bytes");
      writeRaw(w, u.raw, `${f}.raw`, false);
    }
  }
  if (items === 0) throw invalid('attributes', 'a FETCH response has at least one attribute');
  w.byte(Ch.RParen);
}

/** `date-time`: the raw text when given (checked as the parser reads it), else the `Date` in UTC. */
function writeInternalDate(w: Writer, a: FetchAttributes): void {
  const raw = a.internalDateRaw;
  if (raw !== undefined) {
    if (!isDateTime(raw))
      throw new ImapEncodeError(
        'INVALID_DATE',
        'attributes.internalDateRaw',
        `not a date-time: ${describe(raw)}`,
      );
    w.byte(Ch.DQuote).raw(raw).byte(Ch.DQuote);
    return;
  }
  w.byte(Ch.DQuote).raw(formatDateTime(a.internalDate, 'attributes.internalDate')).byte(Ch.DQuote);
}

/** `dd-Mon-yyyy hh:mm:ss +zzzz` (day `(SP DIGIT) / 2DIGIT`), the shape parser/date-time.ts reads. */
function isDateTime(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 26) return false;
  const d = (i: number): boolean => s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;
  const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  const m = s.slice(3, 6).toLowerCase();
  let month = -1;
  for (let k = 0; k < 12; k++) if (months.slice(k * 3, k * 3 + 3).toLowerCase() === m) month = k;
  const ok =
    (s[0] === ' ' || d(0)) &&
    d(1) &&
    s[2] === '-' &&
    month >= 0 &&
    s[6] === '-' &&
    d(7) &&
    d(8) &&
    d(9) &&
    d(10) &&
    s[11] === ' ' &&
    d(12) &&
    d(13) &&
    s[14] === ':' &&
    d(15) &&
    d(16) &&
    s[17] === ':' &&
    d(18) &&
    d(19) &&
    s[20] === ' ' &&
    (s[21] === '+' || s[21] === '-') &&
    d(22) &&
    d(23) &&
    d(24) &&
    d(25);
  if (!ok) return false;
  const day = Number(s.slice(0, 2).trim());
  const year = Number(s.slice(7, 11));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
  return (
    day >= 1 &&
    day <= days &&
    Number(s.slice(12, 14)) <= 23 &&
    Number(s.slice(15, 17)) <= 59 &&
    Number(s.slice(18, 20)) <= 60 &&
    Number(s.slice(24, 26)) <= 59
  );
}

/** `section-part` (`binary`: inside its own brackets, `section-binary`). */
function writePart(w: Writer, v: unknown, field: string, brackets: boolean): void {
  const part = list(v as number[], field);
  if (brackets) w.byte(Ch.LBracket);
  for (let k = 0; k < part.length; k++) {
    if (k > 0) w.byte(Ch.Dot);
    w.number(part[k], `${field}[${k}]`, true);
  }
  if (brackets) w.byte(Ch.RBracket);
}

const TEXTS = ['HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME'];

/** `section ["<" number ">"] SP nstring` (BODY) or `section-binary … SP (nstring / literal8)` (BINARY). */
function writeSectionValue(w: Writer, s: BodySection, field: string): void {
  if (s === null || typeof s !== 'object') throw invalid(field, 'expected a BODY[] or BINARY[] value');
  const binary = s.kind === 'binary';
  if (!binary && s.kind !== 'body')
    throw invalid(`${field}.kind`, `expected 'body' or 'binary', got ${describe(s.kind)}`);
  w.byte(Ch.LBracket);
  writePart(w, s.part, `${field}.part`, false);
  const part = s.part.length > 0;
  if (s.text !== undefined) {
    if (binary) throw invalid(`${field}.text`, 'BINARY[] takes part numbers only');
    if (!TEXTS.includes(s.text)) throw invalid(`${field}.text`, `expected one of ${TEXTS.join(', ')}`);
    if (s.text === 'MIME' && !part) throw invalid(`${field}.text`, 'MIME needs part numbers');
    if (part) w.byte(Ch.Dot);
    w.raw(s.text);
    if (s.text === 'HEADER.FIELDS' || s.text === 'HEADER.FIELDS.NOT') {
      const fields = list(s.fields, `${field}.fields`, true);
      w.raw(' (');
      for (let k = 0; k < fields.length; k++) {
        if (k > 0) w.sp();
        w.astring(fields[k], `${field}.fields[${k}]`);
      }
      w.byte(Ch.RParen);
    } else if (s.fields !== undefined)
      throw invalid(`${field}.fields`, 'fields go with HEADER.FIELDS[.NOT] only');
  } else if (s.fields !== undefined)
    throw invalid(`${field}.fields`, 'fields go with HEADER.FIELDS[.NOT] only');
  w.byte(Ch.RBracket);
  if (s.origin !== undefined) w.byte(Ch.Lt).number(s.origin, `${field}.origin`).byte(Ch.Gt);
  w.sp();
  if (s.value === null) w.raw('NIL');
  else if (s.value instanceof Uint8Array) w.stringBytes(s.value, `${field}.value`, null, binary);
  else throw invalid(`${field}.value`, 'expected bytes or null');
}

/** `"(" [label *(SP label)] ")"`: `\Inbox`-like labels as flags, the others as names. */
function writeLabels(w: Writer, v: string[], field: string): void {
  const labels = list(v, field);
  w.byte(Ch.LParen);
  for (let i = 0; i < labels.length; i++) {
    if (i > 0) w.sp();
    const label = labels[i]!;
    const f = `${field}[${i}]`;
    if (typeof label === 'string' && label.charCodeAt(0) === Ch.Backslash && isAtomText(label, ATOM_CHAR, 1))
      writeFlag(w, label, f, false);
    else w.stringBytes(nameBytes(w, label, f), f, ASTRING_CHAR, false);
  }
  w.byte(Ch.RParen);
}

/**
 * An unknown attribute's name as the decoder keeps it: `NAME`, with `[…]` and `<…>` as sent
 * (`FOO[1]<0>`). Checked to be read back as one name: ITEM-NAME-CHAR, then an optional bracket
 * group without CR, LF or NUL, then an optional `<digits>`.
 */
function writeAttributeName(w: Writer, v: unknown, field: string): void {
  if (typeof v !== 'string') throw invalid(field, `expected a name, got ${describe(v)}`);
  let i = 0;
  while (i < v.length && v.charCodeAt(i) < 0x80 && ITEM_NAME_CHAR[v.charCodeAt(i)] === 1) i++;
  let ok = i > 0;
  if (ok && v[i] === '[') {
    let depth = 0;
    do {
      const c = v.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20 || c > 0x7e) {
        ok = false;
        break;
      }
      if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket) depth--;
      i++;
    } while (depth > 0);
  }
  if (ok && v[i] === '<') {
    const close = v.indexOf('>', i);
    ok = close > i + 1 && /^[0-9.]+$/.test(v.slice(i + 1, close));
    i = close + 1;
  }
  if (!ok || i !== v.length)
    throw new ImapEncodeError('INVALID_ATOM', field, `${describe(v)} is not a FETCH attribute name`);
  w.raw(v);
}
