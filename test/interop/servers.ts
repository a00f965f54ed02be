/**
 * The three test servers of the interop project, each run by its own script on 127.0.0.1
 * (test/interop/dovecot.sh, cyrus.sh, courier.sh: start, seed, stop, restart, status), and what
 * the tests expect of them. A server that was already running before a test file is left running.
 *
 * Versions are Debian 12's: Dovecot 2.3.19.1, Cyrus IMAP 3.6.1, Courier-IMAP 5.0.13.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import type { SyncStrategy } from '../../src/session/resync.ts';

/** One of the test servers. */
export type ServerName = 'dovecot' | 'cyrus' | 'courier';

/** A test server and what the tests expect of it. */
export interface TestServer {
  name: ServerName;
  /** Plaintext IMAP on 127.0.0.1. */
  port: number;
  /** Its start/seed/stop/restart/status script. */
  script: string;
  /** Capabilities it advertises after LOGIN (a subset; upper case). */
  capabilities: readonly string[];
  /** Capabilities it does not have, which decide the push and resync paths. */
  lacks: readonly string[];
  /** How a client learns of changes: NOTIFY (RFC 5465) where offered, else IDLE. */
  push: 'notify' | 'idle';
  /** The best resync the server allows (session/snapshot.ts `chooseStrategy`). */
  resync: SyncStrategy;
  /** The personal namespace (RFC 2342): where a user's folders go and their separator. */
  prefix: string;
  separator: string;
  /**
   * The most a push may take after the change, with the configuration of its script (Dovecot
   * ~0.5 s, RENAME ~1.5 s under NOTIFY; Cyrus at once through idled; Courier at once through
   * Gamin, flag changes at the next 1 s poll).
   */
  pushWithinMs: number;
}

const here = import.meta.dirname;
const envPort = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** The servers, by name. */
export const SERVERS: Readonly<Record<ServerName, TestServer>> = {
  dovecot: {
    name: 'dovecot',
    port: envPort('IMAP_WIRE_DOVECOT_PORT', 1143),
    script: path.join(here, 'dovecot.sh'),
    capabilities: ['IDLE', 'NOTIFY', 'CONDSTORE', 'QRESYNC', 'UIDPLUS', 'ENABLE', 'LITERAL+', 'MOVE'],
    lacks: [],
    push: 'notify',
    resync: 'qresync',
    prefix: '',
    separator: '/',
    pushWithinMs: 3_000,
  },
  cyrus: {
    name: 'cyrus',
    port: envPort('IMAP_WIRE_CYRUS_PORT', 2143),
    script: path.join(here, 'cyrus.sh'),
    capabilities: ['IDLE', 'CONDSTORE', 'QRESYNC', 'UIDPLUS', 'ENABLE', 'LITERAL+', 'MOVE'],
    lacks: ['NOTIFY'],
    push: 'idle',
    resync: 'qresync',
    prefix: '',
    separator: '/',
    pushWithinMs: 2_000,
  },
  courier: {
    name: 'courier',
    port: envPort('IMAP_WIRE_COURIER_PORT', 3143),
    script: path.join(here, 'courier.sh'),
    capabilities: ['IDLE', 'UIDPLUS', 'ENABLE'],
    lacks: ['NOTIFY', 'CONDSTORE', 'QRESYNC', 'LITERAL+', 'MOVE'],
    push: 'idle',
    resync: 'full',
    prefix: 'INBOX.',
    separator: '.',
    pushWithinMs: 3_000,
  },
};

/** Every server, in the order the tests run them. */
export const ALL_SERVERS: readonly TestServer[] = [SERVERS.dovecot, SERVERS.cyrus, SERVERS.courier];

/** A folder name of the tests ("/" separated, no prefix) as this server names it. */
export function folderName(server: TestServer, name: string): string {
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : server.prefix + name.split('/').join(server.separator);
}

function failure(server: TestServer, args: string[], err: unknown): Error {
  const e = err as { stderr?: string; stdout?: string; message: string };
  return new Error(
    `${server.script} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`,
  );
}

/** Runs the server's script with `args` (blocking); its output, or an error holding it. */
export function serverScript(server: TestServer, args: string[], timeout: number): string {
  try {
    return execFileSync(server.script, args, {
      encoding: 'utf8',
      timeout,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    throw failure(server, args, err);
  }
}

/**
 * Runs the server's script without blocking the event loop: for a restart in the middle of a
 * test whose proxy and writer run in the same process.
 */
export function serverScriptAsync(server: TestServer, args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(server.script, args, { encoding: 'utf8', timeout }, (err, stdout, stderr) => {
      if (err) reject(failure(server, args, Object.assign(err, { stdout, stderr })));
      else resolve(stdout);
    });
  });
}

/** True when the server runs. */
export function isRunning(server: TestServer): boolean {
  try {
    execFileSync(server.script, ['status'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (the first start may apt-get install and unpack the packages) and seeds the server;
 * returns whether it started it.
 */
export function startSeeded(server: TestServer): boolean {
  const startedHere = !isRunning(server);
  process.stderr.write(serverScript(server, ['start'], 600_000));
  serverScript(server, ['seed'], 120_000);
  return startedHere;
}

/** Stops the server if this file started it (and IMAP_WIRE_KEEP_SERVERS is not 1). */
export function stopIfStarted(server: TestServer, startedHere: boolean): void {
  const keep =
    process.env['IMAP_WIRE_KEEP_SERVERS'] === '1' ||
    (server.name === 'dovecot' && process.env['IMAP_WIRE_DOVECOT_KEEP'] === '1');
  if (startedHere && !keep) serverScript(server, ['stop'], 60_000);
}

/** Stops and starts the server on the same state: every session is dropped, mail and UIDs stay. */
export function restartServer(server: TestServer): Promise<string> {
  return serverScriptAsync(server, ['restart'], 120_000);
}
