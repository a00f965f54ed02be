/**
 * The push-mail soak (issue #19) in `npm run test:interop`: on each server, the project's Watcher
 * on the Node driver (real-watcher.ts) follows two fresh mailboxes through a chaos proxy while a
 * second connection makes 1,000 changes (appends, flag changes, expunges; renames on Dovecot,
 * whose NOTIFY reports them), the proxy cuts the watcher's connection 20 times (inside IDLE,
 * literals, FETCHes and resyncs) and the server restarts once (soak.ts). The watcher's event log
 * is then compared with the writer's change log and the server's final state (change-log.ts).
 *
 *   npx vitest run --project interop test/interop/soak.test.ts
 *   npx tsx test/interop/soak.ts --server dovecot --watcher real --seed 1   # one server, by hand
 *
 * Each result is printed. Lost changes, phantom events, resets and inconsistencies must be zero.
 * Duplicates are printed and bounded (1 % of the changes), not yet required to be zero: two
 * kinds were seen on this VM, depending on timing, and are not yet explained (a rename on
 * Dovecot reported again after a reconnect, 0–2 a run; the same flag set twice in a row for a
 * UID on Cyrus, 0–5 a run). Issue #19 stays open on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealWatchers } from './real-watcher.ts';
import { ALL_SERVERS, startSeeded, stopIfStarted } from './servers.ts';
import { runSoak } from './soak.ts';

for (const server of ALL_SERVERS) {
  describe(`soak on ${server.name}`, () => {
    let startedHere = false;
    beforeAll(() => {
      startedHere = startSeeded(server);
    }, 600_000);
    afterAll(() => stopIfStarted(server, startedHere), 120_000);

    it('1,000 changes, 20 cuts, a restart: nothing lost, nothing made up', async () => {
      const r = await runSoak({
        server,
        startWatcher: startRealWatchers,
        renames: server.push === 'notify' ? 'exact' : 'ignore',
        changes: 1000,
        cuts: 20,
        restarts: 1,
        seed: 1,
      });
      process.stderr.write(`soak ${JSON.stringify(r)}\n`);
      expect(r.changes).toBeGreaterThanOrEqual(1000);
      expect(r.cuts).toBe(20);
      expect(r.restarts).toBe(1);
      expect({ lost: r.lost, phantom: r.phantom, resets: r.resets, inconsistent: r.inconsistent }).toEqual({
        lost: 0,
        phantom: 0,
        resets: 0,
        inconsistent: 0,
      });
      // Not yet zero (see above): bounded at 1 % of the changes until explained.
      expect(r.duplicated).toBeLessThanOrEqual(r.changes / 100);
    }, 600_000);
  });
}
