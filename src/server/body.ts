/**
 * BODY and BODYSTRUCTURE, mirroring `bodystructure/grammar.ts`.
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
 * body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
 * body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
 * body-fld-dsp    = "(" string SP body-fld-param ")" / nil
 * body-fld-lang   = nstring / "(" string *(SP string) ")"
 * body-extension  = nstring / number / number64 / "(" body-extension *(SP body-extension) ")"
 * ```
 * Section numbers are not written (the decoder numbers the tree). BODY (`extensible` false) is
 * the non-extensible form: extension fields are left out. The extension fields are positional:
 * a later one present makes the earlier absent ones NIL (which the decoder gives back as
 * `null`, and `[]` for parameters). Parameters with an RFC 2231 `charset`/`language` are
 * written as `name*` with a percent-encoded UTF-8 value (only `utf-8` and `us-ascii` charsets).
 * Text and message/rfc822 (message/global) parts need `lines`; a message part needs its
 * envelope and body (without them the decoder reads it as a quirk).
 */

import { ImapEncodeError } from '../encoder/errors.ts';
import { valueBytes, type Writer } from '../encoder/writer.ts';
import { Ch } from '../lexer/chars.ts';
import type {
  BodyDisposition,
  BodyExtension,
  BodyParameter,
  BodyStructure,
  MultipartBody,
  SinglePartBody,
} from '../model/body.ts';
import { writeEnvelope } from './envelope.ts';
import { checkDepth, invalid, list } from './values.ts';

/** Writes a `body` (`extensible`: BODYSTRUCTURE, with extension data). */
export function writeBody(
  w: Writer,
  node: BodyStructure,
  extensible: boolean,
  field: string,
  depth = 0,
): void {
  checkDepth(depth, field);
  if (node === null || typeof node !== 'object') throw invalid(field, 'expected a body part');
  w.byte(Ch.LParen);
  if (node.type === 'multipart' && 'parts' in node) writeMultipart(w, node, extensible, field, depth);
  else writeSinglePart(w, node as SinglePartBody, extensible, field, depth);
  w.byte(Ch.RParen);
}

function writeMultipart(
  w: Writer,
  node: MultipartBody,
  extensible: boolean,
  field: string,
  depth: number,
): void {
  const parts = list(node.parts, `${field}.parts`, true);
  for (let i = 0; i < parts.length; i++)
    writeBody(w, parts[i]!, extensible, `${field}.parts[${i}]`, depth + 1);
  w.sp();
  w.string(node.subtype, `${field}.subtype`);
  if (!extensible) return;
  const n = extensionCount(node, node.params !== undefined);
  if (n === 0) return;
  w.sp();
  writeParams(w, node.params ?? [], `${field}.params`);
  writeExtensionTail(w, node, n - 1, field, depth);
}

function writeSinglePart(
  w: Writer,
  node: SinglePartBody,
  extensible: boolean,
  field: string,
  depth: number,
): void {
  w.string(node.type, `${field}.type`);
  w.sp();
  w.string(node.subtype, `${field}.subtype`);
  w.sp();
  writeParams(w, node.params, `${field}.params`);
  w.sp();
  w.nstring(node.id, `${field}.id`);
  w.sp();
  w.nstring(node.description, `${field}.description`);
  w.sp();
  w.string(node.encoding, `${field}.encoding`);
  w.sp();
  w.number(node.size, `${field}.size`);
  const type = typeof node.type === 'string' ? node.type.toLowerCase() : '';
  const subtype = typeof node.subtype === 'string' ? node.subtype.toLowerCase() : '';
  if (type === 'message' && (subtype === 'rfc822' || subtype === 'global')) {
    if (node.envelope === undefined || node.body === undefined)
      throw invalid(field, `message/${subtype} needs its envelope and body (RFC 9051 body-type-msg)`);
    w.sp();
    writeEnvelope(w, node.envelope, `${field}.envelope`);
    w.sp();
    writeBody(w, node.body, extensible, `${field}.body`, depth + 1);
    w.sp();
    w.number64(lines(node, field), `${field}.lines`);
  } else if (type === 'text') {
    w.sp();
    w.number64(lines(node, field), `${field}.lines`);
  } else if (node.lines !== undefined || node.envelope !== undefined || node.body !== undefined) {
    throw invalid(
      field,
      `${type}/${subtype} has no lines, envelope or body (only text and message parts do)`,
    );
  }
  if (!extensible) return;
  const n = extensionCount(node, node.md5 !== undefined);
  if (n === 0) return;
  w.sp();
  w.nstring(node.md5 ?? null, `${field}.md5`);
  writeExtensionTail(w, node, n - 1, field, depth);
}

function lines(node: SinglePartBody, field: string): number {
  if (node.lines === undefined) throw invalid(`${field}.lines`, `a ${node.type} part has body-fld-lines`);
  return node.lines;
}

/**
 * How many positional extension fields to write: the first (md5 or params) and up to the last
 * present of disposition, language, location, further extensions.
 */
function extensionCount(node: MultipartBody | SinglePartBody, first: boolean): number {
  if (node.extensions !== undefined && node.extensions.length > 0) return 4 + node.extensions.length;
  if (node.location !== undefined) return 4;
  if (node.language !== undefined) return 3;
  if (node.disposition !== undefined) return 2;
  return first ? 1 : 0;
}

/** `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]`, `n` of them. */
function writeExtensionTail(
  w: Writer,
  node: MultipartBody | SinglePartBody,
  n: number,
  field: string,
  depth: number,
): void {
  if (n < 1) return;
  w.sp();
  writeDisposition(w, node.disposition ?? null, `${field}.disposition`);
  if (n < 2) return;
  w.sp();
  writeLanguage(w, node.language ?? null, `${field}.language`);
  if (n < 3) return;
  w.sp();
  w.nstring(node.location ?? null, `${field}.location`);
  const ext = node.extensions ?? [];
  for (let i = 0; i < ext.length; i++) {
    w.sp();
    writeExtension(w, ext[i]!, `${field}.extensions[${i}]`, depth + 1);
  }
}

/** `"(" string SP body-fld-param ")" / nil` */
function writeDisposition(w: Writer, d: BodyDisposition | null, field: string): void {
  if (d === null) {
    w.raw('NIL');
    return;
  }
  w.byte(Ch.LParen);
  w.string(d.type, `${field}.type`);
  w.sp();
  writeParams(w, d.params, `${field}.params`);
  w.byte(Ch.RParen);
}

/** `nstring / "(" string *(SP string) ")"`: one value as a string, more as a list. */
function writeLanguage(w: Writer, v: string[] | null, field: string): void {
  if (v === null) {
    w.raw('NIL');
    return;
  }
  const langs = list(v, field, true);
  if (langs.length === 1) {
    w.string(langs[0], `${field}[0]`);
    return;
  }
  w.byte(Ch.LParen);
  for (let i = 0; i < langs.length; i++) {
    if (i > 0) w.sp();
    w.string(langs[i], `${field}[${i}]`);
  }
  w.byte(Ch.RParen);
}

/** `"(" string SP string *(SP string SP string) ")" / nil`; no parameters is NIL. */
function writeParams(w: Writer, v: BodyParameter[], field: string): void {
  const params = list(v, field);
  if (params.length === 0) {
    w.raw('NIL');
    return;
  }
  w.byte(Ch.LParen);
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const f = `${field}[${i}]`;
    if (i > 0) w.sp();
    if (p === null || typeof p !== 'object') throw invalid(f, 'expected a parameter');
    if (p.charset !== undefined || p.language !== undefined) {
      w.string(`${p.name}*`, `${f}.name`);
      w.sp();
      w.string(extValue(p, f), `${f}.value`);
    } else {
      w.string(p.name, `${f}.name`);
      w.sp();
      w.string(p.value, `${f}.value`);
    }
  }
  w.byte(Ch.RParen);
}

/** RFC 2231 §4 `ext-value`: `charset'language'` then the UTF-8 bytes, percent-encoded. */
function extValue(p: BodyParameter, field: string): string {
  const charset = p.charset ?? '';
  const lc = charset.toLowerCase();
  if (lc !== 'utf-8' && lc !== 'us-ascii' && lc !== '')
    throw invalid(`${field}.charset`, 'only utf-8 and us-ascii RFC 2231 values are encoded');
  const language = p.language ?? '';
  for (const [s, name] of [
    [charset, 'charset'],
    [language, 'language'],
  ] as const) {
    if (!/^[A-Za-z0-9_.:+-]*$/.test(s))
      throw invalid(`${field}.${name}`, `not a token: ${JSON.stringify(s)}`);
  }
  const b = valueBytes(p.value, `${field}.value`);
  let out = `${charset}'${language}'`;
  for (const c of b) {
    const unreserved =
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x2e ||
      c === 0x2d;
    out += unreserved ? String.fromCharCode(c) : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `body-extension`: a string, a number (number64), NIL, or a non-empty list of them. */
function writeExtension(w: Writer, v: BodyExtension, field: string, depth: number): void {
  checkDepth(depth, field);
  if (v === null) w.raw('NIL');
  else if (typeof v === 'number') w.number64(v, field);
  else if (typeof v === 'string') w.string(v, field);
  else if (Array.isArray(v)) {
    const items = list(v, field, true);
    w.byte(Ch.LParen);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) w.sp();
      writeExtension(w, items[i]!, `${field}[${i}]`, depth + 1);
    }
    w.byte(Ch.RParen);
  } else throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected a string, a number, null or a list');
}
