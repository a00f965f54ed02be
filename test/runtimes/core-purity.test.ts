/**
 * The core (all of src/ but src/cli/ and src/node/) runs on any web-standard platform: it
 * imports only its own modules (no `node:` module, no package) and names neither `Buffer`
 * nor `process` and `require`, except through a guarded `globalThis` lookup of `Buffer`
 * (src/lexer/alloc.ts, src/lexer/node-slices.ts: Node's fast paths, with fallbacks elsewhere).
 * test/runtimes/run.ts shows that the fallbacks give the same results in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const NOT_CORE = ['src/cli', 'src/node'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return NOT_CORE.includes(p) ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Source without comments and string contents (a comment may name `Buffer`). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

const core = files('src');

test('the core is found', () => {
  expect(core.length).toBeGreaterThan(80);
  expect(core).toContain('src/index.ts');
  expect(core.some((f) => f.startsWith('src/cli/') || f.startsWith('src/node/'))).toBe(false);
});

test.each(core)('%s imports only core modules', (file) => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  for (const s of [...specifiers, ...dynamic]) {
    // imap-wire/testing (src/testing/) is web-standard too, and brings fast-check, its optional
    // peer dependency; the main entry never imports it (src/index.ts is checked like the rest).
    if (file.startsWith('src/testing/') && s === 'fast-check') continue;
    expect(s, `${file} imports ${s}`).toMatch(/^\.\.?\//);
    const target = join(file, '..', s);
    expect(
      NOT_CORE.some((d) => target.startsWith(`${d}/`)),
      `${file} imports ${s}`,
    ).toBe(false);
  }
});

test.each(core)('%s names no Buffer, process or require but through globalThis', (file) => {
  const guarded = /\(globalThis as \{ Buffer\?:[^;]*?\}\)\.Buffer\b/g;
  const rest = code(readFileSync(file, 'utf8')).replace(guarded, '');
  expect(rest.match(/\bBuffer\b|\bprocess\.|\brequire\s*\(|\b__dirname\b/g), file).toBeNull();
});
