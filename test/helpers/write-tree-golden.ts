/**
 * Writes fixtures/golden/trees.json (./tree-golden.ts) from a build of the decoder, normally the
 * commit before a parser change:
 *
 *   npx tsx test/helpers/write-tree-golden.ts /tmp/base/dist/index.js
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ImapWire from '../../src/index.ts';
import { digest, GOLDEN_FILE, treeSources, treesOf } from './tree-golden.ts';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: npx tsx test/helpers/write-tree-golden.ts BASE_DIST');
  process.exit(2);
}
const api = (await import(pathToFileURL(resolve(dist)).href)) as typeof ImapWire;
const golden: Record<string, unknown> = {};
for (const { name, bytes } of treeSources()) {
  const trees = treesOf(new api.ResponseDecoder().push(bytes) as never);
  golden[name] = digest(trees);
  console.log(`${name}: ${trees.length} trees`);
}
writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 1)}\n`);
