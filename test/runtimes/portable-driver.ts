/**
 * The web-streams driver in the portable suite: a ClientSession run by `openSession` over an
 * in-memory pair of web streams, against a few lines of server written here, on every runtime
 * (Node, Deno, Bun, Chromium's page and worker). Web-standard only, like portable.ts.
 */
import { type Completion, type DriverHooks, openSession, type WebTransport } from '../../src/index.ts';
import type { PortableResult } from './portable.ts';

const te = new TextEncoder();
const td = new TextDecoder();

/**
 * A server on an in-memory pair: greets, answers NOOP with an EXISTS (one byte per write),
 * leaves CAPABILITY unanswered, answers LOGOUT with BYE and OK, then closes.
 */
function pair(): WebTransport {
  const buffered = { highWaterMark: Number.POSITIVE_INFINITY };
  const up = new TransformStream<Uint8Array, Uint8Array>(undefined, buffered, buffered);
  const down = new TransformStream<Uint8Array, Uint8Array>(undefined, buffered, buffered);
  void (async () => {
    const w = down.writable.getWriter();
    const r = up.readable.getReader();
    await w.write(te.encode('* OK [CAPABILITY IMAP4rev1] portable\r\n'));
    let buf = '';
    for (;;) {
      const { value, done } = await r.read();
      if (done) break;
      buf += td.decode(value);
      for (let i = buf.indexOf('\r\n'); i >= 0; i = buf.indexOf('\r\n')) {
        const [tag, name] = buf.slice(0, i).split(' ');
        buf = buf.slice(i + 2);
        if (name === 'NOOP')
          for (const b of te.encode(`* 7 EXISTS\r\n${tag} OK\r\n`)) await w.write(Uint8Array.of(b));
        else if (name === 'LOGOUT') {
          await w.write(te.encode(`* BYE\r\n${tag} OK bye\r\n`));
          await w.close();
          return;
        }
      }
    }
    await w.close().catch(() => {});
  })();
  return { readable: down.readable, writable: up.writable };
}

/** Runs the driver checks and adds them to the suite's result (group `driver`). */
export async function addDriverChecks(r: PortableResult): Promise<PortableResult> {
  const results: [string, string | true][] = [];
  const check = async (name: string, fn: () => Promise<string | true>): Promise<void> => {
    try {
      results.push([name, await fn()]);
    } catch (e) {
      results.push([name, `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`]);
    }
  };
  await check('NOOP in 1-byte writes, then LOGOUT', async () => {
    const imap = await openSession({ connect: async () => pair() });
    const noop = await imap.command({ name: 'NOOP' });
    const logout = await imap.command({ name: 'LOGOUT' });
    await imap.ended;
    const got = `${noop.status} ${noop.untagged.length} ${logout.status}`;
    return got === 'OK 0 OK' ? true : `got ${got}`;
  });
  await check('a CAPABILITY unanswered times out on a fake clock', async () => {
    let now = 0;
    let fire: (() => void) | undefined;
    const hooks: DriverHooks = {
      clock: () => now,
      setTimer: (fn) => {
        fire = fn;
      },
      clearTimer: () => {
        fire = undefined;
      },
    };
    const imap = await openSession({
      connect: async () => pair(),
      session: { commandTimeout: 1000 },
      ...hooks,
    });
    const pending: Promise<Completion> = imap.command({ name: 'CAPABILITY' });
    for (let i = 0; i < 100 && fire === undefined; i++) await new Promise((ok) => setTimeout(ok, 0));
    now = 1000;
    fire?.();
    const c = await pending;
    await imap.ended;
    return c.status === 'TIMEOUT' ? true : `got ${c.status}`;
  });
  let passed = r.passed;
  let failed = r.failed;
  const failures = [...r.failures];
  for (const [name, result] of results) {
    if (result === true) passed++;
    else {
      failed++;
      failures.push(`driver ${name}: ${result}`);
    }
  }
  return { ...r, passed, failed, failures, groups: { ...r.groups, driver: results.length } };
}
