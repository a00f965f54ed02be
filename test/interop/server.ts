/**
 * Starting and stopping the test Dovecot for an interop test file (test/interop/dovecot.sh): the
 * Dovecot entry of servers.ts under the names the Dovecot tests import.
 * A server that was already running before the file is left running.
 */
import * as servers from './servers.ts';

const DOVECOT = servers.SERVERS.dovecot;

/** The port the test Dovecot listens on (127.0.0.1). */
export const PORT = DOVECOT.port;

/** Runs `dovecot.sh ARGS`, with its output in the error when it fails. */
export function dovecot(args: string[], timeout: number): string {
  return servers.serverScript(DOVECOT, args, timeout);
}

/** True when the test Dovecot runs. */
export function isRunning(): boolean {
  return servers.isRunning(DOVECOT);
}

/** Starts (first use may apt-get install dovecot-imapd) and seeds; returns whether it started it. */
export function startSeeded(): boolean {
  return servers.startSeeded(DOVECOT);
}

/** Stops the server if this file started it (and IMAP_WIRE_DOVECOT_KEEP is not 1). */
export function stopIfStarted(startedHere: boolean): void {
  servers.stopIfStarted(DOVECOT, startedHere);
}
