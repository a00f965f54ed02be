/**
 * A `ClientSession` (src/session/client-session.ts) on a node:net socket, for the interop tests:
 * the thinnest driver that works (write what `pollTransmit` gives, hand events out, one timer
 * for `pollTimeout`), with promises for completions. The project's own Node driver is separate;
 * this one exists so that the interop tests exercise the sans-I/O session against real servers
 * without depending on it.
 */
import net from 'node:net';
import { ResponseDecoder } from '../../src/decoder.ts';
import type { Command, CompletionStatus, Response, UntaggedResponse } from '../../src/index.ts';
import { ClientSession, type Completion, type SessionState } from '../../src/session/client-session.ts';

export interface NetSessionOptions {
  port: number;
  host?: string;
  /** The session's command timeout, and the connect and greeting timeout (ms; default 20 000). */
  timeoutMs?: number;
  /** Sees every byte written (`C`, LOGIN redacted) and read (`S`). */
  log?: (direction: 'C' | 'S', bytes: Uint8Array) => void;
}

/** An IDLE in progress: its completion comes after DONE. */
export interface Idling {
  completion: Promise<Completion>;
}

/** A command that did not end with the status asked for. */
export class CommandFailed extends Error {
  constructor(
    readonly completion: Completion,
    what: string,
  ) {
    super(`${what}: ${completion.status} ${completion.text}`);
  }
}

const describe = (c: Command): string => {
  if (c.name === 'LOGIN') return 'LOGIN';
  if (c.name === 'APPEND') return `APPEND ${String(c.mailbox)}`;
  return JSON.stringify(c, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)).slice(0, 200);
};

/** One connection: a socket, a session, and the pushes the session reported. */
export class NetSession {
  readonly session: ClientSession;
  /** Every unsolicited untagged response (pushes), in order. */
  readonly pushes: UntaggedResponse[] = [];
  /** Called with each unsolicited untagged response as it comes. */
  onPush: ((r: UntaggedResponse) => void) | undefined;
  /**
   * Called with every response the server sends, in the order it sent them (from a second
   * decoder on the same bytes): what a mailbox tracker must be fed, since a push between a
   * command's own responses would otherwise be seen out of order (the session hands a command's
   * responses over with its completion).
   */
  onResponse: ((r: Response) => void) | undefined;
  private readonly tap = new ResponseDecoder();
  /** Resolves when the connection has ended (by either side). */
  readonly closed: Promise<void>;
  private readonly socket: net.Socket;
  private readonly waiting = new Map<number, (c: Completion) => void>();
  private stateWaiters: { state: SessionState; resolve: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ended = false;

  private constructor(socket: net.Socket, timeoutMs: number, log?: NetSessionOptions['log']) {
    this.socket = socket;
    this.session = new ClientSession({ now: Date.now(), commandTimeout: timeoutMs, ...(log && { log }) });
    let closed!: () => void;
    this.closed = new Promise((r) => {
      closed = r;
    });
    socket.on('data', (b: Buffer) => {
      if (this.onResponse !== undefined) {
        for (const item of this.tap.push(b)) if (item.type !== 'error') this.onResponse(item);
      }
      this.session.receive(b, Date.now());
      this.pump();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.ended = true;
      this.session.closed(Date.now());
      this.pump();
      clearTimeout(this.timer);
      closed();
    });
  }

  /** Connects and waits until the greeting and the session's first CAPABILITY are done. */
  static async connect(opts: NetSessionOptions): Promise<NetSession> {
    const timeoutMs = opts.timeoutMs ?? 20_000;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: opts.host ?? '127.0.0.1', port: opts.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`cannot connect to port ${opts.port} within ${timeoutMs} ms`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot connect to port ${opts.port}: ${err.message}`));
      });
    });
    const ns = new NetSession(socket, timeoutMs, opts.log);
    await ns.until((s) => s.capabilitiesKnown || s.state === 'closed' || s.state === 'logout');
    if (ns.session.state !== 'not-authenticated' && ns.session.state !== 'authenticated') {
      ns.destroy();
      throw new Error(`no usable greeting from port ${opts.port} (state ${ns.session.state})`);
    }
    return ns;
  }

  /** True once the connection has ended. */
  get isClosed(): boolean {
    return this.ended;
  }

  /** Sends a command; resolves with its completion, whatever its status. */
  run(command: Command, opts: { timeout?: number | null } = {}): Promise<Completion> {
    const id = this.session.send(command, Date.now(), opts);
    const done = new Promise<Completion>((resolve) => this.waiting.set(id, resolve));
    this.pump();
    return done;
  }

  /** Sends a command; resolves with its completion when it is `expect` (default OK), else throws. */
  async ok(command: Command, expect: CompletionStatus = 'OK'): Promise<Completion> {
    const c = await this.run(command);
    if (c.status !== expect) throw new CommandFailed(c, describe(command));
    return c;
  }

  /**
   * Starts IDLE; resolves once the server's `+` came (the session is `idle`), with IDLE's
   * completion to come (wrapped: a promise of a promise would be flattened by `await`).
   */
  async idle(): Promise<Idling> {
    const id = this.session.idle(Date.now());
    const completion = new Promise<Completion>((resolve) => this.waiting.set(id, resolve));
    this.pump();
    await Promise.race([this.until((s) => s.state === 'idle'), completion]);
    if (this.session.state !== 'idle') throw new CommandFailed(await completion, 'IDLE');
    return { completion };
  }

  /** Ends IDLE with DONE; resolves with IDLE's completion. */
  done(idle: Idling): Promise<Completion> {
    this.session.done(Date.now());
    this.pump();
    return idle.completion;
  }

  /** LOGOUT and wait for the close (at most `ms`). */
  async logout(ms = 5_000): Promise<void> {
    if (this.ended) return;
    const timer = new Promise<void>((r) => setTimeout(r, ms).unref());
    if (this.session.state === 'idle') {
      this.session.done(Date.now());
      this.pump();
      await Promise.race([this.until((s) => s.state !== 'idle'), timer]);
      if (this.session.state === 'idle' || this.ended) {
        this.destroy();
        return;
      }
    }
    try {
      this.session.send({ name: 'LOGOUT' }, Date.now());
    } catch {
      // an IDLE still waiting for its "+": not worth a protocol dance in a test
      this.destroy();
      return;
    }
    this.pump();
    await Promise.race([this.closed, timer]);
    this.destroy();
  }

  /** Ends the connection at once. */
  destroy(): void {
    this.socket.destroy();
  }

  /** Resolves once `test(session)` holds (checked after every event). */
  until(test: (s: ClientSession) => boolean): Promise<void> {
    if (test(this.session)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (test(this.session) || this.ended) resolve();
        else this.stateWaiters.push({ state: this.session.state, resolve: check });
      };
      this.stateWaiters.push({ state: this.session.state, resolve: check });
    });
  }

  private pump(): void {
    const s = this.session;
    for (let out = s.pollTransmit(); out !== null; out = s.pollTransmit()) {
      if (!this.socket.destroyed) this.socket.write(out);
    }
    for (let e = s.pollEvent(); e !== null; e = s.pollEvent()) {
      if (e.type === 'completion') {
        const w = this.waiting.get(e.id);
        this.waiting.delete(e.id);
        w?.(e);
      } else if (e.type === 'untagged') {
        this.pushes.push(e.response);
        this.onPush?.(e.response);
      } else if (e.type === 'state' && e.to === 'closed') {
        this.socket.destroy();
      }
    }
    const waiters = this.stateWaiters;
    this.stateWaiters = [];
    for (const w of waiters) w.resolve();
    clearTimeout(this.timer);
    const at = s.pollTimeout();
    if (at !== null && !this.ended) {
      this.timer = setTimeout(
        () => {
          s.tick(Date.now());
          this.pump();
        },
        Math.max(0, at - Date.now()),
      );
      this.timer.unref();
    }
  }
}
