/**
 * Test-only: a model mailbox on a server, a client that sees it through one connection at a
 * time, and what the tracker must report. Server operations are rendered as the responses a
 * server sends (EXPUNGE, or VANISHED once QRESYNC is on; FETCH with MODSEQ), encoded to bytes
 * (`encodeResponse`) and decoded under random chunking (`ResponseDecoder`), so the tracker is fed
 * exactly what a client reads. A disconnect may cut a batch at any byte: only the responses that
 * arrived whole count. The expected events are computed from the model's own knowledge (the true
 * UIDs of every message), not from the tracker's.
 */
import { ResponseDecoder } from '../../src/decoder.ts';
import { compressUids } from '../../src/encoder/sequence-set.ts';
import type { FetchAttributes } from '../../src/model/fetch.ts';
import type { Response } from '../../src/model/response.ts';
import type { SequenceSet } from '../../src/model/sequence-set.ts';
import { encodeResponse } from '../../src/server/response-encoder.ts';
import type { MailboxEvent } from '../../src/session/events.ts';
import { MailboxTracker } from '../../src/session/mailbox-tracker.ts';
import type { SyncStrategy } from '../../src/session/resync.ts';
import { qresyncParameters } from '../../src/session/snapshot.ts';

export type Op =
  | { op: 'append'; gap: number; flags: number }
  | { op: 'flag'; at: number; flags: number; withUid: boolean }
  | { op: 'expunge'; at: number; count: number; ascending: boolean }
  | { op: 'fetchNew' }
  | { op: 'mailbox'; kind: number; name: number }
  | { op: 'renameSelf' }
  | { op: 'uidvalidity' }
  | { op: 'disconnect'; cut: number | null }
  | {
      op: 'reconnect';
      strategy: number;
      esearch: boolean;
      includeNew: boolean;
      extra: number;
      /** A change between the sync's commands: 1 an append, 2 an expunge. */
      mid?: number;
    };

const POOL = ['\\Seen', '\\Flagged', '\\Answered', '$Junk', 'Work'];
const flagsOf = (mask: number): string[] => POOL.filter((_, i) => (mask >> i) & 1);
const sorted = (f: readonly string[]): string[] => [...f].sort();
const same = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && sorted(a).join(' ') === sorted(b).join(' ');
const enc = new TextEncoder();

interface ServerMsg {
  uid: number;
  flags: string[];
  modseq: bigint;
}

/** What the client should know of one message. */
interface ViewMsg {
  uid: number;
  known: boolean;
  quiet: boolean;
  flags?: string[];
  modseq?: bigint;
}

type Effect = () => void;
interface Item {
  response: Response;
  effect?: Effect;
}

function set(uids: number[]): SequenceSet {
  const text = compressUids(uids);
  return {
    text,
    ranges: text.split(',').map((p) => {
      const [a, b] = p.split(':').map(Number) as [number, number?];
      return { start: a, end: b ?? a };
    }),
  };
}

const untagged = <T extends object>(x: T): Response => ({ type: 'untagged', ...x }) as unknown as Response;
const ok = (tag: string): Response => ({ type: 'tagged', tag, status: 'OK', text: 'done' });

/** How often each path was taken, across scenarios (to check what the runs cover). */
export const coverage: Record<string, number> = {};
const hit = (what: string): void => {
  coverage[what] = (coverage[what] ?? 0) + 1;
};

export class Scenario {
  // The server.
  private uidValidity = 1000;
  private uidNext = 1;
  private modseq = 1n;
  private msgs: ServerMsg[] = [];
  private name = 'Work';
  private clientName = 'Work';
  private renames = 0;
  // The connection.
  private connected = false;
  private qresyncOn = false;
  private cutAt: number | null = null;
  private decoder = new ResponseDecoder();
  private tags = 0;
  // The client, as it should be.
  readonly tracker = new MailboxTracker('Work');
  private view: ViewMsg[] = [];
  private expected: MailboxEvent[] = [];
  private seen: MailboxEvent[] = [];
  private highest = 0n;
  private clientValidity = 0;
  private fresh = true;
  private x: number;

  constructor(seed: number, initial: number[]) {
    this.x = seed >>> 0 || 1;
    for (const mask of initial)
      this.msgs.push({ uid: this.uidNext++, flags: flagsOf(mask), modseq: ++this.modseq });
  }

  private rnd(n: number): number {
    this.x = (Math.imul(this.x, 1103515245) + 12345) >>> 0;
    return (this.x >>> 8) % n;
  }

  /** The events seen and expected so far, mailbox events without their LIST object. */
  logs(): { seen: unknown[]; expected: unknown[] } {
    this.seen.push(...this.tracker.takeEvents());
    const strip = (e: MailboxEvent): unknown => {
      if (e.type !== 'mailbox' || !('list' in e)) return e;
      const { list: _, ...rest } = e;
      return rest;
    };
    return { seen: this.seen.map(strip), expected: this.expected.map(strip) };
  }

  /** The tracker's state and the model's, in one shape. */
  states(): { tracker: unknown; model: unknown } {
    const t = this.tracker;
    return {
      tracker: {
        mailbox: t.mailbox,
        uidValidity: t.uidValidity,
        highestModseq: t.highestModseq,
        messages: [...t.messages()].map((m) => [m.uid, m.flags ? sorted(m.flags) : null, m.modseq ?? null]),
      },
      model: {
        mailbox: this.clientName,
        uidValidity: this.clientValidity,
        highestModseq: this.highest,
        messages: this.view.map((v) => [
          v.known ? v.uid : 0,
          v.flags ? sorted(v.flags) : null,
          v.modseq ?? null,
        ]),
      },
    };
  }

  run(o: Op): void {
    switch (o.op) {
      case 'append':
        this.append(o.gap, o.flags);
        return;
      case 'flag':
        this.flag(o.at, o.flags, o.withUid);
        return;
      case 'expunge':
        this.expunge(o.at, o.count, o.ascending);
        return;
      case 'fetchNew':
        this.fetchNew();
        return;
      case 'mailbox':
        this.mailbox(o.kind, o.name);
        return;
      case 'renameSelf':
        this.renameSelf();
        return;
      case 'uidvalidity':
        this.newValidity();
        return;
      case 'disconnect':
        if (!this.connected) return;
        if (o.cut === null) this.disconnect();
        else this.cutAt = o.cut;
        return;
      case 'reconnect':
        this.reconnect(o);
        return;
    }
  }

  /** Sends a batch: encoded, maybe cut, decoded in random chunks; whole responses take effect. */
  private deliver(items: Item[]): boolean {
    if (!this.connected) return false;
    const parts = items.map((i) => encodeResponse(i.response).slice());
    const total = parts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(total);
    const ends: number[] = [];
    let o = 0;
    for (const p of parts) {
      bytes.set(p, o);
      o += p.length;
      ends.push(o);
    }
    const limit = this.cutAt === null ? total : Math.floor(this.cutAt * total);
    const whole = ends.filter((e) => e <= limit).length;
    const got: Response[] = [];
    for (let i = 0; i < limit; ) {
      const size = [1, 2, 3, 7, 16, 64, limit][this.rnd(7)]!;
      for (const item of this.decoder.push(bytes.subarray(i, Math.min(limit, i + size)))) {
        if (item.type === 'error') throw item.error;
        got.push(item);
      }
      i += size;
    }
    if (got.length !== whole) throw new Error(`decoded ${got.length} responses, expected ${whole}`);
    for (let k = 0; k < whole; k++) {
      items[k]!.effect?.();
      this.tracker.apply(got[k]!);
    }
    const cut = this.cutAt !== null;
    if (cut) {
      hit(whole < items.length ? 'cut mid-batch' : 'cut after batch');
      this.disconnect();
    }
    return !cut;
  }

  private disconnect(): void {
    this.connected = false;
    this.cutAt = null;
    this.tracker.detach();
  }

  private raise(m: bigint): void {
    if (m > this.highest) this.highest = m;
  }

  private append(gap: number, mask: number): void {
    this.uidNext += gap;
    const m: ServerMsg = { uid: this.uidNext++, flags: flagsOf(mask), modseq: ++this.modseq };
    this.msgs.push(m);
    this.deliver([
      {
        response: untagged({ kind: 'exists', count: this.msgs.length }),
        effect: () => this.view.push({ uid: m.uid, known: false, quiet: false }),
      },
    ]);
  }

  private flag(at: number, mask: number, withUid: boolean): void {
    if (this.msgs.length === 0) return;
    const i = at % this.msgs.length;
    const m = this.msgs[i]!;
    const flags = flagsOf(mask);
    if (same(m.flags, flags)) return;
    m.flags = flags;
    m.modseq = ++this.modseq;
    const uid = this.qresyncOn || withUid;
    const attributes: FetchAttributes = { ...(uid && { uid: m.uid }), flags, modseq: m.modseq };
    this.deliver([
      {
        response: untagged({ kind: 'fetch', seq: i + 1, attributes }),
        effect: () => this.fetched(i, m, uid, true),
      },
    ]);
  }

  /** The effect of `* i+1 FETCH (UID FLAGS MODSEQ)` on the client, live. */
  private fetched(i: number, m: ServerMsg, withUid: boolean, withModseq: boolean): void {
    const v = this.view[i]!;
    const modseq = withModseq ? m.modseq : undefined;
    // A pushed MODSEQ does not raise the client's HIGHESTMODSEQ (session/mailbox-tracker.ts).
    const changed = !same(v.flags, m.flags);
    v.flags = m.flags.slice();
    if (modseq !== undefined) v.modseq = modseq;
    if (!v.known && withUid) {
      v.known = true;
      if (v.quiet) return;
      this.expected.push({
        type: 'new',
        uid: v.uid,
        seq: i + 1,
        flags: sorted(v.flags),
        ...(v.modseq !== undefined && { modseq: v.modseq }),
      });
    } else if (v.known && changed) {
      this.expected.push({
        type: 'flags',
        uid: v.uid,
        seq: i + 1,
        flags: sorted(v.flags),
        ...(modseq !== undefined && { modseq }),
      });
    }
  }

  private expunge(at: number, count: number, ascending: boolean): void {
    const n = this.msgs.length;
    if (n === 0) return;
    const picked = new Set<number>();
    const k = Math.min(n, 1 + (count % 4));
    for (let j = 0; picked.size < k; j++) picked.add((at + j * (1 + this.rnd(n))) % n);
    const idx = [...picked].sort((a, b) => a - b);
    const gone = idx.map((i) => this.msgs[i]!);
    this.msgs = this.msgs.filter((_, i) => !picked.has(i));
    this.modseq++;
    const drop = (uid: number): void => {
      const vi = this.view.findIndex((v) => v.uid === uid);
      const v = this.view[vi]!;
      if (v.known) this.expected.push({ type: 'expunge', uid, seq: vi + 1 });
      this.view.splice(vi, 1);
    };
    if (this.qresyncOn) {
      const uids = gone.map((m) => m.uid);
      hit('VANISHED');
      if (gone.some((m) => this.view.find((v) => v.uid === m.uid)?.known === false))
        hit('VANISHED placeholder');
      this.deliver([
        {
          response: untagged({ kind: 'vanished', earlier: false, uids: set(uids) }),
          effect: () => {
            for (const u of uids) drop(u);
          },
        },
      ]);
      return;
    }
    hit('EXPUNGE');
    // Descending sequence numbers, or ascending as renumbered by the ones before.
    const seqs = ascending ? idx.map((i, j) => i + 1 - j) : idx.map((i) => i + 1).reverse();
    const order = ascending ? gone : gone.slice().reverse();
    this.deliver(
      seqs.map((seq, j) => ({
        response: untagged({ kind: 'expunge', seq }),
        effect: () => drop(order[j]!.uid),
      })),
    );
  }

  private fetchNew(): void {
    const range = this.tracker.placeholderRange();
    const first = this.view.findIndex((v) => !v.known);
    if (!this.connected || this.tracker.state !== 'live') return;
    if ((range?.from ?? 0) !== first + 1 || (range !== undefined && range.to !== this.view.length)) {
      throw new Error(`placeholderRange ${JSON.stringify(range)}, model ${first + 1}:${this.view.length}`);
    }
    if (range === undefined) return;
    hit('fetch new');
    const items: Item[] = [];
    for (let i = range.from - 1; i < range.to; i++) {
      const m = this.msgs[i]!;
      items.push({
        response: untagged({
          kind: 'fetch',
          seq: i + 1,
          attributes: { uid: m.uid, flags: m.flags, modseq: m.modseq },
        }),
        effect: () => this.fetched(i, m, true, true),
      });
    }
    items.push({ response: ok(`F${++this.tags}`) });
    this.deliver(items);
  }

  private mailbox(kind: number, n: number): void {
    const name = `Other/${n}`;
    const raw = enc.encode(name);
    const k = kind % 4;
    const response =
      k === 0
        ? untagged({
            kind: 'status',
            mailbox: name,
            mailboxRaw: raw,
            attributes: { messages: n, uidNext: n + 1 },
          })
        : untagged({
            kind: 'list',
            flags: k === 2 ? ['\\NonExistent'] : [],
            delimiter: '/',
            mailbox: name,
            mailboxRaw: raw,
            ...(k === 3 && { oldName: `Old/${n}`, oldNameRaw: enc.encode(`Old/${n}`) }),
          });
    const event: MailboxEvent =
      k === 0
        ? { type: 'mailbox', change: 'status', mailbox: name, status: { messages: n, uidNext: n + 1 } }
        : k === 3
          ? ({ type: 'mailbox', change: 'renamed', mailbox: name, oldName: `Old/${n}` } as MailboxEvent)
          : ({ type: 'mailbox', change: k === 2 ? 'deleted' : 'created', mailbox: name } as MailboxEvent);
    this.deliver([{ response, effect: () => this.expected.push(event) }]);
  }

  private renameSelf(): void {
    if (!this.connected) return;
    const old = this.name;
    const name = `Work-${++this.renames}`;
    this.name = name;
    this.deliver([
      {
        response: untagged({
          kind: 'list',
          flags: [],
          delimiter: '/',
          mailbox: name,
          mailboxRaw: enc.encode(name),
          oldName: old,
          oldNameRaw: enc.encode(old),
        }),
        effect: () => {
          // A rename the client missed (a cut) leaves it under the old name: it follows no more.
          if (this.clientName === old) this.clientName = name;
          this.expected.push({
            type: 'mailbox',
            change: 'renamed',
            mailbox: name,
            oldName: old,
          } as MailboxEvent);
        },
      },
    ]);
  }

  /** The mailbox recreated while the client is away: new UIDVALIDITY, UIDs from 1. */
  private newValidity(): void {
    if (this.connected) return;
    this.uidValidity++;
    this.uidNext = 1;
    for (const m of this.msgs) m.uid = this.uidNext++;
  }

  private reconnect(o: Extract<Op, { op: 'reconnect' }>): void {
    if (this.connected) return;
    this.connected = true;
    this.decoder = new ResponseDecoder();
    const snap = this.tracker.snapshot();
    const canQ = qresyncParameters(snap) !== undefined;
    const pref = o.strategy % 3;
    const strategy: SyncStrategy =
      pref === 0 && canQ ? 'qresync' : pref <= 1 && snap.highestModseq !== 0n ? 'condstore' : 'full';
    this.qresyncOn = strategy === 'qresync';
    this.tracker.beginSync(strategy);
    hit(`sync ${strategy}`);
    const reset = this.clientValidity !== 0 && this.clientValidity !== this.uidValidity;
    const known = new Set(this.view.filter((v) => v.known).map((v) => v.uid));
    const select: Item[] = [
      { response: untagged({ kind: 'flags', flags: POOL }) },
      { response: untagged({ kind: 'exists', count: this.msgs.length }) },
      {
        response: untagged({ kind: 'ok', code: { name: 'UIDVALIDITY', value: this.uidValidity }, text: 'v' }),
        effect: () => {
          if (!reset) return;
          this.expected.push({ type: 'reset', uidValidity: this.uidValidity, previous: this.clientValidity });
          this.clientValidity = this.uidValidity;
          this.highest = 0n;
          this.view = [];
          this.fresh = true;
        },
      },
      { response: untagged({ kind: 'ok', code: { name: 'UIDNEXT', value: this.uidNext }, text: 'n' }) },
      { response: untagged({ kind: 'ok', code: { name: 'HIGHESTMODSEQ', value: this.modseq }, text: 'm' }) },
    ];
    const initial = this.fresh || reset;
    const since = snap.highestModseq;
    // The HIGHESTMODSEQ the SELECT tells; a change later in the sync does not raise it.
    const told = this.modseq;
    // What the sync tells: UIDs learnt, and messages fetched (with MODSEQ or not).
    const learnt = new Set<number>();
    const fetchedWith = new Map<number, boolean>();
    if (strategy === 'qresync' && !reset) {
      const present = new Set(this.msgs.map((m) => m.uid));
      const vanished = [...known].filter((u) => !present.has(u));
      for (let e = 0; e < o.extra % 3; e++) {
        const u = 1 + this.rnd(this.uidNext + 5);
        if (!present.has(u)) vanished.push(u);
      }
      if (vanished.length > 0) {
        select.push({ response: untagged({ kind: 'vanished', earlier: true, uids: set(vanished) }) });
      }
      this.msgs.forEach((m, i) => {
        if (m.modseq <= since || !(known.has(m.uid) || o.includeNew)) return;
        learnt.add(m.uid);
        fetchedWith.set(m.uid, true);
        select.push({
          response: untagged({
            kind: 'fetch',
            seq: i + 1,
            attributes: { uid: m.uid, flags: m.flags, modseq: m.modseq },
          }),
        });
      });
    }
    select.push({ response: ok(`S${++this.tags}`) });
    if (!this.deliver(select)) return;
    // Then, as a session would: the UID list when the strategy (or the tracker) needs it, the flags.
    const items: Item[] = [];
    const needsUids = this.tracker.syncNeedsUids;
    if (needsUids) hit('sync needs UIDs');
    if (reset) hit('reset');
    if (strategy === 'condstore' || needsUids) {
      const uids = this.msgs.map((m) => m.uid);
      for (const u of uids) learnt.add(u);
      items.push({
        response: o.esearch
          ? untagged({
              kind: 'esearch',
              tag: `S${this.tags}`,
              uid: true,
              ...(uids.length > 0 && { all: set(uids) }),
            })
          : untagged({ kind: 'search', ids: uids }),
      });
      items.push({ response: ok(`U${++this.tags}`) });
    }
    if (strategy !== 'qresync') items.push(...this.midSync(o.mid ?? 0));
    const all = strategy === 'full' || initial;
    const withModseq = strategy !== 'full';
    if (all || strategy === 'condstore') {
      this.msgs.forEach((m, i) => {
        if (!all && m.modseq <= since) return;
        learnt.add(m.uid);
        fetchedWith.set(m.uid, withModseq);
        const attributes: FetchAttributes = {
          uid: m.uid,
          flags: m.flags,
          ...(withModseq && { modseq: m.modseq }),
        };
        items.push({ response: untagged({ kind: 'fetch', seq: i + 1, attributes }) });
      });
      items.push({ response: ok(`F${++this.tags}`) });
    }
    if (!this.deliver(items)) return;
    this.tracker.endSync();
    hit(initial ? 'synced initial' : 'synced');
    this.synced(initial, learnt, fetchedWith, told);
  }

  /**
   * A server change between two commands of a sync (RFC 9051 §7.4.1 allows an EXPUNGE after a UID
   * command): the sync's list takes it silently; the comparison at its end covers it.
   */
  private midSync(kind: number): Item[] {
    if (kind === 1) {
      this.msgs.push({ uid: this.uidNext++, flags: [], modseq: ++this.modseq });
      hit('mid-sync append');
      return [{ response: untagged({ kind: 'exists', count: this.msgs.length }) }];
    }
    if (kind === 2 && this.msgs.length > 0) {
      const i = this.rnd(this.msgs.length);
      this.msgs.splice(i, 1);
      this.modseq++;
      hit('mid-sync expunge');
      return [{ response: untagged({ kind: 'expunge', seq: i + 1 }) }];
    }
    return [];
  }

  /** The model's side of `endSync`: the changes since the baseline, in the tracker's order. */
  private synced(
    initial: boolean,
    learnt: Set<number>,
    fetchedWith: Map<number, boolean>,
    told: bigint,
  ): void {
    const base = new Map(this.view.filter((v) => v.known).map((v) => [v.uid, v]));
    const present = new Set(this.msgs.map((m) => m.uid));
    const view: ViewMsg[] = [];
    if (!initial) {
      for (const uid of [...base.keys()].sort((a, b) => a - b)) {
        if (!present.has(uid)) this.expected.push({ type: 'expunge', uid });
      }
    }
    this.msgs.forEach((m, i) => {
      const b = base.get(m.uid);
      const fetched = fetchedWith.has(m.uid);
      const modseq = fetchedWith.get(m.uid) === true ? m.modseq : undefined;
      if (!initial && b !== undefined) {
        const v: ViewMsg = {
          ...b,
          ...(fetched && { flags: m.flags.slice() }),
          ...(modseq !== undefined && { modseq }),
        };
        if (fetched && !same(b.flags, m.flags)) {
          this.expected.push({
            type: 'flags',
            uid: m.uid,
            seq: i + 1,
            flags: sorted(m.flags),
            ...(modseq !== undefined && { modseq }),
          });
        }
        view.push(v);
        return;
      }
      const isKnown = learnt.has(m.uid);
      const v: ViewMsg = {
        uid: m.uid,
        known: isKnown,
        quiet: initial,
        ...(fetched && { flags: m.flags.slice() }),
        ...(modseq !== undefined && { modseq }),
      };
      view.push(v);
      if (isKnown && !initial) {
        this.expected.push({
          type: 'new',
          uid: m.uid,
          seq: i + 1,
          ...(fetched && { flags: sorted(m.flags) }),
          ...(modseq !== undefined && { modseq }),
        });
      }
    });
    this.view = view;
    this.highest = told;
    for (const m of this.msgs) if (fetchedWith.get(m.uid) === true) this.raise(m.modseq);
    this.clientValidity = this.uidValidity;
    this.fresh = false;
    this.expected.push({ type: 'synced', initial, exists: this.msgs.length });
  }

  get isConnected(): boolean {
    return this.connected;
  }
}
