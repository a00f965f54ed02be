/**
 * Reference loops, timed in the same rounds as the adapters of each cell (harness/timing.ts
 * `measureRounds`): the two, a plain JavaScript byte loop over the chunks and
 * `indexOf`-based line finding, and one copy of every byte (memory bandwidth). The absolute figures (a byte loop at ~1,600 MB/s,
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

/**
 * Every byte copied once (one `set` per chunk) into a destination of the stream's size, made on
 * the first call for these chunks and reused: memory bandwidth, the ceiling for any parser that
 * hands out a literal which straddled chunks as one contiguous value (as all measured ones do).
 * Not fresh memory each time: a 67 MB allocation per sample disturbed the allocator for the
 * adapters timed after it (imap-wire's BODY[] cell at 64 KiB fell from ~4.5 to ~3 GB/s).
 */
export function copyOnce(chunks: readonly Uint8Array[]): number {
  let out = destinations.get(chunks);
  if (out === undefined) {
    let total = 0;
    for (const c of chunks) total += c.length;
    out = new Uint8Array(total);
    destinations.set(chunks, out);
  }
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out[o >> 1] ?? 0;
}

const destinations = new WeakMap<readonly Uint8Array[], Uint8Array>();

/** The reference loops of one workload x chunk size, MB/s (median, MB = 10^6 bytes). */
export interface Calibration {
  workload: string;
  chunk: number;
  byteLoopMBps: number;
  indexOfMBps: number;
  copyMBps: number;
}
