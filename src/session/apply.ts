/**
 * The message responses of a selected mailbox applied to a list of messages (a {@link UidIndex}):
 * RFC 9051 §7.3.1 EXISTS, §7.4.1 EXPUNGE, §7.5.2 FETCH (UID, FLAGS), RFC 7162 §3.1.4 MODSEQ and
 * §3.2.10 VANISHED. The tracker applies them to its state with events on; a sync applies them to
 * the list it is building with events off, and compares at its end (session/resync.ts).
 */
import type { FetchResponse } from '../model/response.ts';
import type { SequenceSet } from '../model/sequence-set.ts';
import { sequenceSetPairs } from '../parser/sequence-set.ts';
import type { MailboxEvent } from './events.ts';
import type { FlagSets } from './flag-sets.ts';
import type { UidIndex } from './uid-index.ts';

/** Where the effects of a response go. */
export interface ApplyContext {
  readonly sets: FlagSets;
  /** Reports an event; `null` while a sync gathers changes instead. */
  readonly emit: ((event: MailboxEvent) => void) | null;
  /** Reports a response that contradicts the list. */
  problem(reason: string): void;
  /** A MODSEQ seen in a FETCH (RFC 7162 §3.1.2.1: the highest one counts). */
  modseq(value: bigint): void;
}

const MAX_UID = 0xffffffff;

/**
 * `* n EXISTS` (RFC 9051 §7.3.1): the mailbox has `n` messages. New ones are appended as
 * placeholders until a FETCH tells their UIDs; `quiet` ones will not be reported as new.
 */
export function applyExists(list: UidIndex, count: number, ctx: ApplyContext, quiet = false): void {
  if (count < list.size) {
    // Only EXPUNGE (or VANISHED) removes messages; an EXISTS never announces fewer.
    ctx.problem(`EXISTS ${count} below the ${list.size} messages known`);
    return;
  }
  while (list.size < count) list.append(0, quiet);
}

/**
 * `* n EXPUNGE` (RFC 9051 §7.4.1): message `n` is gone and every later one moves down by one.
 * Reported when its UID was known (a placeholder was never reported as new).
 */
export function applyExpunge(list: UidIndex, seq: number, ctx: ApplyContext): void {
  if (seq < 1 || seq > list.size) {
    ctx.problem(`EXPUNGE ${seq} past the last message (${list.size})`);
    return;
  }
  const slot = list.removeSeq(seq);
  const uid = list.uids[slot]!;
  if (uid !== 0) ctx.emit?.({ type: 'expunge', uid, seq });
}

/**
 * `* VANISHED [(EARLIER)] uids` (RFC 7162 §3.2.10). Without EARLIER each UID is a message of the
 * mailbox gone now (like EXPUNGE, it decrements the count), so a UID that falls between two known
 * ones where placeholders lie removes one of those (they are alike; which one does not matter).
 * With EARLIER the set reports expunges the client may have missed and may name UIDs it never
 * knew (RFC 7162 §3.2.5.2, §3.2.6): only known UIDs are removed. Ranges are walked through the
 * messages they hold, never UID by UID (`1:4294967295` is one step per message removed).
 */
export function applyVanished(list: UidIndex, uids: SequenceSet, earlier: boolean, ctx: ApplyContext): void {
  const pairs = sequenceSetPairs(uids);
  for (let i = 0; i < pairs.length; i += 2) {
    // 0 stands for `*` (not allowed in a uid-set; read as the largest UID).
    let a = pairs[i]! === 0 ? MAX_UID : pairs[i]!;
    let b = pairs[i + 1]! === 0 ? MAX_UID : pairs[i + 1]!;
    if (a > b) [a, b] = [b, a];
    removeRange(list, a, b, earlier, ctx);
  }
}

function removeRange(list: UidIndex, a: number, b: number, earlier: boolean, ctx: ApplyContext): void {
  const uids = list.uids;
  const end = list.slotCount;
  let s = list.gapStartSlot(a);
  // The UID below the gap (placeholders after it hold larger UIDs).
  let below = s > 0 ? uids[s - 1]! : 0;
  while (s < end) {
    const uid = uids[s]!;
    if (uid === 0) {
      // A run of placeholder slots (live or dead), bounded by the known UIDs around it.
      let e = s;
      while (e < end && uids[e] === 0) e++;
      const above = e < end ? uids[e]! : MAX_UID + 1;
      if (!earlier) {
        const lo = Math.max(a, below + 1);
        const hi = Math.min(b, above - 1);
        let take = hi >= lo ? hi - lo + 1 : 0;
        for (let t = s; t < e && take > 0; t++) {
          if (!list.isAlive(t)) continue;
          list.removeSlot(t);
          take--;
        }
      }
      s = e;
      continue;
    }
    if (uid > b) break;
    if (uid >= a && list.isAlive(s)) {
      const seq = list.seqOfSlot(s);
      list.removeSlot(s);
      ctx.emit?.({ type: 'expunge', uid, seq });
    }
    below = uid;
    s++;
  }
}

/**
 * `* n FETCH (…)` (RFC 9051 §7.5.2): UID, FLAGS and MODSEQ (RFC 7162 §3.1.4) are read, the rest
 * ignored. A UID for a placeholder makes the message known (`new`, unless quiet); FLAGS that
 * differ from the known ones are a `flags` event; flags of a placeholder are kept for its `new`.
 */
export function applyFetch(list: UidIndex, r: FetchResponse, ctx: ApplyContext): void {
  const { uid, flags, modseq } = r.attributes;
  if (uid === undefined && flags === undefined && modseq === undefined) return;
  const seq = r.seq;
  if (seq < 1 || seq > list.size) {
    ctx.problem(`FETCH ${seq} past the last message (${list.size})`);
    return;
  }
  const slot = list.slotOf(seq);
  const known = list.uids[slot]!;
  let isNew = false;
  if (uid !== undefined && uid !== known) {
    if (known !== 0) {
      ctx.problem(`FETCH ${seq} says UID ${uid}, known as ${known}`);
      return;
    }
    if (!inOrder(list, slot, uid)) {
      ctx.problem(`FETCH ${seq} UID ${uid} out of order with its neighbours`);
      return;
    }
    list.setUid(slot, uid);
    isNew = true;
  }
  const before = list.flags[slot]!;
  if (flags !== undefined) list.flags[slot] = ctx.sets.intern(flags);
  if (modseq !== undefined) {
    list.modseqs[slot] = modseq;
    ctx.modseq(modseq);
  }
  const emit = ctx.emit;
  if (emit === null) return;
  const id = list.flags[slot]!;
  if (isNew) {
    if (list.isQuiet(slot)) return;
    const m = list.modseqs[slot]!;
    emit({
      type: 'new',
      uid: list.uids[slot]!,
      seq,
      ...(id !== 0 && { flags: ctx.sets.get(id)! }),
      ...(m !== 0n && { modseq: m }),
    });
  } else if (known !== 0 && flags !== undefined && id !== before) {
    emit({
      type: 'flags',
      uid: known,
      seq,
      flags: ctx.sets.get(id)!,
      ...(modseq !== undefined && { modseq }),
    });
  }
}

/** How far {@link inOrder} looks through placeholders each way before it gives up checking. */
const ORDER_WINDOW = 64;

/**
 * Whether `uid` fits a placeholder's slot: above the nearest known UID before it and below the
 * nearest after it (dead slots count: they keep their UIDs in order). Looks at most
 * {@link ORDER_WINDOW} slots each way, so that filling a run of a million placeholders (a FETCH
 * 1:* after an initial SELECT) stays linear; beyond that the order is not checked.
 */
function inOrder(list: UidIndex, slot: number, uid: number): boolean {
  const uids = list.uids;
  let l = slot - 1;
  const lStop = Math.max(-1, slot - ORDER_WINDOW);
  while (l > lStop && uids[l] === 0) l--;
  if (l > lStop && uids[l]! >= uid) return false;
  let r = slot + 1;
  const rStop = Math.min(list.slotCount, slot + ORDER_WINDOW);
  while (r < rStop && uids[r] === 0) r++;
  return r >= rStop || uids[r]! > uid;
}
