/**
 * METADATA, mirroring `parser/ext/metadata.ts` (RFC 5464).
 *
 * ```abnf
 * metadata-resp = "METADATA" SP mailbox SP (entry-values / entry-list)
 * entry-values  = "(" entry-value *(SP entry-value) ")"
 * entry-value   = entry SP value
 * entry-list    = entry *(SP entry)
 * value         = nstring / literal8
 * ```
 * Entries with values make `entry-values`, entries without (`value` absent) `entry-list`; a mix,
 * or no entry, is refused. A value with a NUL goes as `~{n}`.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { MetadataResponse } from '../../model/metadata.ts';
import { invalid, list, writeMailbox } from '../values.ts';

/** Writes the METADATA response after `* `. */
export function writeMetadata(w: Writer, r: MetadataResponse): void {
  w.raw('METADATA ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  w.sp();
  const entries = list(r.entries, 'entries', true);
  const values = entries[0]?.value !== undefined;
  if (values) w.byte(Ch.LParen);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const f = `entries[${i}]`;
    if (e === null || typeof e !== 'object') throw invalid(f, 'expected { entry, value? }');
    if ((e.value !== undefined) !== values)
      throw invalid(`${f}.value`, 'either every entry has a value (entry-values) or none (entry-list)');
    if (i > 0) w.sp();
    w.astring(e.entry, `${f}.entry`);
    if (!values) continue;
    w.sp();
    if (e.value === null) w.raw('NIL');
    else if (e.value instanceof Uint8Array) w.stringBytes(e.value, `${f}.value`, null, true);
    else throw invalid(`${f}.value`, 'expected bytes or null');
  }
  if (values) w.byte(Ch.RParen);
}
