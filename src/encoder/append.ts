/**
 * APPEND (RFC 9051 §6.3.12) with RFC 3502 MULTIAPPEND and RFC 3516 BINARY.
 *
 * ```abnf
 * append         = "APPEND" SP mailbox 1*append-message     ; RFC 3502 §6
 * append-message = append-opts SP append-data
 * append-opts    = [SP flag-list] [SP date-time] *(SP append-ext)
 * append-data    = literal / literal8 / append-data-ext     ; literal8: RFC 3516 §4.4
 * ```
 * The message is always a literal (never quoted, whatever its size): its count is its byte
 * length. Content with a NUL byte, or marked `binary`, is `literal8` and needs BINARY.
 */
import { eachItem, expectArray, expectObject, optionalBoolean } from './check.ts';
import { formatDateTime } from './date-time.ts';
import { ImapEncodeError } from './errors.ts';
import { writeFlagList } from './flags.ts';
import { writeMailbox } from './mailbox.ts';
import { valueBytes, type Writer } from './writer.ts';

/** `APPEND mailbox [flags] [date-time] literal …` */
export function writeAppend(w: Writer, c: Record<string, unknown>): void {
  w.raw('APPEND ');
  writeMailbox(w, c['mailbox'], 'mailbox');
  eachItem(expectArray(c['messages'], 'messages', true), (m, i) => {
    const f = `messages[${i}]`;
    const msg = expectObject(m, f);
    if (msg['flags'] !== undefined) {
      w.sp();
      writeFlagList(w, msg['flags'], `${f}.flags`);
    }
    if (msg['date'] !== undefined) w.raw(` "${formatDateTime(msg['date'], `${f}.date`)}"`);
    const content = valueBytes(msg['content'], `${f}.content`);
    const binary = optionalBoolean(msg['binary'], `${f}.binary`) || content.indexOf(0) >= 0;
    if (binary && !w.ctx.binary) {
      throw new ImapEncodeError(
        content.indexOf(0) >= 0 ? 'NUL_IN_STRING' : 'INVALID_ARGUMENT',
        `${f}.content`,
        'binary content needs literal8 (~{n}), and the server does not advertise BINARY',
      );
    }
    w.sp().literal(content, binary);
  });
}
