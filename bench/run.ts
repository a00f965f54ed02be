/**
 * The benchmark: every workload x chunk size x adapter, verified then timed, then peak memory
 * per adapter in fresh child processes, then imap-wire's scaling on flags-sync.
 *
 *   npm run bench                      full run (~10 min), writes bench/results.{md,json}
 *   npm run bench:quick                ~1 min, smaller corpora, writes bench/results-quick.{md,json}
 *   tsx bench/run.ts --only flags-sync --adapter imap-wire    profiling: prints, writes nothing
 *
 * `--only encoder` runs the command encoder bench alone (harness/encoder.ts); a full or quick run
 * includes it after the parser workloads, in a fresh child process.
 *
 * Flags: --quick, --only W[,W], --adapter A[,A], --chunk N[,N], --no-memory, --no-scaling,
 * --write (write results even for a filtered run). Exit code 1 when imap-wire's counts differ
 * from the corpus or it yields error items; never for speed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sha256 } from '../src/cli/corpus.ts';
import { WORKLOADS } from '../src/testing/corpus/index.ts';
import type { Workload } from '../src/testing/corpus/workload.ts';
import { ADAPTER_NAMES, type Adapter, type Counts, loadAdapters } from './adapters/index.ts';
import { knownCause, WORKLOAD_NOTES } from './adapters/known-issues.ts';
import { benchBigMailbox, renderBigMailbox } from './big-mailbox.ts';
import { byteLoop, type Calibration, copyOnce, lineFeeds } from './harness/calibration.ts';
import { splitChunks } from './harness/chunks.ts';
import { benchEncoderInChild } from './harness/encoder.ts';
import { probeMemory } from './harness/memory.ts';
import {
  type Cell,
  ENCODER_TARGET,
  type Machine,
  type Results,
  renderMarkdown,
  renderSummary,
  type ScalingPoint,
} from './harness/results.ts';
import { measureRounds, type Timing, type TimingPlan, verifyRun } from './harness/timing.ts';
import { benchStreamMemory, renderStreamMemory } from './stream-memory.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    adapter: { type: 'string' },
    chunk: { type: 'string' },
    'no-memory': { type: 'boolean', default: false },
    'no-scaling': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
});

const quick = args.quick;
const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const onlyWorkloads = list(args.only);
const onlyAdapters = list(args.adapter);
/** The command encoder bench: not a parser workload, but selected with `--only` like one. */
const ENCODER = 'encoder';
/** The big-mailbox row (bench/big-mailbox.ts), selected with `--only` like a workload. */
const BIG_MAILBOX = 'big-mailbox';
for (const w of onlyWorkloads ?? [])
  if (!WORKLOADS[w] && w !== ENCODER && w !== BIG_MAILBOX)
    throw new Error(`unknown workload ${w}: ${[...Object.keys(WORKLOADS), ENCODER, BIG_MAILBOX].join(', ')}`);
for (const a of onlyAdapters ?? [])
  if (!(ADAPTER_NAMES as readonly string[]).includes(a))
    throw new Error(`unknown adapter ${a}: ${ADAPTER_NAMES.join(', ')}`);

/** Corpus scale, sampling plan and memory passes per mode; the full plan keeps a run under 15 min. */
const MODE = quick
  ? {
      scale: 0.05,
      plan: {
        warmupMs: 100,
        warmupRuns: 3,
        targetMs: 150,
        minSamples: 3,
        maxSamples: 20,
        rounds: 2,
      } satisfies TimingPlan,
      memoryChunks: [65536],
      scalingPlan: {
        warmupMs: 100,
        warmupRuns: 3,
        targetMs: 200,
        minSamples: 3,
        maxSamples: 10,
      } satisfies TimingPlan,
    }
  : {
      scale: 1,
      plan: {
        warmupMs: 500,
        warmupRuns: 3,
        warmupCapMs: 2000,
        targetMs: 2500,
        minSamples: 5,
        maxSamples: 100,
        rounds: 5,
      } satisfies TimingPlan,
      memoryChunks: [1460, 65536],
      scalingPlan: {
        warmupMs: 300,
        warmupRuns: 3,
        targetMs: 2000,
        minSamples: 5,
        maxSamples: 20,
      } satisfies TimingPlan,
    };
const CHUNKS = list(args.chunk)?.map(Number) ?? [1460, 65536];
const filtered = Boolean(onlyWorkloads || onlyAdapters || args.chunk);

function machine(): Machine {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // no commit yet
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    os: `${type()} ${release()}`,
    date: new Date().toISOString(),
    commit,
    loadStart: loadavg()[0]!,
    loadEnd: loadavg()[0]!,
  };
}

function compare(counts: Counts, w: Workload): string | undefined {
  const diffs: string[] = [];
  for (const k of ['responses', 'uidSum', 'bodyBytes'] as const) {
    if (counts[k] !== w.expect[k]) diffs.push(`${k} ${counts[k]} (expected ${w.expect[k]})`);
  }
  if (counts.errors) diffs.push(`${counts.errors} errors`);
  return diffs.length ? diffs.join(', ') : undefined;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<number> {
  const { adapters, missing } = await loadAdapters(onlyAdapters);
  const names = [...adapters.map((a) => a.name), ...missing.map((m) => m.name)].sort(
    (a, b) => ADAPTER_NAMES.indexOf(a as never) - ADAPTER_NAMES.indexOf(b as never),
  );
  const results: Results = {
    mode: quick ? 'quick' : 'full',
    machine: machine(),
    workloads: [],
    cells: [],
    scaling: [],
    calibration: [],
    problems: [],
    notes: {},
    adapters: adapters.map((a) => ({ name: a.name, library: a.library, path: a.path })),
  };
  const tmp = mkdtempSync(join(tmpdir(), 'imap-wire-bench-'));
  let correctnessFailure = false;
  let extraRows = '';
  const t0 = performance.now();
  log(`imap-wire bench (${results.mode}) on ${results.machine.cpu}, node ${results.machine.node}`);
  for (const m of missing) {
    log(`!! ${m.name} n/a: ${m.reason}`);
    results.problems.push(`${m.name}: n/a, ${m.reason}`);
  }

  try {
    for (const [name, generate] of Object.entries(WORKLOADS)) {
      if (onlyWorkloads && !onlyWorkloads.includes(name)) continue;
      const w = generate(MODE.scale);
      const hash = sha256(w.bytes);
      const corpusFile = join(tmp, `${name}.bin`);
      writeFileSync(corpusFile, w.bytes);
      results.workloads.push({ name, shape: w.shape, bytes: w.bytes.length, sha256: hash, expect: w.expect });
      if (WORKLOAD_NOTES[name]) results.notes[name] = WORKLOAD_NOTES[name];
      log(`\n== ${name}: ${w.shape}, ${(w.bytes.length / 1e6).toFixed(2)} MB, sha256 ${hash}`);

      for (const chunk of CHUNKS) {
        const views = {
          buffer: splitChunks(w.bytes, chunk, 'buffer'),
          uint8array: splitChunks(w.bytes, chunk, 'uint8array'),
        };
        const cells: Cell[] = [];
        for (const m of missing) {
          cells.push({
            workload: name,
            chunk,
            adapter: m.name,
            library: '',
            status: 'n/a',
            reason: m.reason,
          });
        }
        const timed: { adapter: Adapter; cell: Cell; chunks: Uint8Array[] }[] = [];
        for (const adapter of adapters) {
          if (adapter.workloads && !adapter.workloads.includes(name)) continue;
          const cell = await verifyCell(adapter, w, chunk, views[adapter.input]);
          cells.push(cell);
          if (cell.status !== 'n/a') timed.push({ adapter, cell, chunks: views[adapter.input] });
        }
        if (timed.length) results.calibration.push(await timeCells(timed, w, chunk));
        for (const c of cells) {
          // A consumer row (`emailjs:list`) is compared with imap-wire's row of that consumer.
          const wireName = wireRowFor(c.adapter);
          const ours = cells.find((o) => o.adapter === wireName);
          if (ours?.mbps !== undefined && c.mbps !== undefined && c.adapter !== wireName)
            c.imapWireRatio = ours.mbps / c.mbps;
          if (c.status !== 'ok' && c.reason) {
            const line = `${name} @${chunk} ${c.adapter}: ${c.status}, ${c.reason}${c.cause ? `; cause: ${c.cause}` : ''}`;
            results.problems.push(line);
            if (c.adapter.startsWith('imap-wire') && c.status !== 'n/a') correctnessFailure = true;
          }
        }
        cells.sort((a, b) => names.indexOf(a.adapter) - names.indexOf(b.adapter));
        results.cells.push(...cells);
      }

      if (!args['no-memory']) {
        for (const chunk of MODE.memoryChunks.filter((c) => CHUNKS.includes(c))) {
          for (const adapter of adapters) {
            const cell = results.cells.find(
              (c) => c.workload === name && c.chunk === chunk && c.adapter === adapter.name,
            );
            if (!cell || cell.status === 'n/a') continue;
            const peak = await probeMemory(corpusFile, adapter.name, chunk);
            cell.memory = peak instanceof Error ? { error: peak.message } : peak;
            log(
              `   memory ${adapter.name.padEnd(15)} @${chunk}: ${peak instanceof Error ? `error ${peak.message}` : `heap +${(peak.heapPeak / 1048576).toFixed(1)} MiB, external +${(peak.externalPeak / 1048576).toFixed(1)} MiB, live +${(peak.livePeak / 1048576).toFixed(1)} MiB, rss ${(peak.rssPeak / 1048576).toFixed(0)} MiB`}`,
            );
          }
        }
      }
      rmSync(corpusFile, { force: true });
    }

    const wire = adapters.find((a) => a.name === 'imap-wire');
    if (wire && !args['no-scaling'] && (!onlyWorkloads || onlyWorkloads.includes('flags-sync'))) {
      results.scaling = await scaling(wire);
    }

    if (
      (!onlyWorkloads || onlyWorkloads.includes(ENCODER)) &&
      (!onlyAdapters || onlyAdapters.includes('imap-wire'))
    ) {
      try {
        results.encoder = await benchEncoderInChild(MODE.scale, MODE.plan);
        for (const p of results.encoder.problems) results.problems.push(`encoder: ${p}`);
        if (results.encoder.problems.length) correctnessFailure = true;
      } catch (err) {
        log(`!! encoder: ${(err as Error).message}`);
        results.problems.push(`encoder: n/a, ${(err as Error).message}`);
        correctnessFailure = true;
      }
    }
    // Streamed-body memory (issue #20) and the big-mailbox row (issue #24): full runs only,
    // each in child processes; their lines go to the log and to the results' last section.
    const extra = (title: string, name: string, run: () => string): void => {
      log(`\n== ${title}`);
      try {
        const rows = run();
        extraRows = extraRows ? `${extraRows}\n${rows}` : rows;
        log(rows);
      } catch (err) {
        log(`!! ${name}: ${(err as Error).message}`);
        results.problems.push(`${name}: n/a, ${(err as Error).message}`);
      }
    };
    if (!quick && (!onlyWorkloads || onlyWorkloads.includes('body-literals')))
      extra('streamed body memory: 1 GiB BODY[] in 64 KiB chunks', 'streamed body memory', () =>
        renderStreamMemory(benchStreamMemory()),
      );
    if (!quick && (!onlyWorkloads || onlyWorkloads.includes(BIG_MAILBOX)))
      extra('big mailbox: UID SEARCH ALL of 10,000,000 UIDs (default options)', 'big mailbox', () =>
        renderBigMailbox(benchBigMailbox()),
      );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  results.machine.loadEnd = loadavg()[0]!;
  const md =
    renderMarkdown(results) +
    (extraRows
      ? `\n## Streamed bodies and big mailboxes (issues #20, #24)\n\n${extraRows
          .split('\n')
          .map((l) => `- ${l}`)
          .join('\n')}\n`
      : '');
  if (!filtered || args.write) {
    const base = fileURLToPath(new URL(quick ? './results-quick' : './results', import.meta.url));
    writeFileSync(`${base}.md`, md);
    writeFileSync(
      `${base}.json`,
      `${JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
    );
    // `biome check .` covers bench/ (JSON and Markdown): leave the files as its formatter writes
    // them. Not the quick results: they are git-ignored, so biome ignores them (and says so).
    if (!quick) {
      try {
        const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
        execFileSync(biome, ['format', '--write', `${base}.json`, `${base}.md`], { stdio: 'ignore' });
      } catch {
        log('(biome format of the results failed; run `npm run format`)');
      }
    }
    log(`\nwrote ${base}.md and ${base}.json`);
  }
  if (results.workloads.length)
    console.log(`\nMB/s (median; ! = count mismatch, see Problems)\n\n${renderSummary(results, names)}\n`);
  if (results.encoder) {
    const rows = results.encoder.rows.map((r) => `${r.list} ${(r.commandsPerSec / 1e6).toFixed(2)} M/s`);
    console.log(
      `encoder (commands/s, median; target FETCH and STORE >= ${ENCODER_TARGET / 1e6} M/s): ${rows.join(', ')}\n`,
    );
  }
  if (results.problems.length)
    console.log(`Problems:\n${results.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (correctnessFailure) log('!! imap-wire counts do not match the corpus: see Problems');
  return correctnessFailure ? 1 : 0;
}

/** The imap-wire row a row is compared with: the one of the same consumer (`x:list` -> `imap-wire:list`). */
function wireRowFor(adapter: string): string {
  const colon = adapter.indexOf(':');
  return colon < 0 ? 'imap-wire' : `imap-wire${adapter.slice(colon)}`;
}

/** The untimed run whose counts must match the corpus; an exception makes the cell n/a. */
async function verifyCell(adapter: Adapter, w: Workload, chunk: number, chunks: Uint8Array[]): Promise<Cell> {
  const cell: Cell = {
    workload: w.name,
    chunk,
    adapter: adapter.name,
    library: adapter.library,
    status: 'ok',
  };
  const counts = await verifyRun(adapter, chunks);
  if (counts instanceof Error) {
    cell.status = 'n/a';
    cell.reason = `threw ${counts.message.split('\n')[0]}`;
    log(`!! ${adapter.name.padEnd(15)} @${chunk}: n/a, ${cell.reason}`);
    return cell;
  }
  cell.counts = counts;
  const diff = compare(counts, w);
  if (diff) {
    cell.status = 'mismatch';
    cell.reason = diff;
    const cause = knownCause(adapter.name, w.name);
    if (cause) cell.cause = cause;
    log(`!! ${adapter.name.padEnd(15)} @${chunk}: COUNT MISMATCH ${diff}`);
  }
  return cell;
}

/** Times the verified adapters of one workload x chunk size in interleaved rounds (harness/timing.ts). */
async function timeCells(
  timed: { adapter: Adapter; cell: Cell; chunks: Uint8Array[] }[],
  w: Workload,
  chunk: number,
): Promise<Calibration> {
  const threw = new Map<Cell, Error>();
  const runs: Array<() => unknown> = timed.map(({ adapter, cell, chunks }) => async () => {
    if (threw.has(cell)) return;
    try {
      await adapter.parse(chunks);
    } catch (err) {
      threw.set(cell, err instanceof Error ? err : new Error(String(err)));
    }
  });
  // The reference loops run in the same rounds (harness/calibration.ts); their results are kept
  // so that the loops cannot be optimised away.
  const chunks = timed[0]?.chunks ?? [];
  let sink = 0;
  runs.push(
    () => {
      sink ^= byteLoop(chunks);
    },
    () => {
      sink ^= lineFeeds(chunks);
    },
    () => {
      sink ^= copyOnce(chunks);
    },
  );
  // The loops need far fewer samples than a parser: 1/10 of the time, at most 50 samples.
  const light: TimingPlan = {
    ...MODE.plan,
    warmupMs: MODE.plan.warmupMs / 10,
    targetMs: MODE.plan.targetMs / 10,
    maxSamples: Math.min(50, MODE.plan.maxSamples),
  };
  const timings = await measureRounds(
    runs,
    MODE.plan,
    runs.map((_, k) => (k < timed.length ? undefined : light)),
  );
  const mbps = (t: Timing) => w.bytes.length / 1e6 / (t.medianMs / 1000);
  const cal: Calibration = {
    workload: w.name,
    chunk,
    byteLoopMBps: mbps(timings[timed.length]!),
    indexOfMBps: mbps(timings[timed.length + 1]!),
    copyMBps: mbps(timings[timed.length + 2]!),
  };
  log(
    `   (reference loops @${String(chunk).padStart(5)}: byte loop ${cal.byteLoopMBps.toFixed(0)} MB/s, indexOf ${cal.indexOfMBps.toFixed(0)} MB/s, copy ${cal.copyMBps.toFixed(0)} MB/s; sink ${sink & 1})`,
  );
  timed.forEach(({ adapter, cell }, k) => {
    const err = threw.get(cell);
    if (err) {
      cell.status = 'n/a';
      cell.reason = `threw while timed: ${err.message}`;
      return;
    }
    cell.timing = timings[k]!;
    cell.mbps = mbps(cell.timing);
    log(
      `   ${adapter.name.padEnd(15)} @${String(chunk).padStart(5)}: ${cell.mbps.toFixed(1).padStart(7)} MB/s ±${cell.timing.spreadPct.toFixed(1)}% (${cell.timing.samplesMs.length} runs)${cell.counts?.untyped ? `, ${cell.counts.untyped} untyped` : ''}`,
    );
  });
  return cal;
}

/**
 * imap-wire on flags-sync at 1x, 4x and 16x the corpus: time per MB must stay flat. The three
 * sizes of one chunking are timed in interleaved rounds, as the adapters of a cell are: timed
 * one after the other (session 14 and before), the machine's drift over those seconds could read
 * as a change of time per MB (1.25 at 16x in one full run, 1.01 in the one before).
 */
async function scaling(wire: Adapter): Promise<ScalingPoint[]> {
  log('\n== scaling: imap-wire on flags-sync');
  const points: ScalingPoint[] = [];
  const corpora = [1, 4, 16].map((factor) => ({ factor, w: WORKLOADS['flags-sync']!(MODE.scale * factor) }));
  const rounds = MODE.plan.rounds ?? 1;
  for (const chunk of CHUNKS) {
    const sizes: { factor: number; w: Workload; chunks: Uint8Array[] }[] = [];
    for (const { factor, w } of corpora) {
      const chunks = splitChunks(w.bytes, chunk, wire.input);
      const counts = await verifyRun(wire, chunks);
      if (counts instanceof Error || compare(counts, w)) {
        log(
          `!! scaling ${factor}x @${chunk}: ${counts instanceof Error ? counts.message : compare(counts, w)}`,
        );
        continue;
      }
      sizes.push({ factor, w, chunks });
    }
    const timings = await measureRounds(
      sizes.map(
        ({ chunks }) =>
          () =>
            wire.parse(chunks),
      ),
      { ...MODE.scalingPlan, rounds },
    );
    const base = sizes[0]?.factor === 1 ? timings[0]!.medianMs / (sizes[0].w.bytes.length / 1e6) : 0;
    sizes.forEach(({ factor, w }, i) => {
      const t = timings[i]!;
      const msPerMB = t.medianMs / (w.bytes.length / 1e6);
      points.push({
        factor,
        chunk,
        bytes: w.bytes.length,
        medianMs: t.medianMs,
        msPerMB,
        relative: base ? msPerMB / base : 1,
      });
      log(
        `   ${factor}x @${chunk}: ${(w.bytes.length / 1e6).toFixed(1)} MB, ${msPerMB.toFixed(2)} ms/MB (${base ? (msPerMB / base).toFixed(2) : '1.00'} of 1x, ${t.samplesMs.length} runs)`,
      );
    });
  }
  return points;
}

process.exitCode = await main();
