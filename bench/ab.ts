/**
 * Two builds of imap-wire in one process, alternated on the same chunks of one workload: the
 * paired comparison the profile notes quote ("paired time ratio"). On this shared VM the speed
 * drifts 30-50 % within minutes, so two builds timed in separate processes (bench/loop.ts) can
 * differ by more than any change does; alternating them in one process lets the drift reach both.
 *
 *   npx tsx bench/ab.ts BASE_DIST [NEW_DIST=dist/index.js] [workload=flags-sync] [chunk=65536] [runs=20]
 *
 * BASE_DIST is another build's `dist/index.js`, e.g. of the commit before:
 *   git archive HEAD~1 | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/ \
 *     && (cd /tmp/base && npx tsc -p tsconfig.build.json)
 * The copy needs its `package.json` (`"type": "module"`, as `git archive` gives it): without one,
 * tsx compiles the build to CommonJS, every imported constant becomes a getter call and the same
 * code runs 35-50 % slower.
 *
 * Prints best and median MB/s of each and the median over pairs of (new time / base time):
 * below 1 is faster. A ratio within about ±3 % of 1 is noise here. The same ratio over the
 * process's CPU time (`process.cpuUsage()`, user + system) is printed beside it: when other jobs
 * load the machine (a load average of 5-10 on its 2 cores while other sessions run tests), the
 * wall-clock pairs take in the time this process waited for a core, and the CPU-time ratio is
 * the steadier one.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ImapWire from '../src/index.ts';
import { WORKLOADS } from '../src/testing/corpus/index.ts';
import { splitChunks } from './harness/chunks.ts';

const [baseArg, newArg = 'dist/index.js', name = 'flags-sync', chunkArg = '65536', runsArg = '20'] =
  process.argv.slice(2);
if (!baseArg) {
  console.error('usage: npx tsx bench/ab.ts BASE_DIST [NEW_DIST] [workload] [chunk] [runs]');
  process.exit(2);
}
const generate = WORKLOADS[name];
if (!generate) throw new Error(`no workload ${name}: ${Object.keys(WORKLOADS).join(', ')}`);
type Api = typeof ImapWire;
const load = async (p: string) => (await import(pathToFileURL(resolve(p)).href)) as Api;
const base = await load(baseArg);
const next = await load(newArg);

const bytes = generate(1).bytes;
const size = Number(chunkArg);
const chunks = splitChunks(bytes, size, 'uint8array');
let items = 0;
let cpuMs = 0;
const run = (api: Api): number => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const dec = new api.ResponseDecoder();
  for (const c of chunks) items += dec.push(c).length;
  const t = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  cpuMs = (c1.user + c1.system) / 1000;
  return t;
};
for (let i = 0; i < 4; i++) {
  run(base);
  run(next);
}
const tBase: number[] = [];
const tNew: number[] = [];
const cBase: number[] = [];
const cNew: number[] = [];
const one = (api: Api, t: number[], c: number[]): void => {
  t.push(run(api));
  c.push(cpuMs);
};
for (let i = 0; i < Number(runsArg); i++) {
  // Alternate which goes first, so neither always follows the other's garbage.
  if (i % 2 === 0) {
    one(base, tBase, cBase);
    one(next, tNew, cNew);
  } else {
    one(next, tNew, cNew);
    one(base, tBase, cBase);
  }
}
const sorted = (t: number[]) => [...t].sort((a, b) => a - b);
const mbps = (ms: number) => (bytes.length / 1e3 / ms).toFixed(1);
const describe = (t: number[]) => {
  const s = sorted(t);
  return `${mbps(s[0]!)} best, ${mbps(s[s.length >> 1]!)} median MB/s`;
};
const ratios = sorted(tNew.map((t, i) => t / tBase[i]!));
const cpuRatios = sorted(cNew.map((t, i) => t / cBase[i]!));
console.log(
  `${name} @${size}: base ${describe(tBase)}; new ${describe(tNew)}; paired new/base time ${ratios[ratios.length >> 1]!.toFixed(3)}, CPU time ${cpuRatios[cpuRatios.length >> 1]!.toFixed(3)} (${ratios.length} pairs, ${items} items)`,
);
