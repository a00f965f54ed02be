/**
 * The command encoder bench: the seeded command list (src/testing/corpus/commands.ts) through the public
 * API a client uses, `new CommandEncoder({ capabilities })`, `encode(cmd)` and
 * `toBytes(fragments)` (the bytes it would hand to `socket.write`), one fresh encoder per run so
 * the tags and hence the bytes are the same in every run.
 *
 * Verified once, untimed, after the timed runs: every command's bytes end in CRLF; the concatenated output's size and
 * sha256; `CommandReader` reads the bytes back to as many commands of each name; and each read
 * command, encoded again under its tag, gives the same bytes.
 *
 * `run.ts` runs it in a fresh child process (./encoder-probe.ts), after the parser cells.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type * as ImapWire from '../../src/index.ts';
import type { Command } from '../../src/index.ts';
import {
  COMMAND_KINDS,
  type CommandCorpus,
  type CommandKind,
  ENCODER_CAPABILITIES,
} from '../../src/testing/corpus/commands.ts';
import { measureRun, type Timing, type TimingPlan } from './timing.ts';

/** One timed list: the whole session (`all`) or one command name. */
export interface EncoderRow {
  list: 'all' | CommandKind;
  commands: number;
  /** Bytes of output (lines and literals) per run. */
  bytes: number;
  timing: Timing;
  commandsPerSec: number;
  /** Output MB/s, MB = 10^6 bytes. */
  mbps: number;
}

export interface EncoderVerify {
  commands: number;
  bytes: number;
  sha256: string;
  /** Commands whose bytes end in CRLF (all of them, or a problem). */
  crlf: number;
  /** Commands `CommandReader` read back, by name. */
  read: Record<string, number>;
  /** Read-back commands that encode again to the same bytes. */
  roundTrip: number;
}

export interface EncoderResult {
  shape: string;
  capabilities: readonly string[];
  path: string;
  verify: EncoderVerify;
  rows: EncoderRow[];
  /** What failed verification (empty when everything matched). */
  problems: string[];
}

const DIST = new URL('../../dist/index.js', import.meta.url);

type Api = typeof ImapWire;

/** The built package, as the imap-wire adapter loads it (`npm run build` first). */
export async function loadApi(): Promise<Api> {
  return (await import(DIST.href).catch((e: unknown) => {
    throw new Error(
      `the encoder bench needs the built package (${DIST.pathname}): run \`npm run build\` (${e})`,
    );
  })) as Api;
}

/** One run: encode every command to the bytes a client writes; returns the byte count. */
export function encodeAll(api: Api, commands: readonly Command[]): number {
  const enc = new api.CommandEncoder({ capabilities: ENCODER_CAPABILITIES });
  let bytes = 0;
  for (const cmd of commands) bytes += api.toBytes(enc.encode(cmd).fragments).length;
  return bytes;
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export function verifyEncoder(
  api: Api,
  corpus: CommandCorpus,
): { verify: EncoderVerify; problems: string[] } {
  const enc = new api.CommandEncoder({ capabilities: ENCODER_CAPABILITIES });
  const reader = new api.CommandReader();
  const hash = createHash('sha256');
  const verify: EncoderVerify = { commands: 0, bytes: 0, sha256: '', crlf: 0, read: {}, roundTrip: 0 };
  const problems: string[] = [];
  const problem = (s: string) => {
    if (problems.length < 10) problems.push(s);
  };
  for (const cmd of corpus.commands) {
    const { tag, fragments } = enc.encode(cmd);
    const bytes = api.toBytes(fragments);
    verify.commands++;
    verify.bytes += bytes.length;
    hash.update(bytes);
    if (bytes.at(-2) === 0x0d && bytes.at(-1) === 0x0a) verify.crlf++;
    else problem(`${tag}: does not end in CRLF`);
    for (const item of reader.push(bytes)) {
      if (item.type !== 'command') {
        problem(
          `${tag}: CommandReader gave ${item.type}${item.type === 'error' ? ` ${item.error.message}` : ''}`,
        );
        continue;
      }
      const name = item.command.name;
      verify.read[name] = (verify.read[name] ?? 0) + 1;
      const again = api.toBytes(
        api.encodeCommand(item.command, { tag: item.tag, capabilities: ENCODER_CAPABILITIES }),
      );
      if (item.tag === tag && same(again, bytes)) verify.roundTrip++;
      else problem(`${tag}: read back and encoded again, ${JSON.stringify(new TextDecoder().decode(again))}`);
    }
  }
  for (const item of reader.end()) problem(`end of stream: ${item.type}`);
  verify.sha256 = hash.digest('hex');
  for (const k of COMMAND_KINDS) {
    if ((verify.read[k] ?? 0) !== corpus.counts[k])
      problem(`${k}: read back ${verify.read[k] ?? 0}, expected ${corpus.counts[k]}`);
  }
  if (verify.roundTrip !== verify.commands)
    problem(`${verify.commands - verify.roundTrip} commands did not encode again to the same bytes`);
  return { verify, problems };
}

/**
 * Times the whole list and each command name's list on its own, then verifies. The
 * verification comes last because its round trip encodes the commands `CommandReader` built:
 * objects of other hidden classes than a client's own, which would leave the encoder's property
 * loads polymorphic for the timed runs (about 10 % of the encoder's time in a profile, helper
 * report of session 14). A client encodes the commands it builds; the timed runs see those.
 * The sizes and the sha256 are checked against the same encoder's output either way.
 */
export async function benchEncoder(
  api: Api,
  corpus: CommandCorpus,
  plan: TimingPlan,
  log: (s: string) => void,
): Promise<EncoderResult> {
  const result: EncoderResult = {
    shape: corpus.shape,
    capabilities: ENCODER_CAPABILITIES,
    path: 'CommandEncoder.encode(cmd) -> toBytes(fragments), one encoder per run',
    verify: { commands: 0, bytes: 0, sha256: '', crlf: 0, read: {}, roundTrip: 0 },
    rows: [],
    problems: [],
  };
  // Each name alone first, then the whole session: by then every encoder is warm, as in a client.
  const lists: ['all' | CommandKind, Command[]][] = [
    ...COMMAND_KINDS.map((k): [CommandKind, Command[]] => [k, corpus.commands.filter((c) => c.name === k)]),
    ['all', corpus.commands],
  ];
  for (const [list, commands] of lists) {
    const bytes = encodeAll(api, commands);
    let sink = 0;
    const timing = await measureRun(() => {
      sink += encodeAll(api, commands);
    }, plan);
    if (sink % bytes !== 0) throw new Error('encoder output size changed between runs');
    const s = timing.medianMs / 1000;
    const row: EncoderRow = {
      list,
      commands: commands.length,
      bytes,
      timing,
      commandsPerSec: commands.length / s,
      mbps: bytes / 1e6 / s,
    };
    result.rows.push(row);
    log(
      `   ${list.padEnd(7)} ${String(commands.length).padStart(7)} cmds: ${(row.commandsPerSec / 1e6).toFixed(2).padStart(5)} M cmds/s, ${row.mbps.toFixed(1).padStart(6)} MB/s ±${timing.spreadPct.toFixed(1)}% (${timing.samplesMs.length} runs)`,
    );
  }
  const { verify, problems } = verifyEncoder(api, corpus);
  result.verify = verify;
  result.problems = problems;
  const all = result.rows.find((r) => r.list === 'all');
  if (all && all.bytes !== verify.bytes)
    problems.push(`timed runs wrote ${all.bytes} bytes, the verified run ${verify.bytes}`);
  log(
    `   verify: ${verify.commands} commands, ${verify.bytes} bytes, sha256 ${verify.sha256}, ${verify.crlf} end in CRLF, ${verify.roundTrip} read back and re-encoded identically`,
  );
  for (const p of problems) log(`!! encoder: ${p}`);
  return result;
}

const PROBE = fileURLToPath(new URL('./encoder-probe.ts', import.meta.url));
/** tsx's loader by URL, so the child resolves it whatever the working directory. */
const TSX = import.meta.resolve('tsx');

/** {@link benchEncoder} in a fresh process (its progress lines go to this one's stderr). */
export function benchEncoderInChild(scale: number, plan: TimingPlan): Promise<EncoderResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, PROBE, String(scale), JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit code ${code}`);
        resolve(JSON.parse(line) as EncoderResult);
      } catch (e) {
        reject(new Error(`the encoder probe failed (${(e as Error).message}): ${out.slice(-200)}`));
      }
    });
  });
}
