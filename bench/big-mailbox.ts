/**
 * The big-mailbox row (issue #24): decode time and peak memory for the answer to `UID SEARCH ALL`
 * on a mailbox of 10,000,000 messages (10-digit UIDs: ~110 MB on one line), under the default
 * options, whole and in 64 KiB and 1460-byte chunks. Each chunking runs in a fresh child process
 * so that one's garbage does not count against the next; memory is sampled (heap used + external
 * + array buffers, and RSS) after every push.
 *
 *   npm run build && npx tsx bench/big-mailbox.ts [--uids N]
 *
 * Prints one line per chunking; `bench/run.ts` (full mode) runs it after the workloads.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Run as a script (or a child), not imported by run.ts: then the flags are ours. */
const main = import.meta.url === `file://${process.argv[1]}`;
const { values } = main
  ? parseArgs({ options: { uids: { type: 'string', default: '10000000' }, child: { type: 'string' } } })
  : { values: { uids: '10000000', child: undefined } };
const N = Number(values.uids);

export interface BigMailboxRow {
  chunk: number | 'whole';
  megabytes: number;
  ms: number;
  mbPerSec: number;
  /** Peak of heap used + external memory above the start, MiB (the input itself excluded). */
  peakMiB: number;
  rssPeakMiB: number;
  ids: number;
}

async function child(chunkArg: string): Promise<void> {
  const api = (await import(
    new URL('../dist/index.js', import.meta.url).href
  )) as typeof import('../src/index.ts');
  const input = searchLine(N);
  const chunk = Number(chunkArg);
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  (globalThis as { gc?: () => void }).gc?.();
  const base = used();
  let peak = 0;
  let rss = 0;
  const dec = new api.ResponseDecoder();
  let ids = 0;
  const t0 = performance.now();
  let pushes = 0;
  // memoryUsage() costs tens of microseconds: sampled every 64th push (every 4 MiB at 64 KiB,
  // 93 KB at 1460 bytes) and at the end, where the line is delivered and parsed.
  const take = (items: ReturnType<typeof dec.push>): void => {
    for (const it of items) if (it.type === 'untagged' && it.kind === 'search') ids = it.ids.length;
    if ((pushes++ & 63) !== 0 && items.length === 0) return;
    peak = Math.max(peak, used() - base);
    rss = Math.max(rss, process.memoryUsage.rss());
  };
  if (chunk === 0) take(dec.push(input));
  else for (let i = 0; i < input.length; i += chunk) take(dec.push(input.subarray(i, i + chunk)));
  const ms = performance.now() - t0;
  const row: BigMailboxRow = {
    chunk: chunk === 0 ? 'whole' : chunk,
    megabytes: input.length / 1e6,
    ms,
    mbPerSec: input.length / 1e6 / (ms / 1000),
    peakMiB: peak / 2 ** 20,
    rssPeakMiB: rss / 2 ** 20,
    ids,
  };
  console.log(JSON.stringify(row));
}

/** `* SEARCH` and N ten-digit UIDs from 1,000,000,003 in steps of 3, then CRLF, as bytes. */
function searchLine(n: number): Uint8Array {
  const head = new TextEncoder().encode('* SEARCH');
  const out = new Uint8Array(head.length + n * 11 + 2);
  out.set(head, 0);
  let o = head.length;
  for (let i = 1; i <= n; i++) {
    out[o++] = 0x20;
    const s = String(1_000_000_000 + 3 * i);
    for (let k = 0; k < s.length; k++) out[o++] = s.charCodeAt(k);
  }
  out[o++] = 0x0d;
  out[o++] = 0x0a;
  return out.subarray(0, o);
}

/** Runs each chunking in a child process; returns the rows. */
export function benchBigMailbox(uids = N): BigMailboxRow[] {
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  return [0, 65536, 1460].map((chunk) => {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        tsx,
        self,
        '--uids',
        String(uids),
        '--child',
        String(chunk),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    return JSON.parse(out.trim().split('\n').at(-1)!) as BigMailboxRow;
  });
}

/** One line a row, for people. */
export function renderBigMailbox(rows: BigMailboxRow[]): string {
  return rows
    .map(
      (r) =>
        `UID SEARCH ALL, ${r.ids.toLocaleString('en')} UIDs (${r.megabytes.toFixed(0)} MB line), ${r.chunk === 'whole' ? 'whole' : `${r.chunk}-byte chunks`}: ${r.ms.toFixed(0)} ms (${r.mbPerSec.toFixed(1)} MB/s), peak heap+external +${r.peakMiB.toFixed(0)} MiB, RSS ${r.rssPeakMiB.toFixed(0)} MiB`,
    )
    .join('\n');
}

if (main && values.child !== undefined) await child(values.child);
else if (main) console.log(renderBigMailbox(benchBigMailbox()));
