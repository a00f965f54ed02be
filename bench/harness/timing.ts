/**
 * Sampling loop: warm-up runs, then timed runs of one adapter on one pre-split stream, with
 * `process.hrtime.bigint()` around each whole run (a run includes the adapter's own async
 * hand-offs, as the library has them in production).
 *
 * No forced GC between runs: a full `gc()` shrinks V8's young generation, and the next run then
 * pays for many extra scavenges while it grows back; measured here, imap-wire on
 * envelope-bodystructure ran at 15-45 MB/s with `gc()` between runs and 85-105 MB/s without.
 * Garbage a run leaves behind is that parser's cost and is paid within its own samples. Even one
 * `gc()` before a cell's warm-up cost imap-wire 10-50 % on flags-sync and preview, so the
 * warm-up (500 ms in a full run) is what separates one cell from the previous one.
 */
import type { Adapter, Counts } from '../adapters/adapter.ts';

export interface TimingPlan {
  /** Time spent warming up... */
  warmupMs: number;
  /** ...and at least this many runs: a cold first pass over new grammar can be 10x slower. */
  warmupRuns: number;
  /** Aim for this much measured time per cell... */
  targetMs: number;
  /** ...with at least / at most this many samples. */
  minSamples: number;
  maxSamples: number;
}

export interface Timing {
  samplesMs: number[];
  medianMs: number;
  /** Median absolute deviation over the median, in percent. */
  spreadPct: number;
  minMs: number;
  maxMs: number;
}

async function once(run: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function measure(adapter: Adapter, chunks: Uint8Array[], plan: TimingPlan): Promise<Timing> {
  return measureRun(() => adapter.parse(chunks), plan);
}

/** The sampling loop around any run (an adapter's parse, the encoder's pass over its commands). */
export async function measureRun(run: () => unknown, plan: TimingPlan): Promise<Timing> {
  let warm = 0;
  for (let runs = 0; runs < plan.warmupRuns || warm < plan.warmupMs; runs++) {
    const ms = await once(run);
    warm += ms;
  }
  const samples: number[] = [];
  let total = 0;
  while (samples.length < plan.maxSamples && (samples.length < plan.minSamples || total < plan.targetMs)) {
    const ms = await once(run);
    samples.push(ms);
    total += ms;
  }
  const med = median(samples);
  const mad = median(samples.map((s) => Math.abs(s - med)));
  return {
    samplesMs: samples.map((s) => Math.round(s * 1000) / 1000),
    medianMs: med,
    spreadPct: med > 0 ? (100 * mad) / med : 0,
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
  };
}

/** One untimed run for the count check; an exception becomes the n/a reason. */
export async function verifyRun(adapter: Adapter, chunks: Uint8Array[]): Promise<Counts | Error> {
  try {
    return await adapter.parse(chunks);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
