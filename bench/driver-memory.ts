/**
 * Heap per idle session on the Node driver (issue #19's budget: at most 64 KiB each): N
 * `connectSession`s to a server in a child process (so that its sockets do not count), each
 * greeted and logged in, then idle; the heap after a full GC, before and after, over N. Not part
 * of `npm run bench` (a memory probe, not a throughput figure). `--compress` turns on
 * COMPRESS=DEFLATE on every session (zlib's buffers are native memory, outside the heap: RSS
 * shows them).
 *
 *   node --expose-gc --import tsx bench/driver-memory.ts [N=1000] [--compress | --small-window]
 *
 * Measured (Node 20, 1,000 sessions, logged in and idling): 12.3 KiB of heap each (18-21 KiB of
 * RSS); with COMPRESS 15.3 KiB of heap and 248 KiB of RSS each (zlib's default deflate state);
 * with `--small-window` 15.4 KiB of heap and 123 KiB of RSS each.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import { constants, createDeflateRaw, createInflateRaw } from 'node:zlib';
import { connectSession } from '../src/node/index.ts';
import type { SessionClient } from '../src/session/session-client.ts';

/** The compressor settings of `--small-window`. */
const SMALL = { windowBits: 11, memLevel: 3 };

const GREETING = '* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE COMPRESS=DEFLATE] bench\r\n';

/** The child: a server that greets, answers LOGIN, COMPRESS and IDLE, and holds the connections. */
function serve(): void {
  const server = createServer((socket) => {
    socket.write(GREETING);
    let out: (s: string) => void = (s) => socket.write(s);
    let buf = '';
    const onLine = (line: string) => {
      const [tag, name] = line.split(' ');
      if (name === 'LOGIN') out(`${tag} OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE COMPRESS=DEFLATE] in\r\n`);
      else if (name === 'COMPRESS') {
        out(`${tag} OK DEFLATE active\r\n`);
        const d = createDeflateRaw();
        const i = createInflateRaw();
        socket.removeAllListeners('data');
        socket.on('data', (c) => i.write(c));
        i.on('data', onData);
        d.on('data', (c) => socket.write(c));
        out = (s) => {
          d.write(s);
          d.flush(constants.Z_SYNC_FLUSH);
        };
      } else if (name === 'IDLE') out('+ idling\r\n');
      else if (tag !== 'DONE') out(`${tag} OK\r\n`);
    };
    const onData = (c: Buffer) => {
      buf += c.toString('latin1');
      for (let k = buf.indexOf('\r\n'); k >= 0; k = buf.indexOf('\r\n')) {
        onLine(buf.slice(0, k));
        buf = buf.slice(k + 2);
      }
    };
    socket.on('data', onData);
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send?.(typeof a === 'object' && a !== null ? a.port : 0);
  });
}

async function main(): Promise<void> {
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1000);
  const small = process.argv.includes('--small-window');
  const compress = small || process.argv.includes('--compress');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  const child = fork(process.argv[1]!, ['--serve'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r(Number(m))));
  gc();
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage.rss();
  const sessions: SessionClient[] = [];
  const idles: Promise<unknown>[] = [];
  for (let k = 0; k < n; k += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, n - k) }, async () => {
        const s = await connectSession({ host: '127.0.0.1', port, ...(small && { compress: SMALL }) });
        await s.command({ name: 'LOGIN', username: 'u', password: 'p' });
        if (compress) await s.command({ name: 'COMPRESS', mechanism: 'DEFLATE' });
        idles.push(s.idle());
        return s;
      }),
    );
    sessions.push(...batch);
  }
  await new Promise((r) => setTimeout(r, 500));
  gc();
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const rss1 = process.memoryUsage.rss();
  const kib = (b: number) => (b / 1024).toFixed(1);
  console.log(
    `${n} idle sessions${compress ? ` with COMPRESS${small ? ' (windowBits 11, memLevel 3)' : ''}` : ''}: heap ${kib((heap1 - heap0) / n)} KiB each, RSS ${kib((rss1 - rss0) / n)} KiB each`,
  );
  for (const s of sessions) s.close();
  child.kill();
}

if (process.argv.includes('--serve')) serve();
else await main();
