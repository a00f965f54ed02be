/**
 * The runtime-neutral suite: the same module runs on Node, Deno, Bun, and in Chromium on the
 * main thread and in a module worker (test/runtimes/run.ts bundles it with the built `dist/` and
 * the fixtures as bytes), and must give the same counts and the same digest everywhere.
 *
 * It imports nothing but the package and plain data: no `node:` module, no `Buffer`, no test
 * framework. Where the platform has no `Buffer` (browsers, workers), the core's fallback paths
 * run, so equal results there show that the fallbacks decode as the Node fast paths do.
 */
import { itemToJson } from '../../src/cli/json.ts';
import {
  attachments,
  type BodyStructure,
  type Command,
  CommandReader,
  type DecodeItem,
  encodeCommand,
  filename,
  findSection,
  inlineImages,
  messageSections,
  planFetch,
  ResponseDecoder,
  textParts,
  toBytes,
  walk,
} from '../../src/index.ts';
import { EXTENSION_CASES, EXTENSION_CASES_2, RFC3501_CASES } from '../encoder/cases.ts';

/** A capture (the bytes a server sent) and the golden JSON Lines it decodes to. */
export interface Fixture {
  name: string;
  bytes: Uint8Array;
  golden: string;
}

export interface PortableFixtures {
  /** fixtures/dovecot/*.s2c.bin and fixtures/cases/*.s2c.bin with their golden JSON. */
  captures: Fixture[];
  /** fixtures/dovecot-interop/bodystructure.s2c.bin with its toolkit golden. */
  toolkit: Fixture;
}

export interface PortableResult {
  passed: number;
  failed: number;
  /** Checks per group: `captures`, `encoder`, `toolkit`. */
  groups: Record<string, number>;
  /** The first failures, for the log. */
  failures: string[];
  /** FNV-1a of everything the checks produced: equal digests mean equal output, not only equal counts. */
  digest: string;
  /** Whether this platform has Node's `Buffer` (the core's fast paths) or not (its fallbacks). */
  buffer: boolean;
}

/** Split positions to try: `samples` spread evenly plus the edges. */
function splitPositions(length: number, samples: number): number[] {
  const out = new Set<number>([1, 2, length - 2, length - 1]);
  for (let k = 1; k <= samples; k++) out.add(Math.floor((k * length) / (samples + 1)));
  return [...out].filter((p) => p > 0 && p < length).sort((a, b) => a - b);
}

/** The golden JSON of decoded items (errors by code, offset, excerpt and expected). */
export function goldenLines(items: DecodeItem[]): string {
  let out = '';
  for (const i of items) {
    const j =
      i.type === 'error'
        ? {
            type: 'error',
            code: i.error.code,
            offset: i.error.offset,
            excerpt: i.error.excerpt,
            expected: i.error.expected,
          }
        : itemToJson(i);
    out += `${JSON.stringify(j)}\n`;
  }
  return out;
}

function decodeChunks(chunks: Uint8Array[]): DecodeItem[] {
  const dec = new ResponseDecoder();
  const out: DecodeItem[] = [];
  for (const c of chunks) for (const item of dec.push(c)) out.push(item);
  for (const item of dec.end()) out.push(item);
  return out;
}

/** What the BODYSTRUCTURE toolkit says of each FETCH tree, one JSON line per message. */
export function toolkitLines(items: DecodeItem[]): string {
  let out = '';
  for (const item of items) {
    if (item.type !== 'untagged' || item.kind !== 'fetch') continue;
    const tree: BodyStructure | undefined = item.attributes.bodyStructure ?? item.attributes.body;
    if (tree === undefined) continue;
    const nodes = [...walk(tree)].map(({ node, depth }) => [
      depth,
      node.section ?? null,
      `${node.type}/${node.subtype}`,
    ]);
    const found = [...walk(tree)].every(
      ({ node }) => node.section === undefined || findSection(tree, node.section) === node,
    );
    const text = textParts(tree);
    const line = {
      seq: item.seq,
      nodes,
      found,
      attachments: attachments(tree).map((p) => [p.section, filename(p) ?? null]),
      inline: inlineImages(tree).map((i) => i.part.section),
      text: [text.plain?.section ?? null, text.html?.section ?? null],
      messages: attachments(tree).map((p) => messageSections(p) ?? null),
      plan: planFetch(tree, { budget: 16 * 1024 }),
      small: planFetch(tree, { budget: 512 }).items,
    };
    out += `${JSON.stringify(line)}\n`;
  }
  return out;
}

/** Runs every check; never throws (a thrown error is a failed check). */
export function run(fixtures: PortableFixtures): PortableResult {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  const groups: Record<string, number> = {};
  let hash = 0x811c9dc5;
  const mix = (s: string): void => {
    for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193) >>> 0;
  };
  const check = (group: string, name: string, fn: () => string | true): void => {
    groups[group] = (groups[group] ?? 0) + 1;
    let problem: string | true;
    try {
      problem = fn();
    } catch (e) {
      problem = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    if (problem === true) passed++;
    else {
      failed++;
      if (failures.length < 20) failures.push(`${group} ${name}: ${problem}`);
    }
  };
  const same = (got: string, want: string): string | true => {
    mix(got);
    if (got === want) return true;
    let i = 0;
    while (i < got.length && got[i] === want[i]) i++;
    return `differs at ${i}: got …${got.slice(Math.max(0, i - 60), i + 60)}… want …${want.slice(Math.max(0, i - 60), i + 60)}…`;
  };

  // The golden fixtures: whole, one byte per push, and split in two at sampled positions.
  for (const f of fixtures.captures) {
    check('captures', `${f.name} whole`, () => same(goldenLines(decodeChunks([f.bytes.slice()])), f.golden));
    check('captures', `${f.name} byte by byte`, () => {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < f.bytes.length; i++) chunks.push(f.bytes.slice(i, i + 1));
      return same(goldenLines(decodeChunks(chunks)), f.golden);
    });
    for (const p of splitPositions(f.bytes.length, 48)) {
      check('captures', `${f.name} split at ${p}`, () =>
        same(goldenLines(decodeChunks([f.bytes.slice(0, p), f.bytes.slice(p)])), f.golden),
      );
    }
  }

  // The encoder's known answers, then encode → read back → encode gives the same bytes.
  const cases: [string, Command, string][] = [...RFC3501_CASES, ...EXTENSION_CASES, ...EXTENSION_CASES_2];
  const latin1 = (b: Uint8Array): string => {
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return s;
  };
  for (const [name, cmd, wire] of cases) {
    const tag = wire.slice(0, wire.indexOf(' '));
    check('encoder', `${name} known answer`, () => same(latin1(toBytes(encodeCommand(cmd, { tag }))), wire));
    check('encoder', `${name} round trip`, () => {
      const bytes = toBytes(encodeCommand(cmd, { tag }));
      const reader = new CommandReader();
      const read: Command[] = [];
      for (const item of [...reader.push(bytes), ...reader.end()]) {
        if (item.type === 'command') read.push(item.command);
        else if (item.type === 'error') return `read back: ${item.error.code} at ${item.error.offset}`;
      }
      if (read.length !== 1) return `read back ${read.length} commands`;
      return same(latin1(toBytes(encodeCommand(read[0]!, { tag }))), latin1(bytes));
    });
  }

  // The BODYSTRUCTURE toolkit on Dovecot's trees of the MIME corpus.
  const t = fixtures.toolkit;
  const trees = decodeChunks([t.bytes]);
  check('toolkit', `${t.name} decodes without errors`, () => {
    const errors = trees.filter((i) => i.type === 'error').length;
    return errors === 0 ? true : `${errors} errors`;
  });
  const want = t.golden.split('\n');
  const got = toolkitLines(trees).split('\n');
  check('toolkit', `${t.name} message count`, () => same(String(got.length), String(want.length)));
  for (let i = 0; i < want.length - 1; i++)
    check('toolkit', `${t.name} message ${i + 1}`, () => same(got[i] ?? '', want[i]!));

  return {
    passed,
    failed,
    groups,
    failures,
    digest: hash.toString(16).padStart(8, '0'),
    buffer: typeof (globalThis as { Buffer?: unknown }).Buffer === 'function',
  };
}
