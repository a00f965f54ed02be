/**
 * The encoder's error: a command (or, on the server's side, a response) that cannot be put on
 * the wire as given.
 *
 * The encoder never produces bytes a server could read as something else (a CR LF inside a line,
 * a NUL inside a string, a literal counted in characters). Where a value cannot be sent in any
 * form, it throws an `ImapEncodeError` with a stable `code` and the `field` that held the value;
 * no fragment of the command has been handed out at that point.
 */

/**
 * Stable error codes. Match on these, not on `message`.
 *
 * | code | meaning |
 * |---|---|
 * | `INVALID_TAG` | the tag is empty or has a byte outside `ASTRING-CHAR` minus `"+"` |
 * | `INVALID_ATOM` | a field that can only be an atom (capability, mechanism, charset, keyword …) has a byte outside its class; or a charset, which may also be a quoted string but never a literal, needs quoting and is longer than 1024 bytes (the longest quoted string the encoder sends) |
 * | `INVALID_FLAG` | a flag is neither `\atom` nor an atom (or is `\*`) |
 * | `NUL_IN_STRING` | a NUL byte where only a `literal8` could carry it and none is allowed (or the server lacks BINARY) |
 * | `INVALID_UNICODE` | a string holds a lone UTF-16 surrogate (no UTF-8 or modified UTF-7 form exists) |
 * | `INVALID_NUMBER` | not an integer, out of range (32-bit, 63-bit), or 0 where `nz-number` is required |
 * | `INVALID_SEQUENCE_SET` | a sequence set that does not follow `sequence-set` (0, beyond 2^32-1, empty, `*` where not allowed) |
 * | `INVALID_DATE` | a date or date-time that is not a real calendar date in the accepted forms |
 * | `INVALID_TEXT` | a response's `text` (resp-text) holds a CR, LF or NUL, or starts with `[` where no response code precedes it (it would read as one) |
 * | `INVALID_ARGUMENT` | a value of the wrong type or shape: a missing field, an empty list where one item is required, options that exclude each other |
 * | `UNKNOWN_COMMAND` | `name` is not a command this encoder knows |
 * | `SYNC_LITERAL` | `toBytes()` was asked to join fragments that include a synchronising literal |
 * | `INTERNAL` | a CR, LF or NUL (or, in the encoder's own text, any byte but printable ASCII) was about to be written into a line (a bug in the encoder; nothing was emitted) |
 *
 * @example
 * ```ts
 * if (e instanceof ImapEncodeError && e.code === 'NUL_IN_STRING') askForBinary();
 * ```
 */
export type ImapEncodeErrorCode =
  | 'INVALID_TAG'
  | 'INVALID_ATOM'
  | 'INVALID_FLAG'
  | 'NUL_IN_STRING'
  | 'INVALID_UNICODE'
  | 'INVALID_NUMBER'
  | 'INVALID_SEQUENCE_SET'
  | 'INVALID_DATE'
  | 'INVALID_TEXT'
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_COMMAND'
  | 'SYNC_LITERAL'
  | 'INTERNAL';

/**
 * A command (or value) that cannot be encoded.
 *
 * @example
 * ```ts
 * try {
 *   encodeCommand({ name: 'ENABLE', capabilities: ['X\r\nA2 LOGOUT'] }, { tag: 'A1' });
 * } catch (e) {
 *   if (e instanceof ImapEncodeError) console.log(e.code, e.field); // INVALID_ATOM capabilities[0]
 * }
 * ```
 */
export class ImapEncodeError extends Error {
  override readonly name = 'ImapEncodeError';
  /** Stable machine-readable code. */
  readonly code: ImapEncodeErrorCode;
  /** Path of the offending value in the command, e.g. `criteria[1].operand.value`; `''` for the whole command. */
  readonly field: string;

  constructor(code: ImapEncodeErrorCode, field: string, message: string) {
    super(`${code}${field === '' ? '' : ` in ${field}`}: ${message}`);
    this.code = code;
    this.field = field;
  }
}
