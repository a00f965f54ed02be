/**
 * The mailbox state tracker: one mailbox's messages (sequence numbers and UIDs kept together,
 * flags, MODSEQ), fed the decoder's typed responses, reporting what changed as events. A plain
 * data structure: it never talks to the network and needs no clock. The session routes to it
 * the responses about its mailbox while that mailbox is selected, and tells it when a sync
 * starts and ends and when the connection is lost; one tracker per mailbox.
 *
 * Live (RFC 9051 §7.3.1 EXISTS, §7.4.1 EXPUNGE, §7.5.2 FETCH; RFC 7162 §3.1.4 MODSEQ, §3.2.10
 * VANISHED): an EXISTS appends placeholders; a FETCH with their UIDs makes them `new` (the
 * session FETCHes `placeholderRange()` with UID FLAGS); an EXPUNGE or VANISHED removes in
 * O(log n) (session/uid-index.ts). A sync (session/resync.ts) compares what the server
 * says after a (re)SELECT with what the tracker knew, and reports each change once.
 *
 * Mailbox events (RFC 5465 NOTIFY): an unsolicited STATUS or LIST is reported as it comes, in any
 * state. Feed the tracker only unsolicited ones, not the answers to the session's own LIST or
 * STATUS commands.
 */
import type { ListResponse } from '../model/list.ts';
import type { ResponseCode } from '../model/resp-code.ts';
import type { Response } from '../model/response.ts';
import { type ApplyContext, applyExists, applyExpunge, applyFetch, applyVanished } from './apply.ts';
import type { MailboxEvent } from './events.ts';
import { FlagSets } from './flag-sets.ts';
import { esearchUids, Sync, type SyncStrategy } from './resync.ts';
import { UidIndex } from './uid-index.ts';

/**
 * `idle`: never synced. `syncing`: between `beginSync` and `endSync`. `live`: selected and in
 * step with the server. `detached`: deselected or disconnected; the state is kept for a resync.
 */
export type TrackerState = 'idle' | 'syncing' | 'live' | 'detached';

/** One message as the tracker knows it. `uid` 0 while not known (announced by EXISTS only). */
export interface TrackedMessage {
  seq: number;
  uid: number;
  flags?: readonly string[];
  modseq?: bigint;
}

/**
 * What a resync needs to ask the server (RFC 7162 §3.2.5 `SELECT … (QRESYNC (uidvalidity modseq
 * known-uids))`): `uids` are the known UIDs as ascending inclusive ranges, `[start0, end0,
 * start1, end1, …]` (the form of `sequenceSetPairs`); {@link uidRangesText} writes them as a set.
 *
 * @example
 * ```ts
 * const s = tracker.snapshot();
 * // { mailbox: 'INBOX', uidValidity: 3857529045, highestModseq: 90060128194045007n,
 * //   uidNext: 205, exists: 172, uids: Uint32Array [1, 170, 190, 204] }
 * ```
 */
export interface MailboxSnapshot {
  mailbox: string;
  uidValidity: number;
  highestModseq: bigint;
  uidNext: number;
  exists: number;
  uids: Uint32Array;
}

/**
 * @example
 * ```ts
 * const t = new MailboxTracker('INBOX');
 * t.beginSync('full');
 * // feed the SELECT's responses and those of UID FETCH 1:* (FLAGS)
 * for (const r of responses) t.apply(r);
 * t.endSync();
 * t.apply(parseResponse(bytes('* 3 EXPUNGE\r\n')));
 * t.takeEvents(); // [{ type: 'synced', … }, { type: 'expunge', uid: 12, seq: 3 }]
 * ```
 */
export class MailboxTracker {
  /** The mailbox's name; follows a rename reported by LIST with OLDNAME. */
  mailbox: string;
  /** RFC 9051 §2.3.1.1; 0 until known. */
  uidValidity = 0;
  /** RFC 7162 §3.1.2.1 HIGHESTMODSEQ; 0n until known (or NOMODSEQ). */
  highestModseq = 0n;
  /** The `[UIDNEXT n]` last seen; 0 until known. */
  uidNext = 0;
  /** The mailbox's `FLAGS` and `[PERMANENTFLAGS]`, as sent. */
  mailboxFlags: readonly string[] = [];
  permanentFlags: readonly string[] = [];
  private _state: TrackerState = 'idle';
  private list = new UidIndex();
  private readonly sets = new FlagSets();
  private events: MailboxEvent[] = [];
  private sync: Sync | undefined;
  /** No state to compare a sync with: never synced, or reset by a UIDVALIDITY change. */
  private fresh = true;
  private readonly live: ApplyContext;
  private readonly quiet: ApplyContext;

  constructor(mailbox: string) {
    this.mailbox = mailbox;
    const problem = (reason: string): void => {
      this.events.push({ type: 'inconsistent', reason });
    };
    this.live = {
      sets: this.sets,
      emit: (e) => this.events.push(e),
      problem,
      // A MODSEQ in a pushed FETCH does not raise HIGHESTMODSEQ: pushes are not sent in
      // MODSEQ order (Dovecot 2.3.19 sends a burst's FETCHes in sequence order; under NOTIFY it
      // holds changes back for a second), so a connection cut inside a burst, or a change held
      // back, would leave a change below the highest MODSEQ seen that no QRESYNC or CHANGEDSINCE
      // from it asks for again. Only a server's HIGHESTMODSEQ (RFC 7162 §3.1.2.1, in SELECT and
      // in OK codes) says that everything up to it was sent. A resync then re-reads the messages
      // changed since, which report nothing when their flags are the ones known.
      modseq: () => {},
    };
    this.quiet = {
      sets: this.sets,
      emit: null,
      problem,
      modseq: (m) => {
        const s = this.sync;
        if (s !== undefined && m > s.highestModseq) s.highestModseq = m;
      },
    };
  }

  get state(): TrackerState {
    return this._state;
  }

  /** Messages in the mailbox (EXISTS), placeholders included. */
  get exists(): number {
    return this.list.size;
  }

  /**
   * The sync in progress cannot place every message without the mailbox's UIDs (a QRESYNC sync
   * whose answer does not add up, or that had messages of unknown UID before known ones): send
   * `UID SEARCH ALL` (or `UID FETCH 1:* (UID FLAGS)`) before {@link endSync}.
   */
  get syncNeedsUids(): boolean {
    const sync = this.sync;
    return sync !== undefined && !sync.selecting && sync.needsUids && sync.list.placeholders > 0;
  }

  /** The events since the last call, in order. */
  takeEvents(): MailboxEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /**
   * Starts a sync: call before sending the SELECT (or EXAMINE), then feed its responses and
   * those of the strategy's commands (session/resync.ts), then call {@link endSync}. With no
   * known state (a first sync) every strategy reads as `full` and reports no `new` events.
   */
  beginSync(strategy: SyncStrategy): void {
    this.sync = new Sync(strategy, this.fresh);
    this._state = 'syncing';
  }

  /**
   * Ends the sync (after the last of its commands completed): reports the changes against the
   * state before it, then `synced`, and goes live. Without a SELECT completion seen, the list
   * is built from what arrived.
   */
  endSync(): void {
    const sync = this.sync;
    if (sync === undefined) return;
    if (sync.selecting) sync.build(this.list, this.quiet);
    const emit = (e: MailboxEvent): void => {
      this.events.push(e);
    };
    this.list = sync.finish(this.list, this.sets, emit);
    if (sync.uidValidity !== 0) this.uidValidity = sync.uidValidity;
    this.highestModseq = sync.highestModseq;
    if (sync.uidNext !== 0) this.uidNext = sync.uidNext;
    this.sync = undefined;
    this.fresh = false;
    this._state = 'live';
    this.events.push({ type: 'synced', initial: sync.initial, exists: this.list.size });
  }

  /**
   * The connection is lost, or the mailbox deselected (CLOSE, UNSELECT, another SELECT): the
   * state is kept as the baseline of the next sync; responses are ignored until it begins. A
   * sync in progress is dropped (its partial news is not reported).
   */
  detach(): void {
    this.sync = undefined;
    this._state = 'detached';
  }

  /** The UID of message `seq`, 0 while not known; `undefined` past the last message. */
  uidAt(seq: number): number | undefined {
    return seq >= 1 && seq <= this.list.size ? this.list.uidAt(seq) : undefined;
  }

  /** The sequence number of the message with this UID, or 0 when it is not (known to be) here. */
  seqOf(uid: number): number {
    return uid > 0 ? this.list.seqOfUid(uid) : 0;
  }

  /** One message by sequence number; `undefined` past the last. */
  message(seq: number): TrackedMessage | undefined {
    if (seq < 1 || seq > this.list.size) return undefined;
    return this.entry(this.list.slotOf(seq), seq);
  }

  /** Every message in sequence order (O(n), no copy of the state). */
  *messages(): IterableIterator<TrackedMessage> {
    const list = this.list;
    let seq = 0;
    for (let s = 0; s < list.slotCount; s++) if (list.isAlive(s)) yield this.entry(s, ++seq);
  }

  private entry(slot: number, seq: number): TrackedMessage {
    const list = this.list;
    const flags = this.sets.get(list.flags[slot]!);
    const modseq = list.modseqs[slot]!;
    return {
      seq,
      uid: list.uids[slot]!,
      ...(flags !== undefined && { flags }),
      ...(modseq !== 0n && { modseq }),
    };
  }

  /**
   * The sequence numbers to FETCH (UID FLAGS [MODSEQ]) to learn the UIDs of messages announced by
   * EXISTS: from the first placeholder to the last message; `undefined` when every UID is known.
   */
  placeholderRange(): { from: number; to: number } | undefined {
    const first = this.list.firstPlaceholderSeq();
    return first === 0 ? undefined : { from: first, to: this.list.size };
  }

  /** What a resync asks the server for: see {@link MailboxSnapshot}. O(n). */
  snapshot(): MailboxSnapshot {
    const list = this.list;
    let pairs = new Uint32Array(16);
    let n = 0;
    for (let s = 0; s < list.slotCount; s++) {
      const uid = list.uids[s]!;
      if (uid === 0 || !list.isAlive(s)) continue;
      if (n > 0 && pairs[n - 1] === uid - 1) {
        pairs[n - 1] = uid;
        continue;
      }
      if (n + 2 > pairs.length) {
        const next = new Uint32Array(pairs.length * 2);
        next.set(pairs);
        pairs = next;
      }
      pairs[n++] = uid;
      pairs[n++] = uid;
    }
    return {
      mailbox: this.mailbox,
      uidValidity: this.uidValidity,
      highestModseq: this.highestModseq,
      uidNext: this.uidNext,
      exists: list.size,
      uids: pairs.slice(0, n),
    };
  }

  /** Applies one response (any: those that say nothing about this mailbox are ignored). */
  apply(r: Response): void {
    if (r.type === 'continuation') return;
    if (r.type === 'tagged') {
      if (r.code !== undefined) this.code(r.code);
      const sync = this.sync;
      if (sync?.selecting === true) {
        if (r.status === 'OK') sync.build(this.list, this.quiet);
        else this.detach();
      }
      return;
    }
    switch (r.kind) {
      case 'list':
        this.listed(r);
        return;
      case 'status':
        this.events.push({ type: 'mailbox', change: 'status', mailbox: r.mailbox, status: r.attributes });
        return;
      case 'ok':
      case 'no':
      case 'bad':
        if (r.code !== undefined) this.code(r.code);
        return;
      case 'flags':
        if (this._state === 'live' || this._state === 'syncing') this.mailboxFlags = r.flags;
        return;
    }
    if (this._state === 'live') this.applyMessage(r, this.list, this.live);
    else if (this.sync !== undefined) this.syncMessage(r, this.sync);
  }

  /** A message response while live (or in a sync past its SELECT). */
  private applyMessage(r: Response, list: UidIndex, ctx: ApplyContext): void {
    if (r.type !== 'untagged') return;
    switch (r.kind) {
      case 'exists':
        applyExists(list, r.count, ctx);
        break;
      case 'expunge':
        applyExpunge(list, r.seq, ctx);
        break;
      case 'vanished':
        applyVanished(list, r.uids, r.earlier, ctx);
        break;
      case 'fetch':
        applyFetch(list, r, ctx);
        break;
      default:
        return;
    }
    list.settle();
  }

  private syncMessage(r: Response, sync: Sync): void {
    if (r.type !== 'untagged') return;
    if (sync.selecting) {
      if (r.kind === 'exists') sync.exists = r.count;
      else if (r.kind === 'vanished') sync.vanished.push(r.uids);
      else if (r.kind === 'fetch') sync.fetches.push(r);
      return;
    }
    if (r.kind === 'search') sync.searched(r.ids);
    else if (r.kind === 'esearch' && r.uid) {
      const limit = Math.max(sync.list.size * 2, sync.list.size + 65536);
      const uids = esearchUids(r.all, limit);
      if (uids === null) this.quiet.problem(`ESEARCH ALL of more than ${limit} UIDs`);
      else sync.searched(uids);
    } else this.applyMessage(r, sync.list, this.quiet);
  }

  /** Response codes that describe the mailbox (RFC 9051 §7.1, RFC 7162 §3.1.2.1, §3.2.11). */
  private code(code: ResponseCode): void {
    const sync = this.sync;
    switch (code.name) {
      case 'UIDVALIDITY':
        if ('value' in code) this.uidValidityIs(code.value);
        return;
      case 'UIDNEXT':
        if ('value' in code) {
          if (sync !== undefined) sync.uidNext = code.value;
          else if (this._state === 'live') this.uidNext = code.value;
        }
        return;
      case 'HIGHESTMODSEQ':
        // The last one counts, even when lower (RFC 7162 §3.2: a server delaying EXPUNGEs
        // sends a lower HIGHESTMODSEQ after the MODSEQs of later changes).
        if ('value' in code && typeof code.value === 'bigint') {
          if (sync !== undefined) sync.highestModseq = code.value;
          else if (this._state === 'live') this.highestModseq = code.value;
        }
        return;
      case 'NOMODSEQ':
        if (sync !== undefined) sync.highestModseq = 0n;
        return;
      case 'PERMANENTFLAGS':
        if ('flags' in code && this._state !== 'detached') this.permanentFlags = code.flags;
        return;
      case 'CLOSED':
        if (sync?.selecting === true) sync.closed();
        else if (this._state === 'live') this._state = 'detached';
        return;
    }
  }

  /**
   * A UIDVALIDITY other than the known one (RFC 9051 §2.3.1.1): every UID known means nothing.
   * In a sync, the sync becomes an initial one; live (a server must not, but some do after a
   * mailbox is recreated), the messages become quiet placeholders for a sync to fill.
   */
  private uidValidityIs(value: number): void {
    const sync = this.sync;
    if (this._state !== 'live' && sync === undefined) return;
    const previous = this.uidValidity;
    if (sync !== undefined) sync.uidValidity = value;
    if (previous === 0 || previous === value) {
      if (sync === undefined) this.uidValidity = value;
      return;
    }
    this.events.push({ type: 'reset', uidValidity: value, previous });
    this.uidValidity = value;
    this.highestModseq = 0n;
    if (sync !== undefined) {
      this.fresh = true;
      sync.initial = true;
      if (!sync.selecting) sync.list.clear();
      this.list.clear();
      return;
    }
    const n = this.list.size;
    this.list.clear();
    applyExists(this.list, n, this.live, true);
  }

  /** RFC 5465 §5.4 MailboxName, RFC 9051 §7.3.1 OLDNAME. */
  private listed(r: ListResponse): void {
    if (r.oldName !== undefined && r.oldName !== r.mailbox) {
      if (r.oldName === this.mailbox) this.mailbox = r.mailbox;
      this.events.push({
        type: 'mailbox',
        change: 'renamed',
        mailbox: r.mailbox,
        oldName: r.oldName,
        list: r,
      });
      return;
    }
    const deleted = r.flags.some((f) => f.toLowerCase() === '\\nonexistent');
    this.events.push({
      type: 'mailbox',
      change: deleted ? 'deleted' : 'created',
      mailbox: r.mailbox,
      list: r,
    });
  }
}
