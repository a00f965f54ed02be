/**
 * The extension grammars are installed by an explicit call (src/parser/extensions.ts, called at
 * the end of src/parser/untagged.ts), not by an import kept for its side effects, and no
 * extension file imports untagged.ts at run time: they work whichever module loads first.
 * Only dynamic imports here, so that this file controls the order.
 */
import { expect, test } from 'vitest';

test('an extension file loaded before everything else still ends up registered', async () => {
  const { takeStatusResponse } = await import('../../src/parser/ext/status.ts');
  expect(typeof takeStatusResponse).toBe('function');
  const { parseResponse } = await import('../../src/index.ts');
  const r = parseResponse(new TextEncoder().encode('* STATUS INBOX (MESSAGES 2)\r\n'));
  expect(r).toMatchObject({ kind: 'status', mailbox: 'INBOX', attributes: { messages: 2 } });
});

test('installExtensions is idempotent', async () => {
  const { installExtensions } = await import('../../src/parser/extensions.ts');
  installExtensions(() => {
    throw new Error('installed twice');
  });
  const { parseResponse } = await import('../../src/index.ts');
  expect(parseResponse(new TextEncoder().encode('* VANISHED 3\r\n'))).toMatchObject({ kind: 'vanished' });
});
