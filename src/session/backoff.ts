/**
 * Reconnect delays: exponential backoff with jitter and a cap (the shape of AWS's "equal
 * jitter": half the delay is certain, so a client never hammers a server that just came back,
 * and the other half is random, so a thousand clients cut at once do not return at once).
 */

/**
 * How the delay grows between reconnect attempts.
 *
 * @example
 * ```ts
 * const b: BackoffOptions = { initial: 500, max: 30_000, factor: 2, jitter: 0.5 };
 * ```
 */
export interface BackoffOptions {
  /** The delay before the first retry, in the clock's unit (default 1 000). */
  initial?: number;
  /** The cap (default 60 000). */
  max?: number;
  /** Growth per failed attempt (default 2). */
  factor?: number;
  /** The random share of each delay, 0 to 1 (default 0.5: between half and all of it). */
  jitter?: number;
}

/**
 * The delay before retry number `attempt` (0 for the first), given `random` in [0, 1):
 * `min(max, initial × factor^attempt)`, less up to `jitter` of it.
 *
 * @example
 * ```ts
 * backoffDelay(0, 0.5, {}); // 750: 1 000 less a quarter
 * backoffDelay(10, 0, {}); // 60 000: capped
 * ```
 */
export function backoffDelay(attempt: number, random: number, options: BackoffOptions = {}): number {
  const initial = options.initial ?? 1000;
  const max = options.max ?? 60_000;
  const factor = options.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const base = Math.min(max, initial * factor ** Math.max(0, attempt));
  const r = Math.min(1, Math.max(0, random));
  return Math.round(base * (1 - jitter * r));
}
