/**
 * One workload, one parser, nothing else in the process: `new ResponseDecoder().push(chunk)`
 * over the workload's bytes (generated as the suite generates them), best and median of N runs.
 * For profiling (`node --cpu-prof --import tsx bench/loop.ts …`) and for reading the suite's
 * numbers: in bench/run.ts the same loop shares its process with every corpus and peer, and its
 * MB/s are lower (see bench/profile-notes.md).
 *
 *   npx tsx bench/loop.ts envelope-bodystructure [chunk=65536] [runs=21]
 */
import { WORKLOADS } from '../src/testing/corpus/index.ts';
import { splitChunks } from './harness/chunks.ts';

const [name = 'flags-sync', chunkArg = '65536', runsArg = '21'] = process.argv.slice(2);
const generate = WORKLOADS[name];
if (!generate) throw new Error(`no workload ${name}: ${Object.keys(WORKLOADS).join(', ')}`);
const DIST = new URL('../dist/index.js', import.meta.url);
const { ResponseDecoder } = (await import(DIST.href)) as typeof import('../src/index.ts');
const bytes = generate(1).bytes;
const size = Number(chunkArg);
const chunks = splitChunks(bytes, size, 'uint8array');
let items = 0;
const run = (): void => {
  const dec = new ResponseDecoder();
  for (const c of chunks) items += dec.push(c).length;
};
for (let i = 0; i < 3; i++) run();
const ms: number[] = [];
for (let i = 0; i < Number(runsArg); i++) {
  const t0 = performance.now();
  run();
  ms.push(performance.now() - t0);
}
ms.sort((a, b) => a - b);
const mbps = (t: number): string => (bytes.length / 1e3 / t).toFixed(1);
console.log(
  `${name} @${size}: best ${mbps(ms[0]!)} MB/s, median ${mbps(ms[ms.length >> 1]!)} MB/s (${ms.length} runs, ${items} items)`,
);
