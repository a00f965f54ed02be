/**
 * The scripted fake server (testing/fake-server.ts) on a real TCP socket on 127.0.0.1, for
 * clients that only speak `node:net`/`node:tls`-style sockets. Node-only, hence here.
 */
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { FakeServer, type FakeServerOptions, type ScriptStep } from '../testing/fake-server.ts';

/** A listening fake server: where to connect, the script's run, and how to stop. */
export interface ListeningFakeServer {
  host: '127.0.0.1';
  port: number;
  /** The script's run on the first connection (created when it comes). */
  readonly server: FakeServer;
  /** Resolves when the script ran to its end on the first connection; rejects on a failure. */
  finished: Promise<void>;
  /** Resolves when that connection closed after the whole script; rejects otherwise. */
  closed: Promise<void>;
  /** Stops listening and drops any connection. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (a free port unless `port` is given) and plays `script` on the first
 * connection; a second connection gets `* BYE` and is closed.
 *
 * @example
 * ```ts
 * import { listenFakeServer } from 'imap-wire/node';
 * const fake = await listenFakeServer([{ expect: 'LOGOUT', send: ['* BYE\r\n', '{tag} OK\r\n'], close: true }]);
 * const socket = net.connect(fake.port, fake.host);
 * // … the client under test …
 * await fake.finished;
 * await fake.close();
 * ```
 */
export async function listenFakeServer(
  script: readonly ScriptStep[],
  options: FakeServerOptions & { port?: number } = {},
): Promise<ListeningFakeServer> {
  const server = new FakeServer(script, options);
  const sockets = new Set<Socket>();
  let connections = 0;
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (connections++ > 0) {
      socket.end('* BYE one connection per fake server script\r\n');
      return;
    }
    const { readable, writable } = Duplex.toWeb(socket) as unknown as {
      readable: ReadableStream<Uint8Array>;
      writable: WritableStream<Uint8Array>;
    };
    void server.serve(readable, writable).then(() => socket.destroySoon());
  });
  tcp.listen(options.port ?? 0, '127.0.0.1');
  await once(tcp, 'listening');
  const address = tcp.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    server,
    finished: server.finished,
    closed: server.closed,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
