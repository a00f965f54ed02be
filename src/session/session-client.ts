/**
 * Promises on top of a driven {@link ClientSession}: `await client.command(…)` gives the
 * command's completion. The session stays the one place of protocol logic; this only matches
 * completion events to the calls that queued them.
 */

import type { DriverHandle } from '../driver/hooks.ts';
import type { Command } from '../model/command.ts';
import type { UntaggedResponse } from '../model/response.ts';
import type { ClientSession, Completion, SendOptions, SessionEvent } from './client-session.ts';
import type { SaslCredentials } from './sasl.ts';

/**
 * A {@link ClientSession} run by a driver, with promises. Made by `openSession` (web streams)
 * and `imap-wire/node`'s `connectSession`.
 *
 * @example
 * ```ts
 * const imap = await connectSession({ host: 'imap.example.com', port: 993, tls: true });
 * const login = await imap.command({ name: 'LOGIN', username: 'me', password: 'secret' });
 * if (login.status !== 'OK') throw new Error(login.text);
 * const select = await imap.command({ name: 'SELECT', mailbox: 'INBOX' });
 * await imap.logout();
 * ```
 */
export class SessionClient {
  /** Resolves with the server's greeting; rejects when the connection ends first. */
  readonly greeting: Promise<UntaggedResponse>;
  private readonly waiting = new Map<number, (c: Completion) => void>();
  private driver: DriverHandle | null = null;
  private greeted!: (r: UntaggedResponse) => void;
  private refused!: (e: Error) => void;

  /** `onEvent` sees every event of the session (completions included), in order. */
  constructor(
    readonly session: ClientSession,
    private readonly onEvent?: (event: SessionEvent) => void,
  ) {
    this.greeting = new Promise<UntaggedResponse>((resolve, reject) => {
      this.greeted = resolve;
      this.refused = reject;
    });
    // A caller that never awaits the greeting must not see an unhandled rejection.
    this.greeting.catch(() => {});
  }

  /** Gives the client its driver (made with `onStep: () => client.step()`). */
  attach(driver: DriverHandle): void {
    this.driver = driver;
  }

  /** The driver's `onStep`: takes the session's events. */
  step(): void {
    for (let e = this.session.pollEvent(); e !== null; e = this.session.pollEvent()) {
      if (e.type === 'greeting') {
        if (e.response.kind === 'bye') this.refused(new Error(`the server refused: ${e.response.text}`));
        else this.greeted(e.response);
      } else if (e.type === 'closed') this.refused(new Error('the connection ended before the greeting'));
      else if (e.type === 'completion') {
        const w = this.waiting.get(e.id);
        this.waiting.delete(e.id);
        w?.(e);
      }
      this.onEvent?.(e);
    }
  }

  /** What the driver can do (STARTTLS, COMPRESS). */
  get supports(): DriverHandle['supports'] {
    return this.handle.supports;
  }

  /** Resolves when the run is over (the connection closed). */
  get ended(): Promise<void> {
    return this.handle.done;
  }

  /**
   * Sends a command; resolves with its completion, whatever its status (`OK`, `NO`, `BAD`,
   * `TIMEOUT`, `CLOSED`, `REFUSED`). Rejects only when the session cannot accept it now
   * (`SessionStateError`) or the encoder refuses a value.
   */
  command(command: Command, options?: SendOptions): Promise<Completion> {
    return this.queue(() => this.session.send(command, this.handle.now(), options));
  }

  /** AUTHENTICATE with PLAIN, XOAUTH2 or OAUTHBEARER (see `ClientSession.authenticate`). */
  authenticate(credentials: SaslCredentials, options?: SendOptions): Promise<Completion> {
    return this.queue(() => this.session.authenticate(credentials, this.handle.now(), options));
  }

  /** Starts IDLE; the promise resolves when it ends (after {@link done}). */
  idle(): Promise<Completion> {
    return this.queue(() => this.session.idle(this.handle.now()));
  }

  /** Ends IDLE. */
  done(): void {
    this.session.done(this.handle.now());
    this.handle.wake();
  }

  /** LOGOUT, then waits for the connection to end. */
  async logout(): Promise<Completion> {
    const c = await this.command({ name: 'LOGOUT' });
    await this.handle.done;
    return c;
  }

  /** Drops the connection without LOGOUT. */
  close(): void {
    this.handle.close();
  }

  private get handle(): DriverHandle {
    if (this.driver === null) throw new Error('SessionClient: no driver attached');
    return this.driver;
  }

  private queue(send: () => number): Promise<Completion> {
    let id: number;
    try {
      id = send();
    } catch (e) {
      return Promise.reject(e);
    }
    const p = new Promise<Completion>((resolve) => this.waiting.set(id, resolve));
    this.handle.wake();
    return p;
  }
}
