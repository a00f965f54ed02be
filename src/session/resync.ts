/**
 * A sync: what a (re)SELECT and the commands after it say about the mailbox, gathered into a
 * fresh list of messages, then compared with the list the tracker had (its *baseline*) so that
 * every change made while the client was away is reported once (RFC 7162 §3.2.5 QRESYNC,
 * §3.1 CONDSTORE, §3.2.1 "Impact on CONDSTORE-only clients", RFC 4549 §4.3 for the full form).
 *
 * Three strategies, by what the server offers:
 *
 * - `qresync`: `SELECT mbox (QRESYNC (uidvalidity modseq known-uids))` (RFC 7162 §3.2.5). The
 *   server answers with EXISTS, `VANISHED (EARLIER)` for the known UIDs expunged since, and a FETCH
 *   (UID FLAGS MODSEQ) for each message changed since `modseq`. The new list is the baseline less
 *   the vanished UIDs, then placeholders up to EXISTS (new messages: a FETCH of their UIDs follows,
 *   in the sync or after it).
 * - `condstore`: `SELECT mbox (CONDSTORE)`, `UID SEARCH ALL` (or ESEARCH `RETURN (ALL)`) for the
 *   UIDs there now, `UID FETCH 1:* (FLAGS) (CHANGEDSINCE modseq)` for the changed flags. Expunges
 *   are the baseline UIDs the search does not list; unchanged messages keep their baseline flags.
 * - `full`: `SELECT mbox`, then `UID FETCH 1:* (FLAGS)`: every UID and every flag, compared.
 *
 * Until the first tagged response (the SELECT's), EXISTS is the count the new list will have,
 * VANISHED (EARLIER) and FETCH are held back; from then on the responses are applied to the new
 * list as they come (session/apply.ts), with an `EXPUNGE` or `EXISTS` between the sync's
 * commands counted as it would be live. A SEARCH or ESEARCH result in a sync is read as the
 * answer to `UID SEARCH ALL`: the list's UIDs, in order.
 */
import type { FetchResponse } from '../model/response.ts';
import type { SequenceSet } from '../model/sequence-set.ts';
import { sequenceSetPairs } from '../parser/sequence-set.ts';
import { type ApplyContext, applyExists, applyFetch, applyVanished } from './apply.ts';
import type { MailboxEvent } from './events.ts';
import type { FlagSets } from './flag-sets.ts';
import { UidIndex } from './uid-index.ts';

/** How a sync learns what changed: see session/resync.ts. */
export type SyncStrategy = 'qresync' | 'condstore' | 'full';

/** The state of one sync, held by the tracker between `beginSync` and `endSync`. */
export class Sync {
  /** Responses before the SELECT's tagged response, held back until it. */
  selecting = true;
  /** No baseline to compare with: a first sync, or one after a UIDVALIDITY change. */
  initial: boolean;
  /** The new list; built when the SELECT completes. */
  list = new UidIndex();
  exists = -1;
  /**
   * The new list's UIDs are not all placed: the sync must list them (`UID SEARCH ALL`, or a
   * `FETCH 1:* (UID)`) before it ends. Set by a QRESYNC sync that cannot place them.
   */
  needsUids = false;
  uidValidity = 0;
  uidNext = 0;
  highestModseq = 0n;
  readonly vanished: SequenceSet[] = [];
  readonly fetches: FetchResponse[] = [];

  constructor(
    readonly strategy: SyncStrategy,
    initial: boolean,
  ) {
    this.initial = initial;
  }

  /** An `OK [CLOSED]` (RFC 7162 §3.2.11): what came before it was about the previous mailbox. */
  closed(): void {
    this.exists = -1;
    this.vanished.length = 0;
    this.fetches.length = 0;
  }

  /**
   * Builds the new list when the SELECT completes. With QRESYNC it starts from the baseline:
   * its known UIDs less the vanished ones must not outnumber EXISTS, and each FETCH must name
   * the UID known at its number; when not, the server left out expunges, and the list falls
   * back to placeholders until the UID list (`syncNeedsUids`: `UID SEARCH ALL`) places them.
   */
  build(baseline: UidIndex, ctx: ApplyContext): void {
    this.selecting = false;
    const list = this.list;
    const exists = Math.max(0, this.exists);
    if (this.strategy === 'qresync' && !this.initial) {
      // Messages whose UID the client never learnt can only be placed at the end, after the
      // known ones (new messages have higher UIDs). A placeholder before a known UID cannot:
      // it may be gone, and nothing says. Then the sync needs the UIDs (`UID SEARCH ALL`).
      let gap = false;
      baseline.forEach((slot) => {
        const uid = baseline.uids[slot]!;
        if (uid === 0) {
          gap = true;
          return;
        }
        if (gap) this.needsUids = true;
        const s = list.append(uid);
        list.flags[s] = baseline.flags[slot]!;
        list.modseqs[s] = baseline.modseqs[slot]!;
      });
      for (const set of this.vanished) applyVanished(list, set, true, ctx);
      // More known than EXISTS: the server left expunges out. Not an inconsistency to report:
      // the sync asks for the UID list (`syncNeedsUids`) and ends exact.
      if (list.size > exists) this.needsUids = true;
      // A FETCH whose UID is not the one known at its number: the server left an expunge out of
      // VANISHED (Dovecot 2.3.19 under NOTIFY pushed a later MODSEQ while holding an expunge
      // back, so the client's HIGHESTMODSEQ was past it). The UID list settles it.
      for (const f of this.fetches) {
        const uid = f.attributes.uid;
        if (uid !== undefined && f.seq <= list.size && list.uidAt(f.seq) !== uid) this.needsUids = true;
      }
      if (this.needsUids) list.clear();
    }
    applyExists(list, exists, ctx, this.initial);
    list.settle();
    for (const f of this.fetches) applyFetch(list, f, ctx);
    this.fetches.length = 0;
  }

  /**
   * A `UID SEARCH ALL` answer: the list's UIDs become these (ascending), keeping what FETCHes
   * told about them. A list longer than the answer keeps its extra messages as placeholders at
   * the end (announced by an EXISTS the search did not see).
   */
  searched(found: Uint32Array | readonly number[]): void {
    const old = this.list;
    const sorted = Uint32Array.from(found).sort();
    const list = new UidIndex();
    this.needsUids = false;
    let j = 0;
    const oldUids = old.uids;
    const end = old.slotCount;
    for (const uid of sorted) {
      if (uid === 0 || (list.size > 0 && list.uids[list.slotCount - 1] === uid)) continue;
      const s = list.append(uid, this.initial);
      while (j < end && (oldUids[j] === 0 || oldUids[j]! < uid || !old.isAlive(j))) j++;
      if (j < end && oldUids[j] === uid) {
        list.flags[s] = old.flags[j]!;
        list.modseqs[s] = old.modseqs[j]!;
      }
    }
    while (list.size < old.size) list.append(0, this.initial);
    this.list = list;
  }

  /**
   * Compares the new list with the baseline: a known UID missing is an `expunge` (no `seq`: it
   * went while the client was away), then in sequence order a UID not in the baseline is `new`
   * and one whose flags differ is `flags`. Messages the sync did not FETCH keep their baseline
   * flags and MODSEQ (CONDSTORE and QRESYNC send only what changed). An initial sync reports
   * nothing. Returns the new list, which becomes the tracker's state.
   */
  finish(baseline: UidIndex, sets: FlagSets, emit: (e: MailboxEvent) => void): UidIndex {
    const list = this.list;
    list.settle();
    const bu = baseline.uids;
    const bEnd = baseline.slotCount;
    if (this.initial) return list;
    // Expunges: baseline UIDs not in the new list (both ascending).
    let j = 0;
    const lu = list.uids;
    const lEnd = list.slotCount;
    for (let s = 0; s < bEnd; s++) {
      const uid = bu[s]!;
      if (uid === 0 || !baseline.isAlive(s)) continue;
      while (j < lEnd && (lu[j] === 0 || lu[j]! < uid || !list.isAlive(j))) j++;
      if (j >= lEnd || lu[j] !== uid) emit({ type: 'expunge', uid });
    }
    // New messages and changed flags, in sequence order.
    let b = 0;
    list.forEach((slot, seq) => {
      const uid = lu[slot]!;
      if (uid === 0) return;
      while (b < bEnd && (bu[b] === 0 || bu[b]! < uid || !baseline.isAlive(b))) b++;
      const m = list.modseqs[slot]!;
      if (b < bEnd && bu[b] === uid) {
        const was = baseline.flags[b]!;
        if (list.flags[slot] === 0) list.flags[slot] = was;
        if (m === 0n) list.modseqs[slot] = baseline.modseqs[b]!;
        const now = list.flags[slot]!;
        if (now !== was) {
          emit({ type: 'flags', uid, seq, flags: sets.get(now)!, ...(m !== 0n && { modseq: m }) });
        }
        return;
      }
      const id = list.flags[slot]!;
      emit({
        type: 'new',
        uid,
        seq,
        ...(id !== 0 && { flags: sets.get(id)! }),
        ...(m !== 0n && { modseq: m }),
      });
    });
    return list;
  }
}

/**
 * The UIDs of an ESEARCH `ALL` (RFC 4731), ranges expanded, or `null` when they would be more
 * than `limit` (a hostile `ALL 1:4294967295` must not allocate four billion numbers).
 */
export function esearchUids(all: SequenceSet | undefined, limit: number): number[] | null {
  if (all === undefined) return [];
  const pairs = sequenceSetPairs(all);
  const out: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    let a = pairs[i]!;
    let b = pairs[i + 1]!;
    if (a === 0 || b === 0) continue;
    if (a > b) [a, b] = [b, a];
    if (out.length + (b - a + 1) > limit) return null;
    for (let u = a; u <= b; u++) out.push(u);
  }
  return out;
}
