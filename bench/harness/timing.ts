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
 *
 * The adapters of one workload x chunk size are timed in interleaved rounds ({@link
 * measureRounds}), not one after the other: on this shared 2-core VM the same loop's median
 * drifts by 30-50 % within a minute (imap-wire on envelope-bodystructure alone: 78 MB/s, then
 * 48 MB/s five minutes later, with no other process running and no steal time), so an adapter
 * timed in one block measures partly the machine's state during its block. In rounds, every
 * adapter samples every period of the cell, and the ratios in one run compare like with like.
 */
import type { Adapter, Counts } from '../adapters/adapter.ts';

export interface TimingPlan {
  /** Time spent warming up... */
  warmupMs: number;
  /** ...and at least this many runs: a cold first pass over new grammar can be 10x slower. */
  warmupRuns: number;
  /**
   * ...unless this much time has passed: a run that slow is warm after one (imapflow's typed
   * layer takes 2-5 s a run here, and three of them per cell kept the full suite above its
   * 15 minutes).
   */
  warmupCapMs?: number;
  /** Aim for this much measured time per cell... */
  targetMs: number;
  /** ...with at least / at most this many samples. */
  minSamples: number;
  maxSamples: number;
  /**
   * Rounds for {@link measureRounds}: the measured time and the sample bounds are spread over
   * them. 1 (or absent) times each adapter in one block.
   */
  rounds?: number;
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
  await warmUp(run, plan);
  const samples: number[] = [];
  await sample(run, samples, plan.targetMs, plan.minSamples, plan.maxSamples);
  return summarize(samples);
}

/**
 * Times several runs (the adapters of one cell) in `plan.rounds` interleaved rounds: all warm up
 * first; then in each round each run takes its share of the samples, the order rotating from
 * round to round so that nobody always follows the same neighbour. A run faster than
 * {@link REWARM_MS} gets one untimed run at the start of each of its slices after the first: it
 * pays for scavenging the previous adapter's garbage and re-warming its caches there, not in a
 * sample (a slower run's samples are long enough for that to be noise).
 */
export async function measureRounds(
  runs: ReadonlyArray<() => unknown>,
  plan: TimingPlan,
  /** Per run, a plan of its own (the rounds stay `plan.rounds`): for the reference loops. */
  plans: ReadonlyArray<TimingPlan | undefined> = [],
): Promise<Timing[]> {
  const rounds = Math.max(1, plan.rounds ?? 1);
  for (let i = 0; i < runs.length; i++) await warmUp(runs[i]!, plans[i] ?? plan);
  const samples = runs.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < runs.length; k++) {
      const i = (k + r) % runs.length;
      const run = runs[i]!;
      const mine = samples[i]!;
      const p = plans[i] ?? plan;
      if (r > 0 && mine.length > 0 && median(mine) < REWARM_MS) await once(run);
      // This round's share of the bounds: what the earlier rounds have not taken.
      const left = rounds - r;
      const spent = mine.reduce((a, b) => a + b, 0);
      await sample(
        run,
        mine,
        spent + (p.targetMs - spent) / left,
        Math.ceil((p.minSamples * (r + 1)) / rounds),
        Math.floor((p.maxSamples * (r + 1)) / rounds),
      );
    }
  }
  return samples.map(summarize);
}

/** Below this median sample time a run re-warms (one untimed run) when its slice begins. */
const REWARM_MS = 250;

/** At least `warmupMs` and `warmupRuns` runs, but no more runs past `warmupCapMs` (see there). */
async function warmUp(run: () => unknown, plan: TimingPlan): Promise<void> {
  let warm = 0;
  const cap = plan.warmupCapMs ?? Number.POSITIVE_INFINITY;
  for (let runs = 0; runs < 1 || warm < plan.warmupMs || (runs < plan.warmupRuns && warm < cap); runs++) {
    const ms = await once(run);
    warm += ms;
  }
}

/** Adds samples to `samples` until it holds `min` and their total reaches `targetMs`, or it holds `max`. */
async function sample(
  run: () => unknown,
  samples: number[],
  targetMs: number,
  min: number,
  max: number,
): Promise<void> {
  let total = samples.reduce((a, b) => a + b, 0);
  while (samples.length < max && (samples.length < min || total < targetMs)) {
    const ms = await once(run);
    samples.push(ms);
    total += ms;
  }
}

function summarize(samples: number[]): Timing {
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
