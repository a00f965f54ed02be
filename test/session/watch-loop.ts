/**
 * Test-only: a deterministic driver for a `Watcher` against the mini server (mini-server.ts):
 * a fake clock, connections made and cut on demand, bytes handed across whole or in pieces.
 * It plays the part imap-wire/node plays for real: performs the actions, delivers the bytes,
 * calls `tick` at `pollTimeout`.
 */
import type { WatchEvent } from '../../src/session/watch-events.ts';
import type { Watcher } from '../../src/session/watcher.ts';
import { type Capabilities, MiniConnection, type Store } from './mini-server.ts';

export class WatchLoop {
  now = 0;
  conn: MiniConnection | null = null;
  readonly events: WatchEvent[] = [];
  /** Connections made, in order. */
  readonly connections: MiniConnection[] = [];
  finished = false;
  /** Refuse this many connection attempts. */
  refuse = 0;
  /** The server reads but never answers (a dead peer behind a NAT). */
  frozen = false;
  /** Deliver server bytes in pieces of this size (0: whole). */
  piece = 0;

  constructor(
    readonly w: Watcher,
    readonly store: Store,
    readonly caps: Capabilities,
  ) {}

  /** Runs actions and exchanges bytes until nothing moves. */
  settle(): void {
    for (let guard = 0; guard < 100_000; guard++) {
      let moved = false;
      for (let a = this.w.pollAction(); a !== null; a = this.w.pollAction()) {
        moved = true;
        if (a.type === 'connect') {
          if (this.refuse > 0) {
            this.refuse--;
            this.w.closed(this.now);
          } else {
            this.conn = new MiniConnection(this.store, this.caps);
            this.connections.push(this.conn);
            this.w.connected(this.now);
          }
        } else if (a.type === 'close') {
          this.conn?.drop();
          if (this.conn !== null) {
            this.conn = null;
            this.w.closed(this.now);
          }
        } else if (a.type === 'finished') this.finished = true;
      }
      const out = this.w.pollTransmit();
      if (out !== null && this.conn !== null) {
        moved = true;
        if (!this.frozen) this.conn.receive(out);
      }
      const back = this.conn?.take() ?? null;
      if (back !== null) {
        moved = true;
        this.deliver(back);
      }
      if (this.conn !== null && !this.conn.open && back === null) {
        moved = true;
        this.conn = null;
        this.w.closed(this.now);
      }
      this.events.push(...this.w.takeEvents());
      if (!moved) return;
    }
    throw new Error('the exchange never settled');
  }

  /** Server bytes delivered so far (over every connection). */
  delivered = 0;
  private triggers: { at: number; run: () => void }[] = [];

  /** Runs `run` once `bytes` more server bytes were delivered (mid-response, mid-literal…). */
  after(bytes: number, run: () => void): void {
    this.triggers.push({ at: this.delivered + bytes, run });
    this.triggers.sort((a, b) => a.at - b.at);
  }

  /** Hands server bytes over in `piece`-sized parts, stopping at triggers (a cut drops the rest). */
  private deliver(bytes: Uint8Array): void {
    const conn = this.conn;
    let i = 0;
    while (i < bytes.length && this.conn === conn) {
      const next = this.triggers[0];
      let end = this.piece > 0 ? Math.min(bytes.length, i + this.piece) : bytes.length;
      if (next !== undefined) end = Math.min(end, i + Math.max(0, next.at - this.delivered));
      if (end > i) {
        this.w.receive(bytes.subarray(i, end), this.now);
        this.delivered += end - i;
        i = end;
      }
      while (this.triggers.length > 0 && this.triggers[0]!.at <= this.delivered) this.triggers.shift()!.run();
    }
  }

  /** Forgets the triggers that have not fired. */
  dropTriggers(): void {
    this.triggers = [];
  }

  /** Moves the clock by `ms`, ticking at every timeout on the way. */
  advance(ms: number): void {
    const target = this.now + ms;
    this.settle();
    for (let guard = 0; guard < 100_000; guard++) {
      const t = this.w.pollTimeout();
      if (t === null || t > target) break;
      this.now = Math.max(this.now, t);
      this.w.tick(this.now);
      this.settle();
    }
    this.now = target;
    this.settle();
  }

  /** The connection is cut (by the network): the server forgets it, the watcher is told. */
  cut(settle = true): void {
    if (this.conn === null) return;
    this.conn.drop();
    this.conn = null;
    this.w.closed(this.now);
    if (settle) this.settle();
  }

  /** Events of these types, taken from the log. */
  of<T extends WatchEvent['type']>(...types: T[]): Extract<WatchEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WatchEvent, { type: T }> =>
      (types as string[]).includes(e.type),
    );
  }

  /** Command names the current connection received, in order. */
  get commands(): string[] {
    return this.conn?.commands ?? [];
  }
}
