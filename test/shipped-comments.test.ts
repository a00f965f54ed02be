/**
 * Comments in src/ end up in the shipped `.d.ts` files: they may not name a repository path the
 * package lacks (src/, test/, bench/, fixtures/, DESIGN.md …). test/package/check-tarball.mjs
 * checks the packed tarball in CI; this catches the same in `npm test`, before a pack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const CITED = /\b(?:DESIGN|STYLE|CONTRIBUTING)\.md\b|\b(?:src|test|bench|fixtures|docs)\/[\w./-]*\w/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  );
}

test('no source file names a repository path in its text', () => {
  const found: string[] = [];
  for (const f of files('src'))
    for (const m of readFileSync(f, 'utf8').matchAll(CITED)) found.push(`${f}: ${m[0]}`);
  expect(found).toEqual([]);
});
