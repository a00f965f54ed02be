/**
 * The golden of every ENVELOPE and BODY/BODYSTRUCTURE tree the decoder hands out (issue #23): a
 * canonical text of each tree, own enumerable keys in their order (what `Object.keys`, spreading,
 * `JSON.stringify` and `structuredClone` see), dates as their time, bytes as hex, and whether a
 * key is present with `undefined`; digests of it per group of trees, so that a change in any
 * property of any tree, or in the order of its keys, fails the test and says which trees.
 *
 * Written from the commit before a parser change (`write-tree-golden.ts BASE_DIST`), compared
 * after it by test/tree-golden.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WORKLOADS } from '../../src/testing/corpus/index.ts';

/** What the digests are taken over: fixtures with ENVELOPE or BODY trees, and the bench corpus. */
export function treeSources(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir).sort()) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.bin')) {
        const bytes = new Uint8Array(readFileSync(p));
        const text = Buffer.from(bytes).toString('latin1');
        if (/ENVELOPE|BODY(STRUCTURE)? \(/i.test(text)) out.push({ name: p, bytes });
      }
    }
  };
  walk('fixtures');
  const corpus = WORKLOADS['envelope-bodystructure']!;
  out.push({ name: 'corpus:envelope-bodystructure@0.2', bytes: corpus(0.2).bytes });
  out.push({ name: 'corpus:envelope-bodystructure@0.1,seed7', bytes: corpus(0.1, 7).bytes });
  return out;
}

/** The canonical text of one value (see the file comment). */
export function canonical(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
      return String(v);
    case 'object': {
      if (v instanceof Date) return `Date(${v.getTime()})`;
      if (v instanceof Uint8Array) return `bytes(${Buffer.from(v).toString('hex')})`;
      if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
      const proto = Object.getPrototypeOf(v);
      const tag = proto === Object.prototype ? '' : `<${proto?.constructor?.name ?? 'null'}>`;
      return `${tag}{${Object.keys(v)
        .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
        .join(',')}}`;
    }
    default:
      return `?${typeof v}`;
  }
}

interface Item {
  type: string;
  kind?: string;
  attributes?: Record<string, unknown>;
}

/** Every tree of the FETCH responses in `items`, in order, as canonical text. */
export function treesOf(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind !== 'fetch' || !item.attributes) continue;
    for (const key of ['envelope', 'bodyStructure', 'body'])
      if (key in item.attributes) out.push(`${key}=${canonical(item.attributes[key])}`);
  }
  return out;
}

/** Trees per digest. */
export const GROUP = 50;

export interface TreeGolden {
  trees: number;
  /** sha256 (hex, first 16 digits) of each group of {@link GROUP} trees' canonical texts. */
  digests: string[];
}

export function digest(trees: readonly string[]): TreeGolden {
  const digests: string[] = [];
  for (let i = 0; i < trees.length; i += GROUP) {
    const h = createHash('sha256');
    for (const t of trees.slice(i, i + GROUP)) h.update(t).update('\n');
    digests.push(h.digest('hex').slice(0, 16));
  }
  return { trees: trees.length, digests };
}

export const GOLDEN_FILE = 'fixtures/golden/trees.json';
