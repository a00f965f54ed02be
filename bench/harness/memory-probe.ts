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

// Second run: what the parser keeps alive. Two full GCs before each sample (every 64 chunks;
// one is not enough for V8 to release the external memory of an ArrayBuffer it just freed)
// leaves only live memory, so garbage awaiting collection (released literal buffers: V8
// collects external memory lazily) does not count; this is what "no buffering of the whole
// stream" is checked against.
gc();
gc();
const liveBase = process.memoryUsage();
let live = 0;
const liveChunks = chunks.slice();
(liveChunks as { [Symbol.iterator]: () => Iterator<Uint8Array> })[Symbol.iterator] = function* (
  this: Uint8Array[],
) {
  for (let i = 0; i < this.length; i++) {
    if ((i & 63) === 0) {
      gc!();
      gc!();
      const m = process.memoryUsage();
      const v = m.heapUsed + m.external - liveBase.heapUsed - liveBase.external;
      if (v > live) live = v;
    }
    yield this[i]!;
  }
};
await adapter.parse(liveChunks);
console.log(
  JSON.stringify({
    heapPeak: heap - base.heapUsed,
    externalPeak: ext - base.external,
    rssPeak: rss,
    rssGrowth: rss - base.rss,
    livePeak: live,
  }),
);
