/** Decoder options: limits (each with its own error code) and strictness. */

/**
 * Options of {@link ResponseDecoder} and {@link parseResponse}.
 *
 * @example
 * ```ts
 * new ResponseDecoder({ strict: true, maxLiteralSize: 50 * 1024 * 1024 });
 * ```
 */
export interface DecoderOptions {
  /** Refuse every quirk (named server deviation) with a `STRICT` error. Default `false`. */
  strict?: boolean;
  /** Longest line, CRLF included (`LINE_TOO_LONG`). Default 4 MiB: a 10,000-part BODYSTRUCTURE fits. */
  maxLineLength?: number;
  /**
   * Longest line of a response made of numbers: SEARCH, SORT, THREAD, ESEARCH, VANISHED
   * (`LINE_TOO_LONG`). Default 256 MiB: a `UID SEARCH ALL`, SORT or `VANISHED (EARLIER)` of
   * 10,000,000 ten-digit UIDs is ~110 MB, a THREAD of as many ~130 MB. Their numbers are parsed
   * into compact arrays, so a long line does not multiply into objects as other lines would.
   */
  maxNumberListLength?: number;
  /** Largest literal (`LITERAL_TOO_LARGE`). Default 256 MiB. */
  maxLiteralSize?: number;
  /** Largest response, lines and literals together (`RESPONSE_TOO_LARGE`). Default 512 MiB. */
  maxResponseSize?: number;
  /** Deepest parenthesis nesting (`DEPTH_EXCEEDED`). Default 256. */
  maxDepth?: number;
  /**
   * For `StreamingResponseDecoder` (ignored elsewhere): FETCH body literals (`BODY[…]`,
   * `BINARY[…]`, `RFC822*`) larger than this many bytes are delivered as they arrive: a
   * `body-start` item, `body-piece` items (views of the pushed chunks, no copy) and a `body-end`,
   * then the FETCH response with that value empty and marked `streamed`. Default: never.
   */
  streamThreshold?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly strict: boolean;
  readonly maxLineLength: number;
  readonly maxNumberListLength: number;
  readonly maxLiteralSize: number;
  readonly maxResponseSize: number;
  readonly maxDepth: number;
  readonly streamThreshold: number;
}

/**
 * The defaults.
 *
 * @example
 * ```ts
 * new ResponseDecoder({ maxLineLength: DEFAULT_OPTIONS.maxLineLength * 2 });
 * ```
 */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  strict: false,
  maxLineLength: 4 * 1024 * 1024,
  maxNumberListLength: 256 * 1024 * 1024,
  maxLiteralSize: 256 * 1024 * 1024,
  maxResponseSize: 512 * 1024 * 1024,
  maxDepth: 256,
  streamThreshold: Number.POSITIVE_INFINITY,
};

function positive(name: string, v: number | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer`);
  return v;
}

function threshold(v: number | undefined): number {
  if (v === undefined || v === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(v) || v < 0)
    throw new RangeError('streamThreshold must be a non-negative integer');
  return v;
}

/** Fills in defaults and checks the values. */
export function resolveOptions(o: DecoderOptions = {}): ResolvedOptions {
  return {
    strict: o.strict ?? false,
    maxLineLength: positive('maxLineLength', o.maxLineLength, DEFAULT_OPTIONS.maxLineLength),
    maxNumberListLength: positive(
      'maxNumberListLength',
      o.maxNumberListLength,
      DEFAULT_OPTIONS.maxNumberListLength,
    ),
    maxLiteralSize: positive('maxLiteralSize', o.maxLiteralSize, DEFAULT_OPTIONS.maxLiteralSize),
    maxResponseSize: positive('maxResponseSize', o.maxResponseSize, DEFAULT_OPTIONS.maxResponseSize),
    maxDepth: positive('maxDepth', o.maxDepth, DEFAULT_OPTIONS.maxDepth),
    streamThreshold: threshold(o.streamThreshold),
  };
}
