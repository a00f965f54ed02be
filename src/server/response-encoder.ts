/**
 * The response encoder (the server's half, beside the command reader): a typed response, as the
 * decoder gives it (model/response.ts), back to the bytes a server sends.
 *
 * Every value is written in the form the grammar allows where it stands, chosen as the command
 * encoder chooses (encoder/writer.ts): an atom, a quoted string, or a literal `{n}` (`~{n}`
 * for a NUL where the grammar has `literal8`). Nothing a value holds can end a line early: a CR,
 * LF or NUL goes only inside a literal, and a response text (which has no literal form) that
 * holds one is refused with `ImapEncodeError` (`INVALID_TEXT`, the field named). Values kept raw
 * by the decoder (unknown responses, FETCH attributes, STATUS items) are written as their bytes
 * when those stay inside their value (CRLF only in a counted literal).
 *
 * Where the model keeps a value both decoded and as sent, the bytes as sent win, so a decoded
 * response is encoded back byte for byte in those fields: `mailboxRaw` (over `mailbox`),
 * `oldNameRaw`, `prefixRaw`, `internalDateRaw`, the envelope's `dateRaw`, `subjectRaw` and
 * `nameRaw`, a sequence set's `text`. Derived fields are not written: `specialUse` (from the
 * flags), a BODY[] value's `section` (from `part`, `text`, `fields`), body section numbers,
 * `base64` of a continuation with text, `date` beside `dateRaw`.
 */
import { ImapEncodeError } from '../encoder/errors.ts';
import { type Fragment, joinFragments } from '../encoder/fragment.ts';
import { Writer } from '../encoder/writer.ts';
import type { Response } from '../model/response.ts';
import { writeResponse } from './response.ts';
import { serverContext } from './values.ts';

/**
 * Options of {@link encodeResponse}.
 *
 * @example
 * ```ts
 * encodeResponse(r, { utf8: true }); // after the client's ENABLE UTF8=ACCEPT
 * ```
 */
export interface ResponseEncodeOptions {
  /**
   * The client enabled `UTF8=ACCEPT` (or IMAP4rev2): 8-bit strings may go as quoted UTF-8
   * rather than literals, and names given as text as UTF-8 rather than modified UTF-7.
   * Default `false`.
   */
  utf8?: boolean;
}

/**
 * Encodes one response into fragments: lines (each ending in CRLF) and the literals announced at
 * their ends. A server never waits before a literal: write them all in order. A literal's
 * `mode` is `sync` for `{n}` and `binary` for `~{n}`; its bytes are the caller's (not copied).
 * Throws `ImapEncodeError` (nothing is emitted) when a value cannot be sent.
 *
 * @example
 * ```ts
 * encodeResponseFragments({ type: 'untagged', kind: 'exists', count: 3 });
 * // [{ type: 'line', bytes: '* 3 EXISTS\r\n' }]
 * ```
 */
export function encodeResponseFragments(response: Response, options: ResponseEncodeOptions = {}): Fragment[] {
  const w = new Writer(serverContext(options.utf8 === true));
  try {
    writeResponse(w, response);
    const fragments = w.finish();
    if (fragments.length > 1 && response.type === 'continuation') {
      // A client reads a continuation request as one line (lexer/framer.ts: a "{n}" ending
      // one is text), so a value that needs a literal (a BADCHARSET charset with a CR) cannot go.
      throw new ImapEncodeError('INVALID_ARGUMENT', 'code', 'a continuation request is one line: no literal');
    }
    return fragments;
  } catch (e) {
    if (e instanceof ImapEncodeError) throw e;
    // A value of the wrong shape that a check missed: an error naming no field, never a TypeError.
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      '',
      `malformed response (${e instanceof Error ? e.message : String(e)})`,
    );
  } finally {
    w.abandon();
  }
}

/**
 * Encodes one response into the bytes a server writes, CRLF included. Like the command
 * encoder's lines, a small result is a view of a shared slab: read it through the view and never
 * transfer or detach its `buffer`.
 *
 * @throws ImapEncodeError when a value cannot be sent (`INVALID_TEXT`, `INVALID_ATOM`,
 * `NUL_IN_STRING`, `INVALID_NUMBER` …, with the field).
 * @example
 * ```ts
 * encodeResponse({ type: 'tagged', tag: 'A1', status: 'OK', code: { name: 'READ-WRITE' }, text: 'SELECT completed' });
 * // bytes of 'A1 OK [READ-WRITE] SELECT completed\r\n'
 * ```
 */
export function encodeResponse(response: Response, options?: ResponseEncodeOptions): Uint8Array {
  return joinFragments(encodeResponseFragments(response, options));
}

/**
 * A connection's response encoder: remembers whether the client enabled UTF-8 (RFC 6855
 * `ENABLE UTF8=ACCEPT`, or IMAP4rev2), which changes how 8-bit strings and names are written.
 *
 * @example
 * ```ts
 * const enc = new ResponseEncoder();
 * socket.write(enc.encode({ type: 'untagged', kind: 'ok', text: 'IMAP4rev1 ready' }));
 * enc.enable(['UTF8=ACCEPT']); // after answering ENABLE with ENABLED UTF8=ACCEPT
 * ```
 */
export class ResponseEncoder {
  private options: ResponseEncodeOptions;

  constructor(options: ResponseEncodeOptions = {}) {
    this.options = { utf8: options.utf8 === true };
  }

  /** Notes what the client enabled; `UTF8=ACCEPT` or `IMAP4rev2` turns UTF-8 on. */
  enable(capabilities: Iterable<string>): void {
    for (const c of capabilities) {
      const u = typeof c === 'string' ? c.toUpperCase() : '';
      if (u === 'UTF8=ACCEPT' || u === 'IMAP4REV2') this.options = { utf8: true };
    }
  }

  /** True once UTF-8 was enabled. */
  get utf8(): boolean {
    return this.options.utf8 === true;
  }

  /** Encodes one response (see {@link encodeResponse}). */
  encode(response: Response): Uint8Array {
    return encodeResponse(response, this.options);
  }

  /** Encodes one response into fragments (see {@link encodeResponseFragments}). */
  fragments(response: Response): Fragment[] {
    return encodeResponseFragments(response, this.options);
  }
}
