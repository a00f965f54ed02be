/**
 * The Node driver: runs a {@link ConnectionMachine} on `node:net` / `node:tls` sockets, with
 * STARTTLS (`tls.connect({ socket })` on the same connection) and COMPRESS=DEFLATE
 * (`node:zlib` raw deflate, a sync flush after each write). Plain socket events, no stream
 * wrappers: a thousand idle sessions in one process cost a socket, a few closures and the
 * machine each.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { type ConnectionOptions, type TLSSocket, connect as tlsConnect } from 'node:tls';
import { constants, createDeflateRaw, createInflateRaw, type DeflateRaw, type InflateRaw } from 'node:zlib';
import {
  asksForConnections,
  type DriverHandle,
  type DriverHooks,
  MachineTimer,
  resolveHooks,
} from '../driver/hooks.ts';
import type { ConnectionMachine, DriverAction } from '../session/machine.ts';

/**
 * Where and how to connect.
 *
 * @example
 * ```ts
 * const implicit: NodeConnectOptions = { host: 'imap.example.com', port: 993, tls: true };
 * const local: NodeConnectOptions = { host: '127.0.0.1', port: 1143, ca: readFileSync('test-ca.pem'), servername: 'localhost' };
 * ```
 */
export interface NodeConnectOptions {
  host: string;
  port: number;
  /** Implicit TLS (port 993, RFC 8314): `true`, or `node:tls` options for the handshake. */
  tls?: boolean | ConnectionOptions;
  /** The TLS server name (SNI and certificate check; default `host`). */
  servername?: string;
  /** Trusted CA certificates (PEM), for the implicit TLS and the STARTTLS handshakes. */
  ca?: ConnectionOptions['ca'];
  /** Default true: a certificate that does not verify fails the handshake. */
  rejectUnauthorized?: boolean;
  /**
   * Accept a machine's `compress` request (default true; `supports.compress` says it), and the
   * compressor's zlib settings. With zlib's defaults a compressed connection costs ~250 KiB of
   * native memory (RSS; the heap grows by ~3 KiB), with `{ windowBits: 11, memLevel: 3 }`
   * ~120 KiB (the driver-memory benchmark); IMAP's short commands compress about as well. The
   * inflater always keeps the full 32 KiB window the server may use (RFC 4978 §4).
   */
  compress?: boolean | { level?: number; windowBits?: number; memLevel?: number };
}

/**
 * Options of {@link runNode}.
 *
 * @example
 * ```ts
 * const options: NodeDriverOptions = { host: '127.0.0.1', port: 1143, onError: (e) => console.error(e) };
 * ```
 */
export interface NodeDriverOptions extends NodeConnectOptions, DriverHooks {}

/** The current connection. */
interface Connection {
  socket: Socket;
  /** COMPRESS: both zlib streams once active. */
  deflate: DeflateRaw | null;
  inflate: InflateRaw | null;
  /** `closed` was reported for it. */
  ended: boolean;
  /** The socket's buffer is full: transmits wait for `drain`. */
  full: boolean;
}

/** The handshake options: the caller's, with the shortcuts and the server name. */
function tlsOptions(o: NodeConnectOptions): ConnectionOptions {
  const base: ConnectionOptions = typeof o.tls === 'object' ? { ...o.tls } : {};
  const servername = o.servername ?? base.servername ?? o.host;
  // RFC 6066 §3: SNI carries host names only.
  if (!/^[\d.]+$|:/.test(servername)) base.servername = servername;
  if (o.ca !== undefined) base.ca = o.ca;
  if (o.rejectUnauthorized !== undefined) base.rejectUnauthorized = o.rejectUnauthorized;
  return base;
}

/**
 * Runs a machine on Node sockets until it says `finished` (or `close()` is called). A machine
 * that opens its connections itself (it has `connected`) gets one per `connect` action; one
 * without (a `ClientSession`) gets one at start. Errors never reject `done`: the machine is
 * told `closed`, `onError` sees why.
 *
 * @example
 * ```ts
 * import { ClientSession } from 'imap-wire';
 * import { runNode } from 'imap-wire/node';
 * const session = new ClientSession({ now: Date.now() });
 * const run = runNode(session, {
 *   host: 'imap.example.com', port: 993, tls: true,
 *   onStep: () => { for (let e = session.pollEvent(); e; e = session.pollEvent()) console.log(e.type); },
 * });
 * session.send({ name: 'LOGIN', username: 'me', password: 'secret' }, run.now());
 * run.wake();
 * await run.done;
 * ```
 */
export function runNode(machine: ConnectionMachine, options: NodeDriverOptions): DriverHandle {
  const hooks = resolveHooks(options);
  const runOnStep = hooks.step;
  const { clock } = hooks;
  let conn: Connection | null = null;
  let stopped = false;
  /** `close()` was called: no new connection is opened. */
  let closing = false;
  let pumping = false;
  let again = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });
  const timer = new MachineTimer(hooks, () => {
    guard(() => machine.tick(clock()));
    pump();
  });

  /** The loop; re-entered calls (a machine call inside an action) run as one more pass. */
  function pump(): void {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped) {
          const c = conn;
          const out = c === null || c.ended || c.full ? null : machine.pollTransmit();
          if (out !== null) {
            write(c!, out);
            continue;
          }
          const action = machine.pollAction();
          if (action === null) break;
          perform(action);
        }
      } while (again && !stopped);
    } catch (e) {
      failed(e);
    } finally {
      pumping = false;
    }
    runOnStep();
    if (!stopped) timer.arm(machine.pollTimeout());
  }

  function write(c: Connection, bytes: Uint8Array): void {
    if (c.deflate !== null) {
      c.deflate.write(bytes);
      // RFC 4978 §4: each write ends with a sync flush, so the server can read it now.
      c.deflate.flush(constants.Z_SYNC_FLUSH);
    } else if (!c.socket.write(bytes)) c.full = true;
  }

  function perform(action: DriverAction): void {
    const c = conn;
    switch (action.type) {
      case 'connect':
        if (closing) return;
        if (c === null || c.ended) open();
        else machine.closed(clock());
        return;
      case 'starttls':
        if (c !== null && !c.ended) upgrade(c);
        return;
      case 'compress':
        if (c !== null && !c.ended) compress(c, action.leftover);
        return;
      case 'close':
        if (c !== null && !c.ended) hangUp(c);
        return;
      case 'finished':
        stop();
        return;
    }
  }

  function open(): void {
    const secure = options.tls !== undefined && options.tls !== false;
    const socket: Socket = secure
      ? tlsConnect({ ...tlsOptions(options), host: options.host, port: options.port })
      : netConnect({ host: options.host, port: options.port });
    const c: Connection = { socket, deflate: null, inflate: null, ended: false, full: false };
    conn = c;
    socket.setNoDelay(true);
    listen(c, socket);
    if (asksForConnections(machine)) {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        if (c.ended || stopped) return;
        guard(() => machine.connected?.(clock()));
        pump();
      });
    }
  }

  function listen(c: Connection, socket: Socket): void {
    socket.on('data', (chunk: Uint8Array) => {
      if (c.ended) return;
      if (c.inflate !== null) c.inflate.write(chunk);
      else receive(c, chunk);
    });
    socket.on('drain', () => {
      c.full = false;
      pump();
    });
    socket.on('error', (e) => {
      if (!c.ended) hooks.onError?.(e);
    });
    socket.on('close', () => {
      // zlib inflates asynchronously: what the server sent before it closed (LOGOUT's OK) is read first.
      const inflate = c.inflate;
      if (inflate === null || c.ended) ended(c);
      else {
        inflate.once('end', () => ended(c));
        inflate.once('close', () => ended(c));
        inflate.end();
      }
    });
  }

  function receive(c: Connection, bytes: Uint8Array): void {
    if (c.ended || stopped) return;
    try {
      machine.receive(bytes, clock());
    } catch (e) {
      failed(e);
      return;
    }
    pump();
  }

  /** Calls the machine from a socket or timer event. */
  function guard(call: () => void): void {
    try {
      call();
    } catch (e) {
      failed(e);
    }
  }

  /** A machine that throws (a bug) loses its connection, not the process. */
  function failed(e: unknown): void {
    hooks.onError?.(e);
    conn?.socket.destroy();
  }

  /** RFC 9051 §6.2.1: the TLS handshake on the same connection; nothing is written in between. */
  function upgrade(c: Connection): void {
    const plain = c.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('drain');
    plain.removeAllListeners('close');
    plain.removeAllListeners('error');
    // The TLS socket reports the errors and the end from here.
    plain.on('error', () => {});
    const secure: TLSSocket = tlsConnect({ ...tlsOptions(options), socket: plain });
    c.socket = secure;
    c.full = false;
    listen(c, secure);
    secure.once('secureConnect', () => {
      if (c.ended || stopped) return;
      guard(() => machine.tlsEstablished(clock()));
      pump();
    });
  }

  /** RFC 4978 §4: both directions are raw DEFLATE from here; the leftover is compressed already. */
  function compress(c: Connection, leftover: Uint8Array): void {
    if (options.compress === false) {
      hooks.onError?.(new Error('COMPRESS accepted, but this driver was told compress: false'));
      c.socket.destroy();
      return;
    }
    const deflate = createDeflateRaw(typeof options.compress === 'object' ? options.compress : {});
    const inflate = createInflateRaw();
    deflate.on('data', (b: Uint8Array) => {
      if (!c.ended && !c.socket.write(b)) c.full = true;
    });
    inflate.on('data', (b: Uint8Array) => receive(c, b));
    const fail = (e: Error): void => {
      if (c.ended) return;
      hooks.onError?.(e);
      c.socket.destroy();
    };
    deflate.on('error', fail);
    inflate.on('error', fail);
    c.deflate = deflate;
    c.inflate = inflate;
    guard(() => machine.compressionStarted?.(clock()));
    if (leftover.length > 0) inflate.write(leftover);
  }

  /** Ends the connection from our side, after what was written. */
  function hangUp(c: Connection): void {
    const d = c.deflate;
    if (d !== null) d.flush(constants.Z_SYNC_FLUSH, () => c.socket.destroySoon());
    else c.socket.destroySoon();
  }

  function ended(c: Connection): void {
    if (c.ended) return;
    c.ended = true;
    c.deflate?.destroy();
    c.inflate?.destroy();
    c.socket.destroy();
    if (stopped || conn !== c) return;
    machine.closed(clock());
    pump();
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
  if (!asksForConnections(machine)) open();
  pump();

  return {
    wake: pump,
    close: () => {
      if (stopped) return;
      closing = true;
      const c = conn;
      if (c !== null && !c.ended) ended(c);
      else {
        machine.closed(clock());
        pump();
      }
      stop();
    },
    done,
    now: clock,
    supports: { starttls: true, compress: options.compress !== false },
  };
}
