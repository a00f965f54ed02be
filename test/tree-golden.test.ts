/**
 * Every property of every ENVELOPE and BODY/BODYSTRUCTURE tree the decoder hands out, in the
 * fixtures and the bench corpus, equals what the commit before issue #23's parser changes handed
 * out (fixtures/golden/trees.json, written by test/helpers/write-tree-golden.ts from that build):
 * the same keys in the same order, the same values, whatever the chunking. And the trees are
 * plain data: a spread copy, `structuredClone` and a JSON round trip read the same values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ResponseDecoder } from '../src/index.ts';
import { chunked, decodeChunks } from './helpers/decode.ts';
import {
  canonical,
  digest,
  GOLDEN_FILE,
  GROUP,
  type TreeGolden,
  treeSources,
  treesOf,
} from './helpers/tree-golden.ts';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, TreeGolden>;
const sources = treeSources();

test('every source has a golden', () => {
  expect(sources.map((s) => s.name).sort()).toEqual(Object.keys(golden).sort());
});

/** Which groups differ, with the first tree of each, for a readable failure. */
function differences(trees: string[], want: TreeGolden): string[] {
  const got = digest(trees);
  const out: string[] = [];
  if (got.trees !== want.trees) out.push(`${got.trees} trees, golden has ${want.trees}`);
  got.digests.forEach((d, i) => {
    if (d !== want.digests[i])
      out.push(
        `trees ${i * GROUP}-${i * GROUP + GROUP - 1} differ; first: ${trees[i * GROUP]!.slice(0, 300)}`,
      );
  });
  return out;
}

describe.each(sources)('$name', ({ name, bytes }) => {
  const want = golden[name]!;

  test('whole, in 1460-byte and 7-byte chunks: the golden trees', () => {
    expect(differences(treesOf(new ResponseDecoder().push(bytes) as never), want)).toEqual([]);
    expect(differences(treesOf(decodeChunks(chunked(bytes, 1460)) as never), want)).toEqual([]);
    if (bytes.length < 200_000)
      expect(differences(treesOf(decodeChunks(chunked(bytes, 7)) as never), want)).toEqual([]);
  });

  test('plain data: spread, structuredClone and JSON read the same values', () => {
    for (const item of new ResponseDecoder().push(bytes).slice(0, 400)) {
      if (item.type !== 'untagged' || item.kind !== 'fetch') continue;
      const a = item.attributes;
      for (const tree of [a.envelope, a.bodyStructure, a.body]) {
        if (tree === undefined) continue;
        expect(canonical(structuredClone(tree))).toBe(canonical(tree));
        expect(canonical({ ...tree })).toBe(canonical(tree));
        expect(JSON.parse(JSON.stringify(tree))).toEqual(JSON.parse(JSON.stringify(structuredClone(tree))));
        for (const k of Object.keys(tree))
          expect(Object.getOwnPropertyDescriptor(tree, k)).toHaveProperty('value');
      }
    }
  });
});

test('trees from the caches are new objects: changing one tree leaves the next alike one alone', () => {
  const line = `* 1 FETCH (ENVELOPE ("d" "s" (("A B" NIL "a" "b.example")) NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE ("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 1 1 NIL ("inline" ("filename" "a.txt")) NIL NIL))\r\n`;
  const dec = new ResponseDecoder();
  const [a] = dec.push(new TextEncoder().encode(line));
  const [b] = dec.push(new TextEncoder().encode(line));
  if (a?.type !== 'untagged' || a.kind !== 'fetch' || b?.type !== 'untagged' || b.kind !== 'fetch')
    throw new Error('not a FETCH');
  const before = canonical(b.attributes);
  const body = a.attributes.bodyStructure as {
    params: { value: string }[];
    disposition: { params: { value: string }[] };
  };
  body.params[0]!.value = 'changed';
  body.params.push({ value: 'x' });
  body.disposition.params[0]!.value = 'changed';
  (a.attributes.envelope!.from![0] as { mailbox: string }).mailbox = 'changed';
  expect(canonical(b.attributes)).toBe(before);
  const [c] = dec.push(new TextEncoder().encode(line));
  expect(canonical((c as typeof b).attributes)).toBe(before);
});
