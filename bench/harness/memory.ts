/**
 * Peak memory of one adapter on one stream, measured in a fresh child process (so one parser's
 * heap growth and RSS do not leak into the next one's numbers): the corpus is read from a temp
 * file, a full GC sets the baseline, then `process.memoryUsage()` is sampled every 16 chunks
 * (through the chunk iterator every adapter uses) and every millisecond (for async gaps).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MemoryPeak {
  /** Peak V8 heapUsed above the post-GC baseline, bytes. */
  heapPeak: number;
  /** Peak `external` (Buffers, ArrayBuffers) above the baseline, bytes. */
  externalPeak: number;
  /** Peak resident set size of the child, bytes (corpus and runtime included). */
  rssPeak: number;
  /** RSS growth over the baseline, bytes. */
  rssGrowth: number;
  /**
   * Peak live memory (heap + external after a full GC, sampled every 64 chunks in a second
   * run) above its baseline, bytes: what the parser holds, without garbage awaiting collection.
   */
  livePeak: number;
}

const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
/** tsx's loader by URL, so the child resolves it whatever the working directory. */
const TSX = import.meta.resolve('tsx');

export function probeMemory(corpusFile: string, adapter: string, chunk: number): Promise<MemoryPeak | Error> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', TSX, PROBE, corpusFile, adapter, String(chunk)],
      { maxBuffer: 1 << 20, timeout: 300_000 },
      (err, stdout, stderr) => {
        if (err)
          return resolve(
            new Error(`${err.message.split('\n')[0]} ${stderr.split('\n').slice(-3).join(' ')}`),
          );
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as MemoryPeak);
        } catch {
          resolve(new Error(`probe printed no result: ${stdout.slice(-200)} ${stderr.slice(-200)}`));
        }
      },
    );
  });
}
