/**
 * METADATA (RFC 5464 §4.2–§4.3, §5).
 *
 * ```abnf
 * getmetadata         = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries
 * getmetadata-options = "(" getmetadata-option *(SP getmetadata-option) ")"
 * maxsize-opt         = "MAXSIZE" SP number
 * scope-opt           = "DEPTH" SP ("0" / "1" / "infinity")
 * entries             = entry / "(" entry *(SP entry) ")"
 * entry               = astring        ; MUST NOT contain "*" or "%"
 * setmetadata         = "SETMETADATA" SP mailbox SP entry-values
 * entry-values        = "(" entry-value *(SP entry-value) ")"
 * entry-value         = entry SP value
 * value               = nstring / literal8
 * ```
 * The options come before the mailbox (the ABNF; RFC 5464's §4.2.1 example shows them after).
 */
import { ASTRING_CHAR } from '../../lexer/chars.ts';
import { eachItem, expectArray, expectObject, oneOf } from '../check.ts';
import { ImapEncodeError } from '../errors.ts';
import { writeMailbox } from '../mailbox.ts';
import { valueBytes, type Writer } from '../writer.ts';

function writeEntry(w: Writer, v: unknown, field: string): void {
  const b = valueBytes(v, field);
  if (b.includes(0x2a) || b.includes(0x25)) {
    throw new ImapEncodeError('INVALID_ARGUMENT', field, 'an entry name holds no "*" or "%"');
  }
  w.stringBytes(b, field, ASTRING_CHAR, false);
}

/** `GETMETADATA [(options)] mailbox entries` */
export function writeGetMetadata(w: Writer, c: Record<string, unknown>): void {
  w.raw('GETMETADATA ');
  const opts: string[] = [];
  if (c['maxSize'] !== undefined) opts.push('MAXSIZE');
  if (c['depth'] !== undefined) opts.push('DEPTH');
  if (opts.length > 0) {
    w.raw('(');
    if (c['maxSize'] !== undefined) w.raw('MAXSIZE ').number(c['maxSize'], 'maxSize');
    if (c['depth'] !== undefined) {
      if (c['maxSize'] !== undefined) w.sp();
      w.raw('DEPTH ').raw(oneOf(c['depth'], 'depth', ['0', '1', 'infinity'] as const));
    }
    w.raw(') ');
  }
  writeMailbox(w, c['mailbox'], 'mailbox');
  w.sp();
  const e = c['entries'];
  if (Array.isArray(e)) {
    w.raw('(');
    eachItem(expectArray(e, 'entries', true), (x, i) => {
      if (i > 0) w.sp();
      writeEntry(w, x, `entries[${i}]`);
    });
    w.raw(')');
  } else writeEntry(w, e, 'entries');
}

/** `SETMETADATA mailbox (entry value …)`; a value with NUL bytes goes as `literal8`. */
export function writeSetMetadata(w: Writer, c: Record<string, unknown>): void {
  w.raw('SETMETADATA ');
  writeMailbox(w, c['mailbox'], 'mailbox');
  w.raw(' (');
  eachItem(expectArray(c['entries'], 'entries', true), (x, i) => {
    const f = `entries[${i}]`;
    const o = expectObject(x, f);
    if (i > 0) w.sp();
    writeEntry(w, o['entry'], `${f}.entry`);
    w.sp();
    if (o['value'] === null) w.raw('NIL');
    else w.stringBytes(valueBytes(o['value'], `${f}.value`), `${f}.value`, null, true);
  });
  w.raw(')');
}
