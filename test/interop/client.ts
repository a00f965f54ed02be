/**
 * A tiny IMAP client for interop tests only (node:net, no dependency on src/).
 *
 * It records every byte the server sends, as the raw chunks in the order they arrived
 * (`chunks`), and frames them just enough to know when a command is done: a response ends at a
 * CRLF that does not follow a literal announcement `{n}` / `~{n}` (whose n bytes are skipped
 * unread), so a literal body that happens to contain "\r\nA0001 OK" cannot end a command early.
 * This framing is deliberately naive and independent from the project's decoder, which is what
 * the tests check the recorded bytes against.
 */
import net from 'node:net';

/** One complete server response, as framed by this helper. */
export interface ServerResponse {
  /** `*`, `+` or the tag of a tagged response (the first space-separated word). */
  tag: string;
  /** Offset of the response's first byte in the stream of all received bytes. */
  offset: number;
  /** The whole response: every line with its CRLF and every literal body. */
  bytes: Buffer;
  /** The first line without CRLF, as latin1 (for messages and quick checks). */
  line: string;
}

export interface TaggedResult {
  tag: string;
  /** `OK`, `NO`, `BAD` (or whatever word the server put there). */
  status: string;
  /** The rest of the tagged line after the status. */
  text: string;
  response: ServerResponse;
  /** Untagged and continuation responses received between sending and the tagged response. */
  untagged: ServerResponse[];
}

export interface ConnectOptions {
  port: number;
  host?: string;
  /** Default time limit for connecting, the greeting and each command, in ms. */
  timeoutMs?: number;
}

interface Waiter {
  what: string;
  from: number;
  match: (r: ServerResponse) => boolean;
  resolve: (r: ServerResponse) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const LITERAL_AT_END = /(?:~)?\{(\d+)\+?\}\r?\n$/;

/** Printable excerpt of bytes: CR, LF, TAB and non-ASCII bytes escaped. */
export function escapeBytes(bytes: Uint8Array, max = 300): string {
  let out = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return bytes.length > max ? `${out}… (${bytes.length - max} more bytes)` : out;
}

export class TestImapClient {
  /** Every chunk the server sent, exactly as received, in order. */
  readonly chunks: Buffer[] = [];
  /** Every complete response, in order (the greeting first). */
  readonly responses: ServerResponse[] = [];
  /** Everything this client sent, one Buffer per write. */
  readonly sent: Buffer[] = [];
  readonly timeoutMs: number;
  private readonly socket: net.Socket;
  private received = 0;
  private tagCounter = 0;
  private closedError: Error | undefined;
  private readonly closedPromise: Promise<void>;
  private waiters: Waiter[] = [];
  // framing state
  private parts: Buffer[] = [];
  private segment: Buffer[] = [];
  private responseStart = 0;
  private literalLeft = 0;

  private constructor(socket: net.Socket, timeoutMs: number) {
    this.socket = socket;
    this.timeoutMs = timeoutMs;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.closedPromise = new Promise((resolve) => {
      socket.on('close', () => {
        this.closedError ??= new Error('connection closed by the server');
        this.failWaiters(this.closedError);
        resolve();
      });
    });
    socket.on('error', (err) => {
      this.closedError = err;
      this.failWaiters(err);
    });
  }

  /** Connects and waits for the greeting. */
  static async connect(opts: ConnectOptions): Promise<TestImapClient> {
    const host = opts.host ?? '127.0.0.1';
    const timeoutMs = opts.timeoutMs ?? 20_000;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host, port: opts.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`cannot connect to ${host}:${opts.port}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot connect to ${host}:${opts.port}: ${err.message}`));
      });
    });
    const client = new TestImapClient(socket, timeoutMs);
    await client.waitFor('the greeting', 0, () => true);
    return client;
  }

  /** The greeting (first response). */
  get greeting(): ServerResponse | undefined {
    return this.responses[0];
  }

  /** All received bytes, concatenated. */
  receivedBytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  get receivedLength(): number {
    return this.received;
  }

  nextTag(): string {
    this.tagCounter += 1;
    return `A${String(this.tagCounter).padStart(4, '0')}`;
  }

  /** Sends `COMMAND` with a fresh tag and waits for its tagged response. */
  command(command: string, timeoutMs?: number): Promise<TaggedResult> {
    return this.send(`${this.nextTag()} ${command}`, timeoutMs);
  }

  /** Sends one complete command line (`TAG COMMAND ...`, no CRLF) and waits for its tagged response. */
  async send(line: string, timeoutMs?: number): Promise<TaggedResult> {
    if (/[\r\n]/.test(line)) throw new Error(`command line contains CR or LF: ${JSON.stringify(line)}`);
    const tag = line.split(' ', 1)[0]!;
    const from = this.responses.length;
    this.write(Buffer.from(`${line}\r\n`, 'utf8'));
    return this.tagged(tag, from, `the tagged response to ${JSON.stringify(line)}`, timeoutMs);
  }

  /**
   * APPEND with a literal: non-synchronising `{n+}` when `literalPlus`, else `{n}` and waits for
   * the server's `+` before sending the message.
   */
  async append(
    mailbox: string,
    message: Uint8Array,
    opts: { flags?: string[]; date?: string; literalPlus?: boolean; timeoutMs?: number } = {},
  ): Promise<TaggedResult> {
    const tag = this.nextTag();
    const flags = opts.flags?.length ? ` (${opts.flags.join(' ')})` : '';
    const date = opts.date ? ` ${quote(opts.date)}` : '';
    const head = `${tag} APPEND ${quote(mailbox)}${flags}${date} {${message.length}${opts.literalPlus ? '+' : ''}}`;
    const from = this.responses.length;
    this.write(Buffer.from(`${head}\r\n`, 'utf8'));
    if (!opts.literalPlus) {
      const r = await this.waitFor(
        `the continuation for ${JSON.stringify(head)}`,
        from,
        (x) => x.tag === '+' || x.tag === tag,
        opts.timeoutMs,
      );
      if (r.tag === tag) return this.tagged(tag, from, head, opts.timeoutMs);
    }
    this.write(Buffer.concat([message, Buffer.from('\r\n')]));
    return this.tagged(tag, from, `the tagged response to ${JSON.stringify(head)}`, opts.timeoutMs);
  }

  /** LOGOUT, then waits until the server has closed the connection. */
  async logout(timeoutMs?: number): Promise<TaggedResult> {
    const r = await this.command('LOGOUT', timeoutMs);
    await this.closed(timeoutMs);
    return r;
  }

  /** Resolves when the socket is closed (rejects after the timeout). */
  async closed(timeoutMs = this.timeoutMs): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`server did not close the connection within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.closedPromise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Waits for the first response from index `from` on that matches. */
  waitFor(
    what: string,
    from: number,
    match: (r: ServerResponse) => boolean,
    timeoutMs = this.timeoutMs,
  ): Promise<ServerResponse> {
    for (let i = from; i < this.responses.length; i++) {
      if (match(this.responses[i]!)) return Promise.resolve(this.responses[i]!);
    }
    if (this.closedError) return Promise.reject(this.describe(`${this.closedError.message} before ${what}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        what,
        from,
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(this.describe(`timeout after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private async tagged(tag: string, from: number, what: string, timeoutMs?: number): Promise<TaggedResult> {
    const response = await this.waitFor(what, from, (r) => r.tag === tag, timeoutMs);
    const end = this.responses.indexOf(response);
    const m = /^\S+ (\S+) ?(.*)$/.exec(response.line);
    return {
      tag,
      status: m?.[1] ?? '',
      text: m?.[2] ?? '',
      response,
      untagged: this.responses.slice(from, end),
    };
  }

  private write(bytes: Buffer): void {
    if (this.closedError) throw this.describe(`cannot send, ${this.closedError.message}`);
    this.sent.push(bytes);
    this.socket.write(bytes);
  }

  private describe(message: string): Error {
    const tail = this.receivedBytes().subarray(-300);
    return new Error(
      `${message}\n  received ${this.received} bytes in ${this.chunks.length} chunks; last bytes: ${escapeBytes(tail)}`,
    );
  }

  private failWaiters(err: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.reject(this.describe(`${err.message} while waiting for ${w.what}`));
    }
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    let i = 0;
    while (i < chunk.length) {
      if (this.literalLeft > 0) {
        const take = Math.min(this.literalLeft, chunk.length - i);
        this.parts.push(chunk.subarray(i, i + take));
        this.literalLeft -= take;
        i += take;
        continue;
      }
      const lf = chunk.indexOf(0x0a, i);
      const end = lf === -1 ? chunk.length : lf + 1;
      const piece = chunk.subarray(i, end);
      this.parts.push(piece);
      this.segment.push(piece);
      i = end;
      if (lf === -1) break;
      // a line is complete: does it announce a literal?
      const seg = Buffer.concat(this.segment);
      this.segment = [];
      const lit = LITERAL_AT_END.exec(seg.subarray(-32).toString('latin1'));
      if (lit) {
        this.literalLeft = Number(lit[1]);
        continue;
      }
      this.emit(this.received + end);
    }
    this.received += chunk.length;
  }

  private emit(endOffset: number): void {
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    const firstLf = bytes.indexOf(0x0a);
    const line = bytes.subarray(0, firstLf).toString('latin1').replace(/\r$/, '');
    const response: ServerResponse = {
      tag: line.split(' ', 1)[0] ?? '',
      offset: this.responseStart,
      bytes,
      line,
    };
    this.responseStart = endOffset;
    const index = this.responses.push(response) - 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (index >= w.from && w.match(response)) {
        clearTimeout(w.timer);
        w.resolve(response);
      } else {
        this.waiters.push(w);
      }
    }
  }
}

/** An IMAP quoted string (the test data never needs a literal for these). */
export function quote(s: string): string {
  if (/[\r\n\0]/.test(s)) throw new Error(`cannot quote ${JSON.stringify(s)}`);
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}
