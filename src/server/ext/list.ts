/**
 * LIST, LSUB and XLIST, mirroring `parser/ext/list.ts` (RFC 9051 §7.3.1, RFC 5258
 * LIST-EXTENDED, RFC 6154 SPECIAL-USE, RFC 5465 OLDNAME, Gmail's XLIST).
 *
 * ```abnf
 * mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
 *                [SP mbox-list-extended]
 * mbox-list-extended      = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
 * mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
 * childinfo-extended-item = "CHILDINFO" SP "(" list-select-base-opt-quoted *(SP …) ")"
 * oldname-extended-item   = "OLDNAME" SP "(" mailbox ")"
 * ```
 * `specialUse` is derived from `flags` by the decoder and not written. The extended items are
 * written when there are any: OLDNAME (`oldNameRaw` or `oldName`), CHILDINFO, then `extended`.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { MailboxList } from '../../model/list.ts';
import {
  invalid,
  list,
  writeAtom,
  writeDelimiter,
  writeExtValue,
  writeFlagList,
  writeMailbox,
} from '../values.ts';

/** Writes `("LIST" / "LSUB" / "XLIST") SP mailbox-list` after `* `. */
export function writeMailboxList(w: Writer, name: 'LIST' | 'LSUB' | 'XLIST', r: MailboxList): void {
  w.raw(name).sp();
  writeFlagList(w, r.flags, 'flags', false, true);
  w.sp();
  writeDelimiter(w, r.delimiter, 'delimiter');
  w.sp();
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  const extended = r.extended === undefined ? [] : list(r.extended, 'extended');
  if (
    r.oldName === undefined &&
    r.oldNameRaw === undefined &&
    r.childInfo === undefined &&
    extended.length === 0
  )
    return;
  w.raw(' (');
  let n = 0;
  if (r.oldName !== undefined || r.oldNameRaw !== undefined) {
    n++;
    w.raw('OLDNAME (');
    writeMailbox(w, r.oldNameRaw, r.oldName, 'oldName');
    w.byte(Ch.RParen);
  }
  if (r.childInfo !== undefined) {
    const info = list(r.childInfo, 'childInfo', true);
    if (n++ > 0) w.sp();
    w.raw('CHILDINFO (');
    for (let i = 0; i < info.length; i++) {
      if (i > 0) w.sp();
      // list-select-base-opt-quoted: an atom in quotes.
      w.byte(Ch.DQuote);
      writeAtom(w, info[i], `childInfo[${i}]`);
      w.byte(Ch.DQuote);
    }
    w.byte(Ch.RParen);
  }
  for (let i = 0; i < extended.length; i++) {
    const e = extended[i]!;
    const f = `extended[${i}]`;
    if (e === null || typeof e !== 'object') throw invalid(f, 'expected { tag, value }');
    if (typeof e.tag === 'string' && /^(oldname|childinfo)$/i.test(e.tag))
      throw invalid(`${f}.tag`, `${e.tag} is read into its own field: set it there`);
    if (n++ > 0) w.sp();
    w.astring(e.tag, `${f}.tag`);
    w.sp();
    writeExtValue(w, e.value, `${f}.value`);
  }
  w.byte(Ch.RParen);
}
