/**
 * Probes again the memory cells of bench/results.json whose probe failed (a child process that
 * died while other jobs held the machine's memory), and renders results.md again with them; the
 * sections run.ts appends after the tables (streamed bodies, big mailboxes) are kept as written.
 *
 *   npx tsx bench/reprobe.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKLOADS } from '../src/testing/corpus/index.ts';
import { probeMemory } from './harness/memory.ts';
import { type Results, renderMarkdown } from './harness/results.ts';

const base = fileURLToPath(new URL('./results', import.meta.url));
const results = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Results;
const failed = results.cells.filter((c) => c.memory !== undefined && 'error' in c.memory);
const files = new Map<string, string>();
for (const cell of failed) {
  let file = files.get(cell.workload);
  if (file === undefined) {
    file = join(fileURLToPath(new URL('.', import.meta.url)), `.reprobe-${cell.workload}.bin`);
    writeFileSync(file, WORKLOADS[cell.workload]!(1).bytes);
    files.set(cell.workload, file);
  }
  const peak = await probeMemory(file, cell.adapter, cell.chunk);
  cell.memory = peak instanceof Error ? { error: peak.message } : peak;
  console.error(
    `${cell.workload} @${cell.chunk} ${cell.adapter}: ${peak instanceof Error ? peak.message : 'ok'}`,
  );
}
for (const f of files.values()) rmSync(f, { force: true });
const old = readFileSync(`${base}.md`, 'utf8');
const tail = old.indexOf('\n## Streamed bodies');
writeFileSync(`${base}.md`, renderMarkdown(results) + (tail >= 0 ? old.slice(tail) : ''));
writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
// As run.ts leaves them: in the form `biome check .` expects.
const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
execFileSync(biome, ['format', '--write', `${base}.json`, `${base}.md`], { stdio: 'ignore' });
