/**
 * Streamed-body memory (issue #20): peak heap + external memory while a 1 GiB `BODY[]` literal
 * is streamed through `StreamingResponseDecoder` in 64 KiB chunks, above the memory before it
 * (target: under 1 MiB above one chunk). The chunks come from a pool of four buffers refilled in
 * turn (fresh buffers would measure the input's garbage, not the decoder: 41 MiB of it here);
 * the consumer drops each piece after counting it. The limits are raised to let a 1 GiB literal
 * through (a streamed literal is still bound by maxLiteralSize and maxResponseSize). Runs in a
 * fresh child process with --expose-gc.
 *
 *   npm run build && npx tsx bench/stream-memory.ts [--mib 1024]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface StreamMemoryRow {
  mib: number;
  chunk: number;
  ms: number;
  /** Peak of heap used + external above the start, MiB, sampled after every chunk (young garbage included). */
  peakAboveMiB: number;
  /** The same after a full GC, every 256th chunk: what the decoder keeps alive. */
  liveAboveMiB: number;
  bytes: number;
}

const main = import.meta.url === `file://${process.argv[1]}`;
const { values } = main
  ? parseArgs({ options: { mib: { type: 'string', default: '1024' }, child: { type: 'boolean' } } })
  : { values: { mib: '1024', child: false } };

async function child(mib: number): Promise<void> {
  const api = (await import(
    new URL('../dist/index.js', import.meta.url).href
  )) as typeof import('../src/index.ts');
  const chunk = 64 * 1024;
  const n = mib * 1024 * 1024;
  const dec = new api.StreamingResponseDecoder({
    streamThreshold: chunk,
    maxLiteralSize: 2 ** 31,
    maxResponseSize: 2 ** 31,
  });
  const pool = Array.from({ length: 4 }, () => new Uint8Array(chunk));
  const gc = (globalThis as { gc?: () => void }).gc;
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  let bytes = 0;
  const take = (items: ReturnType<typeof dec.push>): void => {
    for (const it of items) if (it.type === 'body-piece') bytes += it.bytes.length;
  };
  take(dec.push(new TextEncoder().encode(`* 1 FETCH (BODY[] {${n}}\r\n`)));
  gc?.();
  const base = used();
  let peak = 0;
  let live = 0;
  const t0 = performance.now();
  for (let sent = 0, k = 0; sent < n; sent += chunk, k++) {
    const c = pool[k & 3]!;
    c[0] = k & 0xff;
    take(dec.push(c));
    const u = used() - base;
    if (u > peak) peak = u;
    if ((k & 255) === 255 && gc) {
      gc();
      live = Math.max(live, used() - base);
    }
  }
  take(dec.push(new TextEncoder().encode(')\r\n')));
  const row: StreamMemoryRow = {
    mib,
    chunk,
    ms: performance.now() - t0,
    peakAboveMiB: peak / 2 ** 20,
    liveAboveMiB: live / 2 ** 20,
    bytes,
  };
  console.log(JSON.stringify(row));
}

/** Runs the probe in a child process. */
export function benchStreamMemory(mib = 1024): StreamMemoryRow {
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', tsx, self, '--mib', String(mib), '--child'], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as StreamMemoryRow;
}

export function renderStreamMemory(r: StreamMemoryRow): string {
  return `streamed BODY[] of ${r.mib} MiB in ${r.chunk / 1024} KiB chunks: ${(r.bytes / 2 ** 20).toFixed(0)} MiB of pieces in ${r.ms.toFixed(0)} ms, peak heap+external ${r.peakAboveMiB.toFixed(2)} MiB above the start with young garbage, ${r.liveAboveMiB.toFixed(2)} MiB live after full GCs (one chunk is ${(r.chunk / 2 ** 20).toFixed(2)} MiB; target: under 1 MiB above it)`;
}

if (main && values.child) await child(Number(values.mib));
else if (main) console.log(renderStreamMemory(benchStreamMemory(Number(values.mib))));
