/**
 * A scripted fake IMAP server for client tests: a script of the commands the client must send
 * and the responses to answer with, served over any pair of web streams (an in-memory pair from
 * {@link fakeServer}, or a socket: `imap-wire/node`'s `listenFakeServer` for TCP on 127.0.0.1).
 *
 * - Each step waits for one command matching `expect`, then sends `send`, cut into `chunks`
 *   and after `delayMs` (a step without `expect` sends at once: greetings, IDLE pushes).
 * - `{tag}` in what is sent becomes the client's tag (the last tagged command's: the `DONE`
 *   that ends IDLE answers with IDLE's tag).
 * - A synchronising literal (`{n}`, `~{n}`) is answered with `+` before the client sends it.
 * - A command the script does not expect fails the run: `finished` and `closed` reject with
 *   what was expected and what came, the client gets `tag BAD`, the connection closes.
 *
 * Web-standard only (no `node:`): it runs in Node, Deno, Bun and browsers.
 *
 * @example
 * ```ts
 * import { fakeServer } from 'imap-wire/testing';
 * const { client, server } = fakeServer([
 *   { expect: 'LOGIN bob secret', send: '{tag} OK logged in\r\n' },
 *   { expect: /^\S+ SELECT INBOX$/, send: ['* 3 EXISTS\r\n', '{tag} OK [READ-WRITE] done\r\n'], chunks: 1 },
 * ]);
 * await myClient.run(client.readable, client.writable);
 * await server.finished; // every step was met, in order
 * ```
 */
import { type ParsedCommand, parseCommand } from '../command/parse.ts';

/** What a step accepts: the command without its tag (or the whole line), a RegExp on the whole line, or a predicate. */
export type Expectation = string | RegExp | ((line: string, received: ReceivedCommand) => boolean);

/** Bytes to send: text (UTF-8) or bytes; `{tag}` in text is the client's tag. */
export type Payload = string | Uint8Array;

/** One step of a script. */
export interface ScriptStep {
  /** The command to wait for; omitted: send at once. */
  expect?: Expectation;
  /** What to answer: payloads sent in order, or a function of the command that returns them. */
  send?:
    | Payload
    | readonly Payload[]
    | ((received: ReceivedCommand | undefined) => Payload | readonly Payload[]);
  /** Chunk sizes the answer is cut into (taken in turn and repeated); default: one write per payload. */
  chunks?: number | readonly number[];
  /** Milliseconds to wait before answering (default 0). */
  delayMs?: number;
  /** Milliseconds between chunks (default 0: no pause, but still separate writes). */
  chunkDelayMs?: number;
  /** Close the connection after this step's answer (a server that hangs up, a BYE). */
  close?: boolean;
}

/** A command the fake server read. */
export interface ReceivedCommand {
  /** The first word (`A1`), or `null` for an untagged line (`DONE`, SASL data). */
  tag: string | null;
  /** The whole command as sent, literals inline, without the final CRLF (latin1 for 8-bit). */
  line: string;
  /** Without the tag: `LOGIN bob secret`. */
  text: string;
  /** The command reader's view, when it parses (`undefined` for `DONE` and what it refuses). */
  parsed: ParsedCommand | undefined;
  /** The raw bytes, CRLF included. */
  bytes: Uint8Array;
}

/** Options of {@link FakeServer}. */
export interface FakeServerOptions {
  /** Sent first; default `* OK [CAPABILITY IMAP4rev1 LITERAL+] imap-wire fake server ready`. `null`: nothing. */
  greeting?: Payload | null;
  /** The answer to a synchronising literal (default `+ go ahead\r\n`). */
  continuation?: Payload;
  /** A step waiting longer than this for its command fails the run (default 10,000 ms). */
  timeoutMs?: number;
}

/** Why a scripted run failed. */
export class FakeServerError extends Error {
  override readonly name = 'FakeServerError';
}

const DEFAULT_GREETING = '* OK [CAPABILITY IMAP4rev1 LITERAL+] imap-wire fake server ready\r\n';
const enc = new TextEncoder();
const latin1 = new TextDecoder('latin1');

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A test that awaits only one of the promises must not see the other as unhandled.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function describeExpectation(e: Expectation | undefined): string {
  if (e === undefined) return '(nothing)';
  if (typeof e === 'string') return JSON.stringify(e);
  if (e instanceof RegExp) return String(e);
  return e.name ? `a command accepted by ${e.name}()` : 'a command accepted by the predicate';
}

/** Does `line` end with a literal announcement? Returns its size and whether the client waits for `+`. */
function literalAtEnd(line: Uint8Array): { size: number; sync: boolean } | undefined {
  let i = line.length - 1;
  if (line[i] !== 0x7d) return undefined;
  i--;
  let sync = true;
  if (line[i] === 0x2b || line[i] === 0x2d) {
    sync = false;
    i--;
  }
  const digitsEnd = i + 1;
  while (i >= 0 && line[i]! >= 0x30 && line[i]! <= 0x39) i--;
  if (i === digitsEnd - 1 || line[i] !== 0x7b) return undefined;
  return { size: Number(latin1.decode(line.subarray(i + 1, digitsEnd))), sync };
}

/** Splits a client's byte stream into commands: lines, with their literals inline. */
class CommandSplitter {
  private buf = new Uint8Array(0);
  /** Bytes of the current command so far (lines and literals already complete). */
  private command: Uint8Array[] = [];
  private literalLeft = 0;

  constructor(private readonly onLiteral: () => void) {}

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    let at = 0;
    const out: Uint8Array[] = [];
    for (;;) {
      if (this.literalLeft > 0) {
        const n = Math.min(this.literalLeft, joined.length - at);
        this.command.push(joined.slice(at, at + n));
        at += n;
        this.literalLeft -= n;
        if (this.literalLeft > 0) break;
        continue;
      }
      const lf = joined.indexOf(0x0a, at);
      if (lf < 0) break;
      const line = joined.slice(at, lf + 1);
      at = lf + 1;
      this.command.push(line);
      const bare = line.subarray(0, line.length - (line[line.length - 2] === 0x0d ? 2 : 1));
      const lit = literalAtEnd(bare);
      if (lit !== undefined && lit.size > 0) {
        this.literalLeft = lit.size;
        if (lit.sync) this.onLiteral();
        continue;
      }
      if (lit?.sync) this.onLiteral();
      if (lit !== undefined) continue;
      const total = this.command.reduce((n, p) => n + p.length, 0);
      const whole = new Uint8Array(total);
      let o = 0;
      for (const p of this.command) {
        whole.set(p, o);
        o += p.length;
      }
      out.push(whole);
      this.command = [];
    }
    this.buf = joined.slice(at);
    return out;
  }

  get pending(): boolean {
    return this.buf.length > 0 || this.command.length > 0 || this.literalLeft > 0;
  }
}

const TAG = /^[\x21\x23-\x27\x2a-\x5a\x5e-\x7a\x7c\x7e]+$/;

function received(bytes: Uint8Array): ReceivedCommand {
  const end = bytes.length - (bytes[bytes.length - 2] === 0x0d ? 2 : 1);
  const line = latin1.decode(bytes.subarray(0, end));
  const sp = line.indexOf(' ');
  const first = sp < 0 ? line : line.slice(0, sp);
  const tagged = sp > 0 && TAG.test(first) && first !== '+';
  let parsed: ParsedCommand | undefined;
  try {
    parsed = tagged ? parseCommand(bytes) : undefined;
  } catch {
    parsed = undefined;
  }
  return { tag: tagged ? first : null, line, text: tagged ? line.slice(sp + 1) : line, parsed, bytes };
}

function matches(e: Expectation, r: ReceivedCommand): boolean {
  if (typeof e === 'string') return r.text === e || r.line === e;
  if (e instanceof RegExp) return e.test(r.line);
  return e(r.line, r);
}

/**
 * Plays a script against one client connection. Create one per connection; `serve` it the
 * connection's streams (or use {@link fakeServer} for an in-memory pair).
 *
 * @example
 * ```ts
 * const server = new FakeServer([{ expect: 'NOOP', send: '{tag} OK\r\n' }]);
 * server.serve(readable, writable);
 * await server.finished;
 * ```
 */
export class FakeServer {
  /** Every command read, in order (the unexpected one included). */
  readonly received: ReceivedCommand[] = [];
  /** Resolves when the last step's answer was sent; rejects on the first failure. */
  readonly finished: Promise<void>;
  /** Resolves when the connection ended after the whole script, nothing unexpected; else rejects. */
  readonly closed: Promise<void>;
  private readonly fin = deferred();
  private readonly end = deferred();
  private failure: FakeServerError | undefined;
  private step = 0;
  private tag = '*';

  constructor(
    private readonly script: readonly ScriptStep[],
    private readonly options: FakeServerOptions = {},
  ) {
    this.finished = this.fin.promise;
    this.closed = this.end.promise;
  }

  /** The first failure, if any (also the rejection of `finished` and `closed`). */
  get error(): FakeServerError | undefined {
    return this.failure;
  }

  /** Serves the script on a connection; resolves when it is over (never rejects: see `closed`). */
  async serve(readable: ReadableStream<Uint8Array>, writable: WritableStream<Uint8Array>): Promise<void> {
    const writer = writable.getWriter();
    const reader = readable.getReader();
    // Writes go through one queue: a literal's "+" never overtakes a step's answer.
    let queue: Promise<void> = Promise.resolve();
    const write = (b: Uint8Array): Promise<void> => {
      queue = queue.then(() => writer.write(b)).catch(() => {});
      return queue;
    };
    const splitter = new CommandSplitter(() => {
      void write(this.bytes(this.options.continuation ?? '+ go ahead\r\n'));
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const next = this.script[this.step];
      if (next?.expect === undefined) return;
      timer = setTimeout(() => {
        this.fail(
          `timed out after ${this.timeout} ms waiting for step ${this.step}: ${describeExpectation(next.expect)}`,
        );
        void reader.cancel().catch(() => {});
      }, this.timeout);
    };
    try {
      const greeting = this.options.greeting === undefined ? DEFAULT_GREETING : this.options.greeting;
      if (greeting !== null) await write(this.bytes(greeting));
      await this.runUnprompted(write);
      arm();
      let closing = this.failure !== undefined || this.closedByScript;
      while (!closing) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const cmd of splitter.push(value)) {
          const r = received(cmd);
          this.received.push(r);
          if (r.tag !== null) this.tag = r.tag;
          const step = this.script[this.step];
          if (step?.expect === undefined || !matches(step.expect, r)) {
            this.fail(
              step === undefined
                ? `unexpected command after the script's end: ${JSON.stringify(r.line)}`
                : `step ${this.step}: expected ${describeExpectation(step.expect)}, got ${JSON.stringify(r.line)}`,
            );
            await write(this.bytes(`${r.tag ?? '*'} BAD unexpected command (fake server script)\r\n`));
            closing = true;
            break;
          }
          this.step++;
          await this.answer(step, r, write);
          await this.runUnprompted(write);
          if (this.failure !== undefined || this.closedByScript) {
            closing = true;
            break;
          }
          arm();
        }
      }
      if (timer !== undefined) clearTimeout(timer);
      if (!closing && splitter.pending) this.fail('the client closed the connection inside a command');
      if (this.step < this.script.length) {
        this.fail(
          `the connection ended before step ${this.step}: ${describeExpectation(this.script[this.step]?.expect)}`,
        );
      }
    } catch (e) {
      this.fail(`the connection failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      await queue;
      await writer.close().catch(() => {});
      await reader.cancel().catch(() => {});
      if (this.failure === undefined) this.end.resolve();
      else this.end.reject(this.failure);
    }
  }

  private closedByScript = false;

  private get timeout(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  /** Steps without `expect` at the current position: sent at once. */
  private async runUnprompted(write: (b: Uint8Array) => Promise<void>): Promise<void> {
    for (
      let s = this.script[this.step];
      s !== undefined && s.expect === undefined;
      s = this.script[this.step]
    ) {
      this.step++;
      await this.answer(s, undefined, write);
      if (this.closedByScript) break;
    }
    if (this.step >= this.script.length) this.fin.resolve();
  }

  private async answer(
    step: ScriptStep,
    r: ReceivedCommand | undefined,
    write: (b: Uint8Array) => Promise<void>,
  ): Promise<void> {
    if (step.delayMs) await sleep(step.delayMs);
    const raw = typeof step.send === 'function' ? step.send(r) : step.send;
    const payloads = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw as Payload];
    const sizes =
      step.chunks === undefined ? undefined : typeof step.chunks === 'number' ? [step.chunks] : step.chunks;
    const parts = payloads.map((p: Payload) => this.bytes(p));
    if (sizes === undefined || sizes.length === 0) {
      for (const p of parts) await write(p);
    } else {
      const all = new Uint8Array(parts.reduce((n: number, p: Uint8Array) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        all.set(p, o);
        o += p.length;
      }
      for (let at = 0, k = 0; at < all.length; k++) {
        const n = Math.max(1, sizes[k % sizes.length]!);
        await write(all.slice(at, at + n));
        at += n;
        if (step.chunkDelayMs && at < all.length) await sleep(step.chunkDelayMs);
      }
    }
    if (step.close) this.closedByScript = true;
  }

  private bytes(p: Payload): Uint8Array {
    return typeof p === 'string' ? enc.encode(p.replaceAll('{tag}', this.tag)) : p;
  }

  private fail(message: string): void {
    if (this.failure !== undefined) return;
    this.failure = new FakeServerError(`fake server: ${message}`);
    this.fin.reject(this.failure);
  }
}

/** The client's side of an in-memory connection. */
export interface ClientStreams {
  /** What the server sends. */
  readable: ReadableStream<Uint8Array>;
  /** What the client sends. */
  writable: WritableStream<Uint8Array>;
}

/**
 * A fake server on an in-memory pair of web streams: give `client` to the code under test,
 * await `server.finished` (or `server.closed` after the client hangs up).
 *
 * @example
 * ```ts
 * const { client, server } = fakeServer([{ expect: 'CAPABILITY', send: ['* CAPABILITY IMAP4rev2\r\n', '{tag} OK\r\n'] }]);
 * const w = client.writable.getWriter();
 * await w.write(new TextEncoder().encode('a1 CAPABILITY\r\n'));
 * await server.finished;
 * ```
 */
export function fakeServer(
  script: readonly ScriptStep[],
  options?: FakeServerOptions,
): { client: ClientStreams; server: FakeServer; served: Promise<void> } {
  // Buffered like a socket: a write does not wait for the other side to read (with the default
  // strategy a client that writes before reading the greeting would wait for ever).
  const buffered = { highWaterMark: Number.POSITIVE_INFINITY };
  const toServer = new TransformStream<Uint8Array, Uint8Array>(undefined, buffered, buffered);
  const toClient = new TransformStream<Uint8Array, Uint8Array>(undefined, buffered, buffered);
  const server = new FakeServer(script, options);
  const served = server.serve(toServer.readable, toClient.writable);
  return { client: { readable: toClient.readable, writable: toServer.writable }, server, served };
}
