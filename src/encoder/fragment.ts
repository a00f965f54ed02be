/**
 * Fragments: what an encoded command is made of (lines, and literals with their mode).
 *
 * A command is a sequence of lines and literals, never one string, because a synchronising
 * literal changes the conversation: after a line that announces `{n}` (or `~{n}`) the client must
 * wait for the server's `+` continuation before it sends the literal's bytes.
 *
 * ```abnf
 * literal  = "{" number64 ["+"] "}" CRLF *CHAR8     ; RFC 9051 §9; "+" is RFC 7888 LITERAL+/LITERAL-
 * literal8 = "~{" number64 ["+"] "}" CRLF *OCTET    ; RFC 3516 §4.2, "+" per RFC 7888 §8
 * ```
 *
 * Every line fragment ends in CRLF. A line that is followed by a literal ends with that literal's
 * announcement; the last line of a command ends the command.
 */
import { ImapEncodeError } from './errors.ts';
import { carve } from './slab.ts';

/**
 * How a literal is announced:
 *
 * | mode | announcement | the client must wait for `+` |
 * |---|---|---|
 * | `sync` | `{n}` | yes |
 * | `nonsync` | `{n+}` (LITERAL+, or LITERAL- up to 4096 bytes) | no |
 * | `binary` | `~{n}` (BINARY) | yes |
 * | `binary-nonsync` | `~{n+}` (BINARY with LITERAL+/LITERAL-, RFC 7888 §8) | no |
 *
 * @example
 * ```ts
 * const needsWait = (m: LiteralMode) => m === 'sync' || m === 'binary';
 * ```
 */
export type LiteralMode = 'sync' | 'nonsync' | 'binary' | 'binary-nonsync';

/**
 * One piece of an encoded command.
 *
 * @example
 * ```ts
 * // A1 LOGIN {5}\r\n  hello  \r\n … as fragments:
 * const f: Fragment[] = [
 *   { type: 'line', bytes: ascii('A1 LOGIN {5}\r\n') },
 *   { type: 'literal', mode: 'sync', bytes: ascii('hello') },
 *   { type: 'line', bytes: ascii(' pass\r\n') },
 * ];
 * ```
 */
export type Fragment = LineFragment | LiteralFragment;

/**
 * Bytes of a line, CRLF included; never a CR, LF or NUL before that CRLF. The bytes are a view
 * of a slab the encoder shares between commands (as Node's `Buffer` pool does): read them
 * through the view, and never transfer or detach `bytes.buffer`.
 *
 * @example
 * ```ts
 * const line: LineFragment = { type: 'line', bytes: ascii('A1 NOOP\r\n') };
 * ```
 */
export interface LineFragment {
  type: 'line';
  bytes: Uint8Array;
}

/**
 * A literal's bytes (announced at the end of the line before it). Its length is the announced count.
 *
 * @example
 * ```ts
 * const lit: LiteralFragment = { type: 'literal', mode: 'nonsync', bytes: ascii('hello') }; // after "… {5+}\r\n"
 * ```
 */
export interface LiteralFragment {
  type: 'literal';
  mode: LiteralMode;
  bytes: Uint8Array;
}

/**
 * True when the client must wait for the server's `+` before sending this literal.
 *
 * @example
 * ```ts
 * fragments.some(isSyncLiteral); // true: send line by line, waiting for "+"
 * ```
 */
export function isSyncLiteral(f: Fragment): boolean {
  return f.type === 'literal' && (f.mode === 'sync' || f.mode === 'binary');
}

/**
 * Joins fragments into the bytes to write, when no synchronising literal is among them
 * (otherwise `SYNC_LITERAL`: the caller has to wait for `+` after the announcing line).
 * A command of one line is that line's bytes (not a copy); like every line, a view of a shared
 * slab (see `Fragment`): never transfer or detach its `buffer`.
 *
 * @example
 * ```ts
 * socket.write(toBytes(encodeCommand({ name: 'NOOP' }, { tag: 'A1' }))); // "A1 NOOP\r\n"
 * ```
 */
export function toBytes(fragments: readonly Fragment[]): Uint8Array {
  // Most commands are one line: no loop, no check of literal modes.
  if (fragments.length === 1 && fragments[0]!.type === 'line') return fragments[0]!.bytes;
  let size = 0;
  for (const f of fragments) {
    if (isSyncLiteral(f)) {
      throw new ImapEncodeError(
        'SYNC_LITERAL',
        '',
        `a ${f.type === 'literal' ? f.mode : ''} literal of ${f.bytes.length} bytes needs the server's "+" first`,
      );
    }
    size += f.bytes.length;
  }
  return joinFragments(fragments, size);
}

/**
 * The fragments' bytes joined, whatever their modes (`size`: their total, when the caller
 * counted it): one fragment is its own bytes, more are copied into one view of the shared slab.
 * `toBytes` after its literal check, and the response encoder, where no literal waits.
 */
export function joinFragments(fragments: readonly Fragment[], size = -1): Uint8Array {
  if (fragments.length === 1) return fragments[0]!.bytes;
  if (size < 0) {
    size = 0;
    for (const f of fragments) size += f.bytes.length;
  }
  const out = carve(size);
  let o = 0;
  for (const f of fragments) {
    out.set(f.bytes, o);
    o += f.bytes.length;
  }
  return out;
}
