/**
 * Heap per idle watcher (issue #19: at most 64 KiB each): N `Watcher`s on the Node driver, each
 * logged in to the test Dovecot, INBOX selected and synced, pushing (NOTIFY or IDLE), in this one
 * process; the heap after a full GC with them all idle, less the heap before, over N. The
 * server's side is Dovecot's processes, not counted. Not part of `npm run bench` (a memory
 * probe against a real server, not a throughput figure).
 *
 *   test/interop/dovecot.sh start && test/interop/dovecot.sh seed
 *   node --expose-gc --import tsx bench/watcher-memory.ts [N=1000] [--idle]
 *
 * `--idle` makes them IDLE instead of NOTIFY. Environment: IMAP_WIRE_DOVECOT_PORT (1143).
 * Dovecot's test configuration allows 2,000 connections per user and address.
 *
 * Measured (Node 20, Dovecot 2.3.19.1, this 2-core VM): 1,000 watchers under NOTIFY, ready in
 * 63 s, 18.1 KiB of heap each, 32.3 KiB of RSS each.
 */

import type { DriverHandle } from '../src/driver/hooks.ts';
import { runNode } from '../src/node/index.ts';
import { Watcher } from '../src/session/watcher.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const push = args.includes('--idle') ? ('idle' as const) : ('auto' as const);
const port = Number(process.env['IMAP_WIRE_DOVECOT_PORT'] ?? 1143);

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

interface Running {
  watcher: Watcher;
  run: DriverHandle;
}

/** Starts one watcher; resolves once it is in sync and pushing. */
function start(): Promise<Running> {
  return new Promise((resolve, reject) => {
    const watcher = new Watcher({
      login: { username: 'carol', password: 'carol-pass' },
      push,
      fetchNew: 'none',
      backoff: { initial: 200, max: 2000 },
    });
    let ready = false;
    const run = runNode(watcher, {
      host: '127.0.0.1',
      port,
      onStep: () => {
        for (let e = watcher.pollEvent(); e; e = watcher.pollEvent()) {
          if (e.type === 'ready' && !ready) {
            ready = true;
            resolve({ watcher, run });
          } else if (e.type === 'error' && e.fatal) reject(new Error(e.message));
        }
      },
    });
  });
}

const before = heap();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const all: Running[] = [];
// In batches: Dovecot forks a process per connection on this 2-core machine.
for (let i = 0; i < n; i += 50) {
  const batch = await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => start()));
  all.push(...batch);
}
const started = performance.now() - t0;
// Let the pushes settle (Dovecot's STATUS after NOTIFY SET, the catch-up NOOP).
await new Promise((r) => setTimeout(r, 4000));
const after = heap();
const rss1 = process.memoryUsage().rss;
const modes = new Map<string, number>();
for (const { watcher } of all) modes.set(watcher.push, (modes.get(watcher.push) ?? 0) + 1);
const perHeap = (after - before) / n / 1024;
const perRss = (rss1 - rss0) / n / 1024;
console.log(
  `${n} watchers (${[...modes].map(([m, c]) => `${c} ${m}`).join(', ')}), ready in ${(started / 1000).toFixed(1)} s: ` +
    `${perHeap.toFixed(1)} KiB of heap each (target 64), ${perRss.toFixed(1)} KiB of RSS each`,
);
for (const { watcher, run } of all) {
  watcher.stop(run.now());
  run.wake();
}
await Promise.all(all.map((r) => r.run.done));
