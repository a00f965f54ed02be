/**
 * The decoders' contract as checks: what `npm test`'s mutated-input properties and
 * `npm run fuzz` assert for every damaged input, and what a consumer's own tests can assert
 * for theirs. Each check returns the violations it found (empty: the contract held), so a
 * fuzzer can record a finding instead of stopping at the first.
 *
 * @example
 * ```ts
 * import { checkResponseContract, ONE_BYTE } from 'imap-wire/testing';
 * expect(checkResponseContract(damagedBytes, { maxLiteralSize: 4096 }, [ONE_BYTE])).toEqual([]);
 * ```
 */
import { type CommandItem, CommandReader, type CommandReaderOptions } from '../command/reader.ts';
import { type DecodeItem, ResponseDecoder } from '../decoder.ts';
import { ImapParseError, type ImapParseErrorCode } from '../errors.ts';
import { type DecoderOptions, resolveOptions } from '../parser/options.ts';
import type { Chunking } from './chunking.ts';

/** The error codes `ImapParseError` documents; any other code (or class) is a bug. */
export const PARSE_ERROR_CODES: readonly ImapParseErrorCode[] = [
  'SYNTAX',
  'LINE_TOO_LONG',
  'LITERAL_TOO_LARGE',
  'RESPONSE_TOO_LARGE',
  'DEPTH_EXCEEDED',
  'BAD_LITERAL_COUNT',
  'NUMBER_RANGE',
  'TRUNCATED',
  'STRICT',
];

/** A valid response after the damage: it must decode exactly once the damage is over. */
export const RESPONSE_SENTINEL = 'S1 OK sentinel\r\n';
/** A valid command after the damage, for the command reader. */
export const COMMAND_SENTINEL = 'S1 NOOP\r\n';

const enc = new TextEncoder();
const CRLF = enc.encode('\r\n');

/** Options of the contract checks. */
export interface ContractOptions {
  /**
   * Most filler bytes (`x` lines) sent to end a literal the damage announced before the
   * sentinel is sent; past it (a huge count) the resync part is skipped. Default 256 KiB.
   */
  maxFiller?: number;
}

/** What a check found. */
export interface ContractReport {
  /** Broken guarantees, one line each (empty: the contract held). */
  violations: string[];
  /** False when the damage announced more literal bytes than `maxFiller`: resync not checked. */
  resynced: boolean;
  /** Items of the whole input, decoded in one push (with `end()`). */
  items: number;
}

/** Plain data for comparing runs: bytes as latin1 text, bigints as decimal, errors by their fields. */
function toJsonValue(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return { bytes: latin1.decode(v) };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof ImapParseError) {
    return {
      code: v.code,
      offset: v.offset,
      expected: v.expected,
      excerpt: v.excerpt,
      quirk: v.quirk ?? null,
    };
  }
  if (depth > 10_000) return '…';
  if (Array.isArray(v)) return v.map((x) => toJsonValue(x, depth + 1));
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== undefined) out[k] = toJsonValue(x, depth + 1);
    }
    return out;
  }
  return String(v);
}

const itemToJson = (i: DecodeItem): unknown => toJsonValue(i);
const latin1 = new TextDecoder('latin1');

function describe(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `whole …${a.slice(Math.max(0, i - 60), i + 60)} | other …${b.slice(Math.max(0, i - 60), i + 60)}`;
}

function checkError(e: unknown, where: string, out: string[]): void {
  if (!(e instanceof ImapParseError))
    out.push(`${where}: error item is not an ImapParseError: ${describe(e)}`);
  else if (!PARSE_ERROR_CODES.includes(e.code)) out.push(`${where}: undocumented error code ${e.code}`);
  else if (!Number.isSafeInteger(e.offset) || e.offset < 0)
    out.push(`${where}: bad error offset ${e.offset}`);
}

/** The longest byte string in a value (the memory check: nothing kept past the limits). */
function longestBytes(v: unknown, depth = 0): number {
  if (v instanceof Uint8Array) return v.length;
  if (depth > 512 || v === null || typeof v !== 'object') return 0;
  let max = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) max = Math.max(max, longestBytes(x, depth + 1));
  return max;
}

interface Run<T> {
  items: T[];
  thrown?: unknown;
}

function runResponses(chunks: Uint8Array[], options: DecoderOptions): Run<DecodeItem> {
  const dec = new ResponseDecoder(options);
  const items: DecodeItem[] = [];
  try {
    for (const c of chunks) items.push(...dec.push(c));
    items.push(...dec.end());
    return { items };
  } catch (thrown) {
    return { items, thrown };
  }
}

/**
 * Checks guarantees 1, 2, 4 and 5 of the hostile mutator (mutator.ts) for the
 * response decoder on `input`: nothing thrown, only documented errors, the same items under
 * each of `chunkings` as in one push, no byte string longer than the limits allow, and the
 * sentinel response decoding exactly after the damage (once any announced literal is filled).
 *
 * @example
 * ```ts
 * const r = checkResponseContract(applyMutation(valid, m), { maxLineLength: 1024 }, [ONE_BYTE]);
 * expect(r.violations).toEqual([]);
 * ```
 */
export function checkResponseContract(
  input: Uint8Array,
  options: DecoderOptions,
  chunkings: readonly Chunking[],
  contract: ContractOptions = {},
): ContractReport {
  const v: string[] = [];
  const limits = resolveOptions(options);
  const whole = runResponses([input.slice()], options);
  if (whole.thrown !== undefined) v.push(`push threw ${describe(whole.thrown)}`);
  let key = '';
  try {
    key = JSON.stringify(whole.items.map((i) => itemToJson(i)));
  } catch (e) {
    v.push(`an item is not serialisable: ${describe(e)}`);
  }
  for (const [k, item] of whole.items.entries()) {
    if (item.type === 'error') checkError(item.error, `item ${k}`, v);
    else {
      const n = longestBytes(item);
      if (n > limits.maxResponseSize) v.push(`item ${k} holds ${n} bytes, over maxResponseSize`);
    }
  }
  for (const c of chunkings) {
    const run = runResponses(c.split(input), options);
    if (run.thrown !== undefined) v.push(`${c.name}: push threw ${describe(run.thrown)}`);
    const other = JSON.stringify(run.items.map((i) => itemToJson(i)));
    if (other !== key) v.push(`${c.name}: items differ from one push: ${firstDiff(key, other)}`);
  }
  const resynced = resync(
    () => {
      const dec = new ResponseDecoder(options);
      return { push: (b: Uint8Array) => dec.push(b), pending: () => dec.pending };
    },
    input,
    RESPONSE_SENTINEL,
    (items) =>
      items.length === 1 &&
      items[0]!.type === 'tagged' &&
      items[0]!.tag === 'S1' &&
      items[0]!.text === 'sentinel',
    (items) => JSON.stringify(items.map((i) => itemToJson(i))),
    contract.maxFiller ?? 256 * 1024,
    v,
  );
  return { violations: v, resynced, items: whole.items.length };
}

/**
 * Pushes `input`, a CRLF, then filler lines while the decoder is inside a response, then the
 * sentinel; the sentinel must come back alone. False when the filler ran out first.
 */
function resync<T>(
  make: () => { push(b: Uint8Array): Iterable<T>; pending(): boolean },
  input: Uint8Array,
  sentinel: string,
  ok: (items: T[]) => boolean,
  show: (items: T[]) => string,
  maxFiller: number,
  v: string[],
): boolean {
  try {
    const d = make();
    [...d.push(input.slice())];
    [...d.push(CRLF.slice())];
    const filler = new Uint8Array(16 * 1024).fill(0x78);
    filler[filler.length - 2] = 0x0d;
    filler[filler.length - 1] = 0x0a;
    for (let sent = 0; d.pending(); sent += filler.length) {
      if (sent >= maxFiller) return false;
      [...d.push(filler.slice())];
    }
    const got = [...d.push(enc.encode(sentinel))];
    if (!ok(got)) v.push(`the valid ${JSON.stringify(sentinel)} after the damage gave ${show(got)}`);
  } catch (e) {
    v.push(`resync: push threw ${describe(e)}`);
  }
  return true;
}

function commandKey(items: CommandItem[]): string {
  return JSON.stringify(
    items.map((i) =>
      i.type === 'error'
        ? { type: 'error', tag: i.tag, code: i.error.code, offset: i.error.offset, excerpt: i.error.excerpt }
        : toJsonValue(i),
    ),
  );
}

function runCommands(chunks: Uint8Array[], options: CommandReaderOptions): Run<CommandItem> {
  const r = new CommandReader(options);
  const items: CommandItem[] = [];
  try {
    for (const c of chunks) items.push(...r.push(c));
    items.push(...r.end());
    return { items };
  } catch (thrown) {
    return { items, thrown };
  }
}

/**
 * The same checks for the server side's `CommandReader` on client bytes (the reader is never
 * told to refuse a literal: it reads on, as after a `+`).
 *
 * @example
 * ```ts
 * expect(checkCommandContract(bytes('A1 LOGIN {3}\r\nbob x\r\n'), {}, [ONE_BYTE]).violations).toEqual([]);
 * ```
 */
export function checkCommandContract(
  input: Uint8Array,
  options: CommandReaderOptions,
  chunkings: readonly Chunking[],
  contract: ContractOptions = {},
): ContractReport {
  const v: string[] = [];
  const whole = runCommands([input.slice()], options);
  if (whole.thrown !== undefined) v.push(`push threw ${describe(whole.thrown)}`);
  let key = '';
  try {
    key = commandKey(whole.items);
  } catch (e) {
    v.push(`an item is not serialisable: ${describe(e)}`);
  }
  for (const [k, item] of whole.items.entries()) {
    if (item.type === 'error') checkError(item.error, `item ${k}`, v);
  }
  for (const c of chunkings) {
    const run = runCommands(c.split(input), options);
    if (run.thrown !== undefined) v.push(`${c.name}: push threw ${describe(run.thrown)}`);
    const other = commandKey(run.items);
    if (other !== key) v.push(`${c.name}: items differ from one push: ${firstDiff(key, other)}`);
  }
  const resynced = resync(
    () => {
      const r = new CommandReader(options);
      return { push: (b: Uint8Array) => [...r.push(b)], pending: () => r.pending };
    },
    input,
    COMMAND_SENTINEL,
    (items) =>
      items.length === 1 &&
      items[0]!.type === 'command' &&
      items[0]!.tag === 'S1' &&
      items[0]!.command.name === 'NOOP',
    commandKey,
    contract.maxFiller ?? 256 * 1024,
    v,
  );
  return { violations: v, resynced, items: whole.items.length };
}
