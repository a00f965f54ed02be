/**
 * What the encoder needs to know about the connection: the tag and the server's capabilities.
 *
 * Capabilities only change the *form* of a command (literal modes, `~{n}`, UTF-8), never which
 * command is sent: the encoder does not refuse MOVE to a server that lacks MOVE.
 */

/**
 * Options of {@link encodeCommand}.
 *
 * @example
 * ```ts
 * encodeCommand(cmd, { tag: 'A7', capabilities: ['IMAP4rev1', 'LITERAL+', 'BINARY'], enabled: ['UTF8=ACCEPT'] });
 * ```
 */
export interface EncodeOptions {
  /** The command's tag (`1*<ASTRING-CHAR except "+">`); see `TagGenerator`. */
  tag: string;
  /**
   * What the server advertised (CAPABILITY), case-insensitive. Consulted: `LITERAL+` (every
   * literal non-synchronising), `LITERAL-` (non-synchronising up to 4096 bytes), `BINARY`
   * (`~{n}` for APPEND data with NUL bytes or marked binary, and for METADATA values).
   */
  capabilities?: Iterable<string>;
  /**
   * What `ENABLE` turned on (the server's ENABLED response), case-insensitive. `UTF8=ACCEPT` or
   * `IMAP4rev2` here: 8-bit strings go as quoted UTF-8 instead of literals, mailbox names as UTF-8
   * instead of modified UTF-7, and no `CHARSET` is added to SEARCH. They count only here, not in
   * `capabilities`: RFC 6855 §3 and RFC 9051 §2.3 forbid UTF-8 before ENABLE.
   */
  enabled?: Iterable<string>;
}

/**
 * The capabilities as the encoder uses them.
 *
 * @example
 * ```ts
 * resolveContext({ capabilities: ['BINARY'] }).binary; // true
 * ```
 */
export interface EncodeContext {
  readonly literalPlus: boolean;
  readonly literalMinus: boolean;
  readonly binary: boolean;
  readonly utf8: boolean;
}

/** RFC 7888 §4: LITERAL- allows non-synchronising literals of at most this many bytes. */
export const LITERAL_MINUS_MAX = 4096;

function upper(list: Iterable<string> | undefined): Set<string> {
  const s = new Set<string>();
  if (list === undefined || list === null) return s;
  for (const c of list) if (typeof c === 'string') s.add(c.toUpperCase());
  return s;
}

/**
 * Resolves capability lists into an {@link EncodeContext}.
 *
 * @example
 * ```ts
 * resolveContext({ capabilities: ['literal+'] }).literalPlus; // true
 * ```
 */
export function resolveContext(o: {
  capabilities?: Iterable<string>;
  enabled?: Iterable<string>;
}): EncodeContext {
  const caps = upper(o.capabilities);
  const enabled = upper(o.enabled);
  return {
    literalPlus: caps.has('LITERAL+'),
    // RFC 9051 §4.3: IMAP4rev2 includes LITERAL-.
    literalMinus: caps.has('LITERAL-') || caps.has('IMAP4REV2'),
    binary: caps.has('BINARY'),
    utf8: enabled.has('UTF8=ACCEPT') || enabled.has('IMAP4REV2'),
  };
}
