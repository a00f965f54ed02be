/**
 * STATUS: RFC 9051 §7.3.4 / RFC 3501 §7.2.4, with the items of RFC 8438 (SIZE), RFC 7162
 * (HIGHESTMODSEQ), RFC 9208 (DELETED-STORAGE), RFC 7889 (APPENDLIMIT) and RFC 8474 (MAILBOXID).
 *
 * ```abnf
 * mailbox-data    =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"
 * status-att-list = status-att-val *(SP status-att-val)
 * status-att-val  = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) /
 *                   ("UIDVALIDITY" SP nz-number) / ("UNSEEN" SP number) /
 *                   ("DELETED" SP number) / ("SIZE" SP number64)            ; RFC 9051
 * status-att-val  =/ "RECENT" SP number                                     ; RFC 3501
 * status-att-val  =/ "HIGHESTMODSEQ" SP mod-sequence-valzer                 ; RFC 7162
 * status-att-val  =/ "DELETED-STORAGE" SP number64                          ; RFC 9208
 * status-att-val  =/ "APPENDLIMIT" SP (number / nil)                        ; RFC 7889
 * status-att-val  =/ "MAILBOXID" SP "(" objectid ")"                        ; RFC 8474
 * resp-text-code  =/ "TOOBIG"                                   ; RFC 4469, used by RFC 7889
 * ```
 * An item with another name is kept as `{ name, raw }` (its value read as a generic value).
 * An empty list (`* STATUS INBOX ()`, mail.163.com) is valid: the list is optional.
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { wireBytes } from '../../lexer/frame.ts';
import { atomString } from '../../lexer/strings.ts';
import type { StatusAttributes, StatusResponse } from '../../model/status.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { mailboxName, takeMailboxView } from '../mailbox.ts';
import { registerResponseCode } from '../resp-code.ts';
import { skipValue } from '../value.ts';
import { takeObjectId } from './objectid.ts';

const enum Item {
  Messages,
  Recent,
  UidNext,
  UidValidity,
  Unseen,
  Deleted,
  Size,
  DeletedStorage,
  HighestModseq,
  AppendLimit,
  MailboxId,
}

const NAMES: [string, Item][] = [
  ['MESSAGES', Item.Messages],
  ['RECENT', Item.Recent],
  ['UIDNEXT', Item.UidNext],
  ['UIDVALIDITY', Item.UidValidity],
  ['UNSEEN', Item.Unseen],
  ['DELETED', Item.Deleted],
  ['SIZE', Item.Size],
  ['DELETED-STORAGE', Item.DeletedStorage],
  ['HIGHESTMODSEQ', Item.HighestModseq],
  ['APPENDLIMIT', Item.AppendLimit],
  ['MAILBOXID', Item.MailboxId],
];

/**
 * Item names by their first letter (lower-cased), as lower-case bytes: the name is matched in
 * place, without first reading it as a run and then looking the run up (two passes over its
 * bytes, the larger part of a STATUS item's cost in the list-status profile).
 */
const BY_FIRST: { key: Uint8Array; item: Item }[][] = [];
for (const [name, item] of NAMES) {
  const key = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) key[i] = name.toLowerCase().charCodeAt(i);
  (BY_FIRST[key[0]!] ??= []).push({ key, item });
}

/**
 * The item whose name is the atom at `p` (ASCII case-insensitive, as `KeywordTable` compares),
 * consumed; or -1 with the cursor where it was. The name must end there: `DELETED` is not the
 * start of `DELETED-STORAGE`.
 */
function takeItemName(cur: Cursor): Item | -1 {
  const buf = cur.buf;
  const p = cur.pos;
  const end = cur.end;
  if (p >= end) return -1;
  const candidates = BY_FIRST[buf[p]! | 0x20];
  if (candidates === undefined) return -1;
  for (let c = 0; c < candidates.length; c++) {
    const { key, item } = candidates[c]!;
    const n = key.length;
    if (p + n > end) continue;
    let i = 0;
    for (; i < n; i++) {
      const b = buf[p + i]!;
      const k = key[i]!;
      // Letters in either case; "-" only as itself.
      if (b !== k && (k < 0x61 || b !== k - 0x20)) break;
    }
    if (i === n && (p + n === end || ATOM_CHAR[buf[p + n]!] !== 1)) {
      cur.pos = p + n;
      return item;
    }
  }
  return -1;
}

/** Where the digits read by the last {@link digits} end. */
let digitsEnd = 0;

/**
 * The digits at the cursor as a number, up to `max` digits, ending at {@link digitsEnd} (the
 * cursor does not move); or -1 when there are none, more than `max`, or (`nz`) a leading
 * zero. One load per digit; every case it refuses goes to the cursor's own reader, for its
 * checks and errors.
 */
function digits(cur: Cursor, max: number, nz: boolean): number {
  const buf = cur.buf;
  const p = cur.pos;
  const end = cur.end;
  let i = p;
  let v = 0;
  while (i < end) {
    const d = buf[i]! - Ch.Zero;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    i++;
  }
  if (i === p || i - p > max || (nz && buf[p] === Ch.Zero)) return -1;
  digitsEnd = i;
  return v;
}

/** `number` (or `nz-number`): below 2^32; whatever that fast path refuses goes to the cursor. */
function takeU32(cur: Cursor, nz: boolean): number {
  const v = digits(cur, 10, nz);
  if (v >= 0 && v <= 0xffffffff) {
    cur.pos = digitsEnd;
    return v;
  }
  return nz ? cur.takeNzNumber() : cur.takeNumber();
}

/**
 * `number64` as a JS number (SIZE, DELETED-STORAGE): up to 15 digits straight from the bytes
 * (always below 2^53), else `takeSafeNumber` (its bigint, its range check and its errors).
 */
function takeSize(cur: Cursor): number {
  const v = digits(cur, 15, false);
  if (v < 0) return cur.takeSafeNumber();
  cur.pos = digitsEnd;
  return v;
}

/** `mod-sequence-valzer` as a bigint: `BigInt(n)` up to 15 digits, else `takeNumber64`. */
function takeModSeqValzer(cur: Cursor): bigint {
  const v = digits(cur, 15, false);
  if (v < 0) return cur.takeNumber64();
  cur.pos = digitsEnd;
  return BigInt(v);
}

/** Reads `SP mailbox SP "(" [status-att-list] ")"` after `* STATUS`. */
export function takeStatusResponse(cur: Cursor): StatusResponse {
  cur.expectSp();
  const mailboxRaw = takeMailboxView(cur);
  cur.expectSp();
  const attributes: StatusAttributes = {};
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    const buf = cur.buf;
    do {
      const item = takeItemName(cur);
      let nameStart = 0;
      let nameEnd = 0;
      if (item === -1) {
        cur.takeRun(ATOM_CHAR, 'a STATUS item name');
        nameStart = cur.tokStart;
        nameEnd = cur.tokEnd;
      }
      cur.expectSp();
      switch (item) {
        case Item.Messages:
          attributes.messages = takeU32(cur, false);
          break;
        case Item.Recent:
          attributes.recent = takeU32(cur, false);
          break;
        case Item.UidNext:
          attributes.uidNext = takeU32(cur, true);
          break;
        case Item.UidValidity:
          attributes.uidValidity = takeU32(cur, true);
          break;
        case Item.Unseen:
          attributes.unseen = takeU32(cur, false);
          break;
        case Item.Deleted:
          attributes.deleted = takeU32(cur, false);
          break;
        case Item.Size:
          attributes.size = takeSize(cur);
          break;
        case Item.DeletedStorage:
          attributes.deletedStorage = takeSize(cur);
          break;
        // mod-sequence-valzer: 0 is allowed here (a mailbox that never had a change).
        case Item.HighestModseq:
          attributes.highestModseq = takeModSeqValzer(cur);
          break;
        case Item.AppendLimit:
          attributes.appendLimit = cur.skipNil() ? null : cur.takeNumber();
          break;
        case Item.MailboxId:
          attributes.mailboxId = takeObjectId(cur);
          break;
        default: {
          const start = cur.pos;
          skipValue(cur);
          (attributes.unknown ??= []).push({
            name: atomString(buf, nameStart, nameEnd),
            raw: wireBytes(cur.frame!, start, cur.pos),
          });
        }
      }
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  // Exchange / Outlook.com end STATUS with a SP (imap-codec #468, imap-proto #152).
  cur.skipTrailingSpace();
  return { type: 'untagged', kind: 'status', mailbox: mailboxName(mailboxRaw), mailboxRaw, attributes };
}

/** Plugs STATUS (and the TOOBIG code APPENDLIMIT refers to) into the dispatch. */
export function registerStatus(registerUntagged: RegisterUntagged): void {
  registerUntagged('STATUS', takeStatusResponse);
  registerResponseCode('TOOBIG', () => ({ name: 'TOOBIG' }));
}
