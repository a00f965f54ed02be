/**
 * What the drivers of a {@link ConnectionMachine} share: the clock and timer hooks they take
 * (so that tests drive time by hand), and the handle they return.
 */
import type { ConnectionMachine } from '../session/machine.ts';

/**
 * The clock, timers and hooks every driver takes. The defaults are `Date.now`, `setTimeout`
 * and `clearTimeout`; a test passes a fake clock and fires the timer itself.
 *
 * @example
 * ```ts
 * let now = 0;
 * let fire: (() => void) | undefined;
 * const hooks: DriverHooks = { clock: () => now, setTimer: (fn) => (fire = fn), clearTimer: () => (fire = undefined) };
 * // … later: now = 60_000; fire?.();  → the driver calls machine.tick(60_000)
 * ```
 */
export interface DriverHooks {
  /** The time in milliseconds, any origin (default `Date.now`). */
  clock?: () => number;
  /** Arms a one-shot timer `ms` from now (default `setTimeout`). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** Disarms what `setTimer` returned (default `clearTimeout`). */
  clearTimer?: (timer: unknown) => void;
  /** Called after each pass of the loop (what was to write is written, the actions are done): read the machine's events here. */
  onStep?: () => void;
  /** A connection that failed to open, a handshake or a write that failed (the machine is told `closed`). */
  onError?: (error: unknown) => void;
}

/**
 * A running driver.
 *
 * @example
 * ```ts
 * const id = session.send({ name: 'NOOP' }, handle.now());
 * handle.wake(); // the NOOP is written now
 * await handle.done;
 * ```
 */
export interface DriverHandle {
  /** Runs the loop once more: call it after queuing a command on the machine from outside. */
  wake(): void;
  /** Ends the connection (the machine is told `closed`) and the run; `done` resolves. */
  close(): void;
  /** Resolves when the machine said `finished` or `close()` was called. Never rejects (see `onError`). */
  readonly done: Promise<void>;
  /** The driver's clock (the `now` to give the machine's own methods). */
  now(): number;
  /** What the driver can do when the machine asks: a machine or caller should not send STARTTLS or COMPRESS without it. */
  readonly supports: { readonly starttls: boolean; readonly compress: boolean };
}

/**
 * A machine that opens its connections itself (asks for `connect`) has `connected`; to one
 * without it (a `ClientSession`) a driver gives one connection, opened at start.
 */
export function asksForConnections(machine: ConnectionMachine): boolean {
  return typeof machine.connected === 'function';
}

/** The hooks with their defaults. */
export interface ResolvedHooks {
  clock: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  onStep: (() => void) | undefined;
  onError: ((error: unknown) => void) | undefined;
  /** Calls `onStep`; what it throws goes to `onError`, not into the driver's loop. */
  step: () => void;
}

/** The hooks with their defaults. */
export function resolveHooks(hooks: DriverHooks): ResolvedHooks {
  return {
    clock: hooks.clock ?? Date.now,
    setTimer: hooks.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
    clearTimer: hooks.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)),
    onStep: hooks.onStep,
    onError: hooks.onError,
    step: () => {
      try {
        hooks.onStep?.();
      } catch (e) {
        hooks.onError?.(e);
      }
    },
  };
}

/**
 * The one timer a driver keeps for `pollTimeout()`: re-armed after each pass of the loop,
 * only when the wanted time changed.
 */
export class MachineTimer {
  private timer: unknown;
  private at: number | null = null;

  constructor(
    private readonly hooks: ResolvedHooks,
    private readonly fire: () => void,
  ) {}

  /** Arms for `at` (absolute, the hooks' clock), or disarms for null. */
  arm(at: number | null): void {
    if (at === this.at) return;
    this.disarm();
    if (at === null) return;
    this.at = at;
    this.timer = this.hooks.setTimer(
      () => {
        this.at = null;
        this.timer = undefined;
        this.fire();
      },
      Math.max(0, at - this.hooks.clock()),
    );
  }

  disarm(): void {
    if (this.at !== null) this.hooks.clearTimer(this.timer);
    this.at = null;
    this.timer = undefined;
  }
}
