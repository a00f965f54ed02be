/** Child-process entry of ./memory.ts: `memory-probe.ts CORPUS_FILE ADAPTER CHUNK`. */
import { readFileSync } from 'node:fs';
import { loadAdapters } from '../adapters/index.ts';
import { splitChunks } from './chunks.ts';

const [file, name, chunkArg] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!file || !name || !chunkArg || !gc) {
  console.error('usage: node --expose-gc --import tsx memory-probe.ts CORPUS_FILE ADAPTER CHUNK');
  process.exit(2);
}
const { adapters, missing } = await loadAdapters([name]);
const adapter = adapters[0];
if (!adapter) {
  console.error(missing[0]?.reason ?? `no adapter ${name}`);
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const chunks = splitChunks(bytes, Number(chunkArg), adapter.input);

gc();
gc();
const base = process.memoryUsage();
let heap = base.heapUsed;
let ext = base.external;
let rss = base.rss;
const sample = (): void => {
  const m = process.memoryUsage();
  if (m.heapUsed > heap) heap = m.heapUsed;
  if (m.external > ext) ext = m.external;
  if (m.rss > rss) rss = m.rss;
};
const hooked = chunks.slice();
(hooked as { [Symbol.iterator]: () => Iterator<Uint8Array> })[Symbol.iterator] = function* (
  this: Uint8Array[],
) {
  for (let i = 0; i < this.length; i++) {
    if ((i & 15) === 0) sample();
    yield this[i]!;
  }
};
const timer = setInterval(sample, 1);
await adapter.parse(hooked);
sample();
clearInterval(timer);
console.log(
  JSON.stringify({
    heapPeak: heap - base.heapUsed,
    externalPeak: ext - base.external,
    rssPeak: rss,
    rssGrowth: rss - base.rss,
  }),
);
