/**
 * The fuzz targets of `npm run fuzz` (test/fuzz/run.ts) and of the regression replay
 * (test/fuzz-regressions.test.ts): each makes a damaged input from its seeds and checks it.
 * A check returns the broken guarantees (empty: none), so a finding is recorded, not thrown.
 *
 * - `response`: server bytes (real captures and encoded arbitrary responses), hostile mutator,
 *   the response decoder's contract (src/testing/contract.ts) under one-byte, random-cut and
 *   TCP-like chunkings.
 * - `command`: client bytes (the bench command corpus), the command reader's contract.
 * - `bodystructure`: FETCH BODY/BODYSTRUCTURE responses damaged inside the tree; the contract,
 *   then every tree helper (walk, sections, attachments, text parts, fetch plan) must not throw.
 * - `mutf7`: modified UTF-7 from mailbox names, damaged: decoding never throws; every string
 *   without lone surrogates round-trips.
 * - `header`: RFC 2047 encoded words and raw header bytes, damaged: decoding never throws and
 *   gives a string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  attachments,
  type BodyStructure,
  type DecoderOptions,
  decodeCharset,
  decodeEncodedWords,
  decodeHeaderBytes,
  decodeModifiedUtf7,
  encodeCommand,
  encodeModifiedUtf7,
  encodeResponse,
  filename,
  findSection,
  inlineImages,
  isMultipart,
  messageSections,
  planFetch,
  ResponseDecoder,
  textParts,
  walk,
} from '../../src/index.ts';
import { command } from '../../src/testing/arbitrary-commands.ts';
import { bodyStructure } from '../../src/testing/arbitrary-response-values.ts';
import { response } from '../../src/testing/arbitrary-responses.ts';
import { type Chunking, ONE_BYTE, splitAt, splitBySizes } from '../../src/testing/chunking.ts';
import { checkCommandContract, checkResponseContract } from '../../src/testing/contract.ts';
import { encodedWordB, encodedWordQ, SENTENCES, SUBJECTS } from '../../src/testing/corpus/mail-text.ts';
import { applyMutation, HOSTILE_BYTES, type Mutation, randomMutation } from '../../src/testing/mutator.ts';
import { bodystructureResponses, capturedResponses, commandSeeds } from './seeds.ts';

/** A seeded source in [0, 1) (mulberry32, as the corpus generator). */
export type Rand = () => number;

/** One damaged input and the options it is checked with (both go into a finding's fixture). */
export interface Case {
  input: Uint8Array;
  options: DecoderOptions & { maxLineLength?: number; maxLiteralSize?: number };
  mutations: string[];
}

export interface Target {
  name: string;
  /** Builds the seeds (once per run). */
  prepare(): void;
  next(rand: Rand): Case;
  check(c: Pick<Case, 'input' | 'options'>, rand?: Rand): string[];
}

const LIMIT_SETS: DecoderOptions[] = [
  {},
  { strict: true },
  { maxLineLength: 1024, maxLiteralSize: 4096, maxResponseSize: 16384, maxDepth: 32 },
  { maxLineLength: 80, maxLiteralSize: 16, maxResponseSize: 200, maxDepth: 4 },
];

const int = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: Rand, a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One-byte, two random cut sets and a TCP-like size: what every check compares to one push. */
function chunkingsFor(rand: Rand): Chunking[] {
  const cuts = Array.from({ length: int(rand, 1, 8) }, () => int(rand, 0, 1 << 20));
  const sizes = [pick(rand, [1, 2, 3, 7, 536, 1460, 4096]), int(rand, 1, 300)];
  return [
    ONE_BYTE,
    { name: `cuts ${cuts.join(',')}`, split: (b) => splitAt(b, cuts) },
    { name: `sizes ${sizes.join(',')}`, split: (b) => splitBySizes(b, sizes) },
  ];
}

/** A fixed set of chunkings for replaying a finding (no randomness). */
const REPLAY: Chunking[] = [
  ONE_BYTE,
  { name: 'cuts 1,2,3,5,8,13,21,34', split: (b) => splitAt(b, [1, 2, 3, 5, 8, 13, 21, 34]) },
  { name: 'sizes 1460', split: (b) => splitBySizes(b, [1460]) },
  { name: 'sizes 7,3', split: (b) => splitBySizes(b, [7, 3]) },
];

function damage(rand: Rand, valid: Uint8Array, limits: DecoderOptions, focus?: [number, number]): Case {
  const n = int(rand, 1, 4);
  let input = valid;
  const ms: string[] = [];
  for (let k = 0; k < n; k++) {
    const m: Mutation = randomMutation(rand, {
      maxLineLength: limits.maxLineLength ?? 4096,
      maxDepth: limits.maxDepth ?? 64,
    });
    if (focus !== undefined && k === 0) m.at = int(rand, focus[0], focus[1]);
    input = applyMutation(input, m);
    ms.push(m.kind);
  }
  return { input, options: limits, mutations: ms };
}

function sampleSeeds<T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] {
  return fc.sample(arb, { numRuns: n, seed });
}

// ---- response ---------------------------------------------------------------------------------

let responseSeeds: Uint8Array[] = [];

const responseTarget: Target = {
  name: 'response',
  prepare() {
    responseSeeds = [
      ...capturedResponses(),
      ...sampleSeeds(response, 400, 21).map((r) => encodeResponse(r).slice()),
    ];
  },
  next(rand) {
    const k = int(rand, 1, 3);
    const i = int(rand, 0, responseSeeds.length - 1);
    return damage(rand, concat(responseSeeds.slice(i, i + k)), pick(rand, LIMIT_SETS));
  },
  check(c, rand) {
    return checkResponseContract(c.input, c.options, rand === undefined ? REPLAY : chunkingsFor(rand))
      .violations;
  },
};

// ---- command ----------------------------------------------------------------------------------

let commandSeedBytes: Uint8Array[] = [];

const commandTarget: Target = {
  name: 'command',
  prepare() {
    const wire = (fs: readonly { bytes: Uint8Array }[]): Uint8Array => concat(fs.map((f) => f.bytes));
    commandSeedBytes = [
      ...commandSeeds(400),
      ...sampleSeeds(command(false), 400, 22).map((c, k) =>
        wire(encodeCommand(c, { tag: `C${k}`, capabilities: k % 3 === 0 ? ['IMAP4rev2', 'LITERAL+'] : [] })),
      ),
    ];
  },
  next(rand) {
    const k = int(rand, 1, 3);
    const i = int(rand, 0, commandSeedBytes.length - 1);
    const limits = pick(rand, [
      {},
      { maxLineLength: 1024, maxLiteralSize: 4096 },
      { maxLineLength: 80, maxLiteralSize: 16 },
    ]);
    return damage(rand, concat(commandSeedBytes.slice(i, i + k)), limits);
  },
  check(c, rand) {
    return checkCommandContract(c.input, c.options, rand === undefined ? REPLAY : chunkingsFor(rand))
      .violations;
  },
};

// ---- bodystructure ----------------------------------------------------------------------------

let bodySeeds: Uint8Array[] = [];
const BODY_WORD = new TextEncoder().encode('BODY');

function treeHelpers(root: BodyStructure): void {
  for (const e of walk(root)) {
    if (e.node.section !== undefined) findSection(root, e.node.section);
    filename(e.node);
    if (!isMultipart(e.node)) messageSections(e.node);
  }
  attachments(root);
  inlineImages(root);
  textParts(root);
  planFetch(root, { budget: 4096 });
}

const bodystructureTarget: Target = {
  name: 'bodystructure',
  prepare() {
    const fetchOf = (b: BodyStructure, k: number, ext: boolean): Uint8Array =>
      encodeResponse({
        type: 'untagged',
        kind: 'fetch',
        seq: k + 1,
        attributes: ext ? { bodyStructure: b } : { body: b },
      }).slice();
    bodySeeds = [
      ...bodystructureResponses(),
      ...sampleSeeds(bodyStructure(true), 200, 23).map((b, k) => fetchOf(b, k, true)),
      ...sampleSeeds(bodyStructure(false), 100, 24).map((b, k) => fetchOf(b, k, false)),
    ];
  },
  next(rand) {
    const valid = pick(rand, bodySeeds);
    // Damage inside the tree: from the first "BODY" on.
    let at = 0;
    for (let i = 0; i + 4 <= valid.length; i++) {
      if (BODY_WORD.every((c, j) => valid[i + j] === c)) {
        at = i;
        break;
      }
    }
    return damage(rand, valid, pick(rand, LIMIT_SETS), [at, valid.length - 1]);
  },
  check(c, rand) {
    const v = checkResponseContract(
      c.input,
      c.options,
      rand === undefined ? REPLAY : chunkingsFor(rand),
    ).violations;
    const dec = new ResponseDecoder(c.options);
    for (const item of [...dec.push(c.input.slice()), ...dec.end()]) {
      if (item.type !== 'untagged' || item.kind !== 'fetch') continue;
      for (const root of [item.attributes.bodyStructure, item.attributes.body]) {
        if (root === undefined) continue;
        try {
          treeHelpers(root);
        } catch (e) {
          v.push(
            `a tree helper threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`,
          );
        }
      }
    }
    return v;
  },
};

// ---- mutf7 ------------------------------------------------------------------------------------

let mutf7Seeds: Uint8Array[] = [];
const utf8 = new TextEncoder();
const latin1 = new TextDecoder('latin1');

const mutf7Target: Target = {
  name: 'mutf7',
  prepare() {
    const names = sampleSeeds(fc.string({ unit: 'grapheme', maxLength: 12 }), 300, 25);
    mutf7Seeds = [...names, ...SUBJECTS, '~peter/mail/台北/日本語', 'Tom & Jerry', '&-&-'].map((s) =>
      utf8.encode(encodeModifiedUtf7(s)),
    );
  },
  next(rand) {
    const valid = pick(rand, mutf7Seeds);
    const c = damage(rand, valid, {});
    // Half the time, a string of the encoder's alphabet instead of arbitrary bytes.
    if (rand() < 0.3) c.input = c.input.map((b) => (b > 0x7e ? pick(rand, [...HOSTILE_BYTES]) & 0x7f : b));
    return c;
  },
  check(c) {
    const v: string[] = [];
    const text = latin1.decode(c.input);
    let decoded: string | undefined;
    try {
      decoded = decodeModifiedUtf7(text);
    } catch (e) {
      v.push(`decodeModifiedUtf7 threw ${String(e)}`);
    }
    if (decoded !== undefined) {
      // A string it decodes encodes back to the canonical form, which decodes to the same string.
      try {
        const again = decodeModifiedUtf7(encodeModifiedUtf7(decoded));
        if (again !== decoded)
          v.push(`decode(encode(${JSON.stringify(decoded)})) gave ${JSON.stringify(again)}`);
      } catch (e) {
        v.push(`encodeModifiedUtf7 threw on a decoded string: ${String(e)}`);
      }
    }
    // Read as UTF-8 text (what a careless caller passes): never throws either.
    try {
      const s = new TextDecoder().decode(c.input);
      const d = decodeModifiedUtf7(s);
      if (d !== undefined && typeof d !== 'string') v.push('not a string');
      const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
      if (!lone && decodeModifiedUtf7(encodeModifiedUtf7(s)) !== s)
        v.push(`${JSON.stringify(s)} does not round-trip`);
    } catch (e) {
      v.push(`threw ${String(e)}`);
    }
    return v;
  },
};

// ---- header -----------------------------------------------------------------------------------

let headerSeeds: Uint8Array[] = [];
const CHARSETS = [
  'utf-8',
  'iso-8859-1',
  'windows-1252',
  'iso-2022-jp',
  'koi8-r',
  'gb2312',
  'x-unknown',
  'utf-7',
  '',
];

const headerTarget: Target = {
  name: 'header',
  prepare() {
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'corpus');
    const lines: Uint8Array[] = [];
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.eml')) continue;
      const raw = new Uint8Array(readFileSync(join(dir, f)));
      const head = latin1.decode(raw).split(/\r?\n\r?\n/)[0] ?? '';
      for (const l of head.split(/\r?\n(?![ \t])/))
        if (l.includes(':')) lines.push(Uint8Array.from(l, (ch) => ch.charCodeAt(0)));
    }
    headerSeeds = [
      ...lines,
      ...[...SENTENCES, ...SUBJECTS].flatMap((s) => [
        utf8.encode(encodedWordB(s)),
        utf8.encode(encodedWordQ(s)),
      ]),
    ];
  },
  next(rand) {
    const k = int(rand, 1, 3);
    const parts: Uint8Array[] = [];
    for (let j = 0; j < k; j++)
      parts.push(pick(rand, headerSeeds), utf8.encode(pick(rand, [' ', '', '\r\n ', '\t'])));
    return damage(rand, concat(parts), {});
  },
  check(c) {
    const v: string[] = [];
    const attempts: [string, () => unknown][] = [
      ['decodeHeaderBytes', () => decodeHeaderBytes(c.input)],
      ['decodeEncodedWords(latin1)', () => decodeEncodedWords(latin1.decode(c.input))],
      ['decodeEncodedWords(utf-8)', () => decodeEncodedWords(new TextDecoder().decode(c.input))],
      ...CHARSETS.map((cs): [string, () => unknown] => [
        `decodeCharset(${cs})`,
        () => decodeCharset(c.input, cs) ?? '',
      ]),
    ];
    for (const [name, f] of attempts) {
      try {
        const s = f();
        if (typeof s !== 'string') v.push(`${name} gave ${typeof s}`);
      } catch (e) {
        v.push(`${name} threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`);
      }
    }
    return v;
  },
};

export const TARGETS: Readonly<Record<string, Target>> = {
  response: responseTarget,
  command: commandTarget,
  bodystructure: bodystructureTarget,
  mutf7: mutf7Target,
  header: headerTarget,
};
