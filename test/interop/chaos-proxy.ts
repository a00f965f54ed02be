/**
 * A TCP proxy on 127.0.0.1 between a client under test and a server, that breaks the connection
 * on purpose: at once (`cut()`), after a random number of bytes in either direction (seeded, so
 * that cuts land inside IDLE, inside a literal, inside a resync, and a run can be replayed:
 * per connection with `random`, or one armed cut at a time with `armCut`), and by refusing
 * connections for a while (the server "down").
 *
 * A cut forwards the bytes up to the cut point and then destroys both sockets of the pair: the
 * client sees its connection end after a partial response (or the server a partial command),
 * which is what a dropped connection looks like to both.
 */
import net from 'node:net';
import { type SeededRandom, seededRandom } from './seeded-random.ts';

/** Which way bytes flow: client to server (`up`) or server to client (`down`). */
export type Direction = 'up' | 'down';

/**
 * Random cuts: each connection gets a budget drawn from [minBytes, maxBytes] and is cut when the
 * bytes it carried (in `direction`, or both counted together) reach it; the cut falls inside
 * the chunk that crosses the budget.
 */
export interface RandomCuts {
  minBytes: number;
  maxBytes: number;
  /** Count one direction only (default: both together). */
  direction?: Direction;
  /** Stop after this many random cuts (default: no limit). */
  maxCuts?: number;
}

/** What the proxy did, so far. */
export interface ProxyStats {
  /** Connections accepted and forwarded. */
  connections: number;
  /** Connections cut (by `cut()` or a random cut). */
  cuts: number;
  /** Connections refused while down. */
  refused: number;
  /** Bytes forwarded client to server and server to client. */
  bytesUp: number;
  bytesDown: number;
}

/** One cut, for a log. */
export interface CutRecord {
  /** `cut()`, a random budget, or an armCut budget. */
  reason: 'cut' | 'random' | 'armed';
  /** Bytes the connection had carried each way when it was cut. */
  up: number;
  down: number;
  /** The direction whose chunk was split (random cuts). */
  direction?: Direction;
  /** The last bytes (at most TAIL_BYTES) forwarded each way before the cut: where it fell. */
  upTail: Uint8Array;
  downTail: Uint8Array;
}

/** How many of the last bytes each way a cut record keeps. */
export const TAIL_BYTES = 16_384;

export interface ChaosProxyOptions {
  /** The server (127.0.0.1 unless `host`). */
  port: number;
  host?: string;
  /** PRNG seed for random cuts (default 1). */
  seed?: number;
  random?: RandomCuts;
  onCut?: (cut: CutRecord) => void;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  up: number;
  down: number;
  /** Bytes left before the random cut; Infinity when none. */
  budget: number;
  /** The budget was set by armCut (counted in both directions). */
  armed: boolean;
  cut: boolean;
  upTail: Buffer;
  downTail: Buffer;
}

/**
 * @example
 * ```ts
 * const proxy = await ChaosProxy.start({ port: 1143, seed: 7, random: { minBytes: 200, maxBytes: 20_000 } });
 * const client = net.connect(proxy.port, '127.0.0.1'); // cut somewhere in its first 200..20,000 bytes
 * proxy.refuse(); … proxy.accept();
 * await proxy.close();
 * ```
 */
export class ChaosProxy {
  readonly stats: ProxyStats = { connections: 0, cuts: 0, refused: 0, bytesUp: 0, bytesDown: 0 };
  readonly cutLog: CutRecord[] = [];
  private readonly server: net.Server;
  private readonly pairs = new Set<Pair>();
  private readonly rng: SeededRandom;
  private random: RandomCuts | undefined;
  private randomCuts = 0;
  /** Budgets armCut left for the next connections, one each. */
  private readonly armedNext: number[] = [];
  private down = false;
  private downTimer: NodeJS.Timeout | undefined;
  private readonly target: { port: number; host: string };
  private readonly onCut: ((cut: CutRecord) => void) | undefined;

  private constructor(server: net.Server, opts: ChaosProxyOptions) {
    this.server = server;
    this.target = { port: opts.port, host: opts.host ?? '127.0.0.1' };
    this.rng = seededRandom(opts.seed ?? 1);
    this.random = opts.random;
    this.onCut = opts.onCut;
    server.on('connection', (c) => this.accepted(c));
  }

  /** Listens on 127.0.0.1 on an ephemeral port. */
  static async start(opts: ChaosProxyOptions): Promise<ChaosProxy> {
    const server = net.createServer({ noDelay: true });
    const proxy = new ChaosProxy(server, opts);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The port it listens on (127.0.0.1). */
  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  /** Connections open now. */
  get open(): number {
    return this.pairs.size;
  }

  /** Random cuts from now on (new budgets for the connections that follow), or none. */
  setRandom(random: RandomCuts | undefined): void {
    this.random = random;
    this.randomCuts = 0;
  }

  /** Destroys every open connection (client and upstream) at once, or the `limit` oldest; returns how many. */
  cut(limit = Number.POSITIVE_INFINITY): number {
    let n = 0;
    for (const p of [...this.pairs]) {
      if (n >= limit) break;
      if (this.cutPair(p, { reason: 'cut', up: p.up, down: p.down, upTail: p.upTail, downTail: p.downTail }))
        n++;
    }
    return n;
  }

  /**
   * Arms one cut: one open connection (drawn at random) is cut after it has carried between
   * `minBytes` and `maxBytes` more bytes (drawn, both directions counted), wherever that falls:
   * inside an IDLE push, a literal, a resync. With no connection open, or with `next`, the next
   * connection is armed instead (each such arm waits for a connection of its own): a reconnecting
   * client's LOGIN and resync.
   */
  armCut(minBytes: number, maxBytes: number, opts: { next?: boolean } = {}): void {
    const open = [...this.pairs].filter((p) => !p.cut);
    const budget = this.rng.int(minBytes, maxBytes);
    if (open.length === 0 || opts.next === true) {
      this.armedNext.push(budget);
      return;
    }
    const p = this.rng.pick(open);
    p.budget = Math.min(p.budget, budget);
    p.armed = true;
  }

  /**
   * The server is "down": connections are accepted and closed at once, without a byte, until
   * `accept()` or for `ms` milliseconds. Open connections are left alone (`cut()` them too for
   * a server that went away).
   */
  refuse(ms?: number): void {
    this.down = true;
    clearTimeout(this.downTimer);
    if (ms !== undefined) this.downTimer = setTimeout(() => this.accept(), ms);
  }

  /** Connections are forwarded again. */
  accept(): void {
    this.down = false;
    clearTimeout(this.downTimer);
  }

  /** True while refusing. */
  get refusing(): boolean {
    return this.down;
  }

  /** Stops listening and destroys every connection (not counted as cuts). */
  async close(): Promise<void> {
    clearTimeout(this.downTimer);
    for (const p of this.pairs) {
      p.cut = true;
      p.client.destroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accepted(client: net.Socket): void {
    if (this.down) {
      this.stats.refused++;
      client.destroy();
      return;
    }
    this.stats.connections++;
    client.setNoDelay(true);
    const upstream = net.connect({ port: this.target.port, host: this.target.host });
    upstream.setNoDelay(true);
    const r = this.random;
    const budget =
      r !== undefined && (r.maxCuts === undefined || this.randomCuts < r.maxCuts)
        ? this.rng.int(r.minBytes, r.maxBytes)
        : Number.POSITIVE_INFINITY;
    const pair: Pair = {
      client,
      upstream,
      up: 0,
      down: 0,
      budget,
      armed: false,
      cut: false,
      upTail: Buffer.alloc(0),
      downTail: Buffer.alloc(0),
    };
    const next = this.armedNext.shift();
    if (next !== undefined) {
      pair.budget = Math.min(pair.budget, next);
      pair.armed = true;
    }
    this.pairs.add(pair);
    client.pause();
    upstream.once('connect', () => client.resume());
    client.on('data', (b: Buffer) => this.forward(pair, 'up', b));
    upstream.on('data', (b: Buffer) => this.forward(pair, 'down', b));
    const closeBoth = (): void => {
      if (!this.pairs.delete(pair)) return;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', () => {});
    upstream.on('error', () => {});
  }

  private forward(p: Pair, dir: Direction, chunk: Buffer): void {
    if (p.cut) return;
    const dst = dir === 'up' ? p.upstream : p.client;
    const counted = p.armed || this.random?.direction === undefined || this.random.direction === dir;
    if (counted && chunk.length >= p.budget) {
      const head = chunk.subarray(0, p.budget);
      this.count(p, dir, head);
      if (!p.armed) this.randomCuts++;
      this.cutPair(
        p,
        {
          reason: p.armed ? 'armed' : 'random',
          up: p.up,
          down: p.down,
          direction: dir,
          upTail: p.upTail,
          downTail: p.downTail,
        },
        dst,
        head,
      );
      return;
    }
    if (counted) p.budget -= chunk.length;
    this.count(p, dir, chunk);
    dst.write(chunk);
  }

  private count(p: Pair, dir: Direction, bytes: Buffer): void {
    const n = bytes.length;
    // The tail only: a chunk bigger than the tail keeps its end (no copy of megabytes).
    const keep = (tail: Buffer): Buffer =>
      n >= TAIL_BYTES
        ? Buffer.from(bytes.subarray(n - TAIL_BYTES))
        : Buffer.concat([tail.subarray(Math.max(0, tail.length + n - TAIL_BYTES)), bytes]);
    if (dir === 'up') {
      p.up += n;
      this.stats.bytesUp += n;
      p.upTail = keep(p.upTail);
    } else {
      p.down += n;
      this.stats.bytesDown += n;
      p.downTail = keep(p.downTail);
    }
  }

  /**
   * Ends a pair: `dst` (when given) gets `head`, the bytes up to the cut point, before its FIN;
   * everything else is destroyed at once, and nothing more is read from either side.
   */
  private cutPair(p: Pair, record: CutRecord, dst?: net.Socket, head?: Uint8Array): boolean {
    if (p.cut) return false;
    p.cut = true;
    this.pairs.delete(p);
    this.stats.cuts++;
    this.cutLog.push(record);
    for (const s of [p.client, p.upstream]) {
      if (s !== dst) {
        s.destroy();
        continue;
      }
      s.pause();
      s.end(head ?? new Uint8Array(0), () => s.destroy());
      setTimeout(() => s.destroy(), 1_000).unref();
    }
    this.onCut?.(record);
    return true;
  }
}
