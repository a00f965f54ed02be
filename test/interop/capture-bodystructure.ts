/**
 * Records fixtures/dovecot-interop/bodystructure.s2c.bin: the bytes Dovecot sends for
 * `FETCH 1:* (UID ENVELOPE BODYSTRUCTURE BODY)` in every folder of the seeded corpus (the
 * known-answer tests for the MIME shapes read it). Run against a freshly seeded server:
 *
 *   test/interop/dovecot.sh stop --clean; test/interop/dovecot.sh start; test/interop/dovecot.sh seed
 *   npx tsx test/interop/capture-bodystructure.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TestImapClient } from './client.ts';
import { PORT } from './server.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const folders = ['INBOX'];
for (const line of readFileSync(path.join(ROOT, 'fixtures/corpus/FOLDERS'), 'utf8').split('\n')) {
  if (line !== '' && !line.startsWith('#')) folders.push(line.split('\t')[0]!);
}

const client = await TestImapClient.connect({ port: PORT });
await client.command('LOGIN "alice" "alice-pass"');
const start = client.receivedLength;
for (const f of folders) {
  await client.command(`EXAMINE "${f}"`);
  await client.command('FETCH 1:* (UID ENVELOPE BODYSTRUCTURE BODY)');
}
await client.logout();
const bytes = client.receivedBytes().subarray(start);
writeFileSync(path.join(ROOT, 'fixtures/dovecot-interop/bodystructure.s2c.bin'), bytes);
console.log(`${bytes.length} bytes from ${folders.length} folders`);
