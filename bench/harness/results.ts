/** The result model written to bench/results.json, and its Markdown rendering. */
import { readFileSync } from 'node:fs';
import type { Expect } from '../../src/testing/corpus/workload.ts';
import type { Counts } from '../adapters/adapter.ts';
import type { Calibration } from './calibration.ts';
import type { EncoderResult } from './encoder.ts';
import type { MemoryPeak } from './memory.ts';
import type { Timing } from './timing.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  v8: string;
  os: string;
  date: string;
  commit: string | null;
  /** 1-minute load average when the run started and ended: above the core count, other work competed. */
  loadStart: number;
  loadEnd: number;
}

export interface WorkloadInfo {
  name: string;
  shape: string;
  bytes: number;
  sha256: string;
  expect: Expect;
}

export type CellStatus = 'ok' | 'mismatch' | 'n/a';

export interface Cell {
  workload: string;
  chunk: number;
  adapter: string;
  library: string;
  status: CellStatus;
  /** Why the cell is n/a or mismatched: what differs, or what was thrown. */
  reason?: string;
  /** The cause of a mismatch when it is known (../adapters/known-issues.ts). */
  cause?: string;
  counts?: Counts;
  timing?: Timing;
  /** Median throughput, MB = 10^6 bytes. */
  mbps?: number;
  /** imap-wire MB/s over this adapter's MB/s, same workload and chunk size. */
  imapWireRatio?: number;
  memory?: MemoryPeak | { error: string };
}

export interface ScalingPoint {
  factor: number;
  chunk: number;
  bytes: number;
  medianMs: number;
  msPerMB: number;
  /** msPerMB over the 1x msPerMB: 1.0 means linear. */
  relative: number;
}

export interface Results {
  mode: 'full' | 'quick';
  machine: Machine;
  workloads: WorkloadInfo[];
  cells: Cell[];
  scaling: ScalingPoint[];
  /** The reference loops timed beside the adapters of each workload x chunk size. */
  calibration: Calibration[];
  /** Count mismatches and n/a cells, one line each. */
  problems: string[];
  /** Per-workload notes on what the adapters do differently. */
  notes: Record<string, readonly string[]>;
  adapters: { name: string; library: string; path: string }[];
  /** The command encoder section (`--only encoder`), absent when it did not run. */
  encoder?: EncoderResult;
}

/** The issue's target for the encoder: FETCH and STORE each at least this many commands/s. */
export const ENCODER_TARGET = 1_000_000;

const mb = (n: number) => (n / 1e6).toFixed(n >= 1e7 ? 0 : 1);
const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

function memCell(m: Cell['memory'], key: keyof MemoryPeak): string {
  if (!m) return '';
  if ('error' in m) return 'err';
  return mib(Math.max(0, m[key]));
}

function countsCell(c: Cell): string {
  if (c.status === 'ok') return c.counts?.untyped ? `ok (${c.counts.untyped} untyped)` : 'ok';
  return `**${c.status}**: ${c.reason ?? ''}${c.cause ? ' (cause under Problems)' : ''}`;
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# imap-wire benchmark results (${r.mode})`, '');
  out.push(`- machine: ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), ${m.os}`);
  out.push(`- node ${m.node} (V8 ${m.v8}), date ${m.date}${m.commit ? `, commit ${m.commit}` : ''}`);
  if (m.loadStart !== undefined) {
    const busy =
      Math.max(m.loadStart, m.loadEnd) > m.cores
        ? ': other processes competed for the cores, absolute MB/s are low'
        : '';
    out.push(
      `- load average ${m.loadStart.toFixed(1)} at start, ${m.loadEnd.toFixed(1)} at end (${m.cores} cores)${busy}`,
    );
  }
  out.push(
    "- timing: the adapters of one workload x chunk size (and two reference loops, below each table) are timed in interleaved rounds (5 in a full run), so drift in the shared machine's speed reaches every adapter alike;",
  );
  out.push(
    '- MB/s is median throughput, MB = 10^6 bytes; ± is the median absolute deviation over the median;',
  );
  out.push('  "imap-wire ×" is imap-wire MB/s over that adapter\'s MB/s (same bytes, same chunking);');
  out.push(
    '- consumers (issue #23, envelope-bodystructure): a row `X:list` runs adapter X and reads what a mail list shows (UID, flags, date, subject, first sender, whether there is an attachment, the section of the text part to preview), `X:all` reads every field of every envelope and body tree (a checksum over all strings and numbers), each from that library\'s own output (bench/adapters/consumers.ts); their "imap-wire ×" compares with imap-wire\'s row of the same consumer. Rows without a suffix only count responses and UIDs, as before.',
  );
  out.push(
    "  heap / external peaks are above a post-GC baseline in a fresh child process; RSS is that child's peak;",
  );
  out.push(
    '  "live peak": heap + external after two full GCs, sampled every 64 chunks in a second run: what the parser holds, garbage excluded.',
  );
  out.push(
    '- "untyped": responses or FETCH items imap-wire returned as raw bytes (no grammar for them yet);',
  );
  out.push('  there imap-wire framed and skipped what the peers parsed, so the cell is not like for like.');
  out.push(
    '- regenerate: `npm run bench` (full) or `npm run bench:quick`; corpora are seeded, the sha256 below identifies the bytes.',
  );
  out.push('', '| adapter | library | what runs |', '|---|---|---|');
  for (const a of r.adapters) out.push(`| ${a.name} | ${a.library} | ${a.path} |`);
  out.push('');
  if (r.problems.length) {
    out.push('## Problems', '');
    for (const p of r.problems) out.push(`- ${p}`);
    out.push('');
  }
  for (const w of r.workloads) {
    out.push(`## ${w.name}: ${w.shape}`, '');
    out.push(
      `${mb(w.bytes)} MB, sha256 \`${w.sha256}\`, expect ${w.expect.responses} responses, uidSum ${w.expect.uidSum}, bodyBytes ${w.expect.bodyBytes}`,
      '',
    );
    out.push(
      '| chunk | adapter | MB/s | ± | runs | imap-wire × | heap peak | external peak | live peak | RSS peak | counts |',
    );
    out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const c of r.cells.filter((x) => x.workload === w.name)) {
      const t = c.timing;
      out.push(
        `| ${c.chunk} | ${c.adapter} | ${c.mbps !== undefined ? c.mbps.toFixed(1) : 'n/a'} | ${t ? `${t.spreadPct.toFixed(1)}%` : ''} | ${t ? t.samplesMs.length : ''} | ${c.imapWireRatio !== undefined ? `${c.imapWireRatio.toFixed(1)}×` : ''} | ${memCell(c.memory, 'heapPeak')} | ${memCell(c.memory, 'externalPeak')} | ${memCell(c.memory, 'livePeak')} | ${c.memory && !('error' in c.memory) ? mib(c.memory.rssPeak) : ''} | ${countsCell(c)} |`,
      );
    }
    out.push('');
    const cal = (r.calibration ?? []).filter((c) => c.workload === w.name);
    if (cal.length)
      out.push(
        `Reference loops in the same rounds (machine speed, no parsing): ${cal.map((c) => `@${c.chunk} byte loop ${c.byteLoopMBps.toFixed(0)} MB/s, \`indexOf\` framing ${c.indexOfMBps.toFixed(0)} MB/s, one copy of every byte ${c.copyMBps !== undefined ? c.copyMBps.toFixed(0) : 'n/a'} MB/s`).join('; ')}.`,
        '',
      );
    for (const n of r.notes[w.name] ?? []) out.push(`Note: ${n}`, '');
  }
  if (r.encoder) out.push(...renderEncoder(r.encoder));
  if (r.scaling.length) {
    out.push('## Scaling: imap-wire on flags-sync at 1×, 4×, 16×', '');
    out.push('| chunk | factor | MB | median ms | ms per MB | relative to 1× |');
    out.push('|---:|---:|---:|---:|---:|---:|');
    for (const s of r.scaling) {
      out.push(
        `| ${s.chunk} | ${s.factor}× | ${mb(s.bytes)} | ${s.medianMs.toFixed(1)} | ${s.msPerMB.toFixed(2)} | ${s.relative.toFixed(2)} |`,
      );
    }
    out.push('');
  }
  // The hand-written account of the profiles behind the numbers (bench/profile-notes.md).
  out.push(readFileSync(PROFILE_NOTES, 'utf8').trim(), '');
  return out.join('\n');
}

const PROFILE_NOTES = new URL('../profile-notes.md', import.meta.url);

function renderEncoder(e: EncoderResult): string[] {
  const v = e.verify;
  const out = [`## encoder: ${e.shape}`, ''];
  out.push(
    `\`${e.path}\`, capabilities ${e.capabilities.join(' ')}. Output ${v.bytes} bytes, sha256 \`${v.sha256}\`; ${v.crlf} of ${v.commands} commands end in CRLF; CommandReader read back ${Object.entries(
      v.read,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}; ${v.roundTrip} re-encoded to the same bytes.`,
    '',
  );
  out.push('| commands | count | commands/s | MB/s out | ± | runs | bytes per command |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of e.rows) {
    out.push(
      `| ${row.list} | ${row.commands} | ${(row.commandsPerSec / 1e6).toFixed(2)} M | ${row.mbps.toFixed(1)} | ${row.timing.spreadPct.toFixed(1)}% | ${row.timing.samplesMs.length} | ${(row.bytes / row.commands).toFixed(0)} |`,
    );
  }
  out.push('');
  const slow = e.rows.filter(
    (row) => (row.list === 'FETCH' || row.list === 'STORE') && row.commandsPerSec < ENCODER_TARGET,
  );
  out.push(
    `Target: FETCH and STORE at least ${ENCODER_TARGET / 1e6} M commands/s each: ${slow.length ? `**not met** (${slow.map((row) => row.list).join(', ')})` : 'met'}.`,
    '',
    "Note: no peers here. The JS libraries have no encoder that takes these typed commands: imapflow's `handler/imap-compiler` and emailjs-imap-handler's `compiler` serialize an untyped token tree (`{ command, attributes: [{ type: 'ATOM', value }, …] }`) that each library's connection-bound command methods build, and node-imap writes command strings inline in `Connection`; timing them would time different work.",
    '',
  );
  if (e.problems.length) {
    out.push('Problems:', '');
    for (const p of e.problems) out.push(`- ${p}`);
    out.push('');
  }
  return out;
}

/** The compact MB/s matrix printed at the end of a run: workload × chunk rows, adapter columns. */
export function renderSummary(r: Results, adapters: readonly string[]): string {
  const head = ['workload', 'chunk', ...adapters];
  const rows = [head, head.map(() => '---')];
  for (const w of r.workloads) {
    for (const chunk of [...new Set(r.cells.map((c) => c.chunk))]) {
      const row = [w.name, String(chunk)];
      for (const a of adapters) {
        const c = r.cells.find((x) => x.workload === w.name && x.chunk === chunk && x.adapter === a);
        row.push(
          !c
            ? ''
            : c.mbps === undefined
              ? 'n/a'
              : `${c.mbps.toFixed(1)}${c.status === 'mismatch' ? '!' : ''}`,
        );
      }
      rows.push(row);
    }
  }
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}
