/**
 * Mutated input (issue #21, point 3): valid responses and commands damaged by the hostile
 * mutator (src/testing/mutator.ts) never make the decoders throw, give only documented errors,
 * the same items under every chunking, keep nothing past the limits, and the valid response
 * after the damage still decodes (src/testing/contract.ts). Known-answer cases per mutation kind
 * sit beside the properties (Stryker counts plain tests: TOOLCHAIN.md).
 *
 * The seeds are fixed: `npm test` replays the same 1,500 cases every time (never flaky); the
 * exploring is `npm run fuzz`'s job, and what it finds lands in fixtures/fuzz/.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ResponseDecoder } from '../../src/index.ts';
import { encodeResponse } from '../../src/server/response-encoder.ts';
import { response } from '../../src/testing/arbitrary-responses.ts';
import { type Chunking, chunking, ONE_BYTE, splitAt } from '../../src/testing/chunking.ts';
import { checkCommandContract, checkResponseContract } from '../../src/testing/contract.ts';
import {
  applyMutation,
  describeMutation,
  findAnnouncements,
  MUTATION_KINDS,
  type Mutation,
  mutation,
  randomMutation,
} from '../../src/testing/mutator.ts';
import { capturedResponses, commandSeeds } from '../fuzz/seeds.ts';
import { bytes } from '../helpers/decode.ts';

const LIMITS = { maxLineLength: 1024, maxLiteralSize: 4096, maxResponseSize: 16384, maxDepth: 32 };
const options = fc.constantFrom({ ...LIMITS }, { ...LIMITS, strict: true }, { maxDepth: 32 });
const damage = fc.array(mutation(LIMITS), { minLength: 1, maxLength: 3 });
const chunkings = fc.array(chunking(), { minLength: 1, maxLength: 2 });

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function why(ms: Mutation[], cs: readonly Chunking[], violations: string[]): string[] {
  if (violations.length === 0) return [];
  return [`${ms.map(describeMutation).join(', ')} | ${cs.map((c) => c.name).join(' ; ')}`, ...violations];
}

const captured = capturedResponses();
const capturedWindow = fc
  .tuple(fc.nat({ max: captured.length - 1 }), fc.integer({ min: 1, max: 3 }))
  .map(([i, n]) => concat(captured.slice(i, i + n)));
const encoded = fc
  .array(response, { minLength: 1, maxLength: 3 })
  .map((rs) => concat(rs.map((r) => encodeResponse(r).slice())));
const commands = commandSeeds(200);

describe('mutated server bytes (ResponseDecoder)', () => {
  fcTest.prop([fc.oneof(encoded, capturedWindow), damage, options, chunkings], { numRuns: 1000, seed: 2112 })(
    'documented errors only, every chunking the same, within the limits, the next response decodes',
    (valid, ms, opts, cs) => {
      const damaged = ms.reduce(applyMutation, valid);
      const r = checkResponseContract(damaged, opts, cs);
      expect(why(ms, cs, r.violations)).toEqual([]);
    },
    60_000,
  );
});

describe('mutated client bytes (CommandReader)', () => {
  fcTest.prop(
    [
      fc.nat({ max: commands.length - 1 }),
      damage,
      fc.constantFrom({}, { maxLineLength: 1024, maxLiteralSize: 4096 }),
      chunkings,
    ],
    { numRuns: 500, seed: 2113 },
  )(
    'documented errors only, every chunking the same, the next command reads',
    (i, ms, opts, cs) => {
      const damaged = ms.reduce(applyMutation, commands[i]!);
      const r = checkCommandContract(damaged, opts, cs);
      expect(why(ms, cs, r.violations)).toEqual([]);
    },
    60_000,
  );
});

describe('the mutator and its guarantees, known answers', () => {
  const valid = bytes('* 1 FETCH (UID 5 BODY[] {5}\r\nhello)\r\n');
  const decode = (b: Uint8Array, o = LIMITS): string[] => {
    const dec = new ResponseDecoder(o);
    return [...dec.push(b), ...dec.end()].map((i) =>
      i.type === 'error' ? `${i.error.code}@${i.error.offset}` : i.type,
    );
  };
  const text = (b: Uint8Array): string => new TextDecoder().decode(b);

  test('every kind applies to any input, empty included, and keeps the sentinel contract', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 400; k++) {
      const m = randomMutation(rand, LIMITS);
      const input = k % 50 === 0 ? new Uint8Array(0) : valid;
      const r = checkResponseContract(applyMutation(input, m), LIMITS, [ONE_BYTE]);
      expect(why([m], [ONE_BYTE], r.violations)).toEqual([]);
    }
    expect(MUTATION_KINDS).toHaveLength(11);
  });

  test('literal counts: smaller, larger, huge, {n+}, ~{n}', () => {
    const m = (kind: Mutation['kind'], extra: object = {}): string =>
      text(applyMutation(valid, { kind, literal: 0, at: 0, ...extra } as Mutation));
    expect(m('literal-smaller', { by: 2 })).toBe('* 1 FETCH (UID 5 BODY[] {3}\r\nhello)\r\n');
    expect(m('literal-larger', { by: 3 })).toBe('* 1 FETCH (UID 5 BODY[] {8}\r\nhello)\r\n');
    expect(m('literal-huge', { count: 2 ** 32 })).toBe('* 1 FETCH (UID 5 BODY[] {4294967296}\r\nhello)\r\n');
    expect(m('literal-non-sync')).toBe('* 1 FETCH (UID 5 BODY[] {5+}\r\nhello)\r\n');
    expect(m('literal-binary')).toBe('* 1 FETCH (UID 5 BODY[] ~{5}\r\nhello)\r\n');
    expect(findAnnouncements(bytes('a {1}\r\nx ~{22+}\r\n {3}x'))).toEqual([
      { start: 2, end: 5, count: 1 },
      { start: 9, end: 15, count: 22 },
    ]);
    // With no announcement, a count mutation inserts one.
    expect(
      text(applyMutation(bytes('* OK x\r\n'), { kind: 'literal-larger', literal: 3, at: 4, by: 2 })),
    ).toBe('* OK{2}\r\n x\r\n');
  });

  test('the guarantees, one known answer each', () => {
    // smaller: the literal ends early, the rest is grammar: one SYNTAX error.
    expect(decode(applyMutation(valid, { kind: 'literal-smaller', literal: 0, at: 0, by: 2 }))).toEqual([
      'SYNTAX@32',
    ]);
    // huge over maxLiteralSize: LITERAL_TOO_LARGE at the "{", nothing stored; 2^32: BAD_LITERAL_COUNT.
    expect(
      decode(applyMutation(valid, { kind: 'literal-huge', literal: 0, at: 0, count: 2 ** 31 - 1 })),
    ).toEqual([
      'LITERAL_TOO_LARGE@24',
      'TRUNCATED@0', // still skipping its 2^31-1 bytes when the stream ends
    ]);
    expect(decode(applyMutation(valid, { kind: 'literal-huge', literal: 0, at: 0, count: 2 ** 32 }))).toEqual(
      [
        'BAD_LITERAL_COUNT@24',
        'SYNTAX@43', // nothing skipped: "hello)" is the next line
      ],
    );
    // {n+} from a server reads as {n}; ~{n} outside BINARY[] is SYNTAX, its bytes still skipped.
    expect(decode(applyMutation(valid, { kind: 'literal-non-sync', literal: 0, at: 0 }))).toEqual([
      'untagged',
    ]);
    expect(decode(applyMutation(valid, { kind: 'literal-binary', literal: 0, at: 0 }))).toEqual([
      'SYNTAX@24',
    ]);
    // truncate: no item from push(); end() says TRUNCATED where the response started.
    const cut = applyMutation(valid, { kind: 'truncate', at: 20 });
    const dec = new ResponseDecoder();
    expect(dec.push(cut)).toEqual([]);
    expect(dec.end().map((i) => i.type === 'error' && `${i.error.code}@${i.error.offset}`)).toEqual([
      'TRUNCATED@0',
    ]);
    // nest: DEPTH_EXCEEDED past maxDepth, however deep.
    const body = '* 1 FETCH (BODYSTRUCTURE ("text" "plain" NIL NIL NIL "7bit" 1 1))\r\n';
    const deep = applyMutation(bytes(body), { kind: 'nest', at: 25, depth: 1000 });
    expect(decode(deep, { ...LIMITS, maxLineLength: 1 << 20 })).toEqual(['DEPTH_EXCEEDED@56']);
    // Where the grammar has no list, the first "(" is a SYNTAX error.
    const flat = applyMutation(bytes('* STATUS x (MESSAGES 1)\r\n'), { kind: 'nest', at: 11, depth: 1000 });
    expect(decode(flat, { ...LIMITS, maxLineLength: 1 << 20 })).toEqual(['SYNTAX@12']);
    // long line: LINE_TOO_LONG where the line crossed maxLineLength.
    const long = applyMutation(bytes('* OK x\r\n'), { kind: 'long-line', at: 5, length: 2000 });
    expect(decode(long)).toEqual(['LINE_TOO_LONG@1024']);
  });

  test('an announced 2^32-1 is refused at once and its bytes skipped, not stored', () => {
    const dec = new ResponseDecoder();
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const first = dec.push(bytes('* 1 FETCH (BODY[] {4294967295}\r\n'));
    expect(first.map((i) => i.type === 'error' && i.error.code)).toEqual(['LITERAL_TOO_LARGE']);
    expect(dec.push(new Uint8Array(1 << 16))).toEqual([]);
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(after - before).toBeLessThan(32 * 1024 * 1024);
    expect(dec.pending).toBe(true);
  });

  test('splitAt takes positions modulo the length and never drops bytes', () => {
    expect(splitAt(bytes('abcdef'), [2, 10, 100]).map(text)).toEqual(['ab', 'c', 'def']);
    expect(splitAt(new Uint8Array(0), [3]).map((c) => c.length)).toEqual([0]);
  });
});
