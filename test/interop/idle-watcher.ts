/**
 * A stand-in watcher for the interop tests and the soak until the real `Watcher`
 * (src/session/watcher.ts) plugs in: one `ClientSession` per mailbox (net-session.ts) with a
 * `MailboxTracker`, IDLE (RFC 2177) for pushes, and after a lost connection a reconnect and a
 * resync by the best strategy the server allows (`chooseStrategy`: QRESYNC, else CONDSTORE, else
 * the full UID/FLAGS comparison). It is deliberately plain: no backoff, no liveness probe, no
 * NOTIFY; a cut inside a resync is survived only as far as reconnecting and syncing again goes.
 *
 * The tracker is fed every response in the order the server sent it (`NetSession.onResponse`);
 * its events go to `onEvent` with the mailbox added (change-log.ts `WatchedEvent`).
 */
import type { Command } from '../../src/index.ts';
import type { Completion } from '../../src/session/client-session.ts';
import { MailboxTracker } from '../../src/session/mailbox-tracker.ts';
import type { SyncStrategy } from '../../src/session/resync.ts';
import { chooseStrategy, qresyncParameters } from '../../src/session/snapshot.ts';
import type { WatchedEvent } from './change-log.ts';
import { type Idling, NetSession } from './net-session.ts';

/** What a soak needs of a watcher (the real Watcher gets an adapter of this shape). */
export interface WatcherHandle {
  /** Resolves when the watcher is connected, synced and waiting for pushes again. */
  settled(): Promise<void>;
  /** Logs out and stops reconnecting. */
  stop(): Promise<void>;
}

/** How the soak starts a watcher: where to connect, what to watch, where events go. */
export interface WatcherOptions {
  port: number;
  host?: string;
  user: string;
  password: string;
  /** Server names of the mailboxes to watch. */
  mailboxes: readonly string[];
  onEvent: (e: WatchedEvent) => void;
  /** Sees every byte of every connection: `who` names the mailbox and the connection's number. */
  trace?: (who: string, direction: 'C' | 'S', bytes: Uint8Array) => void;
}

export type StartWatcher = (opts: WatcherOptions) => Promise<WatcherHandle>;

/** One sync, for the tests: the strategy and the commands' statuses. */
export interface SyncRecord {
  strategy: SyncStrategy;
  commands: string[];
}

/** One mailbox watched over one connection. */
export class IdleWatcher implements WatcherHandle {
  readonly tracker: MailboxTracker;
  /** Every sync so far (the first is the initial one). */
  readonly syncs: SyncRecord[] = [];
  /** Connections opened (1 + reconnects). */
  connections = 0;
  private ns: NetSession | undefined;
  private idling: Idling | undefined;
  private stopped = false;
  private reconnecting = false;
  private live = false;
  private liveWaiters: (() => void)[] = [];
  private fetchTimer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly opts: Omit<WatcherOptions, 'mailboxes'> & { mailbox: string; reconnectDelayMs?: number },
  ) {
    this.tracker = new MailboxTracker(opts.mailbox);
  }

  /** Connects, syncs, IDLEs; resolves once it is waiting for pushes. */
  async start(): Promise<this> {
    await this.connectAndSync();
    return this;
  }

  /** The session of the current connection (for tests). */
  get session(): NetSession | undefined {
    return this.ns;
  }

  settled(): Promise<void> {
    if (this.live && this.fetchTimer === undefined) return this.busy;
    return new Promise((r) => this.liveWaiters.push(r));
  }

  /** Drops the connection as a network failure would (the watcher reconnects by itself). */
  dropConnection(): void {
    this.ns?.destroy();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.fetchTimer);
    await this.ns?.logout(3_000);
  }

  private emit(): void {
    for (const e of this.tracker.takeEvents()) {
      this.opts.onEvent({
        ...e,
        mailbox: e.type === 'mailbox' ? e.mailbox : this.opts.mailbox,
      } as WatchedEvent);
    }
  }

  private setLive(v: boolean): void {
    this.live = v;
    if (v && this.fetchTimer === undefined) {
      const w = this.liveWaiters.splice(0);
      for (const r of w) r();
    }
  }

  private async connectAndSync(): Promise<void> {
    this.setLive(false);
    const trace = this.opts.trace;
    const who = `${this.opts.mailbox}#${this.connections + 1}`;
    const ns = await NetSession.connect({
      port: this.opts.port,
      ...(this.opts.host && { host: this.opts.host }),
      ...(trace && { log: (dir: 'C' | 'S', bytes: Uint8Array) => trace(who, dir, bytes) }),
    });
    this.connections++;
    this.ns = ns;
    ns.onResponse = (r) => {
      this.tracker.apply(r);
      this.emit();
    };
    ns.onPush = (r) => {
      if (r.kind === 'exists') this.scheduleFetch();
    };
    void ns.closed.then(() => this.lost(ns));
    await ns.ok({ name: 'LOGIN', username: this.opts.user, password: this.opts.password });
    if (!ns.session.capabilitiesKnown) await ns.ok({ name: 'CAPABILITY' });
    if (ns.session.hasCapability('QRESYNC')) await ns.ok({ name: 'ENABLE', capabilities: ['QRESYNC'] });
    await this.sync(ns);
    await this.idle(ns);
  }

  /** The resync (or first sync) of session/resync.ts, by the strategy the server allows. */
  private async sync(ns: NetSession): Promise<void> {
    const t = this.tracker;
    const server = {
      qresync: ns.session.enabled.has('QRESYNC'),
      condstore: ns.session.hasCapability('CONDSTORE'),
    };
    const snapshot = t.snapshot();
    const strategy = chooseStrategy(snapshot, server);
    const record: SyncRecord = { strategy, commands: [] };
    this.syncs.push(record);
    const run = async (c: Command): Promise<Completion> => {
      const done = await ns.ok(c);
      record.commands.push(`${c.name} ${done.status}`);
      return done;
    };
    t.beginSync(strategy);
    const q = strategy === 'qresync' ? qresyncParameters(snapshot) : undefined;
    await run({
      name: 'SELECT',
      mailbox: this.opts.mailbox,
      ...(q !== undefined ? { qresync: q } : server.condstore || server.qresync ? { condstore: true } : {}),
    });
    if (strategy === 'full') {
      await run({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] });
    } else if (strategy === 'condstore') {
      await run({ name: 'SEARCH', uid: true, criteria: [{ key: 'ALL' }] });
      await run({
        name: 'FETCH',
        uid: true,
        sequence: '1:*',
        items: [{ item: 'FLAGS' }],
        changedSince: snapshot.highestModseq,
      });
    } else {
      if (t.syncNeedsUids) await run({ name: 'SEARCH', uid: true, criteria: [{ key: 'ALL' }] });
      // RFC 7162 §3.2.5: with known UIDs the server reports changes of those only; messages
      // that came since (Dovecot 2.3 and Cyrus 3.6 send them no FETCH) are fetched here, in the
      // sync, so that their `new` events come before `synced`.
      const last = snapshot.uids.length > 0 ? snapshot.uids[snapshot.uids.length - 1]! : 0;
      await run({ name: 'FETCH', uid: true, sequence: `${last + 1}:*`, items: [{ item: 'FLAGS' }] });
    }
    t.endSync();
    this.emit();
    await this.fetchPlaceholders(ns);
  }

  /** The UIDs (and flags, and ENVELOPE: literals to cut inside) of messages known by EXISTS only. */
  private async fetchPlaceholders(ns: NetSession): Promise<void> {
    for (let range = this.tracker.placeholderRange(); range !== undefined; ) {
      await ns.ok({
        name: 'FETCH',
        sequence: `${range.from}:${range.to}`,
        items: [{ item: 'UID' }, { item: 'FLAGS' }, { item: 'ENVELOPE' }],
      });
      const next = this.tracker.placeholderRange();
      if (next !== undefined && next.from === range.from && next.to === range.to) break;
      range = next;
    }
  }

  private async idle(ns: NetSession): Promise<void> {
    this.idling = await ns.idle();
    this.setLive(true);
  }

  /** An EXISTS came: leave IDLE shortly (more may follow), FETCH the new UIDs, IDLE again. */
  private scheduleFetch(): void {
    if (this.fetchTimer !== undefined) return;
    this.fetchTimer = setTimeout(() => {
      this.busy = this.busy.then(() => this.refetch()).catch(() => {});
    }, 50);
  }

  private async refetch(): Promise<void> {
    const ns = this.ns;
    try {
      if (ns === undefined || ns.isClosed || this.idling === undefined) return;
      await ns.done(this.idling);
      this.idling = undefined;
      await this.fetchPlaceholders(ns);
      await this.idle(ns);
    } finally {
      this.fetchTimer = undefined;
      if (this.live) this.setLive(true);
    }
  }

  private lost(ns: NetSession): void {
    if (this.ns !== ns) return;
    this.tracker.detach();
    this.setLive(false);
    this.idling = undefined;
    clearTimeout(this.fetchTimer);
    this.fetchTimer = undefined;
    // A connection lost while reconnecting is the reconnect loop's business.
    if (this.stopped || this.reconnecting) return;
    this.reconnecting = true;
    this.busy = this.busy.then(async () => {
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, this.opts.reconnectDelayMs ?? 200));
        try {
          await this.connectAndSync();
          break;
        } catch {
          this.ns?.destroy();
        }
      }
      this.reconnecting = false;
    });
  }
}

/**
 * The stand-in as a soak watcher: one IdleWatcher per mailbox.
 *
 * @example
 * ```ts
 * await runSoak({ server: SERVERS.cyrus, startWatcher: startIdleWatchers });
 * ```
 */
export const startIdleWatchers: StartWatcher = async (opts) => {
  const watchers = await Promise.all(
    opts.mailboxes.map((mailbox) =>
      new IdleWatcher({
        port: opts.port,
        ...(opts.host && { host: opts.host }),
        user: opts.user,
        password: opts.password,
        mailbox,
        onEvent: opts.onEvent,
        ...(opts.trace && { trace: opts.trace }),
      }).start(),
    ),
  );
  return {
    settled: async () => {
      await Promise.all(watchers.map((w) => w.settled()));
    },
    stop: async () => {
      await Promise.all(watchers.map((w) => w.stop()));
    },
  };
};
