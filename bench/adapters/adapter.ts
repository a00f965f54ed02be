/**
 * The contract every parser adapter meets: take the pre-split chunks of one server-to-client
 * stream, run the parser the way its library runs it, and count from the parsed output (never
 * from the raw bytes) so a parser that loses or invents data shows up as a count mismatch.
 */
import { createRequire } from 'node:module';

export interface Counts {
  /** Responses the parser produced: tagged + untagged + continuation. */
  responses: number;
  /** Sum of the UID of every FETCH response, as the parser returned it. */
  uidSum: number;
  /** Sum of the lengths of every BODY[...] / BINARY[...] section value, as returned. */
  bodyBytes: number;
  /** Responses the parser rejected or dropped (error items, parse exceptions, unknown lines). */
  errors: number;
  /** Responses or FETCH items returned as raw bytes, without a typed form (imap-wire `unknown`). */
  untyped?: number;
  /** What a consumer (./consumers.ts) read, folded into one number; not compared. */
  checksum?: number;
}

export interface Adapter {
  /** Adapter name as used by `--adapter` and in the report. */
  name: string;
  /** Package and version, or "this repo". */
  library: string;
  /** What the adapter runs, for the report. */
  path: string;
  /**
   * Chunks as the library expects them from a socket: Node `Buffer` views for the Node peers,
   * plain `Uint8Array` views for imap-wire (its core is web-standard).
   */
  input: 'buffer' | 'uint8array';
  /** The workloads this adapter is run on (default: all). */
  workloads?: readonly string[];
  /** Must iterate `chunks` in order with `for...of` (the memory probe hooks the iterator). */
  parse(chunks: Uint8Array[]): Counts | Promise<Counts>;
}

export function emptyCounts(): Counts {
  return { responses: 0, uidSum: 0, bodyBytes: 0, errors: 0 };
}

const require = createRequire(import.meta.url);

/** `package@version` from node_modules, for the report. */
export function libraryVersion(pkg: string): string {
  const { version } = require(`${pkg}/package.json`) as { version: string };
  return `${pkg}@${version}`;
}
