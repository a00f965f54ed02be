/**
 * The project's `Watcher` (src/session/watcher.ts) on the Node driver (`runNode`) as a soak
 * watcher (soak.ts `StartWatcher`): one Watcher per watched mailbox, its mailbox events passed on
 * as they are (they are the tracker's, with the mailbox added).
 *
 * A rename is a personal-namespace event that every Watcher under NOTIFY hears: it is taken from
 * the first Watcher only; a `mailbox` event
 * one watcher already passed on (same change, names) is not passed on again, so that one rename
 * is one event, heard by whichever watcher was connected.
 */
import { runNode } from '../../src/node/driver.ts';
import type { WatchEvent } from '../../src/session/watch-events.ts';
import { Watcher } from '../../src/session/watcher.ts';
import type { WatchedEvent } from './change-log.ts';
import type { StartWatcher } from './idle-watcher.ts';

const TRACKER_EVENTS = new Set(['new', 'expunge', 'flags', 'reset', 'synced', 'mailbox', 'inconsistent']);

/**
 * @example
 * ```ts
 * await runSoak({ server: SERVERS.dovecot, startWatcher: startRealWatchers });
 * ```
 */
export const startRealWatchers: StartWatcher = async (opts) => {
  const passed = new Set<string>();
  const runs = opts.mailboxes.map((mailbox, index) => {
    const watcher = new Watcher({
      login: { username: opts.user, password: opts.password },
      mailboxes: [mailbox],
      // short waits: the soak cuts often and wants the catch-up soon
      backoff: { initial: 100, max: 2_000 },
      ...(process.env['SOAK_PUSH'] === 'idle' && { push: 'idle' as const }),
      ...(opts.trace && { log: (dir: 'C' | 'S', b: Uint8Array) => opts.trace?.(`${mailbox}`, dir, b) }),
    });
    let ready = false;
    const handle = runNode(watcher, {
      host: opts.host ?? '127.0.0.1',
      port: opts.port,
      onStep: () => {
        for (const e of watcher.takeEvents() as WatchEvent[]) {
          if (e.type === 'ready') ready = true;
          else if (e.type === 'disconnected' || e.type === 'connecting') ready = false;
          if (!TRACKER_EVENTS.has(e.type)) continue;
          // Each Watcher follows one mailbox and hears the whole namespace: the namespace's
          // news (renames, creations, deletions, live or found by its LIST after a reconnect)
          // is taken from the first one only, as one watcher of all mailboxes would report it.
          if (e.type === 'mailbox' && e.change !== 'status' && index > 0) continue;
          if (e.type === 'mailbox') {
            const key = `${e.change} ${e.change === 'renamed' ? e.oldName : ''} ${e.mailbox}`;
            if (e.change !== 'status' && passed.has(key)) continue;
            passed.add(key);
          }
          opts.onEvent(e as WatchedEvent);
        }
      },
    });
    return { watcher, handle, isReady: () => ready };
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const allReady = async (): Promise<void> => {
    while (!runs.every((r) => r.isReady())) await sleep(50);
  };
  // In sync, then past Dovecot's NOTIFY window (a change within ~1 s of a command is pushed
  // only with the next one), then a check (the NOOP a client's refresh sends) and its answer.
  const settled = async (): Promise<void> => {
    await allReady();
    await sleep(1600);
    for (const r of runs) {
      r.watcher.check(r.handle.now());
      r.handle.wake();
    }
    await sleep(500);
    await allReady();
  };
  await allReady();
  return {
    settled,
    stop: async () => {
      for (const r of runs) {
        r.watcher.stop(r.handle.now());
        r.handle.wake();
      }
      await Promise.race([
        Promise.all(runs.map((r) => r.handle.done)),
        new Promise((r) => setTimeout(r, 5_000)),
      ]);
      for (const r of runs) r.handle.close();
    },
  };
};
