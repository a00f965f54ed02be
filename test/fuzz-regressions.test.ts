/**
 * Every finding of `npm run fuzz` (fixtures/fuzz/<target>/<hash>.bin, its options and the broken
 * guarantee in the .json beside it) replayed through its target's check. A finding whose fix
 * is pending (`"status": "open"` and a `note` saying whose) is expected to fail, so the test
 * turns red the day it is fixed: then drop the status.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TARGETS } from './fuzz/targets.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'fuzz');

interface Finding {
  target: string;
  options: object;
  violations: string[];
  status?: 'open';
  note?: string;
}

const cases = existsSync(DIR)
  ? readdirSync(DIR).flatMap((target) =>
      readdirSync(join(DIR, target))
        .filter((f) => f.endsWith('.bin'))
        .map((f) => ({ target, file: join(DIR, target, f), name: `${target}/${f}` })),
    )
  : [];

describe('fuzz findings stay fixed', () => {
  test('every fixture names a known target', () => {
    for (const c of cases) expect(Object.keys(TARGETS)).toContain(c.target);
  });

  for (const c of cases) {
    const meta = JSON.parse(readFileSync(c.file.replace(/\.bin$/, '.json'), 'utf8')) as Finding;
    const run = meta.status === 'open' ? test.fails : test;
    run(`${c.name}: ${meta.violations[0]?.slice(0, 80) ?? ''}`, () => {
      const input = new Uint8Array(readFileSync(c.file));
      expect(TARGETS[c.target]!.check({ input, options: meta.options })).toEqual([]);
    });
  }
});
