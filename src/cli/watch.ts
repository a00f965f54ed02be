/**
 * `imap-wire watch`: a `Watcher` on the Node driver, its events printed as they come. Ctrl-C
 * (SIGINT) or SIGTERM logs out and exits 0; a fatal error (bad credentials, no STARTTLS) exits 1.
 */
import { runNode } from '../node/driver.ts';
import type { WatchEvent } from '../session/watch-events.ts';
import { Watcher } from '../session/watcher.ts';
import { formatWatchJson, formatWatchLine, parseWatchArgs } from './watch-format.ts';

/** What `runWatch` needs of the process (tests give their own). */
export interface WatchIo {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  readFile: (path: string) => string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Calls `stop` on Ctrl-C / SIGTERM; returns how to stop listening. */
  onInterrupt: (stop: () => void) => () => void;
  /** The wall clock for the printed times (default `new Date()`). */
  date?: () => Date;
}

const LATIN1 = new TextDecoder('latin1');

/** Runs until stopped; resolves with the exit code. Usage errors throw `UsageError`. */
export async function runWatch(io: WatchIo): Promise<number> {
  const args = parseWatchArgs(io.argv, io.env, io.readFile);
  const date = io.date ?? (() => new Date());
  const watcher = new Watcher({
    login: { username: args.user, password: args.password },
    mailboxes: args.mailboxes,
    starttls: args.starttls,
    compress: args.compress,
    ...(args.debug && {
      // The session redacts LOGIN's password and AUTHENTICATE's response before this sees them.
      log: (direction: 'C' | 'S', bytes: Uint8Array) => io.stderr(`${direction}: ${LATIN1.decode(bytes)}`),
    }),
  });
  let fatal = false;
  const print = (e: WatchEvent): void => {
    if (e.type === 'error' && e.fatal) fatal = true;
    if (args.json) io.stdout(`${formatWatchJson(e, date())}\n`);
    else {
      const line = formatWatchLine(e, date());
      if (line !== null) io.stdout(`${line}\n`);
    }
  };
  const run = runNode(watcher, {
    host: args.host,
    port: args.port,
    tls: args.tls,
    ...(args.insecure && { rejectUnauthorized: false }),
    onStep: () => {
      for (let e = watcher.pollEvent(); e !== null; e = watcher.pollEvent()) print(e);
    },
    onError: (err) => {
      if (args.debug) io.stderr(`imap-wire: ${err instanceof Error ? err.message : String(err)}\n`);
    },
  });
  const unlisten = io.onInterrupt(() => {
    watcher.stop(run.now());
    run.wake();
  });
  try {
    await run.done;
  } finally {
    unlisten();
  }
  for (let e = watcher.pollEvent(); e !== null; e = watcher.pollEvent()) print(e);
  return fatal ? 1 : 0;
}
