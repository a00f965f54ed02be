/**
 * The hostile mutator: damage done to a valid byte stream the way broken servers, broken
 * proxies and attackers do it, each kind with the guarantee the decoder gives for it.
 *
 * A {@link Mutation} is data (positions are taken modulo the input's length, so one mutation
 * applies to any input), {@link applyMutation} applies it, {@link mutation} draws one with
 * fast-check (it shrinks to the smallest damage), {@link randomMutation} draws one from any
 * uniform random source (a fuzzer's seeded PRNG).
 *
 * **What the decoder guarantees for every mutation** (`ResponseDecoder`; `CommandReader` gives
 * the same for client bytes), and what the property suite in `npm test` and `npm run fuzz`
 * check:
 *
 * 1. `push()` and `end()` never throw: each item is a typed response or `{ type: 'error' }`
 *    holding an `ImapParseError` with one of the documented codes (a `TypeError` or
 *    `RangeError` escaping is a bug).
 * 2. Every chunking of the damaged stream gives the same items, errors at the same offsets.
 * 3. It never hangs: cost is linear in the input, whatever the damage and the chunking.
 * 4. Memory stays within the limits: an announced literal allocates nothing until its bytes
 *    arrive, one above `maxLiteralSize` is skipped without being stored, no line is kept past
 *    `maxLineLength` (`maxNumberListLength` for SEARCH-like lines), no nesting goes past
 *    `maxDepth` (no recursion that could overflow the stack).
 * 5. Damage stays where it is: the responses that ended before it decode as before, and once
 *    the damaged response is over (its literal bytes, then a CRLF), the next valid response
 *    decodes exactly. A literal count the damage made larger takes that many following bytes
 *    into the literal: IMAP has no other way to find a literal's end, so those are lost; see
 *    {@link MUTATION_GUARANTEES} for each kind.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { applyMutation, mutation } from 'imap-wire/testing';
 * fc.assert(fc.property(fc.array(mutation(), { maxLength: 3 }), (ms) => {
 *   const damaged = ms.reduce(applyMutation, valid);
 *   for (const item of new ResponseDecoder().push(damaged)) assertDocumented(item);
 * }));
 * ```
 */
import fc from 'fast-check';

/** The kinds of damage, each with its guarantee in {@link MUTATION_GUARANTEES}. */
export type MutationKind =
  | 'flip'
  | 'insert'
  | 'delete'
  | 'literal-smaller'
  | 'literal-larger'
  | 'literal-huge'
  | 'literal-non-sync'
  | 'literal-binary'
  | 'truncate'
  | 'nest'
  | 'long-line';

/**
 * One mutation. Positions (`at`) are taken modulo the input's length plus one; `literal` picks
 * the literal announcement (`{n}`, `{n+}`, `~{n}`) to change, modulo how many there are (with
 * none, the count mutations insert an announcement at `at`).
 */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'literal-smaller'; literal: number; at: number; by: number }
  | { kind: 'literal-larger'; literal: number; at: number; by: number }
  | { kind: 'literal-huge'; literal: number; at: number; count: number }
  | { kind: 'literal-non-sync'; literal: number; at: number }
  | { kind: 'literal-binary'; literal: number; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'long-line'; at: number; length: number };

/**
 * The decoder's guarantee for each kind, beyond the five that hold for all (see the module
 * comment). The same text is in the README's testing section.
 */
export const MUTATION_GUARANTEES: Readonly<Record<MutationKind, string>> = {
  flip: 'the damaged response becomes one error (SYNTAX, NUMBER_RANGE, STRICT …) or a different valid response, or two if the flip made a CRLF; responses before it are unchanged, the next one after its line end decodes',
  insert:
    'as flip; inserted bytes never make the decoder read past the next CRLF unless they announce a literal ({n}), whose n bytes then belong to it',
  delete:
    'as flip; a deleted CRLF joins two responses into one line (one error or one response), never more items than lines',
  'literal-smaller':
    'the literal ends early and its remaining bytes are read as grammar: one error (or a different response) for that response; the next response after the line end decodes',
  'literal-larger':
    'the literal takes the next n bytes whatever they hold (responses included: lost, never yielded as responses); decoding resumes after them',
  'literal-huge':
    'a count above maxLiteralSize is LITERAL_TOO_LARGE at its "{", nothing is allocated and its n bytes are skipped, not stored; a count of 2^32 or more is BAD_LITERAL_COUNT and nothing is skipped',
  'literal-non-sync':
    '{n+} in a server response is read as {n} (a server never waits for "+"); the literal keeps its n bytes',
  'literal-binary':
    '~{n} is a literal8 where the grammar allows one (BINARY[…]); elsewhere one SYNTAX error for that response, its n bytes still skipped so framing holds',
  truncate:
    'every proper prefix is incomplete: no error and no partial response from push(); end() reports TRUNCATED at the offset where the cut response started',
  nest: 'parentheses past maxDepth are DEPTH_EXCEEDED (or SYNTAX where a list is not allowed): an explicit depth count, never a stack overflow',
  'long-line':
    'a line past maxLineLength (maxNumberListLength for SEARCH, SORT, THREAD, ESEARCH, VANISHED) is LINE_TOO_LONG at the offset where it crossed; its bytes up to the CRLF are skipped, not kept',
};

/** Every kind, in a stable order. */
export const MUTATION_KINDS: readonly MutationKind[] = Object.keys(MUTATION_GUARANTEES) as MutationKind[];

/** Bytes that matter to the IMAP grammar: what insertions and flips are drawn from. */
export const HOSTILE_BYTES: Uint8Array = new TextEncoder().encode(
  '{}[]()<>"\\\r\n 0123456789+~*%NILOKBADFETCH\0\x7f\xff',
);

/** Literal counts past every limit: the largest 31-bit, the largest 32-bit, 2^32 and 2^53. */
export const HUGE_COUNTS: readonly number[] = [2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53];

const enc = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A literal announcement: `{digits}` or `{digits+}`, with a `~` before it for literal8. */
interface Announcement {
  /** Index of `~` or `{`. */
  start: number;
  /** Index just after `}`. */
  end: number;
  count: number;
}

/** The literal announcements in `b` (a `{digits[+]}` followed by CRLF). */
export function findAnnouncements(b: Uint8Array): Announcement[] {
  const out: Announcement[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0x7b) continue;
    let j = i + 1;
    while (j < b.length && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
    if (j === i + 1) continue;
    const digitsEnd = j;
    if (b[j] === 0x2b) j++;
    if (b[j] !== 0x7d || b[j + 1] !== 0x0d || b[j + 2] !== 0x0a) continue;
    const start = i > 0 && b[i - 1] === 0x7e ? i - 1 : i;
    out.push({ start, end: j + 1, count: Number(new TextDecoder().decode(b.subarray(i + 1, digitsEnd))) });
  }
  return out;
}

/** Replaces announcement `literal` (modulo their number) by `text`, or inserts `text` + CRLF at `at`. */
function rewriteAnnouncement(
  b: Uint8Array,
  literal: number,
  at: number,
  text: (a: Announcement | undefined) => string,
): Uint8Array {
  const all = findAnnouncements(b);
  const a = all.length === 0 ? undefined : all[literal % all.length];
  if (a === undefined) {
    const p = at % (b.length + 1);
    return concat(b.subarray(0, p), enc.encode(`${text(undefined)}\r\n`), b.subarray(p));
  }
  return concat(b.subarray(0, a.start), enc.encode(text(a)), b.subarray(a.end));
}

/**
 * Applies one mutation; returns new bytes (the input is not modified).
 *
 * @example
 * ```ts
 * applyMutation(bytes('* 1 FETCH (BODY[] {5}\r\nhello)\r\n'), { kind: 'literal-larger', literal: 0, at: 0, by: 3 });
 * // * 1 FETCH (BODY[] {8}\r\nhello)\r\n
 * ```
 */
export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const p = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) out[m.at % out.length]! ^= 1 << (m.bit & 7);
      return out;
    }
    case 'insert':
      return concat(bytes.subarray(0, p), m.bytes, bytes.subarray(p));
    case 'delete':
      return concat(bytes.subarray(0, p), bytes.subarray(Math.min(bytes.length, p + m.length)));
    case 'literal-smaller':
      return rewriteAnnouncement(bytes, m.literal, m.at, (a) =>
        a === undefined ? '{0}' : `{${Math.max(0, a.count - m.by)}}`,
      );
    case 'literal-larger':
      return rewriteAnnouncement(bytes, m.literal, m.at, (a) => `{${(a?.count ?? 0) + m.by}}`);
    case 'literal-huge':
      return rewriteAnnouncement(bytes, m.literal, m.at, () => `{${m.count}}`);
    case 'literal-non-sync':
      return rewriteAnnouncement(bytes, m.literal, m.at, (a) => `{${a?.count ?? 0}+}`);
    case 'literal-binary':
      return rewriteAnnouncement(bytes, m.literal, m.at, (a) => `~{${a?.count ?? 0}}`);
    case 'truncate':
      return bytes.slice(0, p);
    case 'nest':
      return concat(bytes.subarray(0, p), new Uint8Array(m.depth).fill(0x28), bytes.subarray(p));
    case 'long-line':
      return concat(bytes.subarray(0, p), new Uint8Array(m.length).fill(0x61), bytes.subarray(p));
  }
}

/** Sizes that reach a limit: `limit` ± a little, so both sides of every boundary are drawn. */
export interface MutationLimits {
  /** The decoder's `maxLineLength` under test. Default 4096. */
  maxLineLength?: number;
  /** The decoder's `maxDepth` under test. Default 64. */
  maxDepth?: number;
}

/**
 * A fast-check arbitrary of one mutation of any kind. Sizes of `nest` and `long-line` reach
 * just below and past the given limits (keep them small in a test: the defaults are 4 MiB and
 * 256, `long-line` allocates what it draws).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fc.array(mutation({ maxLineLength: 1024 }), { maxLength: 3 }), check));
 * ```
 */
export function mutation(limits: MutationLimits = {}): fc.Arbitrary<Mutation> {
  const line = limits.maxLineLength ?? 4096;
  const depth = limits.maxDepth ?? 64;
  const at = fc.nat({ max: 1 << 24 });
  const literal = fc.nat({ max: 64 });
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, bit: fc.nat({ max: 7 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4 }),
        fc
          .array(fc.constantFrom(...HOSTILE_BYTES), { minLength: 1, maxLength: 6 })
          .map((a) => Uint8Array.from(a)),
      ),
    }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({
      kind: fc.constant('literal-smaller' as const),
      literal,
      at,
      by: fc.integer({ min: 1, max: 16 }),
    }),
    fc.record({
      kind: fc.constant('literal-larger' as const),
      literal,
      at,
      by: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('literal-huge' as const),
      literal,
      at,
      count: fc.constantFrom(...HUGE_COUNTS),
    }),
    fc.record({ kind: fc.constant('literal-non-sync' as const), literal, at }),
    fc.record({ kind: fc.constant('literal-binary' as const), literal, at }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({
      kind: fc.constant('nest' as const),
      at,
      depth: fc.integer({ min: depth - 2, max: depth * 4 }),
    }),
    fc.record({
      kind: fc.constant('long-line' as const),
      at,
      length: fc.integer({ min: line - 8, max: line + 64 }),
    }),
  );
}

/**
 * One mutation from a uniform random source in [0, 1) (a fuzzer's seeded PRNG): the same kinds
 * and sizes as {@link mutation}, without fast-check.
 *
 * @example
 * ```ts
 * let seed = 1;
 * const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
 * const damaged = applyMutation(valid, randomMutation(rand, { maxLineLength: 1024 }));
 * ```
 */
export function randomMutation(rand: () => number, limits: MutationLimits = {}): Mutation {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const line = limits.maxLineLength ?? 4096;
  const depth = limits.maxDepth ?? 64;
  const at = int(0, 1 << 24);
  const literal = int(0, 64);
  const kind = MUTATION_KINDS[int(0, MUTATION_KINDS.length - 1)]!;
  switch (kind) {
    case 'flip':
      return { kind, at, bit: int(0, 7) };
    case 'insert': {
      const n = int(1, 6);
      const bytes = new Uint8Array(n);
      const hostile = rand() < 0.7;
      for (let i = 0; i < n; i++) {
        bytes[i] = hostile ? HOSTILE_BYTES[int(0, HOSTILE_BYTES.length - 1)]! : int(0, 255);
      }
      return { kind, at, bytes };
    }
    case 'delete':
      return { kind, at, length: int(1, 8) };
    case 'literal-smaller':
      return { kind, literal, at, by: int(1, 16) };
    case 'literal-larger':
      return { kind, literal, at, by: int(1, 64) };
    case 'literal-huge':
      return { kind, literal, at, count: HUGE_COUNTS[int(0, HUGE_COUNTS.length - 1)]! };
    case 'literal-non-sync':
    case 'literal-binary':
      return { kind, literal, at };
    case 'truncate':
      return { kind, at };
    case 'nest':
      return { kind, at, depth: int(depth - 2, depth * 4) };
    case 'long-line':
      return { kind, at, length: int(line - 8, line + 64) };
  }
}

/**
 * A short text of a mutation for a failure report (`insert@12 "{5}\r\n"`).
 *
 * @example
 * ```ts
 * describeMutation({ kind: 'truncate', at: 7 }); // 'truncate@7'
 * ```
 */
export function describeMutation(m: Mutation): string {
  const { kind, ...rest } = m;
  const fields = Object.entries(rest).map(([k, v]) =>
    v instanceof Uint8Array ? `${k}=${JSON.stringify(String.fromCharCode(...v))}` : `${k}=${v}`,
  );
  return `${kind}(${fields.join(' ')})`;
}
