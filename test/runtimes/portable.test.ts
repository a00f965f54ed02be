/** The portable suite under vitest on Node (npm test); run.ts runs the same module on every runtime. */
import { expect, test } from 'vitest';
import { loadFixtures } from './fixtures.ts';
import { run } from './portable.ts';

test('the portable suite passes on Node, from src/', () => {
  const r = run(loadFixtures());
  expect(r.failures).toEqual([]);
  expect(r.failed).toBe(0);
  expect(r.groups['captures']).toBeGreaterThan(500);
  expect(r.groups['encoder']).toBeGreaterThan(100);
  expect(r.groups['toolkit']).toBeGreaterThan(30);
}, 120_000); // ~3 s alone; byte-by-byte decoding of every capture is slow on a loaded machine
