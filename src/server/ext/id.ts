/**
 * ID, mirroring `parser/ext/id.ts` (RFC 2971).
 *
 * ```abnf
 * id-response    = "ID" SP id-params-list
 * id-params-list = "(" *(string SP nstring) ")" / nil
 * ```
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { IdResponse } from '../../model/id.ts';
import { invalid, list } from '../values.ts';

/** Writes the ID response after `* `. */
export function writeIdResponse(w: Writer, r: IdResponse): void {
  w.raw('ID ');
  if (r.params === null) {
    w.raw('NIL');
    return;
  }
  const params = list(r.params, 'params');
  w.byte(Ch.LParen);
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === null || typeof p !== 'object') throw invalid(`params[${i}]`, 'expected { name, value }');
    if (i > 0) w.sp();
    w.string(p.name, `params[${i}].name`).sp().nstring(p.value, `params[${i}].value`);
  }
  w.byte(Ch.RParen);
}
