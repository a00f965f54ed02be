/**
 * The benchmark's sampling in interleaved rounds (bench/harness/timing.ts): who runs when, and
 * that each run gets its share of the samples. Speed itself is never asserted here.
 */
import { describe, expect, test } from 'vitest';
import { byteLoop, copyOnce, lineFeeds } from '../bench/harness/calibration.ts';
import { measureRounds } from '../bench/harness/timing.ts';

describe('measureRounds', () => {
  test('warm-up first, then rounds in rotating order, a fast run re-warmed at each later slice', async () => {
    const log: string[] = [];
    const runs = ['a', 'b', 'c'].map((name) => () => {
      log.push(name);
    });
    const timings = await measureRounds(runs, {
      warmupMs: 0,
      warmupRuns: 1,
      targetMs: 0,
      minSamples: 4,
      maxSamples: 4,
      rounds: 2,
    });
    expect(log.join('')).toBe(
      [
        'abc', // warm-up, one run each
        'aabbcc', // round 1: a, b, c take two samples each
        'bbbcccaaa', // round 2 starts one further on; each slice begins with an untimed run
      ].join(''),
    );
    expect(timings.map((t) => t.samplesMs.length)).toEqual([4, 4, 4]);
  });

  test("a run with a plan of its own takes that plan's samples in the same rounds", async () => {
    const log: string[] = [];
    const runs = ['a', 'b'].map((name) => () => {
      log.push(name);
    });
    const base = { warmupMs: 0, warmupRuns: 1, targetMs: 0, minSamples: 4, maxSamples: 4, rounds: 2 };
    const timings = await measureRounds(runs, base, [undefined, { ...base, minSamples: 2, maxSamples: 2 }]);
    expect(log.join('')).toBe(['ab', 'aab', 'bbaaa'].join(''));
    expect(timings.map((t) => t.samplesMs.length)).toEqual([4, 2]);
  });

  test('a run slower than the warm-up cap is warmed once, not warmupRuns times', async () => {
    let n = 0;
    const slow = () => {
      n++;
      const until = performance.now() + 3;
      while (performance.now() < until) {
        // busy: 3 ms a run
      }
    };
    await measureRounds([slow], {
      warmupMs: 0,
      warmupRuns: 3,
      warmupCapMs: 1,
      targetMs: 0,
      minSamples: 1,
      maxSamples: 1,
    });
    expect(n).toBe(1 + 1);
  });

  test('one round is the plain sampling loop: at least minSamples, at most maxSamples', async () => {
    let n = 0;
    const [t] = await measureRounds(
      [
        () => {
          n++;
        },
      ],
      { warmupMs: 0, warmupRuns: 2, targetMs: 1e9, minSamples: 1, maxSamples: 7 },
    );
    expect(n).toBe(2 + 7);
    expect(t?.samplesMs).toHaveLength(7);
  });
});

describe('reference loops', () => {
  const chunks = [new Uint8Array([1, 10, 2]), new Uint8Array([10, 10, 250])];
  test('the byte loop reads every byte, the indexOf loop finds every LF, the copy holds the bytes', () => {
    expect(byteLoop(chunks)).toBe(1 + 10 + 2 + 10 + 10 + 250);
    expect(lineFeeds(chunks)).toBe(3);
    // the byte in the middle of the copy: [1, 10, 2, 10, 10, 250][3]
    expect(copyOnce(chunks)).toBe(10);
  });
});
