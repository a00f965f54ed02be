/**
 * The push-mail soak of issue #19: a watcher under test connects through the chaos proxy to a
 * real server while the writer (a second connection, straight to the server) makes N changes;
 * the proxy cuts the watcher's connection at random points (armed cuts: after a random number of
 * further bytes, so they land inside IDLE, inside a literal, inside a FETCH; every third one in
 * the next connection, inside its resync; every fifth cut also refuses connections for a second,
 * the server "down"), and the server is restarted.
 * Then the watcher's event log is compared with the writer's change log (change-log.ts).
 *
 *   tsx test/interop/soak.ts [--server dovecot|cyrus|courier|all] [--changes 1000] [--cuts 20]
 *                            [--restarts 1] [--seed 1] [--delay-ms 15] [--trace FILE]
 *                            [--watcher stand-in|real]
 *
 * prints one JSON line per server: {server, changes, cuts, restarts, lost, duplicated, …} and
 * exits 1 unless everything was reported once. The watcher is a parameter (`startWatcher`): the
 * stand-in of idle-watcher.ts (IDLE, reconnect, resync; it hears of no rename, so renames are not
 * compared), or with `--watcher real` the project's Watcher on the Node driver (real-watcher.ts;
 * renames compared where it has NOTIFY).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareLogs, type WatchedEvent } from './change-log.ts';
import { ChaosProxy } from './chaos-proxy.ts';
import { quote, TestImapClient } from './client.ts';
import { type CutSite, cutSite } from './cut-site.ts';
import { type StartWatcher, startIdleWatchers, type WatcherOptions } from './idle-watcher.ts';
import { startRealWatchers } from './real-watcher.ts';
import { seededRandom } from './seeded-random.ts';
import {
  ALL_SERVERS,
  folderName,
  isRunning,
  restartServer,
  SERVERS,
  type ServerName,
  serverScript,
  stopIfStarted,
  type TestServer,
} from './servers.ts';
import { Writer } from './writer.ts';

/** The contract a watcher under test meets (idle-watcher.ts holds the stand-in). */
export type { StartWatcher, WatcherHandle, WatcherOptions } from './idle-watcher.ts';

export interface SoakOptions {
  server: TestServer;
  startWatcher: StartWatcher;
  /** Changes the writer makes (default 1000). */
  changes?: number;
  /** Cuts of the watcher's connection (default 20). */
  cuts?: number;
  /** Server restarts (default 1). */
  restarts?: number;
  seed?: number;
  /** The writer's pause between changes, ms (default 15). */
  delayMs?: number;
  /** Watched mailboxes, made fresh for the run (default 2). */
  mailboxes?: number;
  /** Compare renames (`exact`, the default) or not (a watcher that hears of none). */
  renames?: 'exact' | 'ignore';
  user?: string;
  password?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Every byte the watcher's connections carry (WatcherOptions.trace). */
  trace?: WatcherOptions['trace'];
}

export interface SoakResult {
  server: ServerName;
  changes: number;
  cuts: number;
  /** Where the cuts fell (cut-site.ts). */
  cutSites: Partial<Record<CutSite, number>>;
  restarts: number;
  lost: number;
  duplicated: number;
  phantom: number;
  resets: number;
  inconsistent: number;
  events: number;
  writerReconnects: number;
  seconds: number;
  /** The comparison's findings (empty when clean), at most 50. */
  details: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Change indices at which to act: `n` distinct ones in [from, to), ascending. */
function pickIndices(rng: ReturnType<typeof seededRandom>, n: number, from: number, to: number): number[] {
  const out = new Set<number>();
  const span = Math.max(1, to - from);
  while (out.size < Math.min(n, span)) out.add(from + rng.int(0, span - 1));
  return [...out].sort((a, b) => a - b);
}

/**
 * Runs the soak against a running server (start it with its script first).
 *
 * @example
 * ```ts
 * const r = await runSoak({ server: SERVERS.cyrus, startWatcher: startIdleWatchers, renames: 'ignore' });
 * // { server: 'cyrus', changes: 1000, cuts: 20, restarts: 1, lost: 0, duplicated: 0, … }
 * ```
 */
export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const server = opts.server;
  const log = opts.log ?? (() => {});
  const changesWanted = opts.changes ?? 1000;
  const cutsWanted = opts.cuts ?? 20;
  const restartsWanted = opts.restarts ?? 1;
  const seed = opts.seed ?? 1;
  const user = opts.user ?? 'carol';
  const password = opts.password ?? `${user}-pass`;
  const rng = seededRandom(seed ^ 0x5eed);
  const run = randomBytes(3).toString('hex');
  const mailboxes = Array.from({ length: opts.mailboxes ?? 2 }, (_, i) =>
    folderName(server, `soak-${run}-${String.fromCharCode(97 + i)}`),
  );
  const other = folderName(server, `soak-${run}-other`);
  const t0 = Date.now();

  // fresh mailboxes
  const admin = await TestImapClient.connect({ port: server.port });
  await admin.command(`LOGIN ${quote(user)} ${quote(password)}`);
  for (const m of mailboxes) {
    const r = await admin.command(`CREATE ${quote(m)}`);
    if (r.status !== 'OK') throw new Error(`CREATE ${m}: ${r.response.line}`);
  }
  await admin.logout();

  // cuts and restarts at seeded change indices, the restart in the middle half
  const cutAt = pickIndices(rng, cutsWanted, 1, changesWanted);
  const restartAt = pickIndices(
    rng,
    restartsWanted,
    Math.floor(changesWanted / 4),
    Math.max(Math.floor(changesWanted / 4) + 1, Math.floor((changesWanted * 3) / 4)),
  );
  const proxy = await ChaosProxy.start({ port: server.port, seed });
  let restarts = 0;
  const pending: Promise<unknown>[] = [];
  let armed = 0;
  let done = 0;
  const onChange = (): void => {
    done++;
    while (armed < cutAt.length && cutAt[armed]! <= done) {
      armed++;
      // Every third cut waits for the next connection and falls 0.5–2.5 KB into it (both ways
      // counted): about where LOGIN ends and the resync runs (SELECT at 0.5–1 KB with the three
      // servers; a QRESYNC answer is short, a full UID FETCH of a few dozen messages ~2 KB).
      if (armed % 3 === 0) proxy.armCut(500, 2_500, { next: true });
      else proxy.armCut(1, 4_000);
      if (armed % 5 === 0) proxy.refuse(1_000);
    }
    if (restartAt.includes(done)) {
      log(`[${server.name}] restarting the server after change ${done}`);
      pending.push(
        restartServer(server).then(
          () => {
            restarts++;
            log(`[${server.name}] restarted`);
          },
          (err: unknown) => log(`[${server.name}] restart failed: ${String(err)}`),
        ),
      );
    }
  };

  const writer = new Writer({
    port: server.port,
    user,
    password,
    mailboxes,
    renameMailbox: other,
    changes: changesWanted,
    seed,
    delayMs: opts.delayMs ?? 15,
    // Dovecot 2.3.19's NOTIFY coalesces renames made within ~1.5 s (writer.ts minRenameGapMs).
    minRenameGapMs: server.push === 'notify' ? 2_500 : 0,
    onChange,
  });
  const initial = await writer.start();

  const events: WatchedEvent[] = [];
  const watcher = await opts.startWatcher({
    port: proxy.port,
    user,
    password,
    mailboxes,
    onEvent: (e) => {
      events.push(e);
      opts.trace?.(
        e.mailbox,
        'C',
        new TextEncoder().encode(
          `# event ${JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}\n`,
        ),
      );
    },
    ...(opts.trace && { trace: opts.trace }),
  });
  log(`[${server.name}] watching ${mailboxes.join(', ')} through 127.0.0.1:${proxy.port}`);

  const changes = await writer.run();
  await Promise.all(pending);
  // Armed cuts left over (a connection that carried too little after arming): cut now, so that
  // the watcher has to resync the end of the run too.
  while (proxy.stats.cuts < cutsWanted) {
    await watcher.settled();
    proxy.cut(1);
    await sleep(300);
  }
  proxy.accept();
  await watcher.settled();
  await sleep(server.pushWithinMs + 1_000);
  await watcher.settled();
  const final = await writer.contents();
  await watcher.stop();
  await writer.close();
  await proxy.close();

  const r = compareLogs(changes, events, { initial, final }, { renames: opts.renames ?? 'exact' });
  const cutSites: Partial<Record<CutSite, number>> = {};
  for (const c of proxy.cutLog) {
    const site = cutSite(c);
    cutSites[site] = (cutSites[site] ?? 0) + 1;
  }
  // clean up
  const c = await TestImapClient.connect({ port: server.port });
  await c.command(`LOGIN ${quote(user)} ${quote(password)}`);
  for (const m of [...mailboxes, writer.renamedMailbox ?? other]) await c.command(`DELETE ${quote(m)}`);
  await c.logout();

  return {
    server: server.name,
    changes: changes.length,
    cuts: proxy.stats.cuts,
    cutSites,
    restarts,
    lost: r.lost,
    duplicated: r.duplicated,
    phantom: r.phantom,
    resets: r.resets,
    inconsistent: r.inconsistent,
    events: events.length,
    writerReconnects: writer.reconnects,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    details: r.details.slice(0, 50),
  };
}

/** A trace file: one line per chunk, `time who C|S escaped-bytes`. */
function traceTo(file: string): NonNullable<SoakOptions['trace']> {
  const out = createWriteStream(file);
  return (who, dir, bytes) => {
    out.write(`${Date.now()} ${who} ${dir} ${JSON.stringify(Buffer.from(bytes).toString('latin1'))}\n`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string', default: 'all' },
      changes: { type: 'string', default: '1000' },
      cuts: { type: 'string', default: '20' },
      restarts: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'delay-ms': { type: 'string', default: '15' },
      trace: { type: 'string' },
      watcher: { type: 'string', default: 'stand-in' },
    },
  });
  const servers =
    values.server === 'all' ? ALL_SERVERS : [SERVERS[values.server as ServerName] ?? ALL_SERVERS[0]!];
  let failed = false;
  for (const server of servers) {
    const startedHere = !isRunning(server);
    if (startedHere) process.stderr.write(serverScript(server, ['start'], 600_000));
    try {
      const r = await runSoak({
        server,
        ...(values.watcher === 'real'
          ? { startWatcher: startRealWatchers, renames: server.push === 'notify' ? 'exact' : 'ignore' }
          : { startWatcher: startIdleWatchers, renames: 'ignore' }),
        changes: Number(values.changes),
        cuts: Number(values.cuts),
        restarts: Number(values.restarts),
        seed: Number(values.seed),
        delayMs: Number(values['delay-ms']),
        log: (l) => console.error(l),
        ...(values.trace !== undefined && { trace: traceTo(values.trace) }),
      });
      console.log(JSON.stringify(r));
      if (r.lost + r.duplicated + r.phantom + r.resets + r.inconsistent > 0) failed = true;
    } finally {
      stopIfStarted(server, startedHere);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  });
}
