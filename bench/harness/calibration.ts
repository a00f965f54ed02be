/**
 * The two reference loops, timed in the same rounds as the adapters of each cell
 * (harness/timing.ts `measureRounds`): a plain JavaScript byte loop over the chunks and
 * `indexOf`-based line finding. The absolute figures (a byte loop at ~1,600 MB/s,
 * `indexOf` framing at 3,000-12,000, ENVELOPE+BODYSTRUCTURE at 150 MB/s) were taken on a machine
 * like this one at some moment; these loops say how fast this machine ran during this cell, so
 * an absolute MB/s can be read against them. They are not peers: they parse nothing.
 */

/** Every byte loaded and summed, as a parser's inner loop would at the least. */
export function byteLoop(chunks: readonly Uint8Array[]): number {
  let sum = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const n = c.length;
    for (let i = 0; i < n; i++) sum = (sum + c[i]!) | 0;
  }
  return sum;
}

/** Every LF found with `indexOf` (native memchr), as a line framer would at the least. */
export function lineFeeds(chunks: readonly Uint8Array[]): number {
  let n = 0;
  for (const c of chunks) for (let p = c.indexOf(10); p >= 0; p = c.indexOf(10, p + 1)) n++;
  return n;
}

/** The reference loops of one workload x chunk size, MB/s (median, MB = 10^6 bytes). */
export interface Calibration {
  workload: string;
  chunk: number;
  byteLoopMBps: number;
  indexOfMBps: number;
}
