/**
 * Section specifiers for FETCH, mirroring `parser/section.ts`.
 *
 * ```abnf
 * section         = "[" [section-spec] "]"
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * header-list     = "(" header-fld-name *(SP header-fld-name) ")"
 * header-fld-name = astring
 * section-binary  = "[" [section-part] "]"                ; RFC 3516
 * partial         = "<" number "." nz-number ">"
 * ```
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import type { SectionText } from '../model/fetch.ts';
import { ascii } from './ascii.ts';
import { at, expectArray, expectObject, isObject, oneOf } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { checkNumber, isNumber32, type Writer } from './writer.ts';

const TEXTS: readonly SectionText[] = ['HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME'];
/** Each section text to its bytes (one lookup checks and spells it). */
const TEXT_BYTES: ReadonlyMap<string, Uint8Array> = new Map(TEXTS.map((t) => [t, ascii(t)]));
const NO_SECTION: Record<string, unknown> = {};

// The FETCH item these belong to is `field[i]` (`field` when `i` < 0); the paths of their values
// (`items[1].section.part[0]`) are made only for an error.

/** Writes `section-part` (part numbers joined by `.`); true when it wrote one. */
function writePart(w: Writer, v: unknown, field: string, i: number, name: string): boolean {
  if (v === undefined) return false;
  if (!Array.isArray(v)) expectArray(v, `${at(field, i)}${name}`);
  const list = v as readonly unknown[];
  for (let k = 0; k < list.length; k++) {
    const n = list[k];
    if (!isNumber32(n, true)) checkNumber(n, `${at(field, i)}${name}[${k}]`, true);
    if (k > 0) w.byte(Ch.Dot);
    w.digits(n as number);
  }
  return list.length > 0;
}

/** Writes `section`: `[…]`, of the FETCH item `field[i]`. */
export function writeSection(w: Writer, v: unknown, field: string, i: number): void {
  const s = v === undefined ? NO_SECTION : isObject(v) ? v : expectObject(v, `${at(field, i)}.section`);
  w.byte(Ch.LBracket);
  const part = writePart(w, s['part'], field, i, '.section.part');
  const t = s['text'];
  if (t !== undefined) {
    const bytes =
      (typeof t === 'string' ? TEXT_BYTES.get(t) : undefined) ??
      TEXT_BYTES.get(oneOf(t, `${at(field, i)}.section.text`, TEXTS))!;
    const text = t as SectionText;
    if (text === 'MIME' && !part) {
      throw new ImapEncodeError(
        'INVALID_ARGUMENT',
        `${at(field, i)}.section.text`,
        'MIME needs part numbers',
      );
    }
    if (part) w.byte(Ch.Dot);
    w.text(bytes);
    if (text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT') {
      const fields = s['fields'];
      if (!Array.isArray(fields) || fields.length === 0)
        expectArray(fields, `${at(field, i)}.section.fields`, true);
      const list = fields as readonly unknown[];
      w.sp().byte(Ch.LParen);
      for (let k = 0; k < list.length; k++) {
        if (k > 0) w.sp();
        const f = list[k];
        if (typeof f !== 'string' || !w.asciiString(f, ASTRING_CHAR))
          w.astring(f, `${at(field, i)}.section.fields[${k}]`);
      }
      w.byte(Ch.RParen);
    } else if (s['fields'] !== undefined) {
      throw new ImapEncodeError(
        'INVALID_ARGUMENT',
        `${at(field, i)}.section.fields`,
        'fields go with HEADER.FIELDS[.NOT] only',
      );
    }
  } else if (s['fields'] !== undefined) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      `${at(field, i)}.section.fields`,
      'fields go with HEADER.FIELDS[.NOT] only',
    );
  }
  w.byte(Ch.RBracket);
}

/** Writes `section-binary`: `[part]`, of the FETCH item `field[i]`. */
export function writeBinarySection(w: Writer, v: unknown, field: string, i: number): void {
  w.byte(Ch.LBracket);
  writePart(w, v, field, i, '.part');
  w.byte(Ch.RBracket);
}

/** Writes `partial` when present: `<origin.count>`, of the FETCH item `field[i]`. */
export function writePartial(w: Writer, v: unknown, field: string, i: number): void {
  if (v === undefined) return;
  const p = isObject(v) ? v : expectObject(v, `${at(field, i)}.partial`);
  const origin = p['origin'];
  const count = p['count'];
  w.byte(Ch.Lt);
  if (isNumber32(origin, false)) w.digits(origin);
  else w.number(origin, `${at(field, i)}.partial.origin`);
  w.byte(Ch.Dot);
  if (isNumber32(count, true)) w.digits(count);
  else w.number(count, `${at(field, i)}.partial.count`, true);
  w.byte(Ch.Gt);
}
