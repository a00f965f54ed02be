/**
 * NAMESPACE, mirroring `parser/ext/namespace.ts` (RFC 2342, RFC 9051 §7.3.5, RFC 4466 / 5255
 * extensions).
 *
 * ```abnf
 * namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
 * namespace          = nil / "(" 1*namespace-descr ")"
 * namespace-descr    = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil) [namespace-response-extensions] ")"
 * namespace-response-extension = SP string SP "(" string *(SP string) ")"
 * ```
 * The prefix is `prefixRaw` when present, else `prefix` encoded as a name (modified UTF-7).
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { NamespaceDescription, NamespaceResponse } from '../../model/namespace.ts';
import { invalid, list, nameBytes, writeDelimiter } from '../values.ts';

/** Writes `"NAMESPACE" SP namespace SP namespace SP namespace` after `* `. */
export function writeNamespaceResponse(w: Writer, r: NamespaceResponse): void {
  w.raw('NAMESPACE ');
  writeNamespace(w, r.personal, 'personal');
  w.sp();
  writeNamespace(w, r.otherUsers, 'otherUsers');
  w.sp();
  writeNamespace(w, r.shared, 'shared');
}

function writeNamespace(w: Writer, v: NamespaceDescription[] | null, field: string): void {
  if (v === null) {
    w.raw('NIL');
    return;
  }
  const descs = list(v, field, true);
  w.byte(Ch.LParen);
  for (let i = 0; i < descs.length; i++) writeDescription(w, descs[i]!, `${field}[${i}]`);
  w.byte(Ch.RParen);
}

function writeDescription(w: Writer, d: NamespaceDescription, field: string): void {
  if (d === null || typeof d !== 'object') throw invalid(field, 'expected a namespace description');
  w.byte(Ch.LParen);
  const raw = d.prefixRaw instanceof Uint8Array ? d.prefixRaw : nameBytes(w, d.prefix, `${field}.prefix`);
  w.stringBytes(raw, `${field}.prefix`, null, false);
  w.sp();
  writeDelimiter(w, d.delimiter, `${field}.delimiter`);
  const ext = d.extensions === undefined ? [] : list(d.extensions, `${field}.extensions`);
  for (let i = 0; i < ext.length; i++) {
    const e = ext[i]!;
    const f = `${field}.extensions[${i}]`;
    w.sp().string(e.name, `${f}.name`);
    const values = list(e.values, `${f}.values`, true);
    w.raw(' (');
    for (let k = 0; k < values.length; k++) {
      if (k > 0) w.sp();
      w.string(values[k], `${f}.values[${k}]`);
    }
    w.byte(Ch.RParen);
  }
  w.byte(Ch.RParen);
}
