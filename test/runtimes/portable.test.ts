/** The portable suite under vitest on Node (npm test); run.ts runs the same module on every runtime. */
import { expect, test } from 'vitest';
import { loadFixtures } from './fixtures.ts';
import { run } from './portable.ts';
import { addDriverChecks } from './portable-driver.ts';

test('the portable suite passes on Node, from src/', () => {
  const r = run(loadFixtures());
  expect(r.failures).toEqual([]);
  expect(r.failed).toBe(0);
  expect(r.groups['captures']).toBeGreaterThan(500);
  expect(r.groups['encoder']).toBeGreaterThan(100);
  expect(r.groups['toolkit']).toBeGreaterThan(30);
}, 120_000); // ~3 s alone; byte-by-byte decoding of every capture is slow on a loaded machine

test('the web-streams driver checks pass on Node, from src/', async () => {
  const r = await addDriverChecks({
    passed: 0,
    failed: 0,
    groups: {},
    failures: [],
    digest: '',
    buffer: true,
  });
  expect(r.failures).toEqual([]);
  expect(r.groups['driver']).toBe(2);
});
