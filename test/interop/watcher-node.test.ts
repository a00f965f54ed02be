/**
 * Interop, the Watcher (push mail) run by the Node driver against a real Dovecot
 * (test/interop/dovecot.sh): it asks for its connection, STARTTLS and COMPRESS=DEFLATE go
 * through the driver; a second connection appends a message to bob's INBOX and the watcher
 * reports it (a `new` event, then its summary); `doveadm kick` drops it, it reconnects and
 * reports the message appended meanwhile; stop logs out.
 *
 *   npx vitest run --project interop test/interop/watcher-node.test.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectSession, runNode } from '../../src/node/index.ts';
import type { WatchEvent } from '../../src/session/watch-events.ts';
import { Watcher } from '../../src/session/watcher.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

const STATE = process.env['IMAP_WIRE_DOVECOT_STATE_DIR'] ?? '/tmp/imap-wire-dovecot';
let startedHere = false;
let ca = '';

beforeAll(() => {
  startedHere = startSeeded();
  ca = readFileSync(path.join(STATE, 'tls', 'cert.pem'), 'utf8');
});
afterAll(() => stopIfStarted(startedHere));

let events: WatchEvent[] = [];
async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; events: ${events.map((e) => e.type).join(' ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('STARTTLS, COMPRESS, a new message pushed, a reconnect, stop', async () => {
  events = [];
  let lastHeard = Date.now();
  const w = new Watcher({
    login: { username: 'bob', password: 'bob-pass' },
    starttls: true,
    compress: true,
    log: (direction) => {
      if (direction === 'S') lastHeard = Date.now();
    },
  });
  // Dovecot 2.3 does not watch the selected mailbox while a command runs and for 1 s after (see
  // notify.test.ts): a change in that window is pushed only with the next one. Changes wait for
  // a quiet watcher: past the catch-up NOOP it sends 1.5 s after news, and past that NOOP's window.
  const settle = () => until(() => Date.now() - lastHeard > 2800, 'a quiet watcher');
  const run = runNode(w, {
    host: '127.0.0.1',
    port: PORT,
    ca,
    servername: 'localhost',
    onStep: () => {
      for (let e = w.pollEvent(); e !== null; e = w.pollEvent()) events.push(e);
    },
  });
  await until(() => events.some((e) => e.type === 'ready'), 'ready');
  const ready = events.find((e) => e.type === 'ready');
  expect(ready).toMatchObject({ mailbox: 'INBOX' });

  // A connection of its own per change: `doveadm kick` below drops every connection of bob's.
  const appendOne = async (): Promise<string> => {
    const writer = await connectSession({ host: '127.0.0.1', port: PORT });
    await writer.command({ name: 'LOGIN', username: 'bob', password: 'bob-pass' });
    const subject = `driver ${randomBytes(4).toString('hex')}`;
    const content = new TextEncoder().encode(
      `From: a@example.org\r\nTo: bob@example.org\r\nSubject: ${subject}\r\n\r\nHello from the driver test.\r\n`,
    );
    const append = await writer.command({ name: 'APPEND', mailbox: 'INBOX', messages: [{ content }] });
    expect(append.status).toBe('OK');
    await writer.logout();
    return subject;
  };
  const reported = (subject: string) => () =>
    events.some((e) => e.type === 'message' && e.summary.envelope?.subject === subject);

  await settle();
  await until(reported(await appendOne()), 'the new message');

  // The server drops the watcher's connection: it reconnects (STARTTLS and COMPRESS again) and
  // catches up on a message appended meanwhile.
  const readies = events.filter((e) => e.type === 'ready').length;
  execFileSync('doveadm', ['-c', path.join(STATE, 'dovecot.conf'), 'kick', 'bob', '127.0.0.1'], {
    stdio: 'ignore',
  });
  await until(() => events.some((e) => e.type === 'disconnected'), 'the drop');
  const meanwhile = await appendOne();
  await until(() => events.filter((e) => e.type === 'ready').length > readies, 'ready again');
  await until(reported(meanwhile), 'the message appended while away');

  w.stop(run.now());
  run.wake();
  await run.done;
  expect(events.at(-1)).toEqual({ type: 'stopped' });
  expect(events.filter((e) => e.type === 'error')).toEqual([]);
});
