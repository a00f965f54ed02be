/**
 * ENVELOPE, mirroring `parser/envelope.ts`.
 *
 * ```abnf
 * envelope  = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP
 *             env-to SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
 * env-from  = "(" 1*address ")" / nil        ; likewise sender, reply-to, to, cc, bcc
 * address   = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
 * ```
 * What is written, field by field (so that the decoder gives the same value back):
 * - `dateRaw` as sent (the decoder parses `date` from it); without `dateRaw`, `date` in the
 *   RFC 5322 form, UTC;
 * - `subjectRaw` / `nameRaw` when present (the bytes the decoded text came from: encoded words,
 *   8-bit), else the text as UTF-8;
 * - a group (RFC 9051 §7.5.2) as its start marker `(NIL NIL "name" NIL)`, its members and the end
 *   marker `(NIL NIL NIL NIL)`; an address with a NIL host is refused unless its mailbox is
 *   `""` (the decoder would read it as a group marker); an empty list as NIL cannot be told from
 *   NIL, so `[]` is refused.
 */

import type { Writer } from '../encoder/writer.ts';
import { Ch } from '../lexer/chars.ts';
import type { Address, AddressEntry, Envelope } from '../model/envelope.ts';
import { invalid, list } from './values.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * RFC 5322 `date-time` of an instant, in UTC.
 *
 * @example
 * ```ts
 * formatMailDate(new Date(Date.UTC(1994, 1, 7, 21, 52, 25))); // 'Mon, 07 Feb 1994 21:52:25 +0000'
 * ```
 */
export function formatMailDate(d: Date, field = 'date'): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw invalid(field, 'expected a valid Date');
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) throw invalid(field, 'the year is not 4 digits');
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${y} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** Writes an `envelope`. */
export function writeEnvelope(w: Writer, env: Envelope, field: string): void {
  if (env === null || typeof env !== 'object') throw invalid(field, 'expected an envelope');
  w.byte(Ch.LParen);
  if (env.dateRaw !== undefined) w.nstring(env.dateRaw, `${field}.dateRaw`);
  else
    w.nstring(
      env.date === null || env.date === undefined ? null : formatMailDate(env.date, `${field}.date`),
      `${field}.date`,
    );
  w.sp();
  if (env.subjectRaw !== undefined) w.nstring(env.subjectRaw, `${field}.subjectRaw`);
  else w.nstring(env.subject, `${field}.subject`);
  w.sp();
  writeAddressList(w, env.from, `${field}.from`);
  w.sp();
  writeAddressList(w, env.sender, `${field}.sender`);
  w.sp();
  writeAddressList(w, env.replyTo, `${field}.replyTo`);
  w.sp();
  writeAddressList(w, env.to, `${field}.to`);
  w.sp();
  writeAddressList(w, env.cc, `${field}.cc`);
  w.sp();
  writeAddressList(w, env.bcc, `${field}.bcc`);
  w.sp();
  w.nstring(env.inReplyTo, `${field}.inReplyTo`);
  w.sp();
  w.nstring(env.messageId, `${field}.messageId`);
  w.byte(Ch.RParen);
}

/** `"(" 1*address ")" / nil`, groups as their markers. */
function writeAddressList(w: Writer, v: AddressEntry[] | null, field: string): void {
  if (v === null) {
    w.raw('NIL');
    return;
  }
  const entries = list(v, field, true);
  w.byte(Ch.LParen);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const f = `${field}[${i}]`;
    if (e !== null && typeof e === 'object' && 'group' in e) {
      if (typeof e.group !== 'string' || e.group === '')
        throw invalid(`${f}.group`, 'a group has a name (an empty one reads as an address)');
      w.raw('(NIL NIL ');
      w.string(e.group, `${f}.group`);
      w.raw(' NIL)');
      const members = list(e.members, `${f}.members`);
      for (let k = 0; k < members.length; k++) writeAddress(w, members[k]!, `${f}.members[${k}]`);
      w.raw('(NIL NIL NIL NIL)');
    } else writeAddress(w, e as Address, f);
  }
  w.byte(Ch.RParen);
}

/** `"(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"` */
function writeAddress(w: Writer, a: Address, field: string): void {
  if (a === null || typeof a !== 'object') throw invalid(field, 'expected an address');
  if (a.host === null && a.mailbox !== '')
    throw invalid(`${field}.host`, 'an address with a NIL host reads as a group marker (RFC 9051 §7.5.2)');
  w.byte(Ch.LParen);
  if (a.nameRaw !== undefined) w.nstring(a.nameRaw, `${field}.nameRaw`);
  else w.nstring(a.name, `${field}.name`);
  w.sp();
  w.nstring(a.adl, `${field}.adl`);
  w.sp();
  w.nstring(a.mailbox, `${field}.mailbox`);
  w.sp();
  w.nstring(a.host, `${field}.host`);
  w.byte(Ch.RParen);
}
