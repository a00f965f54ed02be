/** `imap-wire corpus --workload W [--seed N] [--scale K] [--out FILE]` */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { WORKLOADS } from '../testing/corpus/index.ts';
import { UsageError } from './decode.ts';

export const CORPUS_HELP = `Usage: imap-wire corpus --workload W [--seed N] [--scale K] [--out FILE]

Writes the bytes of a benchmark workload, the IMAP server traffic imap-wire's own benchmarks
decode, for other people's benchmarks and decoders. The same workload, seed and scale give the
same bytes on every machine and Node version.

With --out FILE the bytes go to FILE and the sidecar to FILE.expect.json; without it the bytes go
to standard output and the sidecar to standard error. The sidecar is what a correct decoder
must count: {"workload","seed","scale","shape","bytes","sha256","responses","uidSum","bodyBytes"}
(responses: tagged + untagged + continuation; uidSum: the UID of every FETCH; bodyBytes: the
lengths of every BODY[…]/BINARY[…] value).

  --workload W   one of: ${Object.keys(WORKLOADS).join(', ')}
  --seed N       0 (default) is the benchmark's own corpus; other seeds, other bytes, same shape
  --scale K      size factor (default 1, the full workload: 4-40 MB); 0.01 for a small one
  --out FILE     write the bytes to FILE and the sidecar to FILE.expect.json
  --list         the workloads, one per line
  --help         this text`;

/** What a correct decoder must find in a corpus, and how to tell it is the same corpus. */
export interface CorpusSidecar {
  workload: string;
  seed: number;
  scale: number;
  shape: string;
  bytes: number;
  sha256: string;
  responses: number;
  uidSum: number;
  bodyBytes: number;
}

/** The hex SHA-256 of some bytes (the corpus hash the benchmark results record). */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Generates one workload and its sidecar. */
export function makeCorpus(
  workload: string,
  seed: number,
  scale: number,
): { bytes: Uint8Array; sidecar: CorpusSidecar } {
  const gen = WORKLOADS[workload];
  if (gen === undefined) throw new UsageError(`unknown workload ${workload} (try --list)`);
  const w = gen(scale, seed);
  return {
    bytes: w.bytes,
    sidecar: {
      workload,
      seed,
      scale,
      shape: w.shape,
      bytes: w.bytes.length,
      sha256: sha256(w.bytes),
      ...w.expect,
    },
  };
}

/** Parses arguments and runs; returns the exit code. */
export function runCorpus(
  args: string[],
  write: (s: string | Uint8Array) => void,
  writeErr: (s: string) => void,
): number {
  let workload: string | undefined;
  let seed = 0;
  let scale = 1;
  let out: string | undefined;
  const value = (i: number, name: string): string => {
    const v = args[i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      write(`${CORPUS_HELP}\n`);
      return 0;
    } else if (a === '--list') {
      write(`${Object.keys(WORKLOADS).join('\n')}\n`);
      return 0;
    } else if (a === '--workload') workload = value(++i, a);
    else if (a === '--seed') {
      seed = Number(value(++i, a));
      if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new UsageError('--seed needs an integer from 0 to 4294967295');
    } else if (a === '--scale') {
      scale = Number(value(++i, a));
      if (!Number.isFinite(scale) || scale <= 0 || scale > 100)
        throw new UsageError('--scale needs a number in (0, 100]');
    } else if (a === '--out') out = value(++i, a);
    else throw new UsageError(`unknown argument ${a}`);
  }
  if (workload === undefined) throw new UsageError('--workload is required');
  const { bytes, sidecar } = makeCorpus(workload, seed, scale);
  const json = `${JSON.stringify(sidecar, null, 2)}\n`;
  if (out === undefined) {
    write(bytes);
    writeErr(json);
  } else {
    writeFileSync(out, bytes);
    writeFileSync(`${out}.expect.json`, json);
  }
  return 0;
}
