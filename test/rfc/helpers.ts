/**
 * Known-answer helpers for the RFC conformance suite (test/rfc/*.test.ts).
 *
 * Every case is input bytes → the typed value written by hand from the RFC text and its ABNF.
 * The decoder's own output is never the answer: these helpers only compare. Each case is
 * checked with `toStrictEqual` (no stray `undefined` fields, typed arrays by content, `bigint`
 * and `Date` exactly) when decoded whole, one byte per push and split at every position.
 *
 * The small constructors below build model values (status responses, sequence sets …) so that
 * tables stay readable; they are plain object literals with no parsing behind them.
 */
import { expect } from 'vitest';
import {
  type DecodeItem,
  type DecoderOptions,
  type ImapParseErrorCode,
  type ListResponse,
  type LsubResponse,
  parseResponse,
  type Response,
  type ResponseCode,
  ResponseDecoder,
  type SequenceRange,
  type SequenceSet,
  type Status,
  type StatusAttributes,
  type StatusResponse,
  type StatusUntagged,
  type TaggedResponse,
} from '../../src/index.ts';
import { bytes, chunked, decodeChunks, latin1, splitAt, splitPositions } from '../helpers/decode.ts';

export { bytes, latin1 };

/** Input as bytes: a string is UTF-8 (write `\r\n` out), a byte array is taken as is. */
export type Input = string | Uint8Array;

function asBytes(input: Input): Uint8Array {
  return typeof input === 'string' ? bytes(input) : input;
}

/** Concatenates strings (UTF-8) and byte arrays into one input. */
export function concat(...parts: (string | Uint8Array | number[])[]): Uint8Array {
  const bs = parts.map((p) => (typeof p === 'string' ? bytes(p) : Uint8Array.from(p)));
  const out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of bs) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

/** Bytes from hex digits (`'60 68 06'`, spaces ignored). */
export function hex(s: string): Uint8Array {
  const h = s.replace(/\s+/g, '');
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Asserts that `input` decodes to exactly `expected` (a sequence of responses) whole, one byte
 * per push, and split in two at every position.
 */
export function expectStream(input: Input, expected: DecodeItem[], options?: DecoderOptions): void {
  const b = asBytes(input);
  const whole = decodeChunks([b.slice()], options);
  expect(whole, 'decoded whole').toStrictEqual(expected);
  expect(decodeChunks(chunked(b, 1), options), 'one byte per push').toStrictEqual(whole);
  for (const p of splitPositions(b.length))
    expect(decodeChunks(splitAt(b, p), options), `split at ${p}`).toStrictEqual(whole);
}

/**
 * Asserts that `input` is exactly one response equal to `expected`: by `parseResponse`, by the
 * decoder under every chunking, and every proper prefix is incomplete (no item, not an error).
 */
export function expectResponse(input: Input, expected: Response, options?: DecoderOptions): void {
  const b = asBytes(input);
  expect(parseResponse(b.slice(), options), 'parseResponse').toStrictEqual(expected);
  expectStream(b, [expected], options);
  for (let n = 1; n < b.length; n++) {
    const dec = new ResponseDecoder(options);
    expect(dec.push(b.slice(0, n)), `prefix of ${n} bytes`).toStrictEqual([]);
    expect(dec.pending, `prefix of ${n} bytes is pending`).toBe(true);
  }
}

/** A response the grammar refuses. */
export interface Refusal {
  code: ImapParseErrorCode;
  /** Absolute offset of the offending byte. */
  offset: number;
}

/**
 * Asserts that `input` (one malformed response) yields one error with `code` at `offset`, under
 * every chunking, and that the response sent after it still decodes.
 */
export function expectRefused(input: Input, refusal: Refusal, options?: DecoderOptions): void {
  const next = bytes('* 42 EXISTS\r\n');
  const b = concat(asBytes(input), next);
  const ways: [string, Uint8Array[]][] = [
    ['whole', [b.slice()]],
    ['one byte per push', chunked(b, 1)],
    ...splitPositions(b.length).map((p): [string, Uint8Array[]] => [`split at ${p}`, splitAt(b, p)]),
  ];
  for (const [how, chunks] of ways) {
    const items = decodeChunks(chunks, options);
    const summary = items.map((i) =>
      i.type === 'error' ? { type: 'error', code: i.error.code, offset: i.error.offset } : i,
    );
    expect(summary, how).toStrictEqual([
      { type: 'error', ...refusal },
      { type: 'untagged', kind: 'exists', count: 42 },
    ]);
  }
}

// ---- model value constructors (no parsing) ---------------------------------------------------

/** `tag SP status SP [code SP] text` */
export function tagged(tag: string, status: Status, text: string, code?: ResponseCode): TaggedResponse {
  const r: TaggedResponse = { type: 'tagged', tag, status, text };
  if (code !== undefined) r.code = code;
  return r;
}

/** `* OK|NO|BAD|BYE|PREAUTH [code] text` */
export function untagged(kind: StatusUntagged['kind'], text: string, code?: ResponseCode): StatusUntagged {
  const r: StatusUntagged = { type: 'untagged', kind, text };
  if (code !== undefined) r.code = code;
  return r;
}

/** A sequence set / uid-set: its text as sent and the ranges `[start, end]` as written. */
export function seqSet(text: string, ...ranges: [number | '*', number | '*'][]): SequenceSet {
  return { text, ranges: ranges.map(([start, end]): SequenceRange => ({ start, end })) };
}

/** `"LIST" / "LSUB" SP mailbox-list`; `raw` is the name's bytes where they differ from `mailbox`. */
export function mailboxList(
  kind: 'list' | 'lsub',
  flags: string[],
  delimiter: string | null,
  mailbox: string,
  raw: string = mailbox,
): ListResponse | LsubResponse {
  return { type: 'untagged', kind, flags, delimiter, mailbox, mailboxRaw: bytes(raw) };
}

/** `"STATUS" SP mailbox SP "(" [status-att-list] ")"` */
export function status(mailbox: string, attributes: StatusAttributes, raw: string = mailbox): StatusResponse {
  return { type: 'untagged', kind: 'status', mailbox, mailboxRaw: bytes(raw), attributes };
}
