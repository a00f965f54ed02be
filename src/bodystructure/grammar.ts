/**
 * BODY and BODYSTRUCTURE (RFC 9051 §9, RFC 3501 §9), parsed without recursion: an explicit
 * stack of open multiparts and message/rfc822 parts, so 10,000 nested parts end in
 * `DEPTH_EXCEEDED` (the cursor's depth counter at every "(") and never in a stack overflow,
 * whatever `maxDepth` is set to.
 *
 * ```abnf
 * body            = "(" (body-type-1part / body-type-mpart) ")"
 * body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
 * body-type-basic = media-basic SP body-fields
 * body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
 * body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
 * body-type-text  = media-text SP body-fields SP body-fld-lines
 * body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
 * body-fld-param  = "(" string SP string *(SP string SP string) ")" / nil
 * body-fld-enc    = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/ "QUOTED-PRINTABLE") DQUOTE) / string
 * body-fld-octets = number
 * body-fld-lines  = number64
 * body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
 * body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
 * body-fld-dsp    = "(" string SP body-fld-param ")" / nil
 * body-fld-lang   = nstring / "(" string *(SP string) ")"
 * body-fld-loc    = nstring
 * body-extension  = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
 * media-message   = DQUOTE "MESSAGE" DQUOTE SP DQUOTE ("RFC822" / "GLOBAL") DQUOTE
 * ```
 *
 * Server deviations accepted as named quirks (strict mode refuses them): see `quirks.ts`,
 * entries `nilBodyEncoding`, `dispositionAsString`, `descriptionAsDisposition`, `emptyMultipart`,
 * `messageWithoutEnvelope`, `missingBodyLines`, `quotedNumber`, `emptyParamList`,
 * `nilParamValue`, `nilMediaType`, `nilMediaSubtype`, `spaceBetweenBodyParts`,
 * `spaceAfterBodyParen`, `doubleSpaceBeforeParams`. Each is tested only where the grammar
 * already failed to match (a NIL where a string goes, a SP where none goes): valid input pays
 * nothing for them.
 */
import { Ch, DIGIT, QUOTED_STOP } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { FNV_OFFSET, FNV_PRIME, fnv1a, StringCache } from '../lexer/string-cache.ts';
import { lowerAtomHashed } from '../lexer/strings.ts';
import { TextCache } from '../lexer/text-cache.ts';
import { decodeHeaderBytes } from '../mime/charset.ts';
import { headerText, headerTextScanned } from '../mime/header-text.ts';
import { joinParameters, type RawParameter } from '../mime/rfc2231.ts';
import type {
  BodyDisposition,
  BodyExtension,
  BodyParameter,
  BodyStructure,
  MultipartBody,
  SinglePartBody,
} from '../model/body.ts';
import { takeEnvelope } from '../parser/envelope.ts';
import { skipValue } from '../parser/value.ts';

const enum Open {
  Multipart = 0,
  Message = 1,
}

interface OpenMultipart {
  kind: Open.Multipart;
  parts: BodyStructure[];
  /** The number its children are numbered below ('' : `1`, `2` …). */
  prefix: string;
  /** Its own number; `undefined` for the root and the body of a message part (no number). */
  own: string | undefined;
}

interface OpenMessage {
  kind: Open.Message;
  part: SinglePartBody;
}

/**
 * A `string` lower-cased (type, subtype, encoding, disposition: case-insensitive tokens), from
 * the lower-case cache: `"TEXT"` and `"text"` recur in every tree.
 */
function takeLower(cur: Cursor): string {
  const c = cur.peek();
  if (c !== Ch.DQuote && c !== Ch.LBrace) return cur.fail('string (quoted or literal)');
  if (cur.takeNStringScanned() === 0) return lowerAtomHashed(cur.buf, cur.tokStart, cur.tokEnd, cur.tokHash);
  const b = cur.tokBytes;
  return lowerAtomHashed(b, 0, b.length, cur.tokHash);
}

/** `string`, or (quirk `nilMediaSubtype` etc.) NIL as the empty string. */
function takeToken(cur: Cursor, quirk: string): string {
  if (cur.skipNil()) {
    cur.quirk(quirk, cur.pos - 3);
    return '';
  }
  return takeLower(cur);
}

/** `nstring` as text (description, location, md5, id), uncached: these rarely repeat. */
function takeNText(cur: Cursor): string | null {
  const kind = cur.takeNStringScanned();
  if (kind < 0) return null;
  if (kind === 0)
    return headerTextScanned(cur.buf, cur.tokStart, cur.tokEnd, cur.tokBits, cur.tokEq, 0, null);
  const b = cur.tokBytes;
  return headerTextScanned(b, 0, b.length, cur.tokBits, cur.tokEq, 0, null);
}

/**
 * `number` (body-fld-octets) or `number64` (body-fld-lines, `wide`: exact up to 2^53), or
 * (quirk `quotedNumber`, seen from Exchange and hMailServer) either as a quoted string.
 */
function takeNumberField(cur: Cursor, wide = false): number {
  if (cur.peek() === Ch.DQuote) {
    const at = cur.pos;
    const b = cur.takeQuoted();
    let v = 0;
    for (let i = 0; i < b.length; i++) {
      if (DIGIT[b[i]!] !== 1 || i > 15) cur.fail('number', at);
      v = v * 10 + (b[i]! - Ch.Zero);
    }
    if (v > (wide ? Number.MAX_SAFE_INTEGER : 0xffffffff)) cur.fail('a number in range', at, 'NUMBER_RANGE');
    if (b.length === 0) cur.fail('number', at);
    cur.quirk('quotedNumber', at);
    return v;
  }
  return wide ? cur.takeSafeNumber() : cur.takeNumber();
}

function hasStar(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] === Ch.Star) return true;
  return false;
}

/** Parameter values repeat (charsets, boundaries of one mailer, file names): cached up to 64 bytes. */
const paramValues = new StringCache(2048, 64);

/**
 * Whole parameter lists up to 64 bytes, keyed by their bytes from "(" to ")": `("charset"
 * "utf-8")`, `("name" "chart.png")` and their like recur in every tree of a folder. A hit is
 * handed out as new objects (a caller may change one tree and not the others). On the
 * envelope+bodystructure benchmark corpus, issue #23: takeParams was 13 % of the profile.
 */
const wholeParams = new TextCache<BodyParameter[]>(1024, 64);

/** The {@link fnv1a} hash of the bytes {@link plainParamsEnd} accepted. */
let paramsHash = 0;

/**
 * The end (after ")") of the `body-fld-param` list at `buf[at]` when it is a non-empty list of
 * quoted strings without escapes, each followed by the one SP or ")" of the grammar, with no
 * `*` in a name, and it fits a cache key; -2 when a name with `*` (RFC 2231: joined, not
 * cached) follows only such fields (the first pass of takeParamList would find nothing to
 * report there); else -1. Hashes into
 * {@link paramsHash}. An accepted range is only a cache key: what the bytes mean is left to the
 * parse that filled the cache (the same bytes parse to the same list, with no quirk).
 */
function plainParamsEnd(buf: Uint8Array, at: number, limit: number): number {
  const end = Math.min(limit, at + wholeParams.width);
  let h = Math.imul(FNV_OFFSET ^ Ch.LParen, FNV_PRIME);
  let i = at + 1;
  for (let field = 0; ; field++) {
    if (i >= end || buf[i] !== Ch.DQuote) return -1;
    h = Math.imul(h ^ Ch.DQuote, FNV_PRIME);
    i++;
    for (;;) {
      if (i >= end) return -1;
      const q = buf[i]!;
      if (QUOTED_STOP[q] !== 0) {
        if (q !== Ch.DQuote) return -1;
        break;
      }
      // A name with `*` after plain fields only: RFC 2231, read by takeRfc2231Params at once.
      if (q === Ch.Star && (field & 1) === 0) return -2;
      h = Math.imul(h ^ q, FNV_PRIME);
      i++;
    }
    h = Math.imul(h ^ Ch.DQuote, FNV_PRIME);
    i++;
    if (i >= end) return -1;
    const sep = buf[i]!;
    h = Math.imul(h ^ sep, FNV_PRIME);
    i++;
    if (sep === Ch.RParen) {
      if ((field & 1) === 0) return -1;
      paramsHash = h;
      return i;
    }
    if (sep !== Ch.Space) return -1;
  }
}

/**
 * `body-fld-param`; `()` is quirk `emptyParamList`, a NIL value quirk `nilParamValue` (read as `""`). Names and values are decoded as they are
 * read; a name with `*` (RFC 2231) sends the list through {@link joinParameters} instead.
 */
function takeParams(cur: Cursor): BodyParameter[] {
  if (cur.skipNil()) return [];
  const save = cur.pos;
  // A list seen before, byte for byte; not where `enter()` would refuse the depth.
  const keyEnd =
    cur.depth < cur.maxDepth && cur.peek() === Ch.LParen ? plainParamsEnd(cur.buf, save, cur.end) : -1;
  if (keyEnd === -2) return takeRfc2231Params(cur);
  if (keyEnd >= 0) {
    const known = wholeParams.get(cur.buf, save, keyEnd, paramsHash);
    if (known !== undefined) {
      cur.pos = keyEnd;
      return copyParams(known);
    }
    const list = takeParamList(cur, save);
    wholeParams.set(cur.buf, save, keyEnd, paramsHash, copyParams(list));
    return list;
  }
  return takeParamList(cur, save);
}

/** New objects for a cached list (one or two parameters, the usual, as one literal). */
function copyParams(list: BodyParameter[]): BodyParameter[] {
  const a = list[0]!;
  if (list.length === 1) return [{ name: a.name, value: a.value }];
  const b = list[1]!;
  if (list.length === 2)
    return [
      { name: a.name, value: a.value },
      { name: b.name, value: b.value },
    ];
  const copy: BodyParameter[] = [];
  for (let i = 0; i < list.length; i++) copy.push({ name: list[i]!.name, value: list[i]!.value });
  return copy;
}

/** {@link takeParams} after NIL and the cache: the list at `save` read. */
function takeParamList(cur: Cursor, save: number): BodyParameter[] {
  const lit = cur.lit;
  const depth = cur.depth;
  cur.enter();
  const out: BodyParameter[] = [];
  if (cur.peek() === Ch.RParen) {
    cur.quirk('emptyParamList', cur.pos - 1);
    cur.leave();
    return out;
  }
  for (;;) {
    let name: string;
    const c = cur.peek();
    if (c !== Ch.DQuote && c !== Ch.LBrace) cur.fail('string (quoted or literal)');
    if (cur.takeNStringScanned() === 0) {
      if (hasStar(cur.buf, cur.tokStart, cur.tokEnd)) break;
      name = lowerAtomHashed(cur.buf, cur.tokStart, cur.tokEnd, cur.tokHash);
    } else {
      const b = cur.tokBytes;
      if (hasStar(b, 0, b.length)) break;
      name = lowerAtomHashed(b, 0, b.length, cur.tokHash);
    }
    cur.expectSp();
    const at = cur.pos;
    const kind = cur.takeNStringScanned();
    let value = '';
    // `("boundary" NIL)`: mail.ru (MailKit #124); body-fld-param holds strings only.
    if (kind < 0) cur.quirk('nilParamValue', at);
    else if (kind === 0) {
      value = headerTextScanned(
        cur.buf,
        cur.tokStart,
        cur.tokEnd,
        cur.tokBits,
        cur.tokEq,
        cur.tokHash,
        paramValues,
      );
    } else if (kind === 1) {
      const b = cur.tokBytes;
      value = headerTextScanned(b, 0, b.length, cur.tokBits, cur.tokEq, cur.tokHash, paramValues);
    }
    out.push({ name, value });
    if (!cur.skipIf(Ch.Space)) {
      cur.leave();
      return out;
    }
  }
  cur.pos = save;
  cur.lit = lit;
  cur.depth = depth;
  return takeRfc2231Params(cur);
}

/** `body-fld-param` with RFC 2231 names: read raw, then joined. */
function takeRfc2231Params(cur: Cursor): BodyParameter[] {
  cur.enter();
  const raw: RawParameter[] = [];
  for (;;) {
    const name = cur.takeString();
    cur.expectSp();
    const at = cur.pos;
    let value = cur.takeNString();
    if (value === null) {
      cur.quirk('nilParamValue', at);
      value = new Uint8Array(0);
    }
    raw.push({ name, value });
    if (!cur.skipIf(Ch.Space)) break;
  }
  cur.leave();
  return joinParameters(raw);
}

/**
 * RFC 2045 `token`: CHAR minus SP, CTLs and tspecials `()<>@,;:\"/[]?=`. A disposition type is
 * one; a description ("S/MIME Encrypted Message") is not.
 */
const TOKEN_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0x21; c < 0x7f; c++) t[c] = 1;
  for (const c of '()<>@,;:\\"/[]?=') t[c.charCodeAt(0)] = 0;
  return t;
})();

/**
 * `body-fld-dsp`. A bare string there is Exchange's: a disposition type (`"inline"`, quirk
 * `dispositionAsString`, MailKit #919), or the part's Content-Description (`"S/MIME Encrypted
 * Message"`, quirk `descriptionAsDisposition`), which goes to `node.description` and leaves the
 * disposition absent (`undefined`).
 */
function takeDisposition(
  cur: Cursor,
  node: MultipartBody | SinglePartBody,
): BodyDisposition | null | undefined {
  if (cur.skipNil()) return null;
  if (cur.peek() !== Ch.LParen) {
    const at = cur.pos;
    const raw = cur.takeString();
    let token = raw.length > 0;
    for (let i = 0; i < raw.length && token; i++) token = TOKEN_CHAR[raw[i]!] === 1;
    if (token) {
      cur.quirk('dispositionAsString', at);
      return { type: lowerAtomHashed(raw, 0, raw.length, fnv1a(raw, 0, raw.length)), params: [] };
    }
    cur.quirk('descriptionAsDisposition', at);
    const text = headerText(raw, 0, raw.length, null);
    if (node.type === 'multipart') node.description = text;
    else if (node.description === null) node.description = text;
    return undefined;
  }
  cur.enter();
  const type = takeLower(cur);
  cur.expectSp();
  const params = takeParams(cur);
  cur.leave();
  return { type, params };
}

/** `body-fld-lang`, always as a list. */
function takeLanguage(cur: Cursor): string[] | null {
  if (cur.peek() !== Ch.LParen) {
    const v = takeNText(cur);
    return v === null ? null : [v];
  }
  const out: string[] = [];
  cur.enter();
  do out.push(decodeHeaderBytes(cur.takeString()));
  while (cur.skipIf(Ch.Space));
  cur.leave();
  return out;
}

/** `body-extension`, iteratively (a tree of nstring / number / lists). */
function takeExtension(cur: Cursor): BodyExtension {
  const stack: BodyExtension[][] = [];
  let value: BodyExtension;
  for (;;) {
    if (cur.peek() === Ch.LParen) {
      cur.enter();
      stack.push([]);
      continue;
    }
    if (DIGIT[cur.peek()] === 1) {
      const n = cur.takeNumber64();
      value = n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
    } else value = takeNText(cur);
    for (;;) {
      const top = stack.at(-1);
      if (top === undefined) return value;
      top.push(value);
      if (cur.skipIf(Ch.Space)) break;
      cur.leave();
      stack.pop();
      value = top;
    }
  }
}

/** The extension fields after md5 (1part) or params (mpart): `[SP dsp [SP lang [SP loc *(SP ext)]]]`. */
function takeExtensionTail(cur: Cursor, node: MultipartBody | SinglePartBody): void {
  if (!cur.skipIf(Ch.Space)) return;
  const disposition = takeDisposition(cur, node);
  if (disposition !== undefined) node.disposition = disposition;
  if (!cur.skipIf(Ch.Space)) return;
  node.language = takeLanguage(cur);
  if (!cur.skipIf(Ch.Space)) return;
  node.location = takeNText(cur);
  while (cur.skipIf(Ch.Space)) (node.extensions ??= []).push(takeExtension(cur));
}

/** `media-subtype [SP body-ext-mpart] ")"` after the children; the cursor stands after the last child. */
function finishMultipart(cur: Cursor, parts: BodyStructure[]): MultipartBody {
  if (parts.length > 0) cur.expectSp();
  const node: MultipartBody = { type: 'multipart', subtype: takeToken(cur, 'nilMediaSubtype'), parts };
  if (cur.skipIf(Ch.Space)) {
    node.params = takeParams(cur);
    takeExtensionTail(cur, node);
  }
  cur.leave();
  return node;
}

/** `media-* SP body-fields` of a one-part body numbered `section`. */
function takePartStart(cur: Cursor, section: string): SinglePartBody {
  const type = takeToken(cur, 'nilMediaType');
  cur.expectSp();
  const subtype = takeToken(cur, 'nilMediaSubtype');
  cur.expectSp();
  if (cur.peek() === Ch.Space) {
    // `"text" "plain"  ("charset" …)`: ruby/net-imap PR #271 (GH-271), from customers' servers.
    cur.quirk('doubleSpaceBeforeParams', cur.pos);
    while (cur.skipIf(Ch.Space));
  }
  const params = takeParams(cur);
  cur.expectSp();
  const id = takeNText(cur);
  cur.expectSp();
  const description = takeNText(cur);
  cur.expectSp();
  let encoding: string;
  if (cur.skipNil()) {
    // RFC 2045 §6.1: no Content-Transfer-Encoding means 7bit. iCloud and maddy send NIL.
    cur.quirk('nilBodyEncoding', cur.pos - 3);
    encoding = '7bit';
  } else encoding = takeLower(cur);
  cur.expectSp();
  const size = takeNumberField(cur);
  return { type, subtype, section, params, id, description, encoding, size };
}

/** True when the next field is a number (quoted or not): `body-fld-lines` is there. */
function atNumber(cur: Cursor): boolean {
  const c = cur.peekAt(1);
  return cur.peek() === Ch.Space && (DIGIT[c] === 1 || (c === Ch.DQuote && DIGIT[cur.peekAt(2)] === 1));
}

/** `[SP body-fld-lines]` of text and message parts, then the 1part extension and ")". */
function finishPart(cur: Cursor, part: SinglePartBody, linesRequired: boolean): SinglePartBody {
  if (linesRequired) {
    if (atNumber(cur)) {
      cur.pos++;
      part.lines = takeNumberField(cur, true);
    } else cur.quirk('missingBodyLines', cur.pos);
  }
  if (cur.skipIf(Ch.Space)) {
    part.md5 = takeNText(cur);
    takeExtensionTail(cur, part);
  }
  cur.leave();
  return part;
}

/**
 * A multipart without children: Gmail's `("RELATED" NIL ("ATTACHMENT" NIL) NIL)` (subtype then
 * mpart extension data) and `(NIL "alternative" (…) NIL NIL NIL)` inside a message/rfc822
 * part (MailKit #371, #1393). Quirk `emptyMultipart`. The cursor stands after the "(".
 *
 * `"type" "subtype" …` is a one-part body at once. Only when the second value is not a string
 * (or the first is NIL) is the shape ambiguous with a NIL subtype; then the values are
 * counted: a one-part body has at least seven (type, subtype, params, id, description,
 * encoding, size), the Gmail shape has fewer.
 */
function isEmptyMultipart(cur: Cursor): boolean {
  const save = cur.pos;
  if (!cur.skipNil()) {
    if (cur.peek() !== Ch.DQuote) return false;
    cur.takeNStringRange();
    const next = cur.peekAt(1);
    cur.pos = save;
    if (next === Ch.DQuote || next === Ch.LBrace) return false;
  }
  cur.pos = save;
  return countValues(cur) < 7;
}

/** The number of values up to the ")" closing the current list; the cursor does not move. */
function countValues(cur: Cursor): number {
  const save = cur.pos;
  const lit = cur.lit;
  const depth = cur.depth;
  let n = 0;
  try {
    while (cur.peek() !== Ch.RParen && cur.peek() >= 0) {
      skipValue(cur);
      n++;
      if (!cur.skipIf(Ch.Space)) break;
    }
  } finally {
    cur.pos = save;
    cur.lit = lit;
    cur.depth = depth;
  }
  return n;
}

/**
 * Reads a `body` (the cursor on its "("), for BODY and BODYSTRUCTURE alike: the grammar gives
 * both the extension data (`"BODY" ["STRUCTURE"] SP body`). Section numbers (the rules are in
 * `sections.ts`) are given as the nodes are read, from the stack: a second walk of the finished
 * tree cost ~3 % of the envelope+bodystructure benchmark (issue #23).
 */
export function takeBody(cur: Cursor): BodyStructure {
  const stack: (OpenMultipart | OpenMessage)[] = [];
  let node: BodyStructure;
  for (;;) {
    const open = stack.at(-1);
    if (open?.kind === Open.Message && cur.peek() === Ch.LParen && cur.peekAt(1) === Ch.RParen) {
      // `()` as the body of a message/rfc822 part: Lotus Domino (MailKit #944). No body.
      cur.quirk('emptyMessageBody', cur.pos);
      cur.pos += 2;
      stack.pop();
      node = finishPart(cur, open.part, true);
    } else {
      cur.enter();
      if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
        // `( ("text" …`: quirk spaceAfterBodyParen.
        cur.quirk('spaceAfterBodyParen', cur.pos);
        cur.pos++;
      }
      // This node's number, and whether a multipart here has none (the root, the body of a
      // message part: RFC 9051 §6.4.5, see sections.ts).
      let slot: string;
      let prefix = '';
      let bare = true;
      if (open === undefined) slot = '1';
      else if (open.kind === Open.Multipart) {
        const k = open.parts.length + 1;
        slot = open.prefix === '' ? `${k}` : `${open.prefix}.${k}`;
        bare = false;
      } else {
        prefix = open.part.section;
        slot = `${prefix}.1`;
      }
      if (cur.peek() === Ch.LParen) {
        stack.push(
          bare
            ? { kind: Open.Multipart, parts: [], prefix, own: undefined }
            : { kind: Open.Multipart, parts: [], prefix: slot, own: slot },
        );
        continue;
      }
      if (isEmptyMultipart(cur)) {
        cur.quirk('emptyMultipart', cur.pos);
        if (cur.skipNil()) cur.expectSp();
        node = finishMultipart(cur, []);
        if (!bare) node.section = slot;
      } else {
        const part = takePartStart(cur, slot);
        const message = part.type === 'message' && (part.subtype === 'rfc822' || part.subtype === 'global');
        if (message && cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
          cur.pos++;
          part.envelope = takeEnvelope(cur);
          cur.expectSp();
          stack.push({ kind: Open.Message, part });
          continue;
        }
        // A message/rfc822 part sent like a basic one (no envelope, no body): Exchange, Yahoo.
        if (message) cur.quirk('messageWithoutEnvelope', cur.pos);
        node = finishPart(cur, part, part.type === 'text');
      }
    }
    // Close what the finished node completes.
    for (;;) {
      const top = stack.at(-1);
      if (top === undefined) return node;
      if (top.kind === Open.Multipart) {
        top.parts.push(node);
        if (cur.peek() === Ch.LParen) break;
        // `(…) (…) "mixed"`: Stalwart, Exchange (imap-codec PR #697), maddy (modern-email/defects#51).
        if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
          cur.quirk('spaceBetweenBodyParts', cur.pos);
          cur.pos++;
          break;
        }
        stack.pop();
        node = finishMultipart(cur, top.parts);
        if (top.own !== undefined) node.section = top.own;
      } else {
        stack.pop();
        top.part.body = node;
        node = finishPart(cur, top.part, true);
      }
    }
  }
}
