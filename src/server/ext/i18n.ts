/**
 * LANGUAGE and COMPARATOR, mirroring `parser/ext/i18n.ts` (RFC 5255).
 *
 * ```abnf
 * language-data   = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"
 * comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted) ")"]
 * ```
 * The values are written as astrings, as the parser reads them.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { ComparatorResponse, LanguageResponse } from '../../model/i18n.ts';
import { list } from '../values.ts';

function writeList(w: Writer, v: string[], field: string): void {
  const items = list(v, field, true);
  w.byte(Ch.LParen);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) w.sp();
    w.astring(items[i], `${field}[${i}]`);
  }
  w.byte(Ch.RParen);
}

/** Writes the LANGUAGE response after `* `. */
export function writeLanguage(w: Writer, r: LanguageResponse): void {
  w.raw('LANGUAGE ');
  writeList(w, r.languages, 'languages');
}

/** Writes the COMPARATOR response after `* `. */
export function writeComparator(w: Writer, r: ComparatorResponse): void {
  w.raw('COMPARATOR ').astring(r.comparator, 'comparator');
  if (r.matching !== undefined) {
    w.sp();
    writeList(w, r.matching, 'matching');
  }
}
