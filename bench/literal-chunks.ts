/**
 * A literal of N MB pushed one byte at a time (issue #17, finding 2): time and peak RSS. Before
 * the fix every chunk was kept as a view object: 24 MB took 55 s and 2.9 GB, 100 MB died of heap
 * exhaustion. Not part of `npm run bench` (it is a hostile-input probe, not a throughput figure).
 *
 *   npx tsx bench/literal-chunks.ts [MB=100]
 */
import { ResponseDecoder } from '../src/index.ts';

const mb = Number(process.argv[2] ?? 100);
const n = mb * 1000 * 1000;
const head = new TextEncoder().encode(`* 1 FETCH (BODY[] {${n}}\r\n`);
const body = new Uint8Array(n).fill(0x61);
const tail = new TextEncoder().encode(')\r\n* 42 EXISTS\r\n');
const dec = new ResponseDecoder();
const t0 = performance.now();
let peak = 0;
let items = 0;
let length = -1;
for (const part of [head, body, tail]) {
  for (let i = 0; i < part.length; i++) {
    for (const it of dec.push(part.subarray(i, i + 1))) {
      items++;
      if (it.type === 'untagged' && it.kind === 'fetch')
        length = it.attributes.sections?.[0]?.value?.length ?? -1;
    }
    if ((i & 0xfffff) === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
}
peak = Math.max(peak, process.memoryUsage.rss());
console.log(
  `${mb} MB literal in 1-byte chunks: ${Math.round(performance.now() - t0)} ms, peak RSS ${Math.round(peak / 1e6)} MB (the input itself is ${mb} MB), ${items} items, value ${length} bytes`,
);
