/**
 * The server side's streaming command reader: bytes from a client, in chunks of any size, to
 * typed commands (the same values the encoder takes), with three outcomes and no exceptions
 * for control flow: a command, *literal announced* (the client waits for `+`: answer it, or
 * refuse), or an error value (answer `tag BAD`; reading goes on with the next command).
 *
 * Lines that answer a server's continuation are not commands: after a `+` challenge during
 * AUTHENTICATE (RFC 9051 §6.2.2) or the `+` that starts IDLE (RFC 2177), tell the reader with
 * `expect()`, and the next line comes back as `authenticate` data, `authenticate-cancel` or
 * `done`.
 */
import { ImapParseError } from '../errors.ts';
import type { Command } from '../model/command.ts';
import { decodeBase64 } from '../parser/base64.ts';
import { CommandFramer, type FramerEvent } from './framer.ts';
import { type CommandParserOptions, parseCommandFrame } from './parse.ts';

/**
 * One thing the reader found, in stream order.
 *
 * @example
 * ```ts
 * for (const item of reader.push(chunk)) if (item.type === 'literal') socket.write('+ ok\r\n');
 * ```
 */
export type CommandItem =
  | { type: 'command'; tag: string; command: Command }
  /** A synchronising literal of `size` bytes was announced: send `+ …` (or refuse: `rejectLiteral()`). */
  | { type: 'literal'; tag: string | null; size: number; binary: boolean }
  /** An AUTHENTICATE continuation answer, base64-decoded (after `expect('authenticate')`). */
  | { type: 'authenticate'; data: Uint8Array }
  /** The client cancelled AUTHENTICATE with `*`. */
  | { type: 'authenticate-cancel' }
  /** The client ended IDLE (after `expect('idle')`). */
  | { type: 'done' }
  /** A malformed command (or answer); `tag` is the command's when it could be read. */
  | { type: 'error'; tag: string | null; error: ImapParseError };

/**
 * Options of {@link CommandReader}; limits have their own error codes.
 *
 * @example
 * ```ts
 * const reader = new CommandReader({ maxLineLength: 8192, utf8: false });
 * ```
 */
export interface CommandReaderOptions extends CommandParserOptions {
  /** Longest line (`LINE_TOO_LONG`). Default 64 KiB (Dovecot's `imap_max_line_length`). */
  maxLineLength?: number;
  /** Most literal bytes in one command (`LITERAL_TOO_LARGE`). Default 256 MiB. */
  maxLiteralSize?: number;
}

/**
 * Reads commands from a client's byte stream.
 *
 * `push()` returns a lazy iterator: consume it before the next `push()`, and call `expect()` or
 * `rejectLiteral()` while iterating, where the conversation needs them. Literal values are views
 * of the pushed chunks when they arrived in one: do not modify a chunk after pushing it.
 *
 * @example
 * ```ts
 * const reader = new CommandReader();
 * socket.on('data', (chunk) => {
 *   for (const item of reader.push(chunk)) {
 *     if (item.type === 'literal') socket.write('+ go ahead\r\n');
 *     else if (item.type === 'command' && item.command.name === 'IDLE') {
 *       socket.write('+ idling\r\n');
 *       reader.expect('idle');
 *     } else if (item.type === 'error') socket.write(`${item.tag ?? '*'} BAD ${item.error.expected}\r\n`);
 *   }
 * });
 * ```
 */
export class CommandReader {
  private readonly framer: CommandFramer;
  private readonly queue: Uint8Array[] = [];
  private expecting: 'authenticate' | 'idle' | null = null;
  private readonly parse: CommandParserOptions;

  constructor(options: CommandReaderOptions = {}) {
    this.framer = new CommandFramer({
      maxLineLength: options.maxLineLength ?? 64 * 1024,
      maxLiteralSize: options.maxLiteralSize ?? 256 * 1024 * 1024,
    });
    this.parse = { utf8: options.utf8 ?? false, maxDepth: options.maxDepth ?? 128 };
  }

  /** Mailbox names as UTF-8 from now on (after ENABLE UTF8=ACCEPT or IMAP4rev2). */
  set utf8(on: boolean) {
    this.parse.utf8 = on;
  }

  get utf8(): boolean {
    return this.parse.utf8 ?? false;
  }

  /** True while a command is partly received (after the chunks pushed so far are read). */
  get pending(): boolean {
    return this.queue.length > 0 || this.framer.pending;
  }

  /** The next line answers the continuation the server just sent. */
  expect(kind: 'authenticate' | 'idle'): void {
    this.expecting = kind;
    this.framer.lineMode = true;
  }

  /** The server answered the last `literal` item with NO/BAD instead of `+`: drop that command. */
  rejectLiteral(): void {
    this.framer.abandon();
  }

  /** Adds a chunk and reads what it completes. */
  push(chunk: Uint8Array): Generator<CommandItem> {
    this.queue.push(chunk);
    return this.drain();
  }

  /** The stream ended: a `TRUNCATED` error if it stopped inside a command. */
  end(): CommandItem[] {
    const out = [...this.drain()];
    const e = this.framer.end();
    if (e !== null) out.push(this.item(e));
    return out;
  }

  private *drain(): Generator<CommandItem> {
    for (;;) {
      const e = this.framer.next();
      if (e === null) {
        const next = this.queue.shift();
        if (next === undefined) return;
        this.framer.feed(next);
        continue;
      }
      yield this.item(e);
    }
  }

  private item(e: FramerEvent): CommandItem {
    switch (e.type) {
      case 'literal':
      case 'error':
        return e;
      case 'line':
        return this.answer(e.bytes, e.offset);
      case 'frame':
        try {
          return { type: 'command', ...parseCommandFrame(e.frame, this.parse) };
        } catch (err) {
          if (err instanceof ImapParseError) return { type: 'error', tag: e.tag, error: err };
          throw err;
        }
    }
  }

  /** A continuation answer (RFC 9051 §6.2.2: base64 or "*"; RFC 2177: "DONE"). */
  private answer(b: Uint8Array, offset: number): CommandItem {
    const kind = this.expecting;
    this.expecting = null;
    if (kind === 'idle') {
      const done = b.length === 4 && String.fromCharCode(...b).toUpperCase() === 'DONE';
      return done ? { type: 'done' } : this.bad(offset, 'DONE', b);
    }
    if (b.length === 1 && b[0] === 0x2a) return { type: 'authenticate-cancel' };
    const data = decodeBase64(b, 0, b.length);
    return data === undefined ? this.bad(offset, 'a base64 line or "*"', b) : { type: 'authenticate', data };
  }

  private bad(offset: number, expected: string, b: Uint8Array): CommandItem {
    const head = String.fromCharCode(...b.subarray(0, 32)).replace(/[^\x20-\x7e]/g, '?');
    return {
      type: 'error',
      tag: null,
      error: new ImapParseError('SYNTAX', offset, expected, `⟨here⟩${head}`),
    };
  }
}
