/**
 * FETCH responses: the attribute dispatch table and the core attributes.
 *
 * ```abnf
 * message-data   = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
 * msg-att        = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
 * msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
 * msg-att-static = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time /
 *                  "RFC822.SIZE" SP number64 / "BODY" ["STRUCTURE"] SP body /
 *                  "BODY" section ["<" number ">"] SP nstring /
 *                  "BINARY" section-binary SP (nstring / literal8) /
 *                  "BINARY.SIZE" section-binary SP number / "UID" SP uniqueid
 * msg-att-static =/ "RFC822" ["." ("HEADER" / "TEXT")] SP nstring        ; RFC 3501
 * fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"                  ; RFC 7162
 * ```
 * An extension adds an attribute with {@link registerFetchAttribute}; anything unregistered
 * is kept in `unknown` with its raw bytes.
 */

import { takeBody } from '../bodystructure/grammar.ts';
import { Ch, ITEM_NAME_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { wireBytes } from '../lexer/frame.ts';
import { KeywordTable } from '../lexer/keywords.ts';
import { asciiString } from '../lexer/strings.ts';
import type { BodySection, FetchAttributes } from '../model/fetch.ts';
import type { FetchResponse } from '../model/response.ts';
import { takeDateTime } from './date-time.ts';
import { takeEnvelope } from './envelope.ts';
import { takeFlagList } from './flags.ts';
import { takeSection } from './section.ts';
import { skipValue } from './value.ts';

/**
 * Parses one attribute's value into `attrs`. The cursor stands right after the name (on `[`
 * or the SP before the value); `nameStart` is where the name began.
 */
export type FetchAttributeParser = (cur: Cursor, attrs: FetchAttributes, nameStart: number) => void;

const attributes = new KeywordTable<FetchAttributeParser>();

/** Plugs a FETCH attribute's grammar into the dispatch (used by extension files). */
export function registerFetchAttribute(name: string, parse: FetchAttributeParser): void {
  attributes.add(name, parse);
}

/** Keeps an attribute this parser has no grammar for: name (with `[…]<…>`) and raw value. */
export function takeUnknownAttribute(cur: Cursor, attrs: FetchAttributes, nameStart: number): void {
  const buf = cur.buf;
  if (cur.peek() === Ch.LBracket) {
    let depth = 0;
    do {
      const c = cur.peek();
      if (c < 0 || c === Ch.Cr || c === Ch.Lf) cur.fail('"]"');
      if (c === Ch.LBracket) depth++;
      else if (c === Ch.RBracket) depth--;
      cur.pos++;
    } while (depth > 0);
  }
  if (cur.peek() === Ch.Lt) {
    while (cur.peek() !== Ch.Gt) {
      if (cur.peek() < 0 || cur.isEol()) cur.fail('">"');
      cur.pos++;
    }
    cur.pos++;
  }
  const name = asciiString(buf, nameStart, cur.pos);
  cur.expectSp();
  const start = cur.pos;
  skipValue(cur);
  (attrs.unknown ??= []).push({ name, raw: wireBytes(cur.frame!, start, cur.pos) });
}

registerFetchAttribute('UID', (cur, attrs) => {
  cur.expectSp();
  attrs.uid = cur.takeNzNumber();
});
registerFetchAttribute('FLAGS', (cur, attrs) => {
  cur.expectSp();
  attrs.flags = takeFlagList(cur);
});
registerFetchAttribute('MODSEQ', (cur, attrs) => {
  cur.expectSp();
  cur.enter();
  attrs.modseq = cur.takeModSeq();
  cur.leave();
});
registerFetchAttribute('RFC822.SIZE', (cur, attrs) => {
  cur.expectSp();
  attrs.rfc822Size = cur.takeSafeNumber();
});
registerFetchAttribute('INTERNALDATE', (cur, attrs) => {
  cur.expectSp();
  const dt = takeDateTime(cur);
  attrs.internalDate = dt.date;
  attrs.internalDateRaw = dt.raw;
});
registerFetchAttribute('RFC822', (cur, attrs) => {
  cur.expectSp();
  attrs.rfc822 = cur.takeNString();
  if (cur.streamedLiteral) markStreamed(cur, attrs, 'rfc822');
});
registerFetchAttribute('RFC822.HEADER', (cur, attrs) => {
  cur.expectSp();
  attrs.rfc822Header = cur.takeNString();
  if (cur.streamedLiteral) markStreamed(cur, attrs, 'rfc822Header');
});
registerFetchAttribute('RFC822.TEXT', (cur, attrs) => {
  cur.expectSp();
  attrs.rfc822Text = cur.takeNString();
  if (cur.streamedLiteral) markStreamed(cur, attrs, 'rfc822Text');
});
/** Notes that an RFC822 item's value was streamed (issue #20). */
function markStreamed(
  cur: Cursor,
  attrs: FetchAttributes,
  name: 'rfc822' | 'rfc822Header' | 'rfc822Text',
): void {
  cur.streamedLiteral = false;
  (attrs.streamed ??= []).push(name);
}

/** `section ["<" number ">"] SP nstring` (BODY) or the same with `section-binary` and literal8 (BINARY). */
function takeSectionValue(cur: Cursor, attrs: FetchAttributes, kind: 'body' | 'binary'): void {
  const s = takeSection(cur, kind === 'binary');
  const item: BodySection = { kind, section: s.section, part: s.part, value: null };
  if (s.text !== undefined) item.text = s.text;
  if (s.fields !== undefined) item.fields = s.fields;
  if (cur.skipIf(Ch.Lt)) {
    item.origin = cur.takeNumber();
    if (cur.peek() === Ch.Dot) {
      // `BODY[2]<0.65536>`: the partial range echoed as requested (WildDuck, zone-eu/wildduck#32);
      // the response has the origin only. Quirk sectionOriginWithSize; the size is dropped.
      cur.quirk('sectionOriginWithSize', cur.pos);
      cur.pos++;
      cur.takeNumber();
    }
    cur.expect(Ch.Gt, '">"');
  }
  cur.expectSp();
  item.value = kind === 'binary' && cur.peek() === Ch.Tilde ? cur.takeLiteral(true) : cur.takeNString();
  if (cur.streamedLiteral) {
    cur.streamedLiteral = false;
    item.streamed = true;
  }
  (attrs.sections ??= []).push(item);
}

registerFetchAttribute('BODY', (cur, attrs) => {
  if (cur.peek() === Ch.LBracket) return takeSectionValue(cur, attrs, 'body');
  // `"BODY" ["STRUCTURE"] SP body`: one rule, and `body` has the extension data; only the prose
  // says a BODY "MUST NOT" carry it, and servers do (ruby/net-imap [Bug #7147], #11128).
  cur.expectSp();
  attrs.body = takeBody(cur);
});
registerFetchAttribute('BODYSTRUCTURE', (cur, attrs) => {
  cur.expectSp();
  attrs.bodyStructure = takeBody(cur);
});
registerFetchAttribute('ENVELOPE', (cur, attrs) => {
  cur.expectSp();
  attrs.envelope = takeEnvelope(cur);
});
// RFC 3516: "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)
registerFetchAttribute('BINARY', (cur, attrs) => takeSectionValue(cur, attrs, 'binary'));
registerFetchAttribute('BINARY.SIZE', (cur, attrs) => {
  const s = takeSection(cur, true);
  cur.expectSp();
  (attrs.binarySizes ??= []).push({ section: s.section, part: s.part, size: cur.takeNumber() });
});

/** Reads `"FETCH" SP msg-att` after `* seq ` and the name. */
export function takeFetch(cur: Cursor, seq: number): FetchResponse {
  const attrs: FetchAttributes = {};
  cur.expectSp();
  cur.enter();
  // RFC 9051 needs at least one attribute; `* 1 FETCH ()` is refused like any other syntax error.
  for (;;) {
    const nameStart = cur.pos;
    cur.takeRun(ITEM_NAME_CHAR, 'FETCH attribute name');
    const parse = attributes.get(cur.buf, nameStart, cur.tokEnd);
    if (parse !== undefined) parse(cur, attrs, nameStart);
    else takeUnknownAttribute(cur, attrs, nameStart);
    if (!cur.skipIf(Ch.Space)) break;
    if (cur.peek() === Ch.RParen) {
      // `(UID 92285 )`: ruby/net-imap test_invalid_fetch_msg_att_extra_space. Quirk spaceBeforeParen.
      cur.quirk('spaceBeforeParen', cur.pos - 1);
      break;
    }
  }
  cur.leave();
  return { type: 'untagged', kind: 'fetch', seq, attributes: attrs };
}
