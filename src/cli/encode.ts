/** `imap-wire encode [JSON|-] [--tag T] [--capabilities LIST] [--enabled LIST] [--literals] [--raw]` */
import { encodeWithContext } from '../encoder/command.ts';
import { ImapEncodeError } from '../encoder/errors.ts';
import type { Fragment } from '../encoder/fragment.ts';
import { type EncodeContext, resolveContext } from '../encoder/options.ts';
import { TagGenerator } from '../encoder/tag.ts';
import type { Command } from '../model/command.ts';
import { readStdin as readAllStdin, readInput } from './input.ts';

export const ENCODE_HELP = `Usage: imap-wire encode [JSON|-|@FILE] [--tag T] [--capabilities LIST] [--enabled LIST]
                        [--literals] [--raw]

Reads one command as JSON (the argument, @FILE, or standard input for "-" or no argument), or a
JSON array of commands, and prints what a client sends, fragment by fragment:

  C: A1 APPEND INBOX {5}            a line (its CRLF not shown; other bytes escaped as \\xNN)
  [literal sync 5 bytes]            a literal: sync {n} (wait for "+"), nonsync {n+},
                                    binary ~{n}, binary-nonsync ~{n+}
  C:                                the rest of the command after the literal

The JSON is the typed command model (the same field names as the TypeScript types), e.g.
  {"name":"LOGIN","username":"fred","password":"secret"}
  {"name":"FETCH","uid":true,"sequence":"1:*","items":[{"item":"FLAGS"}],"changedSince":"12345"}
  {"name":"APPEND","mailbox":"INBOX","messages":[{"flags":["\\\\Seen"],"content":"Subject: hi\\r\\n\\r\\nhello\\r\\n"}]}
Byte strings may be {"base64": "..."}; MODSEQ values (modseq, changedSince, unchangedSince, the
id of X-GM-MSGID/X-GM-THRID) may be decimal strings, for values beyond 2^53. A command may carry
its own "tag"; otherwise tags are A1, A2, … (or --tag T for a single command).

  --tag T              the tag of the (first) command
  --capabilities LIST  the server's capabilities, comma- or space-separated (LITERAL+, LITERAL-, BINARY)
  --enabled LIST       what ENABLE turned on (UTF8=ACCEPT, IMAP4rev2: UTF-8 strings and mailbox names)
  --literals           print each literal's bytes (escaped) after its marker
  --raw                write the exact wire bytes instead, all fragments joined
  --help               this text

Exit code 1 when a command cannot be encoded (the error's code and field go to standard error),
2 on a usage error or an input file that cannot be read.`;

/** A wrong command line: printed with the usage, exit code 2. */
export class EncodeUsageError extends Error {}

const BIGINT_FIELDS = new Set(['modseq', 'changedSince', 'unchangedSince']);

/** JSON → model: `{"base64"}` to bytes, MODSEQ-like decimal strings to bigint. */
export function reviveCommand(v: unknown, key = '', parent?: Record<string, unknown>): unknown {
  if (Array.isArray(v)) return v.map((x) => reviveCommand(x));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'base64' && typeof o['base64'] === 'string') {
      try {
        return Uint8Array.from(atob(o['base64']), (c) => c.charCodeAt(0));
      } catch {
        throw new EncodeUsageError(`${key || 'a value'}: invalid base64`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = reviveCommand(o[k], k, o);
    return out;
  }
  const gmId = key === 'id' && (parent?.['key'] === 'X-GM-MSGID' || parent?.['key'] === 'X-GM-THRID');
  if ((BIGINT_FIELDS.has(key) || gmId) && typeof v === 'string' && /^\d{1,20}$/.test(v)) return BigInt(v);
  if ((BIGINT_FIELDS.has(key) || gmId) && typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return v;
}

/** What {@link watchReads} records: each object of the input, where it is, which keys were read. */
type Reads = Map<object, { path: string; read: Set<PropertyKey> }>;

/**
 * The input behind a `Proxy` that records each field the encoder reads. A field that the
 * encoder never reads is one it ignores, a typo or a field of another shape
 * (`{"item":"BODY","peek":true}` is plain `BODY`): JSON has no type checker, so the command
 * refuses those instead of sending something else than was asked. Only plain objects and
 * arrays are wrapped (a `Uint8Array` behind a proxy loses its internal slots).
 */
function watchReads(value: unknown, path: string, reads: Reads, proxies: WeakMap<object, object>): unknown {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  const known = proxies.get(value);
  if (known !== undefined) return known;
  const read = new Set<PropertyKey>();
  const isArray = Array.isArray(value);
  if (!isArray) reads.set(value, { path, read });
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      read.add(key);
      const v: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || !Object.hasOwn(target, key)) return v;
      const at = isArray ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      return watchReads(v, at, reads, proxies);
    },
    has(target, key) {
      read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      const keys = Reflect.ownKeys(target);
      for (const k of keys) read.add(k);
      return keys;
    },
  });
  proxies.set(value, proxy);
  return proxy;
}

/** The first field of the input that the encoder did not read, as a path (`items[0].peek`). */
function unreadField(reads: Reads): string | undefined {
  for (const [target, { path, read }] of reads) {
    for (const key of Object.keys(target)) {
      if (!read.has(key)) return path === '' ? key : `${path}.${key}`;
    }
  }
  return undefined;
}

/**
 * Encodes `cmd` (a revived JSON command) and names the first field the encoder did not read:
 * `unknown` is set when the input holds a field that would have been dropped silently.
 */
export function encodeWatched(
  cmd: unknown,
  tag: string,
  ctx: EncodeContext,
): { fragments: Fragment[]; unknown: string | undefined } {
  const reads: Reads = new Map();
  const fragments = encodeWithContext(watchReads(cmd, '', reads, new WeakMap()) as Command, tag, ctx);
  return { fragments, unknown: unreadField(reads) };
}

function list(s: string | undefined, opt: string): string[] {
  if (s === undefined) throw new EncodeUsageError(`${opt} needs a value`);
  return s.split(/[\s,]+/).filter((x) => x !== '');
}

const HEX = '0123456789abcdef';

/** Printable ASCII as is (a backslash too), CR LF TAB as `\r` `\n` `\t`, other bytes as `\xNN`. */
function show(b: Uint8Array, end: number): string {
  let out = '';
  for (let i = 0; i < end; i++) {
    const c = b[i]!;
    if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
  }
  return out;
}

/** The text form of fragments. */
export function describeFragments(fragments: readonly Fragment[], literals: boolean): string {
  let out = '';
  for (const f of fragments) {
    if (f.type === 'line') out += `C: ${show(f.bytes, f.bytes.length - 2)}\n`;
    else {
      out += `[literal ${f.mode} ${f.bytes.length} bytes]\n`;
      if (literals) out += `${show(f.bytes, f.bytes.length)}\n`;
    }
  }
  return out;
}

const jsonText = new TextDecoder('utf-8', { ignoreBOM: false });

/** Parses arguments and runs; returns the exit code. */
export function runEncode(
  args: string[],
  write: (s: string | Uint8Array) => void = (s) => process.stdout.write(s),
  readStdin: () => Uint8Array = readAllStdin,
  writeError: (s: string) => void = (s) => process.stderr.write(s),
): number {
  try {
    return encodeMain(args, write, readStdin, writeError);
  } catch (e) {
    if (e instanceof EncodeUsageError) {
      writeError(`imap-wire encode: ${e.message}\n\n${ENCODE_HELP}\n`);
      return 2;
    }
    throw e;
  }
}

function encodeMain(
  args: string[],
  write: (s: string | Uint8Array) => void,
  readStdin: () => Uint8Array,
  writeError: (s: string) => void,
): number {
  let input: string | undefined;
  let tag: string | undefined;
  let capabilities: string[] = [];
  let enabled: string[] = [];
  let literals = false;
  let raw = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      write(`${ENCODE_HELP}\n`);
      return 0;
    } else if (a === '--tag') {
      tag = args[++i];
      if (tag === undefined) throw new EncodeUsageError('--tag needs a value');
    } else if (a === '--capabilities') capabilities = list(args[++i], a);
    else if (a === '--enabled') enabled = list(args[++i], a);
    else if (a === '--literals') literals = true;
    else if (a === '--raw') raw = true;
    else if (a.startsWith('--')) throw new EncodeUsageError(`unknown option ${a}`);
    else if (input === undefined) input = a;
    else throw new EncodeUsageError('only one JSON argument');
  }
  // A file or stdin may open with a BOM, which JSON readers may ignore (RFC 8259 §8.1): this
  // TextDecoder drops it, the one place in src/ where that is right (it is before the JSON text,
  // not inside a value: a "\ufeff" in a string is kept). Both inputs go through it.
  let text: string;
  if (input === undefined || input === '-') text = jsonText.decode(readStdin());
  else if (input.startsWith('@')) text = jsonText.decode(readInput(input.slice(1), readStdin));
  else text = input;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EncodeUsageError(`the input is not JSON: ${(e as Error).message}`);
  }
  const cmds = Array.isArray(json) ? json : [json];
  const ctx = resolveContext({ capabilities, enabled });
  const tags = new TagGenerator('A');
  const parts: Uint8Array[] = [];
  let out = '';
  for (let k = 0; k < cmds.length; k++) {
    const revived = reviveCommand(cmds[k]);
    let t: string;
    if (revived !== null && typeof revived === 'object' && 'tag' in revived) {
      t = String((revived as { tag: unknown }).tag);
      delete (revived as { tag?: unknown }).tag;
    } else t = k === 0 && tag !== undefined ? tag : tags.next();
    let fragments: Fragment[];
    let unknown: string | undefined;
    try {
      ({ fragments, unknown } = encodeWatched(revived, t, ctx));
    } catch (e) {
      if (!(e instanceof ImapEncodeError)) throw e;
      writeError(`imap-wire encode: command ${k + 1}: ${e.message}\n`);
      return 1;
    }
    if (unknown !== undefined) {
      writeError(
        `imap-wire encode: command ${k + 1}: unknown field ${unknown} (not a field of this command or item; nothing was sent)\n`,
      );
      return 1;
    }
    if (raw) for (const f of fragments) parts.push(f.bytes);
    else out += describeFragments(fragments, literals);
  }
  write(raw ? concat(parts) : out);
  return 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
