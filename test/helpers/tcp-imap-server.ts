/**
 * Test-only: a hand-driven IMAP server on 127.0.0.1 for the Node driver's tests, where the
 * scripted fake server cannot go: STARTTLS (a server-side TLSSocket on the same connection) and
 * COMPRESS=DEFLATE (node:zlib both ways), with control over what goes in one write.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { constants, createDeflateRaw, createInflateRaw, type DeflateRaw } from 'node:zlib';

const te = new TextEncoder();
const latin1 = new TextDecoder('latin1');

/** One client connection, seen from the server. */
export class ServerConnection {
  private buf = '';
  private readonly lines: string[] = [];
  private waiter: (() => void) | null = null;
  private deflate: DeflateRaw | null = null;
  private out: (b: Uint8Array) => void;
  /** Every line the client sent (after TLS and inflation), CRLF stripped. */
  readonly received: string[] = [];
  /** Resolves when the client's side closed. */
  readonly closed: Promise<void>;

  constructor(readonly socket: Socket) {
    this.out = (b) => socket.write(b);
    this.input = socket;
    this.listen(socket);
    this.closed = once(socket, 'close').then(() => {});
    socket.on('error', () => {});
  }

  /** What carries the client's bytes now: the socket, the TLS socket, the inflater. */
  private input: NodeJS.EventEmitter;

  private listen(input: NodeJS.EventEmitter): void {
    this.input = input;
    input.on('data', (chunk: Uint8Array) => {
      this.buf += latin1.decode(chunk);
      for (let i = this.buf.indexOf('\r\n'); i >= 0; i = this.buf.indexOf('\r\n')) {
        const line = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        this.lines.push(line);
        this.received.push(line);
      }
      const w = this.waiter;
      this.waiter = null;
      w?.();
    });
  }

  /** The next line the client sent. */
  async line(): Promise<string> {
    while (this.lines.length === 0) {
      await new Promise<void>((r) => {
        this.waiter = r;
      });
    }
    return this.lines.shift()!;
  }

  /** Sends text (through TLS and compression when active), in one write. */
  async send(text: string | Uint8Array): Promise<void> {
    const b = typeof text === 'string' ? te.encode(text) : text;
    if (this.deflate === null) this.out(b);
    else this.out(await this.compressed(b));
  }

  /** Deflates `b` with a sync flush, on this connection's compressor. */
  private compressed(b: Uint8Array): Promise<Uint8Array> {
    const d = this.deflate!;
    const parts: Buffer[] = [];
    const onData = (p: Buffer) => parts.push(p);
    d.on('data', onData);
    d.write(b);
    return new Promise((resolve) =>
      d.flush(constants.Z_SYNC_FLUSH, () => {
        d.off('data', onData);
        resolve(Buffer.concat(parts));
      }),
    );
  }

  /** RFC 9051 §6.2.1 from the server's side: the OK (plus `alsoPlain`, in the same write), then the handshake. */
  async startTls(ok: string, cert: { key: string; cert: string }, alsoPlain = ''): Promise<void> {
    this.socket.removeAllListeners('data');
    this.socket.write(te.encode(ok + alsoPlain));
    const secure = new TLSSocket(this.socket, { isServer: true, key: cert.key, cert: cert.cert });
    secure.on('error', () => {});
    this.out = (b) => secure.write(b);
    this.listen(secure);
    await once(secure, 'secure');
  }

  /** RFC 4978 from the server's side: the OK and `after` compressed, in one write. */
  async startCompression(ok: string, after = ''): Promise<void> {
    const inflate = createInflateRaw();
    // Whatever carries the client's bytes now (the socket or TLS) feeds the inflater.
    const current = this.input;
    current.removeAllListeners('data');
    current.on('data', (c: Uint8Array) => inflate.write(c));
    this.listen(inflate);
    this.deflate = createDeflateRaw();
    const tail = after === '' ? new Uint8Array(0) : await this.compressed(te.encode(after));
    const okBytes = te.encode(ok);
    const one = new Uint8Array(okBytes.length + tail.length);
    one.set(okBytes);
    one.set(tail, okBytes.length);
    this.out(one);
  }

  end(): void {
    this.socket.end();
  }
}

/** Listens on 127.0.0.1; `handle` runs for each connection. */
export async function listenImap(handle: (c: ServerConnection) => Promise<void>): Promise<{
  port: number;
  server: Server;
  connections: ServerConnection[];
  errors: unknown[];
  close(): Promise<void>;
}> {
  const errors: unknown[] = [];
  const connections: ServerConnection[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const c = new ServerConnection(socket);
    connections.push(c);
    handle(c).catch((e: unknown) => {
      errors.push(e);
      socket.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    server,
    connections,
    errors,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
