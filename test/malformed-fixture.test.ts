/**
 * fixtures/malformed/real-servers.s2c.bin: one malformed response per shape real servers send
 * (fixtures/malformed/README.md names the quirk and the source of each), against its golden
 * JSON, decoded whole, one byte per push and split at every position. The last line is a
 * sentinel: whatever came before, it must still decode. In strict mode every shape but the
 * grammar ones is an error, and the sentinel still decodes.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ResponseDecoder } from '../src/index.ts';
import { asJson, decodeAllWays, decodeChunks } from './helpers/decode.ts';

const bytes = new Uint8Array(readFileSync('fixtures/malformed/real-servers.s2c.bin'));
const golden = readFileSync('fixtures/malformed/real-servers.golden.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l));
const SENTINEL = { type: 'tagged', tag: 'A99', status: 'OK', text: 'sentinel' };

test('decodes to its golden JSON, whole, byte by byte and split anywhere, without an error', () => {
  const items = decodeAllWays(bytes, {}, bytes.length);
  expect(asJson(items)).toEqual(golden);
  expect(items.filter((i) => i.type === 'error')).toEqual([]);
  expect(golden.at(-1)).toEqual(SENTINEL);
});

test('one response per line of the README table, each counted as its quirk', () => {
  const table = readFileSync('fixtures/malformed/README.md', 'utf8')
    .split('\n')
    .filter((l) => /^\| \d+ \|/.test(l));
  expect(table).toHaveLength(golden.length);
  const dec = new ResponseDecoder();
  dec.push(bytes);
  for (const row of table) {
    const quirk = /`([A-Za-z0-9]+)`/.exec(row)?.[1];
    if (quirk !== undefined) expect(dec.quirks.get(quirk as never), row).toBeGreaterThanOrEqual(1);
  }
});

test('strict mode: an error per quirk, the grammar shapes decoded, and the sentinel still decodes', () => {
  const items = decodeChunks([bytes.slice()], { strict: true });
  expect(items).toHaveLength(golden.length);
  expect(asJson(items.slice(-1))).toEqual([SENTINEL]);
  const errors = items.filter((i) => i.type === 'error');
  // All but the sentinel and the two grammar cases (a "[" in a code's text, BODY with extensions).
  expect(errors).toHaveLength(golden.length - 3);
});
