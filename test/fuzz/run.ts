/**
 * `npm run fuzz -- [--seconds N] [--target T] [--seed S]`: mutation fuzzing of the decoders
 * (no libFuzzer here, see TOOLCHAIN.md: fast-check arbitraries and the hostile mutator).
 *
 * Each target (test/fuzz/targets.ts) gets an equal share of the time (making its seeds not counted). A broken guarantee is a
 * finding: it is minimised (bytes cut away while the same check still fails) and written to
 * fixtures/fuzz/<target>/<sha256-12>.bin with a .json beside it (options, violations);
 * test/fuzz-regressions.test.ts replays every fixture there in `npm test`. An execution slower
 * than --slow-ms (default 2000) is a finding too (a hang in the making).
 *
 * Exits 1 when it found something, so CI fails on a new finding.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/testing/corpus/prng.ts';
import { type Case, TARGETS, type Target } from './targets.ts';

interface Args {
  seconds: number;
  targets: string[];
  seed: number;
  slowMs: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { seconds: 60, targets: Object.keys(TARGETS), seed: Date.now() % 2 ** 31, slowMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--seconds') a.seconds = Number(v);
    else if (k === '--target') a.targets = (v ?? '').split(',');
    else if (k === '--seed') a.seed = Number(v);
    else if (k === '--slow-ms') a.slowMs = Number(v);
    else if (k === '--help') {
      console.log(
        `npm run fuzz -- [--seconds N] [--target ${Object.keys(TARGETS).join('|')}[,…]] [--seed S]`,
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
    i++;
  }
  for (const t of a.targets) if (!(t in TARGETS)) throw new Error(`unknown target ${t}`);
  if (!(a.seconds > 0)) throw new Error('--seconds needs a positive number');
  return a;
}

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'fuzz');

/** Cuts bytes away (halves, then smaller pieces) while `fails` stays true; bounded in time. */
function minimise(input: Uint8Array, fails: (b: Uint8Array) => boolean, deadline: number): Uint8Array {
  let cur = input;
  for (let size = Math.max(1, cur.length >> 1); size >= 1 && Date.now() < deadline; ) {
    let cut = false;
    for (let at = 0; at < cur.length && Date.now() < deadline; ) {
      const next = new Uint8Array(cur.length - Math.min(size, cur.length - at));
      next.set(cur.subarray(0, at));
      next.set(cur.subarray(at + size), at);
      if (next.length < cur.length && fails(next)) {
        cur = next;
        cut = true;
      } else at += size;
    }
    if (!cut) size >>= 1;
  }
  return cur;
}

/** The first violation's kind ("one-byte: items differ from one push"): "the same bug" while minimising. */
function signature(violations: string[]): string {
  const v = (violations[0] ?? '').replace(/^(cuts|sizes) [\d,]+/, '$1');
  return v.split(':').slice(0, 2).join(':').replace(/\d+/g, 'N').slice(0, 80);
}

function record(target: Target, c: Case, violations: string[]): string {
  const sig = signature(violations);
  const small = minimise(
    c.input,
    (b) => {
      const v = target.check({ input: b, options: c.options });
      return v.length > 0 && signature(v) === sig;
    },
    Date.now() + 20_000,
  );
  const final = target.check({ input: small, options: c.options });
  const input = final.length > 0 ? small : c.input;
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 12);
  const dir = join(FIXTURES, target.name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${hash}.bin`);
  if (!existsSync(file)) {
    writeFileSync(file, input);
    writeFileSync(
      join(dir, `${hash}.json`),
      `${JSON.stringify(
        {
          target: target.name,
          options: c.options,
          mutations: c.mutations,
          violations: final.length > 0 ? final : violations,
          found: new Date().toISOString().slice(0, 10),
        },
        null,
        2,
      )}\n`,
    );
  }
  return file;
}

/**
 * Signatures of the open findings (`"status": "open"` in their .json): a case with the same
 * signature is reported as known, not as a new finding, until its fix lands.
 */
function openFindings(target: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(FIXTURES, target);
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { status?: string; violations: string[] };
    if (meta.status === 'open') out.set(signature(meta.violations), join(dir, f));
  }
  return out;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const rng = new Rng(args.seed);
  const rand = (): number => rng.next();
  console.log(`fuzz: seed ${args.seed}, ${args.seconds} s over ${args.targets.join(', ')}`);
  let findings = 0;
  const share = (args.seconds * 1000) / args.targets.length;
  for (const name of args.targets) {
    const target = TARGETS[name]!;
    const t0 = performance.now();
    target.prepare();
    const prep = performance.now() - t0;
    const start = performance.now();
    const end = start + share;
    let execs = 0;
    let bytes = 0;
    let slowest = 0;
    const seen = new Set<string>();
    const open = openFindings(name);
    let known = 0;
    while (performance.now() < end) {
      const c = target.next(rand);
      const t = performance.now();
      let v: string[];
      try {
        v = target.check(c, rand);
      } catch (e) {
        v = [`the check itself threw ${e instanceof Error ? e.stack : String(e)}`];
      }
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      if (ms > args.slowMs) v.push(`slow: ${ms.toFixed(0)} ms for ${c.input.length} bytes`);
      execs++;
      bytes += c.input.length;
      if (v.length > 0 && open.has(signature(v))) known++;
      else if (v.length > 0 && !seen.has(signature(v))) {
        seen.add(signature(v));
        findings++;
        const file = record(target, c, v);
        console.log(`  FINDING ${name}: ${v[0]}\n    → ${file}`);
      }
    }
    const secs = (performance.now() - start) / 1000;
    console.log(
      `  ${name.padEnd(14)} ${String(execs).padStart(8)} execs  ${(execs / secs).toFixed(0).padStart(6)}/s  ` +
        `${(bytes / execs).toFixed(0)} B avg  slowest ${slowest.toFixed(0)} ms  seeds ${(prep / 1000).toFixed(1)} s  findings ${seen.size}${known > 0 ? `  known open ${known}` : ''}`,
    );
  }
  console.log(findings === 0 ? 'fuzz: no findings' : `fuzz: ${findings} findings (fixtures/fuzz/)`);
  return findings === 0 ? 0 : 1;
}

process.exitCode = main();
