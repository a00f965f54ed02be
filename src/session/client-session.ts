/**
 * The client session: the IMAP conversation as a state machine without I/O (h11, quinn-proto,
 * imap-next). Bytes and the time come in (`receive`, `tick`, `closed`), commands are queued
 * (`send`, `authenticate`, `idle`, `done`); out come the bytes to write (`pollTransmit`), events
 * (`pollEvent`) and the next time the session wants to be woken (`pollTimeout`). The driver owns
 * the socket and the clock; every protocol decision (when a literal may go, what a `+` answers,
 * when a silent server is dead) is made here, so a fake clock and scripted bytes test all of it.
 */
import { ResponseDecoder } from '../decoder.ts';
import { base64 } from '../encoder/auth.ts';
import { encodeWithContext } from '../encoder/command.ts';
import { type Fragment, isSyncLiteral } from '../encoder/fragment.ts';
import { type EncodeContext, resolveContext } from '../encoder/options.ts';
import { TagGenerator } from '../encoder/tag.ts';
import type { Command, CommandName } from '../model/command.ts';
import type { ResponseCode } from '../model/resp-code.ts';
import type {
  ContinuationRequest,
  Response,
  Status,
  TaggedResponse,
  UntaggedResponse,
} from '../model/response.ts';
import type { DecoderOptions } from '../parser/options.ts';
import type { ConnectionMachine, DriverAction } from './machine.ts';
import { type SaslCredentials, saslErrorResponse, saslInitialResponse } from './sasl.ts';

/**
 * A command (or DONE, or `tlsEstablished`) the session cannot accept in its state: SELECT before
 * LOGIN, anything during IDLE or after LOGOUT.
 *
 * @example
 * ```ts
 * try { session.send({ name: 'SELECT', mailbox: 'INBOX' }, now); } catch (e) { if (e instanceof SessionStateError) … }
 * ```
 */
export class SessionStateError extends Error {
  override readonly name = 'SessionStateError';
  readonly code = 'ILLEGAL_STATE';
}

/**
 * The connection states (RFC 9051 §3), plus the wait for the greeting, IDLE (RFC 2177) and the
 * end. Only {@link transition} moves between them.
 *
 * @example
 * ```ts
 * if (session.state === SessionState.Selected) session.send({ name: 'FETCH', sequence: '1:*', items: [{ item: 'FLAGS' }] });
 * ```
 */
export const SessionState = {
  Greeting: 'greeting',
  NotAuthenticated: 'not-authenticated',
  Authenticated: 'authenticated',
  Selected: 'selected',
  Idle: 'idle',
  Logout: 'logout',
  Closed: 'closed',
} as const;
/**
 * One of {@link SessionState}'s values.
 *
 * @example
 * ```ts
 * const s: SessionState = 'selected';
 * ```
 */
export type SessionState = (typeof SessionState)[keyof typeof SessionState];

/**
 * What moves the session between states: a greeting, a command's outcome (`+` for IDLE), a BYE,
 * the end of the connection.
 *
 * @example
 * ```ts
 * const t: Transition = { on: 'complete', command: 'SELECT', status: 'OK' };
 * ```
 */
export type Transition =
  | { on: 'greeting'; kind: 'ok' | 'preauth' | 'bye' }
  | { on: 'complete'; command: CommandName; status: Status }
  | { on: 'idling' }
  | { on: 'logout-sent' }
  | { on: 'bye' }
  | { on: 'closed' };

const S = SessionState;

/**
 * The one place the state changes (an h11-style table): the next state, or the same state when
 * the event does not move it. `idleReturn` is the state IDLE was entered from.
 *
 * @example
 * ```ts
 * transition('not-authenticated', { on: 'complete', command: 'LOGIN', status: 'OK' }); // 'authenticated'
 * ```
 */
export function transition(
  state: SessionState,
  t: Transition,
  idleReturn: SessionState = S.Selected,
): SessionState {
  if (state === S.Closed) return S.Closed;
  switch (t.on) {
    case 'closed':
      return S.Closed;
    case 'bye':
    case 'logout-sent':
      return S.Logout;
    case 'greeting':
      if (state !== S.Greeting) return state;
      return t.kind === 'ok' ? S.NotAuthenticated : t.kind === 'preauth' ? S.Authenticated : S.Logout;
    case 'idling':
      return state === S.Authenticated || state === S.Selected ? S.Idle : state;
    case 'complete': {
      if (state === S.Logout) return state;
      if (state === S.Idle && t.command === 'IDLE') return idleReturn;
      const ok = t.status === 'OK';
      switch (t.command) {
        case 'LOGIN':
        case 'AUTHENTICATE':
          return ok && state === S.NotAuthenticated ? S.Authenticated : state;
        case 'SELECT':
        case 'EXAMINE':
          // RFC 9051 §6.3.2: a failed SELECT leaves no mailbox selected.
          return ok ? S.Selected : state === S.Selected ? S.Authenticated : state;
        case 'CLOSE':
        case 'UNSELECT':
          return ok && state === S.Selected ? S.Authenticated : state;
        default:
          return state;
      }
    }
  }
}

const ANY: readonly CommandName[] = ['CAPABILITY', 'NOOP', 'LOGOUT', 'ID'];
const NOT_AUTH: readonly CommandName[] = ['STARTTLS', 'AUTHENTICATE', 'LOGIN'];
const AUTH: readonly CommandName[] = [
  'SELECT',
  'EXAMINE',
  'CREATE',
  'DELETE',
  'RENAME',
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'LIST',
  'LSUB',
  'NAMESPACE',
  'STATUS',
  'APPEND',
  'IDLE',
  'ENABLE',
  'NOTIFY',
  'GETQUOTA',
  'GETQUOTAROOT',
  'SETQUOTA',
  'GETMETADATA',
  'SETMETADATA',
  'COMPRESS',
];
const SELECTED: readonly CommandName[] = [
  'CHECK',
  'CLOSE',
  'UNSELECT',
  'EXPUNGE',
  'SEARCH',
  'FETCH',
  'STORE',
  'COPY',
  'MOVE',
  'SORT',
  'THREAD',
];
const LEGAL: Record<SessionState, ReadonlySet<CommandName>> = {
  greeting: new Set(),
  'not-authenticated': new Set([...ANY, ...NOT_AUTH]),
  authenticated: new Set([...ANY, ...AUTH]),
  selected: new Set([...ANY, ...AUTH, ...SELECTED]),
  idle: new Set(),
  logout: new Set(),
  closed: new Set(),
};

/**
 * True when `command` may be sent in `state` (RFC 9051 §6, RFC 5161 ENABLE, RFC 2177 IDLE,
 * RFC 5465 NOTIFY …).
 *
 * @example
 * ```ts
 * isLegal('not-authenticated', 'SELECT'); // false
 * ```
 */
export function isLegal(state: SessionState, command: CommandName): boolean {
  return LEGAL[state].has(command);
}

/**
 * Commands that change the state or the encoding of what follows: sent only when nothing else is
 * in flight, and nothing is sent after them until they complete (RFC 9051 §5.5 allows no
 * pipelining across a state change; STARTTLS and COMPRESS change the byte stream itself).
 */
const BARRIER: ReadonlySet<CommandName> = new Set<CommandName>([
  'LOGIN',
  'AUTHENTICATE',
  'STARTTLS',
  'CAPABILITY',
  'ENABLE',
  'SELECT',
  'EXAMINE',
  'CLOSE',
  'UNSELECT',
  'IDLE',
  'LOGOUT',
  'COMPRESS',
]);

/** Commands whose arguments or results are message sequence numbers (unless `uid: true`). */
const BY_SEQUENCE: ReadonlySet<CommandName> = new Set<CommandName>([
  'FETCH',
  'STORE',
  'COPY',
  'MOVE',
  'SEARCH',
  'SORT',
  'THREAD',
]);
/** RFC 9051 §7.5.1: no EXPUNGE is sent while these run (non-UID forms). */
const NO_EXPUNGE: ReadonlySet<CommandName> = new Set<CommandName>(['FETCH', 'STORE', 'SEARCH']);

const isUid = (c: Command): boolean => (c as { uid?: boolean }).uid === true;

/**
 * RFC 9051 §5.5: a command with sequence numbers may not be pipelined behind one during which the
 * server may expunge (UID commands, EXPUNGE, NOOP, COPY…): the numbers could shift under it.
 */
function mustWaitFor(next: Pending, inFlight: Pending): boolean {
  if (!BY_SEQUENCE.has(next.name) || isUid(next.command)) return false;
  return !(NO_EXPUNGE.has(inFlight.name) && !isUid(inFlight.command));
}

/** The untagged responses a command is answered with (the rest are events). */
const ANSWERS: Partial<Record<CommandName, ReadonlySet<string>>> = {
  CAPABILITY: new Set(['capability']),
  LOGIN: new Set(['capability']),
  AUTHENTICATE: new Set(['capability']),
  ENABLE: new Set(['enabled']),
  SELECT: new Set(['flags', 'exists', 'recent', 'ok', 'no', 'fetch', 'vanished']),
  EXAMINE: new Set(['flags', 'exists', 'recent', 'ok', 'no', 'fetch', 'vanished']),
  FETCH: new Set(['fetch']),
  STORE: new Set(['fetch']),
  SEARCH: new Set(['search']),
  SORT: new Set(['sort']),
  THREAD: new Set(['thread']),
  LIST: new Set(['list', 'xlist', 'status']),
  LSUB: new Set(['lsub']),
  STATUS: new Set(['status']),
  NAMESPACE: new Set(['namespace']),
  ID: new Set(['id']),
  GETQUOTA: new Set(['quota']),
  GETQUOTAROOT: new Set(['quota', 'quotaroot']),
  GETMETADATA: new Set(['metadata']),
  LOGOUT: new Set(['bye']),
};

/**
 * How a command ended: the server's tagged status, or `TIMEOUT` (no answer in time; the session
 * is closed), `CLOSED` (the connection ended first), `REFUSED` (not sendable any more when its
 * turn came: an earlier LOGIN or SELECT failed).
 */
export type CompletionStatus = Status | 'TIMEOUT' | 'CLOSED' | 'REFUSED';

/**
 * A command's completion: its tagged response and the untagged responses that answered it.
 *
 * @example
 * ```ts
 * // { type: 'completion', id: 3, tag: 'A3', command: 'FETCH', status: 'OK', text: 'done', untagged: [fetch…] }
 * ```
 */
export interface Completion {
  type: 'completion';
  id: number;
  tag: string;
  command: CommandName;
  status: CompletionStatus;
  code?: ResponseCode;
  text: string;
  untagged: UntaggedResponse[];
  /** AUTHENTICATE: the decoded error challenge of XOAUTH2 / OAUTHBEARER (JSON text). */
  saslError?: string;
}

/**
 * What the session reports, in order.
 *
 * @example
 * ```ts
 * for (let e = session.pollEvent(); e; e = session.pollEvent()) if (e.type === 'untagged') tracker.apply(e.response);
 * ```
 */
export type SessionEvent =
  | Completion
  | { type: 'greeting'; response: UntaggedResponse }
  | { type: 'state'; from: SessionState; to: SessionState }
  | { type: 'capabilities'; capabilities: readonly string[] }
  | { type: 'enabled'; capabilities: readonly string[] }
  /**
   * An untagged response no command asked for (pushes: EXISTS, EXPUNGE, FETCH flags, STATUS
   * under NOTIFY…); with the `reportAnswers` option also every answer, as it arrives, with
   * `answers` the id of the command it answers.
   */
  | { type: 'untagged'; response: UntaggedResponse; answers?: number }
  | { type: 'bye'; response: UntaggedResponse }
  | { type: 'timeout'; id: number | null; tag: string | null }
  | { type: 'protocol-error'; message: string; response?: Response }
  | { type: 'closed' };

/**
 * Options of {@link ClientSession}.
 *
 * @example
 * ```ts
 * // `clock()`: the driver's clock in milliseconds (the session reads none of its own)
 * new ClientSession({ now: clock(), commandTimeout: 30_000, log: (dir, b) => console.log(dir, new TextDecoder().decode(b)) });
 * ```
 */
export interface ClientSessionOptions {
  /** The time the connection was opened (the greeting timeout counts from it). */
  now?: number;
  /** How long a command may go unanswered, in the clock's unit (default 60 000). */
  commandTimeout?: number;
  /** How long the greeting may take (default `commandTimeout`). */
  greetingTimeout?: number;
  /** Tags (default `A1`, `A2`, …). */
  tags?: TagGenerator;
  /** Capabilities known in advance (until the server states its own). */
  capabilities?: Iterable<string>;
  /** Ask CAPABILITY by itself when the capabilities become unknown (after STARTTLS and authentication; default true). */
  autoCapability?: boolean;
  /** Decoder options. */
  decoder?: DecoderOptions;
  /**
   * Report every untagged response as an `untagged` event in wire order, answers too (marked with
   * `answers`; the completion still lists them). What a state tracker needs: an `EXPUNGE` pushed
   * during a FETCH renumbers the FETCHes after it, not those before (default false).
   */
  reportAnswers?: boolean;
  /** Sees every byte written (`'C'`, passwords and SASL responses redacted) and read (`'S'`). */
  log?: (direction: 'C' | 'S', bytes: Uint8Array) => void;
}

/**
 * Per-command options of {@link ClientSession.send}.
 *
 * @example
 * ```ts
 * session.send({ name: 'APPEND', mailbox: 'INBOX', messages }, now, { timeout: 300_000 });
 * ```
 */
export interface SendOptions {
  /** This command's timeout (`null`: none). */
  timeout?: number | null;
}

interface Pending {
  id: number;
  tag: string;
  command: Command;
  name: CommandName;
  fragments: Fragment[];
  /** What the log sees instead of each fragment (null: nothing). */
  logged: (Uint8Array | null)[] | null;
  /** The context generation the fragments were made with. */
  gen: number;
  /** Fragments written so far. */
  next: number;
  /** Written up to a `+` it waits for. */
  waiting: boolean;
  untagged: UntaggedResponse[];
  timeout: number | null;
  deadline: number | null;
  sasl?: { mechanism: SaslCredentials['mechanism']; response: Uint8Array; sent: boolean; error?: string };
  /** IDLE: DONE asked for before the server's `+`. */
  done?: boolean;
}

const ASCII = new TextEncoder();
const REDACTED = ASCII.encode('<redacted>\r\n');
const EMPTY = new Uint8Array(0);
const LF = 0x0a;

/**
 * An IMAP client connection without I/O: bytes and time in, bytes, events, driver actions and a
 * wake-up time out. It is a {@link ConnectionMachine}: the drivers (`runMachine` over web
 * streams, `imap-wire/node`'s `connectSession`) run it; a hand-written loop looks like this.
 *
 * @example
 * ```ts
 * // `clock()`: the driver's clock in milliseconds (the session reads none of its own)
 * const s = new ClientSession({ now: clock() });
 * socket.on('data', (b) => { s.receive(b, clock()); pump(); });
 * socket.on('close', () => { s.closed(clock()); pump(); });
 * s.send({ name: 'LOGIN', username: 'me', password: 'secret' }, clock());
 * function pump() {
 *   for (let out = s.pollTransmit(); out; out = s.pollTransmit()) socket.write(out);
 *   for (let a = s.pollAction(); a; a = s.pollAction()) if (a.type === 'close') socket.end();
 *   for (let e = s.pollEvent(); e; e = s.pollEvent()) handle(e);
 * }
 * ```
 */
export class ClientSession implements ConnectionMachine {
  private st: SessionState = S.Greeting;
  private idleReturn: SessionState = S.Selected;
  private readonly decoder: ResponseDecoder;
  private readonly tags: TagGenerator;
  private readonly commandTimeout: number;
  private readonly autoCapability: boolean;
  private readonly logFn: ClientSessionOptions['log'];
  private readonly reportAnswers: boolean;
  private caps: string[] = [];
  private capsKnown = false;
  private readonly enabledSet = new Set<string>();
  private ctx: EncodeContext;
  private gen = 0;
  private greetingDeadline: number | null;
  /** STARTTLS succeeded; nothing is written until the driver calls `tlsEstablished`. */
  private tlsPending = false;
  /** COMPRESS succeeded and the driver has not taken the `compress` action yet (bytes received go to its leftover). */
  private compressAction: { type: 'compress'; leftover: Uint8Array } | null = null;
  /** COMPRESS succeeded: nothing is written until the driver calls `compressionStarted`. */
  private compressPending = false;
  /** What the driver is asked to do (see {@link DriverAction}). */
  private readonly actions: DriverAction[] = [];
  private closeAsked = false;
  private finishedSaid = false;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private out: Uint8Array[] = [];
  private readonly events: SessionEvent[] = [];

  constructor(options: ClientSessionOptions = {}) {
    this.decoder = new ResponseDecoder(options.decoder);
    this.tags = options.tags ?? new TagGenerator();
    this.commandTimeout = options.commandTimeout ?? 60_000;
    this.autoCapability = options.autoCapability ?? true;
    this.logFn = options.log;
    this.reportAnswers = options.reportAnswers ?? false;
    if (options.capabilities !== undefined) this.caps = [...options.capabilities].map((c) => c.toUpperCase());
    this.ctx = resolveContext({ capabilities: this.caps });
    this.greetingDeadline = (options.now ?? 0) + (options.greetingTimeout ?? this.commandTimeout);
  }

  /** The connection state. */
  get state(): SessionState {
    return this.st;
  }

  /** The server's capabilities as last stated (upper case); empty while unknown. */
  get capabilities(): readonly string[] {
    return this.caps;
  }

  /** True when the server advertised `name` (case-insensitive). */
  hasCapability(name: string): boolean {
    const n = name.toUpperCase();
    return this.caps.includes(n);
  }

  /** What ENABLE turned on (upper case). */
  get enabled(): ReadonlySet<string> {
    return this.enabledSet;
  }

  /**
   * Queues a command; returns its id (its completion carries it). Throws `SessionStateError`
   * when the command cannot follow the commands before it (SELECT before LOGIN,
   * anything during IDLE or after LOGOUT) and the encoder's errors for values that cannot be sent.
   */
  send(command: Command, now: number, options: SendOptions = {}): number {
    return this.enqueue(command, now, options);
  }

  private enqueue(command: Command, now: number, options: SendOptions, sasl?: Pending['sasl']): number {
    const name = command.name;
    const projected = this.projectedState();
    if (!isLegal(projected, name)) {
      throw new SessionStateError(`${name} cannot be sent in state ${projected}`);
    }
    const tag = this.tags.next();
    const fragments = encodeWithContext(command, tag, this.ctx);
    const timeout =
      options.timeout !== undefined ? options.timeout : name === 'IDLE' ? null : this.commandTimeout;
    const p: Pending = {
      id: this.nextId++,
      tag,
      command,
      name,
      fragments,
      logged: null,
      gen: this.gen,
      next: 0,
      waiting: false,
      untagged: [],
      timeout,
      deadline: null,
    };
    if (sasl !== undefined) p.sasl = sasl;
    this.queue.push(p);
    this.pump(now);
    return p.id;
  }

  /**
   * Queues AUTHENTICATE with PLAIN, XOAUTH2 or OAUTHBEARER: the credentials go as the initial
   * response when the server has SASL-IR (RFC 4959), else after its first `+`. An error challenge
   * (XOAUTH2, OAUTHBEARER) is answered as the mechanism requires and the command completes with
   * the server's NO, the decoded challenge in `saslError`.
   */
  authenticate(credentials: SaslCredentials, now: number, options: SendOptions = {}): number {
    const response = saslInitialResponse(credentials);
    const ir = this.hasCapability('SASL-IR');
    const cmd: Command = { name: 'AUTHENTICATE', mechanism: credentials.mechanism };
    if (ir) (cmd as { initialResponse?: Uint8Array }).initialResponse = response;
    return this.enqueue(cmd, now, options, { mechanism: credentials.mechanism, response, sent: ir });
  }

  /** Queues IDLE (RFC 2177); the state is `idle` once the server's `+` came. */
  idle(now: number): number {
    return this.send({ name: 'IDLE' }, now);
  }

  /** Ends IDLE with DONE (at once, or as soon as the server's `+` comes). */
  done(now: number): void {
    const p = this.queue.find((q) => q.name === 'IDLE');
    if (p === undefined || p.done === true) {
      throw new SessionStateError('DONE without an IDLE in progress');
    }
    p.done = true;
    if (this.st === S.Idle) this.writeDone(p, now);
  }

  /**
   * The driver compresses both directions after the `compress` action (RFC 4978 §4): the
   * commands held since COMPRESS's OK go now, compressed.
   */
  compressionStarted(now: number): void {
    if (!this.compressPending) throw new SessionStateError('no COMPRESS was accepted');
    this.compressPending = false;
    this.compressAction = null;
    this.pump(now);
  }

  /** The driver's TLS handshake after STARTTLS finished: capabilities are forgotten (RFC 9051 §6.2.1). */
  tlsEstablished(now: number): void {
    if (!this.tlsPending) throw new SessionStateError('no STARTTLS was accepted');
    this.tlsPending = false;
    this.forgetCapabilities();
    this.pump(now);
  }

  /**
   * Bytes the server sent. While STARTTLS or COMPRESS is in flight the chunk is read up to the
   * end of each line only, so that no byte after their tagged OK reaches the decoder: after
   * COMPRESS's OK the rest of the chunk is already compressed (RFC 4978 §3) and goes to the
   * driver as the `compress` action's `leftover`; after STARTTLS's OK the rest is plaintext
   * that a man in the middle could have injected to be read as if it came over TLS (the
   * response injection of "Why TLS is better without STARTTLS", USENIX Security 2021): it is
   * dropped, with a `protocol-error` event.
   */
  receive(bytes: Uint8Array, now: number): void {
    if (this.st === S.Closed) return;
    const pending = this.compressAction;
    if (pending !== null) {
      // Still compressed: the driver has not taken the action yet.
      pending.leftover = concat(pending.leftover, bytes);
      return;
    }
    if (this.tlsPending) {
      this.dropPlaintext(bytes.length);
      return;
    }
    let from = 0;
    while (from < bytes.length) {
      let to = bytes.length;
      if (this.switchInFlight()) {
        const lf = bytes.indexOf(LF, from);
        if (lf >= 0) to = lf + 1;
      }
      this.decode(from === 0 && to === bytes.length ? bytes : bytes.subarray(from, to), now);
      from = to;
      if ((this.st as SessionState) === S.Closed) return;
      if (this.compressAction !== null) {
        this.compressAction.leftover = bytes.subarray(from);
        break;
      }
      if (this.tlsPending) {
        if (from < bytes.length) this.dropPlaintext(bytes.length - from);
        break;
      }
    }
    this.pump(now);
  }

  /** Feeds the decoder and handles what it completed. */
  private decode(bytes: Uint8Array, now: number): void {
    this.logFn?.('S', bytes);
    for (const item of this.decoder.push(bytes)) {
      if ((this.st as SessionState) === S.Closed) break;
      if (item.type === 'error') {
        this.events.push({ type: 'protocol-error', message: `${item.error.code}: ${item.error.message}` });
        continue;
      }
      this.onResponse(item, now);
    }
  }

  /** STARTTLS or COMPRESS was sent and is not answered yet: the byte stream may change after its OK. */
  private switchInFlight(): boolean {
    // Both are barriers: when one is in flight, it is the only command that is.
    return this.queue.some((p) => p.next > 0 && (p.name === 'STARTTLS' || p.name === 'COMPRESS'));
  }

  private dropPlaintext(n: number): void {
    this.events.push({
      type: 'protocol-error',
      message: `${n} bytes after STARTTLS's OK, before TLS, dropped`,
    });
  }

  /** The time passed: commands past their deadline time out (and the session closes). */
  tick(now: number): void {
    if (this.st === S.Closed) return;
    if (this.greetingDeadline !== null && now >= this.greetingDeadline) {
      this.events.push({ type: 'timeout', id: null, tag: null });
      this.askClose();
      this.close();
      return;
    }
    const late = this.queue.find((p) => p.deadline !== null && now >= p.deadline);
    if (late !== undefined) {
      this.events.push({ type: 'timeout', id: late.id, tag: late.tag });
      this.complete(late, 'TIMEOUT', 'no answer in time');
      this.askClose();
      this.close();
    }
  }

  /** The connection ended (the driver saw the socket close): pending commands fail with `CLOSED`. */
  closed(_now: number): void {
    if (this.st !== S.Closed) {
      for (const item of this.decoder.end()) {
        if (item.type === 'error') {
          this.events.push({ type: 'protocol-error', message: `${item.error.code}: ${item.error.message}` });
        }
      }
      this.close();
    }
    if (!this.finishedSaid) {
      this.finishedSaid = true;
      this.actions.push({ type: 'finished' });
    }
  }

  /**
   * What the driver must do next (see {@link DriverAction}): `starttls` after STARTTLS's OK,
   * `compress` after COMPRESS's OK (writes resume with `compressionStarted`: what follows is
   * to be compressed), `close` after LOGOUT's completion, a BYE or a timeout, `finished`
   * once the driver reported the connection closed. A session never asks for `connect`: the
   * driver opens the connection before creating it.
   */
  pollAction(): DriverAction | null {
    const a = this.actions.shift();
    if (a === undefined) return null;
    if (a === this.compressAction) this.compressAction = null;
    return a;
  }

  /** The bytes to write next, or null. */
  pollTransmit(): Uint8Array | null {
    if (this.out.length === 0) return null;
    const chunks = this.out;
    this.out = [];
    if (chunks.length === 1) return chunks[0]!;
    let n = 0;
    for (const c of chunks) n += c.length;
    const all = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      all.set(c, o);
      o += c.length;
    }
    return all;
  }

  /** The next event, or null. */
  pollEvent(): SessionEvent | null {
    return this.events.shift() ?? null;
  }

  /** Every event so far. */
  takeEvents(): SessionEvent[] {
    return this.events.splice(0);
  }

  /** When the session wants `tick` (the earliest deadline), or null. */
  pollTimeout(): number | null {
    if (this.st === S.Closed) return null;
    let t = this.greetingDeadline;
    for (const p of this.queue) if (p.deadline !== null && (t === null || p.deadline < t)) t = p.deadline;
    return t;
  }

  // ---- internals ----

  /** The state once every queued command succeeded: what a new command must be legal in. */
  private projectedState(): SessionState {
    let s = this.st;
    if (this.tlsPending) return S.NotAuthenticated;
    for (const p of this.queue) {
      if (p.name === 'LOGOUT') return S.Logout;
      if (p.name === 'IDLE') {
        if (p.done !== true) return S.Idle;
        // DONE asked for: what follows is sent once IDLE completes, in the state IDLE left.
        if (s === S.Idle) s = this.idleReturn;
        continue;
      }
      s = transition(s, { on: 'complete', command: p.name, status: 'OK' });
    }
    return s;
  }

  private setState(to: SessionState): void {
    const from = this.st;
    if (from === to) return;
    this.st = to;
    this.events.push({ type: 'state', from, to });
  }

  private move(t: Transition): void {
    if (t.on === 'idling') this.idleReturn = this.st;
    this.setState(transition(this.st, t, this.idleReturn));
  }

  private write(bytes: Uint8Array, logged: Uint8Array | null): void {
    this.out.push(bytes);
    if (logged !== null) this.logFn?.('C', logged);
  }

  /** Writes what may be written: in order, up to a synchronising literal or a barrier. */
  private pump(now: number): void {
    if (this.st === S.Greeting || this.st === S.Closed || this.tlsPending || this.compressPending) return;
    let inFlight = false;
    for (let i = 0; i < this.queue.length; i++) {
      const p = this.queue[i]!;
      if (p.next > 0) {
        if (p.waiting || BARRIER.has(p.name)) return;
        inFlight = true;
        continue;
      }
      if (BARRIER.has(p.name) && inFlight) return;
      if (inFlight && this.queue.some((q) => q.next > 0 && mustWaitFor(p, q))) return;
      if (!isLegal(this.st, p.name)) {
        this.complete(p, 'REFUSED', `${p.name} cannot be sent in state ${this.st}`);
        i--;
        continue;
      }
      if (p.gen !== this.gen) {
        p.fragments = encodeWithContext(p.command, p.tag, this.ctx);
        p.gen = this.gen;
      }
      if (this.logFn !== undefined) p.logged = redactions(p, this.ctx);
      if (p.timeout !== null) p.deadline = now + p.timeout;
      this.writeOn(p);
      if (p.name === 'LOGOUT') this.move({ on: 'logout-sent' });
      if (p.waiting || BARRIER.has(p.name)) return;
      inFlight = true;
    }
  }

  /** Writes a command's fragments up to the next synchronising literal (or its end). */
  private writeOn(p: Pending): void {
    const f = p.fragments;
    while (p.next < f.length) {
      const frag = f[p.next]!;
      if (isSyncLiteral(frag) && !p.waiting) {
        // The announcing line is out: the literal waits for "+".
        p.waiting = true;
        return;
      }
      p.waiting = false;
      this.write(frag.bytes, p.logged === null ? frag.bytes : p.logged[p.next]!);
      p.next++;
    }
    // AUTHENTICATE and IDLE go on with "+" after their line.
    if (p.name === 'AUTHENTICATE' || p.name === 'IDLE') p.waiting = true;
  }

  private writeDone(p: Pending, now: number): void {
    const b = ASCII.encode('DONE\r\n');
    this.write(b, b);
    p.waiting = false;
    p.deadline = now + this.commandTimeout;
  }

  private onResponse(r: Response, now: number): void {
    if (this.st === S.Greeting) {
      if (r.type === 'untagged' && (r.kind === 'ok' || r.kind === 'preauth' || r.kind === 'bye')) {
        this.greetingDeadline = null;
        this.events.push({ type: 'greeting', response: r });
        if (capabilityCode(r.code) !== undefined) this.setCapabilities(capabilityCode(r.code)!);
        if (r.kind === 'bye') {
          this.events.push({ type: 'bye', response: r });
          this.askClose();
        }
        this.move({ on: 'greeting', kind: r.kind });
        if (r.kind !== 'bye' && !this.capsKnown) this.askCapability();
        return;
      }
      this.events.push({ type: 'protocol-error', message: 'expected a greeting', response: r });
      return;
    }
    if (r.type === 'continuation') this.onContinuation(r, now);
    else if (r.type === 'tagged') this.onTagged(r);
    else this.onUntagged(r);
  }

  private onContinuation(r: ContinuationRequest, now: number): void {
    const p = this.queue.find((q) => q.waiting);
    if (p === undefined) {
      this.events.push({ type: 'protocol-error', message: 'a continuation nobody waits for', response: r });
      return;
    }
    if (p.deadline !== null && p.timeout !== null) p.deadline = now + p.timeout;
    if (p.name === 'IDLE') {
      p.waiting = false;
      this.move({ on: 'idling' });
      if (p.done === true) this.writeDone(p, now);
      return;
    }
    const sasl = p.sasl;
    if (p.name === 'AUTHENTICATE' && sasl !== undefined) {
      if (!sasl.sent) {
        sasl.sent = true;
        this.write(ASCII.encode(`${base64(sasl.response)}\r\n`), REDACTED);
        return;
      }
      // A challenge after the credentials: an error report.
      const answer = sasl.error === undefined ? saslErrorResponse(sasl.mechanism) : null;
      sasl.error = r.base64 !== undefined ? new TextDecoder().decode(r.base64) : r.text;
      if (answer === null) {
        const cancel = ASCII.encode('*\r\n');
        this.write(cancel, cancel);
      } else {
        const line = ASCII.encode(`${base64(answer)}\r\n`);
        this.write(line, line);
      }
      return;
    }
    if (p.name === 'AUTHENTICATE') {
      const cancel = ASCII.encode('*\r\n');
      this.write(cancel, cancel);
      return;
    }
    // A synchronising literal may go now.
    this.writeOn(p);
    this.pump(now);
  }

  private onTagged(r: TaggedResponse): void {
    const p = this.queue.find((q) => q.tag === r.tag && q.next > 0);
    if (p === undefined) {
      this.events.push({
        type: 'protocol-error',
        message: `a tagged response for ${r.tag}, a tag nobody sent`,
        response: r,
      });
      return;
    }
    if (capabilityCode(r.code) !== undefined) this.setCapabilities(capabilityCode(r.code)!);
    const before = this.st;
    this.complete(p, r.status, r.text, r.code);
    this.move({ on: 'complete', command: p.name, status: r.status });
    if (p.name === 'LOGOUT') this.askClose();
    if (r.status === 'OK') {
      if (p.name === 'STARTTLS') {
        this.tlsPending = true;
        this.actions.push({ type: 'starttls' });
      } else if (p.name === 'COMPRESS') {
        // RFC 4978 §4: compression starts right after the CRLF of the tagged OK (the leftover is set by `receive`).
        this.compressAction = { type: 'compress', leftover: EMPTY };
        this.compressPending = true;
        this.actions.push(this.compressAction);
      } else if ((p.name === 'LOGIN' || p.name === 'AUTHENTICATE') && before === S.NotAuthenticated) {
        // RFC 9051 §6.2.2: the capabilities may change with authentication.
        if (capabilityCode(r.code) === undefined) this.forgetCapabilities();
      }
    }
  }

  private onUntagged(r: UntaggedResponse): void {
    if (r.kind === 'capability') this.setCapabilities(r.capabilities);
    else if (r.kind === 'enabled') {
      const added = r.capabilities.map((c) => c.toUpperCase());
      for (const c of added) this.enabledSet.add(c);
      this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabledSet });
      this.gen++;
      this.events.push({ type: 'enabled', capabilities: added });
    } else if (r.kind === 'ok' || r.kind === 'no' || r.kind === 'bad') {
      const caps = capabilityCode(r.code);
      if (caps !== undefined) this.setCapabilities(caps);
    }
    if (r.kind === 'bye') {
      this.events.push({ type: 'bye', response: r });
      this.move({ on: 'bye' });
      // RFC 9051 §7.1.5: the server closes the connection; after LOGOUT, its tagged OK comes first.
      if (!this.queue.some((q) => q.name === 'LOGOUT' && q.next > 0)) this.askClose();
    }
    const owner = this.ownerOf(r);
    if (owner !== undefined) {
      owner.untagged.push(r);
      if (this.reportAnswers) this.events.push({ type: 'untagged', response: r, answers: owner.id });
    } else if (r.kind !== 'bye') this.events.push({ type: 'untagged', response: r });
  }

  /** The command in flight an untagged response answers: by ESEARCH tag, else by kind (oldest first). */
  private ownerOf(r: UntaggedResponse): Pending | undefined {
    if (r.kind === 'esearch' && r.tag !== undefined)
      return this.queue.find((q) => q.tag === r.tag && q.next > 0);
    for (const q of this.queue) {
      if (q.next === 0) break;
      if (ANSWERS[q.name]?.has(r.kind) === true) return q;
      if (r.kind === 'esearch' && (q.name === 'SEARCH' || q.name === 'SORT')) return q;
    }
    return undefined;
  }

  private setCapabilities(list: readonly string[]): void {
    this.caps = list.map((c) => c.toUpperCase());
    this.capsKnown = true;
    this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabledSet });
    this.gen++;
    this.events.push({ type: 'capabilities', capabilities: this.caps });
  }

  private forgetCapabilities(): void {
    this.caps = [];
    this.capsKnown = false;
    this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabledSet });
    this.gen++;
    this.events.push({ type: 'capabilities', capabilities: this.caps });
    this.askCapability();
  }

  /** Queues CAPABILITY first (autoCapability). */
  private askCapability(): void {
    if (this.autoCapability && !this.tlsPending && this.st !== S.Closed && this.st !== S.Logout) {
      // Ahead of whatever was queued: their encoding may depend on the answer.
      const tag = this.tags.next();
      const command: Command = { name: 'CAPABILITY' };
      this.queue.unshift({
        id: this.nextId++,
        tag,
        command,
        name: 'CAPABILITY',
        fragments: encodeWithContext(command, tag, this.ctx),
        logged: null,
        gen: this.gen,
        next: 0,
        waiting: false,
        untagged: [],
        timeout: this.commandTimeout,
        deadline: null,
      });
    }
  }

  /** True once the capabilities are known (from the greeting, CAPABILITY or a code). */
  get capabilitiesKnown(): boolean {
    return this.capsKnown;
  }

  private complete(p: Pending, status: CompletionStatus, text: string, code?: ResponseCode): void {
    const i = this.queue.indexOf(p);
    if (i >= 0) this.queue.splice(i, 1);
    const c: Completion = {
      type: 'completion',
      id: p.id,
      tag: p.tag,
      command: p.name,
      status,
      text,
      untagged: p.untagged,
    };
    if (code !== undefined) c.code = code;
    if (p.sasl?.error !== undefined) c.saslError = p.sasl.error;
    this.events.push(c);
  }

  /** Asks the driver (once) to end the connection. */
  private askClose(): void {
    if (this.closeAsked) return;
    this.closeAsked = true;
    this.actions.push({ type: 'close' });
  }

  private close(): void {
    this.greetingDeadline = null;
    for (const p of [...this.queue]) this.complete(p, 'CLOSED', 'the connection ended');
    this.tlsPending = false;
    this.compressAction = null;
    this.compressPending = false;
    this.move({ on: 'closed' });
    this.events.push({ type: 'closed' });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}

/** The capabilities a `[CAPABILITY …]` code carries. */
function capabilityCode(code: ResponseCode | undefined): string[] | undefined {
  return code?.name === 'CAPABILITY' && 'capabilities' in code ? code.capabilities : undefined;
}

/** What the log sees of a command: LOGIN's password and AUTHENTICATE's initial response redacted. */
function redactions(p: Pending, ctx: EncodeContext): (Uint8Array | null)[] | null {
  const c = p.command as unknown as Record<string, unknown>;
  if (p.name === 'AUTHENTICATE') {
    if (c['initialResponse'] === undefined) return null;
    const probe = encodeWithContext({ name: 'AUTHENTICATE', mechanism: String(c['mechanism']) }, p.tag, ctx);
    const head = probe[0]!.bytes;
    const line = new Uint8Array(head.length - 2 + 1 + REDACTED.length);
    line.set(head.subarray(0, head.length - 2));
    line[head.length - 2] = 0x20;
    line.set(REDACTED, head.length - 1);
    return p.fragments.map((_, i) => (i === 0 ? line : null));
  }
  if (p.name !== 'LOGIN') return null;
  // The username encodes the same whatever the password: a probe with a one-letter password
  // shows where the password starts (in the probe's last line, before "p\r\n").
  const probe = encodeWithContext(
    { name: 'LOGIN', username: c['username'] as string, password: 'p' },
    p.tag,
    ctx,
  );
  const common = probe.length - 1;
  const last = probe[common]!.bytes;
  const prefix = last.subarray(0, last.length - 3);
  const line = new Uint8Array(prefix.length + REDACTED.length);
  line.set(prefix);
  line.set(REDACTED, prefix.length);
  return p.fragments.map((f, i) => (i < common ? f.bytes : i === common ? line : null));
}
