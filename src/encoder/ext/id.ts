/**
 * ID (RFC 2971 §4; RFC 9051 lists it among the base extensions).
 *
 * ```abnf
 * id             = "ID" SP id-params-list
 * id-params-list = "(" *(string SP nstring) ")" / nil
 * ```
 * Field names are `string`, not `astring`: they are quoted even when an atom would do, as
 * RFC 2971's own example shows (`ID ("name" "sodr" …)`).
 */
import { eachItem, expectArray, expectObject } from '../check.ts';
import type { Writer } from '../writer.ts';

/** `ID (field value …)` or `ID NIL`. */
export function writeId(w: Writer, c: Record<string, unknown>): void {
  w.raw('ID ');
  const params = c['parameters'];
  if (params === null) {
    w.raw('NIL');
    return;
  }
  w.raw('(');
  eachItem(expectArray(params, 'parameters'), (p, i) => {
    const f = `parameters[${i}]`;
    const o = expectObject(p, f);
    if (i > 0) w.sp();
    w.string(o['field'], `${f}.field`).sp().nstring(o['value'], `${f}.value`);
  });
  w.raw(')');
}
