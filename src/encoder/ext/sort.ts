/**
 * SORT and THREAD (RFC 5256 §3, §5; RFC 5267 ESORT `RETURN`; RFC 5957 DISPLAYFROM/DISPLAYTO).
 *
 * ```abnf
 * sort            = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria
 * sort-criteria   = "(" sort-criterion *(SP sort-criterion) ")"
 * sort-criterion  = ["REVERSE" SP] sort-key
 * sort-key        = "ARRIVAL" / "CC" / "DATE" / "FROM" / "SIZE" / "SUBJECT" / "TO"
 *                 / "DISPLAYFROM" / "DISPLAYTO"
 * thread          = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
 * thread-alg      = "ORDEREDSUBJECT" / "REFERENCES" / thread-alg-ext
 * thread-alg-ext  = atom
 * search-criteria = charset 1*(SP search-key)
 * ```
 */
import { SORT_KEYS } from '../../model/command-ext.ts';
import { eachItem, expectArray, expectObject, oneOf, optionalBoolean } from '../check.ts';
import { writeCharset, writeSearchKeys, writeSearchReturn } from '../search.ts';
import type { Writer } from '../writer.ts';

/** `[UID] SORT [RETURN (…)] (criteria) charset keys` */
export function writeSort(w: Writer, c: Record<string, unknown>): void {
  if (optionalBoolean(c['uid'], 'uid')) w.raw('UID ');
  w.raw('SORT');
  if (c['return'] !== undefined) writeSearchReturn(w, c['return'], 'return');
  w.raw(' (');
  eachItem(expectArray(c['sort'], 'sort', true), (s, i) => {
    const f = `sort[${i}]`;
    const o = expectObject(s, f);
    if (i > 0) w.sp();
    if (optionalBoolean(o['reverse'], `${f}.reverse`)) w.raw('REVERSE ');
    w.raw(oneOf(o['key'], `${f}.key`, SORT_KEYS));
  });
  w.raw(') ');
  writeCharset(w, c['charset'], 'charset');
  w.sp();
  writeSearchKeys(w, c['criteria'], 'criteria');
}

/** `[UID] THREAD algorithm charset keys` */
export function writeThread(w: Writer, c: Record<string, unknown>): void {
  if (optionalBoolean(c['uid'], 'uid')) w.raw('UID ');
  w.raw('THREAD ').atom(c['algorithm'], 'algorithm', undefined, 'a thread algorithm atom').sp();
  writeCharset(w, c['charset'], 'charset');
  w.sp();
  writeSearchKeys(w, c['criteria'], 'criteria');
}
