/**
 * LANGUAGE and COMPARATOR: RFC 5255 (I18NLEVEL, LANGUAGE).
 *
 * ```abnf
 * language-data   = "LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"
 * comparator-data = "COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted) ")"]
 * lang-tag-quoted = astring
 * comp-sel-quoted = astring
 * comp-id-quoted  = astring
 * ```
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { textString } from '../../lexer/strings.ts';
import type { ComparatorResponse, LanguageResponse } from '../../model/i18n.ts';
import type { RegisterUntagged } from '../extensions.ts';

function takeText(cur: Cursor): string {
  const v = cur.takeAString();
  return textString(v, 0, v.length);
}

function takeList(cur: Cursor): string[] {
  const out: string[] = [];
  cur.enter();
  do out.push(takeText(cur));
  while (cur.skipIf(Ch.Space));
  cur.leave();
  return out;
}

/** Reads the data after `* LANGUAGE`. */
export function takeLanguage(cur: Cursor): LanguageResponse {
  cur.expectSp();
  return { type: 'untagged', kind: 'language', languages: takeList(cur) };
}

/** Reads the data after `* COMPARATOR`. */
export function takeComparator(cur: Cursor): ComparatorResponse {
  cur.expectSp();
  const r: ComparatorResponse = { type: 'untagged', kind: 'comparator', comparator: takeText(cur) };
  if (cur.skipIf(Ch.Space)) r.matching = takeList(cur);
  return r;
}

/** Plugs LANGUAGE and COMPARATOR into the dispatch. */
export function registerI18n(registerUntagged: RegisterUntagged): void {
  registerUntagged('LANGUAGE', takeLanguage);
  registerUntagged('COMPARATOR', takeComparator);
}
