/**
 * Property test of unseenCount() against imap-wire/testing's scripted fake server: for any
 * mailbox name (8-bit, quotes, "&", CR/LF-free), any count and any chunking of the answer, the
 * command the server reads names that mailbox and the function returns that count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fakeServer } from 'imap-wire/testing';
import { unseenCount } from './unseen.js';

const mailboxName = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n\0]/.test(s));

test('unseenCount: the count the server sends, for any name and any chunking', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(
      mailboxName,
      fc.nat(),
      fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 4 }),
      async (mailbox, unseen, chunks) => {
        runs++;
        const { client, server } = fakeServer([
          {
            expect: (_line, r) => r.parsed?.command.name === 'STATUS' && r.parsed.command.mailbox === mailbox,
            // Echo the mailbox argument as the client wrote it (atom, quoted or literal).
            send: (r) => {
              const arg = r.text.slice('STATUS '.length, r.text.lastIndexOf(' ('));
              return [`* STATUS ${arg} (UNSEEN ${unseen})\r\n`, '{tag} OK STATUS completed\r\n'];
            },
            chunks,
          },
        ]);
        assert.equal(await unseenCount(client, mailbox), unseen);
        await server.finished;
      },
    ),
    { numRuns: 200 },
  );
  assert.equal(runs >= 200, true);
});

test('an unexpected command fails the fake server run', async () => {
  const { client, server } = fakeServer([{ expect: 'NOOP', send: '{tag} OK\r\n' }]);
  await assert.rejects(unseenCount(client, 'INBOX'), /STATUS failed|closed/);
  await assert.rejects(server.finished, /expected "NOOP", got "A1 STATUS INBOX \(UNSEEN\)"/);
});
