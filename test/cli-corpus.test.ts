/** `imap-wire corpus`: deterministic traffic with a sidecar a decoder can be checked against. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CorpusSidecar, makeCorpus, sha256 } from '../src/cli/corpus.ts';
import { ResponseDecoder } from '../src/index.ts';
import { WORKLOADS } from '../src/testing/corpus/index.ts';

function cli(args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'corpus', ...args]);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

/** What the decoder counts in a corpus: the sidecar's fields. */
function count(bytes: Uint8Array): { responses: number; uidSum: number; bodyBytes: number; errors: number } {
  const dec = new ResponseDecoder();
  const c = { responses: 0, uidSum: 0, bodyBytes: 0, errors: 0 };
  for (let i = 0; i < bytes.length; i += 1460) {
    for (const item of dec.push(bytes.subarray(i, i + 1460))) {
      if (item.type === 'error') {
        c.errors++;
        continue;
      }
      c.responses++;
      if (item.type === 'untagged' && item.kind === 'fetch') {
        c.uidSum += item.attributes.uid ?? 0;
        for (const s of item.attributes.sections ?? []) c.bodyBytes += s.value?.length ?? 0;
      }
    }
  }
  return c;
}

describe('imap-wire corpus', () => {
  test('the same sha256 for a seed across runs (and this one pinned)', () => {
    const a = cli(['--workload', 'mixed-session', '--seed', '7', '--scale', '0.01']);
    const b = cli(['--workload', 'mixed-session', '--seed', '7', '--scale', '0.01']);
    expect(a.status).toBe(0);
    const side = JSON.parse(a.stderr) as CorpusSidecar;
    expect(JSON.parse(b.stderr)).toEqual(side);
    expect(side.sha256).toBe('e63a995db21888f61844c7ea157e7b93c9ec3af6d7530fa9aef37c9dc2f505a0');
    expect(sha256(new Uint8Array(a.stdout))).toBe(side.sha256);
    expect(Buffer.compare(a.stdout, b.stdout)).toBe(0);
    expect(side.bytes).toBe(a.stdout.length);
  });

  test('--out writes the bytes and FILE.expect.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'corpus-')), 'fs.bin');
    expect(cli(['--workload', 'flags-sync', '--scale', '0.01', '--seed', '3', '--out', out]).status).toBe(0);
    const side = JSON.parse(readFileSync(`${out}.expect.json`, 'utf8')) as CorpusSidecar;
    expect(sha256(new Uint8Array(readFileSync(out)))).toBe(side.sha256);
    expect(side).toMatchObject({ workload: 'flags-sync', seed: 3, scale: 0.01 });
  });

  test('seed 0 is the benchmark corpus; other seeds give other bytes', () => {
    const bench = WORKLOADS['flags-sync']!(0.01);
    expect(makeCorpus('flags-sync', 0, 0.01).sidecar.sha256).toBe(sha256(bench.bytes));
    expect(makeCorpus('flags-sync', 1, 0.01).sidecar.sha256).not.toBe(sha256(bench.bytes));
  });

  test.each(Object.keys(WORKLOADS))('%s: the decoder counts what the sidecar says (seed 11)', (w) => {
    const { bytes, sidecar } = makeCorpus(w, 11, 0.01);
    const c = count(bytes);
    expect(c).toEqual({
      responses: sidecar.responses,
      uidSum: sidecar.uidSum,
      bodyBytes: sidecar.bodyBytes,
      errors: 0,
    });
  });

  test('usage errors exit 2 with the help', () => {
    const r = cli(['--workload', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown workload nope');
    expect(cli(['--seed', '1']).stderr).toContain('--workload is required');
    expect(cli(['--list']).stdout.toString().split('\n')).toContain('mixed-session');
  });
});
