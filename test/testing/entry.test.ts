/**
 * The `imap-wire/testing` entry: fast-check stays out of the main entry's module graph (it is an
 * optional peer dependency), and the testing entry is web-standard (no `node:` import).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Every bare import (package or `node:`) in the module graph from `entry`. */
function externalImports(entry: string): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else out.set(spec, file);
    }
  };
  visit(join(SRC, entry));
  return out;
}

describe('entry points', () => {
  test('the main entry never loads fast-check', () => {
    expect([...externalImports('index.ts').keys()]).toEqual([]);
  });

  test('imap-wire/testing imports fast-check and nothing from node:', () => {
    const ext = externalImports('testing/index.ts');
    expect([...ext.keys()].sort()).toEqual(['fast-check']);
  });

  test('imap-wire/node holds the TCP fake server and the Node driver', () => {
    expect([...externalImports('node/index.ts').keys()].sort()).toEqual([
      'node:events',
      'node:net',
      'node:stream',
      'node:tls',
      'node:zlib',
    ]);
  });
});
