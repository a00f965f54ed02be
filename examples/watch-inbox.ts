/**
 * Push mail in a few lines: connect, watch INBOX, print each new message's sender, subject and
 * preview as it arrives, log out on Ctrl-C (or after WATCH_SECONDS). Against the test Dovecot:
 *
 *   test/interop/dovecot.sh start && test/interop/dovecot.sh seed
 *   IMAP_PASSWORD=carol-pass npx tsx examples/watch-inbox.ts
 *
 * Environment: IMAP_HOST (127.0.0.1), IMAP_PORT (1143), IMAP_USER (carol), IMAP_PASSWORD,
 * WATCH_SECONDS (none: until Ctrl-C). In an application, import from 'imap-wire' and
 * 'imap-wire/node' instead of the sources.
 */
import { Watcher } from '../src/index.ts';
import { runNode } from '../src/node/index.ts';

const watcher = new Watcher({
  login: { username: process.env['IMAP_USER'] ?? 'carol', password: process.env['IMAP_PASSWORD'] ?? '' },
  mailboxes: ['INBOX'],
});
const run = runNode(watcher, {
  host: process.env['IMAP_HOST'] ?? '127.0.0.1',
  port: Number(process.env['IMAP_PORT'] ?? 1143),
  onStep: () => {
    for (let e = watcher.pollEvent(); e; e = watcher.pollEvent()) {
      if (e.type === 'ready') console.log(`watching ${e.mailbox} (${e.push}): ${e.exists} messages`);
      else if (e.type === 'message') {
        const from = e.summary.envelope?.from?.[0];
        const sender = from && 'mailbox' in from ? `${from.mailbox}@${from.host}` : '?';
        console.log(
          `new #${e.uid} from ${sender}: ${e.summary.envelope?.subject} — ${e.summary.preview ?? ''}`,
        );
      } else if (e.type === 'expunge') console.log(`expunged #${e.uid}`);
      else if (e.type === 'flags') console.log(`#${e.uid} is now (${e.flags.join(' ')})`);
      else if (e.type === 'disconnected') console.log(`disconnected (${e.reason})`);
      else if (e.type === 'error') console.log(`${e.fatal ? 'fatal' : 'warning'}: ${e.message}`);
    }
  },
});
const stop = (): void => {
  watcher.stop(run.now());
  run.wake();
};
process.on('SIGINT', stop);
const seconds = Number(process.env['WATCH_SECONDS'] ?? 0);
if (seconds > 0) setTimeout(stop, seconds * 1000).unref();
await run.done;
console.log('logged out');
