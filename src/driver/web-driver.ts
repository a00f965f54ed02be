/**
 * The web-streams driver: runs a {@link ConnectionMachine} over any
 * `ReadableStream<Uint8Array>` / `WritableStream<Uint8Array>` pair (Deno's `Deno.connect`,
 * Bun, a browser behind a WebSocket-to-TCP bridge, Node's `Duplex.toWeb`, an in-memory pair).
 * Web-standard only; the loop is the one the machine's contract describes: write every
 * `pollTransmit()` (awaiting the writer's `ready`: backpressure), perform every `pollAction()`,
 * arm one timer for `pollTimeout()`.
 *
 * COMPRESS (RFC 4978) needs a sync flush after every write (§4: each command must reach the
 * server whole); `CompressionStream('deflate-raw')` flushes only when its stream ends, so it
 * cannot serve. The driver compresses only with a codec the caller gives
 * ({@link WebDriverOptions.compression}); without one, `supports.compress` is false and a
 * machine's `compress` request ends the connection.
 */
import { ClientSession, type ClientSessionOptions, type SessionEvent } from '../session/client-session.ts';
import type { ConnectionMachine, DriverAction } from '../session/machine.ts';
import { SessionClient } from '../session/session-client.ts';
import {
  asksForConnections,
  type DriverHandle,
  type DriverHooks,
  MachineTimer,
  resolveHooks,
} from './hooks.ts';

/**
 * A connection as a pair of web streams.
 *
 * @example
 * ```ts
 * const conn = await Deno.connect({ hostname: 'imap.example.com', port: 143 }); // { readable, writable }
 * ```
 */
export interface WebTransport {
  /** What the server sends. */
  readable: ReadableStream<Uint8Array>;
  /** What the client sends. */
  writable: WritableStream<Uint8Array>;
}

/**
 * A raw DEFLATE codec for COMPRESS=DEFLATE (RFC 4978), one per connection, both directions
 * keeping their dictionary across calls. `deflate` must end each output with a sync flush
 * (zlib's `Z_SYNC_FLUSH`: the output ends with `00 00 FF FF`) so that the server can read each
 * command at once. pako's `Deflate`/`Inflate` with `Z_SYNC_FLUSH` pushes fit.
 *
 * @example
 * ```ts
 * import { Deflate, Inflate, constants } from 'pako';
 * const compression = (): DeflateCodec => {
 *   const d = new Deflate({ raw: true }), i = new Inflate({ raw: true });
 *   const take = (z: { chunks: Uint8Array[] }) => concat(z.chunks.splice(0));
 *   return {
 *     deflate: (b) => (d.push(b, constants.Z_SYNC_FLUSH), take(d)),
 *     inflate: (b) => (i.push(b, constants.Z_SYNC_FLUSH), take(i)),
 *   };
 * };
 * ```
 */
export interface DeflateCodec {
  /** Compresses one write, ending with a sync flush. */
  deflate(bytes: Uint8Array): Uint8Array;
  /** Decompresses what was received so far (any cut). */
  inflate(bytes: Uint8Array): Uint8Array;
}

/**
 * Options of {@link runMachine}.
 *
 * @example
 * ```ts
 * const options: WebDriverOptions = {
 *   connect: () => Deno.connectTls({ hostname: 'imap.example.com', port: 993 }),
 *   startTls: (t) => Deno.startTls(t as Deno.TcpConn, { hostname: 'imap.example.com' }),
 * };
 * ```
 */
export interface WebDriverOptions extends DriverHooks {
  /**
   * Opens a connection: once at start for a machine that does not ask for connections (a
   * `ClientSession`), and for each `connect` action of one that does. `signal` aborts when the
   * machine gives up first (its greeting timeout, `close()`).
   */
  connect: (signal: AbortSignal) => Promise<WebTransport>;
  /** STARTTLS (RFC 9051 §6.2.1): the TLS handshake over the connection; the TLS connection's streams. */
  startTls?: (transport: WebTransport) => Promise<WebTransport>;
  /** COMPRESS=DEFLATE: a fresh codec for the connection (see {@link DeflateCodec}). */
  compression?: () => DeflateCodec;
}

/** One connection's state. */
interface Connection {
  transport: WebTransport;
  reader: ReadableStreamDefaultReader<Uint8Array>;
  writer: WritableStreamDefaultWriter<Uint8Array>;
  codec: DeflateCodec | null;
  /** `closed` was reported for it. */
  ended: boolean;
}

/**
 * Runs a machine over web streams until it says `finished` (or `close()` is called). Errors
 * never reject `done`: a connection that fails is `closed` to the machine (and `onError` sees why).
 *
 * @example
 * ```ts
 * import { ClientSession, runMachine } from 'imap-wire';
 * const session = new ClientSession({ now: Date.now() });
 * const run = runMachine(session, {
 *   connect: async () => bridge('wss://example.com/imap'), // any { readable, writable } pair
 *   onStep: () => { for (let e = session.pollEvent(); e; e = session.pollEvent()) console.log(e); },
 * });
 * session.send({ name: 'LOGIN', username: 'me', password: 'secret' }, run.now());
 * run.wake();
 * ```
 */
export function runMachine(machine: ConnectionMachine, options: WebDriverOptions): DriverHandle {
  const hooks = resolveHooks(options);
  const runOnStep = hooks.step;
  const { clock } = hooks;
  let conn: Connection | null = null;
  /** Aborts the connection being opened. */
  let opening: AbortController | null = null;
  let stopped = false;
  /** `close()` was called: no new connection is opened. */
  let closing = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });
  const timer = new MachineTimer(hooks, () => {
    try {
      machine.tick(clock());
    } catch (e) {
      if (conn !== null && !conn.ended) lost(conn, e);
    }
    void pump();
  });

  let again = false;
  let running: Promise<void> | null = null;
  /** Runs the loop until nothing is left; every caller awaits the same run. */
  function pump(): Promise<void> {
    again = true;
    if (running === null) {
      running = (async () => {
        try {
          while (again && !stopped) {
            again = false;
            try {
              await step();
            } catch (e) {
              // A machine that throws (a bug) loses its connection, not the process.
              if (conn !== null && !conn.ended) lost(conn, e);
              else hooks.onError?.(e);
            }
            runOnStep();
            if (!stopped) timer.arm(machine.pollTimeout());
          }
          // Stopped while this run awaited: what the last calls (`closed`) produced is still read.
          if (stopped) runOnStep();
        } finally {
          running = null;
        }
      })();
    }
    return running;
  }

  async function step(): Promise<void> {
    for (;;) {
      if (stopped) return;
      // Without a connection, bytes stay in the machine.
      const out = conn === null || conn.ended ? null : machine.pollTransmit();
      if (out !== null) {
        await write(out);
        continue;
      }
      const action = machine.pollAction();
      if (action === null) return;
      await perform(action);
    }
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const c = conn;
    if (c === null || c.ended) return;
    try {
      const data = c.codec === null ? bytes : c.codec.deflate(bytes);
      await c.writer.ready;
      c.writer.write(data).catch((e: unknown) => lost(c, e));
    } catch (e) {
      lost(c, e);
    }
  }

  async function perform(action: DriverAction): Promise<void> {
    switch (action.type) {
      case 'connect':
        if (closing) return;
        if (conn === null || conn.ended) await open();
        else machine.closed(clock());
        return;
      case 'starttls':
        await upgrade();
        return;
      case 'compress':
        compress(action.leftover);
        return;
      case 'close':
        if (opening !== null) opening.abort();
        else if (conn !== null) await hangUp(conn);
        return;
      case 'finished':
        stop();
        return;
    }
  }

  async function open(): Promise<void> {
    const abort = new AbortController();
    opening = abort;
    let t: WebTransport;
    try {
      t = await options.connect(abort.signal);
    } catch (e) {
      opening = null;
      hooks.onError?.(e);
      if (!stopped) machine.closed(clock());
      return;
    }
    opening = null;
    if (stopped || abort.signal.aborted) {
      void t.readable.cancel().catch(() => {});
      void t.writable.abort().catch(() => {});
      if (!stopped) machine.closed(clock());
      return;
    }
    conn = {
      transport: t,
      reader: t.readable.getReader(),
      writer: t.writable.getWriter(),
      codec: null,
      ended: false,
    };
    machine.connected?.(clock());
    void readLoop(conn);
  }

  /** RFC 9051 §6.2.1: the handshake on the same connection, nothing written in between. */
  async function upgrade(): Promise<void> {
    const c = conn;
    if (c === null || c.ended) return;
    if (options.startTls === undefined) {
      lost(c, new Error('STARTTLS accepted, but this driver was given no startTls'));
      return;
    }
    try {
      c.reader.releaseLock();
      c.writer.releaseLock();
      const t = await options.startTls(c.transport);
      c.transport = t;
      c.reader = t.readable.getReader();
      c.writer = t.writable.getWriter();
    } catch (e) {
      lost(c, e);
      return;
    }
    machine.tlsEstablished(clock());
    // The read loop waited for this step: it reads from the new reader next.
  }

  /** RFC 4978 §4: both directions compressed from here; the leftover was compressed already. */
  function compress(leftover: Uint8Array): void {
    const c = conn;
    if (c === null || c.ended) return;
    if (options.compression === undefined) {
      lost(c, new Error('COMPRESS accepted, but this driver was given no compression codec'));
      return;
    }
    c.codec = options.compression();
    machine.compressionStarted?.(clock());
    if (leftover.length > 0) receive(c, leftover);
  }

  function receive(c: Connection, bytes: Uint8Array): void {
    let data: Uint8Array;
    try {
      data = c.codec === null ? bytes : c.codec.inflate(bytes);
    } catch (e) {
      lost(c, e);
      return;
    }
    if (data.length === 0) return;
    try {
      machine.receive(data, clock());
    } catch (e) {
      lost(c, e);
    }
  }

  async function readLoop(c: Connection): Promise<void> {
    try {
      while (!c.ended) {
        const { value, done: end } = await c.reader.read();
        if (end || c.ended) break;
        receive(c, value);
        // Actions that swap the reader (starttls) run inside this await, between two reads.
        await pump();
      }
    } catch (e) {
      if (!c.ended) hooks.onError?.(e);
    }
    ended(c);
  }

  /** The connection ended: the machine is told once. */
  function ended(c: Connection): void {
    if (c.ended) return;
    c.ended = true;
    void c.reader.cancel().catch(() => {});
    void c.writer.close().catch(() => {});
    if (stopped) return;
    machine.closed(clock());
    void pump();
  }

  function lost(c: Connection, e: unknown): void {
    if (c.ended) return;
    hooks.onError?.(e);
    void c.writer.abort(e).catch(() => {});
    ended(c);
  }

  /** Ends the connection from our side: what was written goes first, then the read side ends. */
  async function hangUp(c: Connection): Promise<void> {
    await c.writer.close().catch(() => {});
    ended(c);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    timer.disarm();
    // A machine that finished with its connection open: the connection ends too (quietly).
    const c = conn;
    if (c !== null && !c.ended) ended(c);
    resolveDone();
  }

  // A machine's own deadlines (a greeting timeout) run while the first connection opens.
  timer.arm(machine.pollTimeout());
  if (!asksForConnections(machine)) {
    void (async () => {
      await open();
      await pump();
    })();
  } else void pump();

  return {
    wake: () => {
      void pump();
    },
    close: () => {
      if (stopped) return;
      closing = true;
      const c = conn;
      opening?.abort();
      // The machine hears that its connection ended (or never opened), then the run stops.
      if (c !== null && !c.ended) ended(c);
      else machine.closed(clock());
      stop();
    },
    done,
    now: clock,
    supports: { starttls: options.startTls !== undefined, compress: options.compression !== undefined },
  };
}

/**
 * Options of {@link openSession}: the driver's, the session's, and who sees the events.
 *
 * @example
 * ```ts
 * const options: OpenSessionOptions = { connect: () => dial(), session: { commandTimeout: 30_000 }, onEvent: console.log };
 * ```
 */
export interface OpenSessionOptions extends Omit<WebDriverOptions, 'onStep'> {
  session?: Omit<ClientSessionOptions, 'now'>;
  onEvent?: (event: SessionEvent) => void;
}

/**
 * Connects a {@link ClientSession} over web streams; resolves once the server greeted (rejects
 * when it refused, the connection failed or the greeting did not come in time).
 *
 * @example
 * ```ts
 * import { openSession } from 'imap-wire';
 * const imap = await openSession({ connect: async () => Deno.connectTls({ hostname: 'imap.example.com', port: 993 }) });
 * await imap.command({ name: 'LOGIN', username: 'me', password: 'secret' });
 * const { untagged } = await imap.command({ name: 'SELECT', mailbox: 'INBOX' });
 * await imap.logout();
 * ```
 */
export async function openSession(options: OpenSessionOptions): Promise<SessionClient> {
  const { session: sessionOptions, onEvent, ...driverOptions } = options;
  const clock = options.clock ?? Date.now;
  const client = new SessionClient(new ClientSession({ ...sessionOptions, now: clock() }), onEvent);
  client.attach(runMachine(client.session, { ...driverOptions, onStep: () => client.step() }));
  try {
    await client.greeting;
  } catch (e) {
    client.close();
    throw e;
  }
  return client;
}
