/**
 * Starting and stopping the test Dovecot for an interop test file (test/interop/dovecot.sh).
 * A server that was already running before the file is left running.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.join(import.meta.dirname, 'dovecot.sh');

/** The port the test Dovecot listens on (127.0.0.1). */
export const PORT = Number(process.env['IMAP_WIRE_DOVECOT_PORT'] ?? 1143);

/** Runs `dovecot.sh ARGS`, with its output in the error when it fails. */
export function dovecot(args: string[], timeout: number): string {
  try {
    return execFileSync(SCRIPT, args, { encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${SCRIPT} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** True when the test Dovecot runs. */
export function isRunning(): boolean {
  try {
    execFileSync(SCRIPT, ['status'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Starts (first use may apt-get install dovecot-imapd) and seeds; returns whether it started it. */
export function startSeeded(): boolean {
  const startedHere = !isRunning();
  process.stderr.write(dovecot(['start'], 600_000));
  dovecot(['seed'], 120_000);
  return startedHere;
}

/** Stops the server if this file started it (and IMAP_WIRE_DOVECOT_KEEP is not 1). */
export function stopIfStarted(startedHere: boolean): void {
  if (startedHere && process.env['IMAP_WIRE_DOVECOT_KEEP'] !== '1') dovecot(['stop'], 60_000);
}
