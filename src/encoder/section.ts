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
import type { SectionText } from '../model/fetch.ts';
import { expectArray, expectObject, oneOf } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { checkNumber, type Writer } from './writer.ts';

const TEXTS: readonly SectionText[] = ['HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME'];

/** `section-part` of a list of part numbers (`''` for none). */
export function formatPart(v: unknown, field: string): string {
  if (v === undefined) return '';
  return expectArray(v, field)
    .map((n, i) => String(checkNumber(n, `${field}[${i}]`, true)))
    .join('.');
}

/** Writes `section`: `[…]`. */
export function writeSection(w: Writer, v: unknown, field: string): void {
  const s = v === undefined ? {} : expectObject(v, field);
  const part = formatPart(s['part'], `${field}.part`);
  w.raw(`[${part}`);
  if (s['text'] !== undefined) {
    const text = oneOf(s['text'], `${field}.text`, TEXTS);
    if (text === 'MIME' && part === '') {
      throw new ImapEncodeError('INVALID_ARGUMENT', `${field}.text`, 'MIME needs part numbers');
    }
    w.raw(part === '' ? text : `.${text}`);
    if (text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT') {
      w.raw(' (');
      expectArray(s['fields'], `${field}.fields`, true).forEach((f, i) => {
        if (i > 0) w.sp();
        w.astring(f, `${field}.fields[${i}]`);
      });
      w.raw(')');
    } else if (s['fields'] !== undefined) {
      throw new ImapEncodeError(
        'INVALID_ARGUMENT',
        `${field}.fields`,
        'fields go with HEADER.FIELDS[.NOT] only',
      );
    }
  } else if (s['fields'] !== undefined) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      `${field}.fields`,
      'fields go with HEADER.FIELDS[.NOT] only',
    );
  }
  w.raw(']');
}

/** Writes `section-binary`: `[part]`. */
export function writeBinarySection(w: Writer, v: unknown, field: string): void {
  w.raw(`[${formatPart(v, field)}]`);
}

/** Writes `partial` when present: `<origin.count>`. */
export function writePartial(w: Writer, v: unknown, field: string): void {
  if (v === undefined) return;
  const p = expectObject(v, field);
  w.raw('<')
    .number(p['origin'], `${field}.origin`)
    .raw('.')
    .number(p['count'], `${field}.count`, true)
    .raw('>');
}
