/**
 * Push mail without I/O: one persistent connection that logs in, selects a mailbox, keeps a
 * `MailboxTracker` in step with it, learns of changes the moment the server sends them (NOTIFY,
 * IDLE, or NOOP polling) and, after a lost connection, reconnects with backoff and catches up on
 * exactly what it missed (QRESYNC, CONDSTORE, or a full UID/FLAGS comparison: session/resync.ts).
 *
 * It is a {@link ConnectionMachine}: a driver (imap-wire/node, or the web-streams driver) opens
 * the connections it asks for, feeds it bytes and the time, writes what it gives back and arms
 * one timer. Each connection is a `ClientSession`; the watcher is the policy above it:
 *
 * 1. greeting → CAPABILITY (the session asks when the greeting has none) → STARTTLS if asked
 *    (RFC 9051 §6.2.1; the credentials are never sent when it fails) → LOGIN or AUTHENTICATE →
 *    COMPRESS DEFLATE if asked and offered (RFC 4978) → ENABLE QRESYNC where offered (RFC 7162
 *    §3.2.3);
 * 2. SELECT with the strategy the tracker's snapshot allows (`chooseStrategy`), the strategy's
 *    commands, `endSync`;
 * 3. the UIDs of messages announced by EXISTS (one FETCH of the new sequence numbers, with the
 *    summary items when `fetchNew` is `summary`), then the summaries of new messages a sync found;
 * 4. push: `NOTIFY SET STATUS (selected (MessageNew MessageExpunge FlagChange)) (personal
 *    (MessageNew MessageExpunge MailboxName))` where advertised (RFC 5465 §3, §6); else IDLE
 *    (RFC 2177), renewed every `idleRestart` (the server may drop an IDLE after 30 minutes, §3)
 *    and probed after `probeAfter` of silence (DONE, NOOP, IDLE: a dead connection is found by
 *    the NOOP's timeout); else NOOP every `pollInterval`. Without NOTIFY the other mailboxes are
 *    asked STATUS every `pollInterval`;
 * 5. a lost connection (closed, timed out, BYE) detaches the tracker and schedules the next
 *    attempt (`backoffDelay`); the attempt counter restarts once a sync succeeds.
 *
 * The guarantee (what the model test and the interop soak check): every change made on the
 * server while the watcher was away is reported once, none twice, and the tracker's state after
 * the sync equals the server's.
 */
import type { Command } from '../model/command.ts';
import type { FetchItem } from '../model/command-fetch.ts';
import type { FetchAttributes } from '../model/fetch.ts';
import type { ListResponse } from '../model/list.ts';
import type { UntaggedResponse } from '../model/response.ts';
import type { StatusAttributes } from '../model/status.ts';
import { backoffDelay } from './backoff.ts';
import { ClientSession, type Completion, type SessionEvent, SessionState } from './client-session.ts';
import type { MailboxEvent } from './events.ts';
import type { ConnectionMachine, DriverAction } from './machine.ts';
import { MailboxTracker } from './mailbox-tracker.ts';
import { previewFromText, summaryItems, summaryOf, textPreviewFetch } from './new-mail.ts';
import type { SyncStrategy } from './resync.ts';
import { chooseStrategy, qresyncParameters } from './snapshot.ts';
import type { MessageSummary, PushMode, WatchEvent, WatcherOptions } from './watch-events.ts';

const bigintText = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? String(v) : v);

/** Where one connection is. */
type Stage = 'down' | 'connecting' | 'greeting' | 'tls' | 'auth' | 'setup' | 'sync' | 'push' | 'logout';

/** The STATUS items asked of the other mailboxes (RFC 9051 §6.3.11). */
const STATUS_ITEMS = ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'] as const;

/** Response codes after which a failed LOGIN or SELECT is worth retrying (RFC 5530 §3). */
const TRANSIENT = new Set(['UNAVAILABLE', 'SERVERBUG', 'INUSE', 'LIMIT']);

/**
 * @example
 * ```ts
 * const w = new Watcher({ login: { username: 'alice', password }, mailboxes: ['INBOX'] });
 * // a driver runs it: imap-wire/node's `runWatcher(w, { host, port: 993, tls: true })`
 * for (let e = w.pollEvent(); e; e = w.pollEvent()) if (e.type === 'new') console.log('new', e.uid);
 * ```
 */
export class Watcher implements ConnectionMachine {
  private readonly opts: WatcherOptions;
  private readonly mailboxes: readonly string[];
  private readonly tracker: MailboxTracker;
  private readonly random: () => number;
  private readonly commandTimeout: number;
  private readonly idleRestart: number;
  private readonly probeAfter: number;
  private readonly pollInterval: number;
  private session: ClientSession | null = null;
  private stage: Stage = 'down';
  private socketOpen = false;
  private stopping = false;
  private done = false;
  private attempt = 0;
  private reconnectAt: number | null = null;
  private reason = 'the connection ended';
  private readonly actions: DriverAction[] = [];
  private readonly events: WatchEvent[] = [];
  /** What to do when a command of ours completes. */
  private readonly after = new Map<number, (c: Completion, now: number) => void>();
  /** Commands of ours in flight in the push stage (IDLE excluded). */
  private busy = 0;
  private mode: PushMode = 'idle';
  private strategy: SyncStrategy = 'full';
  /** Force a full comparison at the next sync (after an `inconsistent` event). */
  private forceFull = false;
  private idleId: number | null = null;
  private idleStarted = 0;
  private notifySet = false;
  private lastHeard = 0;
  private nextPoll: number | null = null;
  private probeDue = false;
  /**
   * NOTIFY catch-up (see `catchUp`): something happened in the selected mailbox since the last
   * NOOP, and when.
   */
  private unsettled = false;
  private readonly catchUp: number;
  /** UIDs reported `new` whose summary is still to fetch. */
  private wanted: number[] = [];
  /** Summaries from the FETCH that told a new message's UID, until its `new` event is seen. */
  private readonly fetched = new Map<number, FetchAttributes>();
  /** The other mailboxes' last STATUS (no NOTIFY). */
  private readonly statuses = new Map<string, StatusAttributes>();
  /** Our own STATUS commands: their answers are not pushes. */
  private readonly ownStatus = new Set<number>();
  /** Summaries waiting for their text-part preview fetch. */
  private previews: MessageSummary[] = [];
  // Per connection:
  private tlsDone = false;
  /** STARTTLS accepted, the driver's handshake not finished. */
  private tlsPending = false;
  private compressed = false;
  private enabled = false;
  private reportedConnected = false;
  /** The IDLE a DONE was sent for. */
  private idleDone: number | null = null;
  /** LIST sent on this connection (under NOTIFY); the mailbox names known (null: never listed). */
  private listed = false;
  private names: Map<string, ListResponse> | null = null;
  /** The placeholder range last FETCHed, and whether a NOOP followed (see `nextWork`). */
  private placeholderKey = '';
  private placeholderNoop = false;
  /** EXISTS responses seen: a new one makes the same range worth a FETCH again. */
  private existsSeen = 0;
  /** The connection is being closed (inconsistent state, transient failure): send nothing more. */
  private closing = false;

  /** Asks for its first connection at once (a `connect` action). */
  constructor(options: WatcherOptions) {
    this.opts = options;
    this.mailboxes =
      options.mailboxes !== undefined && options.mailboxes.length > 0 ? options.mailboxes : ['INBOX'];
    this.tracker = new MailboxTracker(this.mailboxes[0]!);
    this.random = options.random ?? Math.random;
    this.commandTimeout = options.commandTimeout ?? 60_000;
    this.idleRestart = options.idleRestart ?? 29 * 60_000;
    this.probeAfter = options.probeAfter ?? 5 * 60_000;
    this.pollInterval = options.pollInterval ?? 60_000;
    this.catchUp = options.notifyCatchUp ?? 1500;
    this.reconnectAt = null;
    this.connect();
  }

  /** The tracker of the selected mailbox (its messages, UIDs, flags, snapshot). */
  get mailbox(): MailboxTracker {
    return this.tracker;
  }

  /** How changes arrive on the current connection. */
  get push(): PushMode {
    return this.mode;
  }

  /** True after `stop` finished or a fatal error: nothing more will happen. */
  get finished(): boolean {
    return this.done;
  }

  /**
   * Asks the server for news now (a NOOP; out of IDLE first): what a "refresh" does. Under
   * NOTIFY it also reports a change Dovecot kept back (see `notifyCatchUp`). Does nothing while
   * not connected.
   */
  check(now: number): void {
    if (this.stage !== 'push' || this.session === null) return;
    this.probeDue = true;
    if (this.idleId !== null) this.leaveIdle(now);
    else this.advance(now);
    this.drain(now);
  }

  /** Logs out and ends (Ctrl-C): DONE if idling, LOGOUT, then the driver closes. */
  stop(now: number): void {
    if (this.done || this.stopping) return;
    this.stopping = true;
    this.reconnectAt = null;
    if (this.stage === 'down') {
      this.finish();
      return;
    }
    // Connecting: `connected` closes at once, `closed` finishes.
    const s = this.session;
    if (this.stage === 'connecting' || s === null) return;
    this.stage = 'logout';
    if (this.idleId !== null) this.leaveIdle(now);
    if (s.state === SessionState.Closed || s.state === SessionState.Logout) return;
    try {
      const id = s.send({ name: 'LOGOUT' }, now, { timeout: Math.min(this.commandTimeout, 10_000) });
      this.after.set(id, () => this.sessionClosed());
    } catch {
      this.sessionClosed();
    }
    this.drain(now);
  }

  // ---- ConnectionMachine ----

  connected(now: number): void {
    if (this.stage !== 'connecting') return;
    this.socketOpen = true;
    this.lastHeard = now;
    if (this.stopping) {
      this.actions.push({ type: 'close' });
      return;
    }
    this.session = new ClientSession({
      now,
      commandTimeout: this.commandTimeout,
      reportAnswers: true,
      ...(this.opts.decoder !== undefined && { decoder: this.opts.decoder }),
      ...(this.opts.log !== undefined && { log: this.opts.log }),
    });
    this.stage = 'greeting';
    this.notifySet = false;
    this.idleId = null;
    this.busy = 0;
    this.probeDue = false;
    this.nextPoll = null;
    this.after.clear();
    this.ownStatus.clear();
    this.fetched.clear();
    this.tlsDone = false;
    this.tlsPending = false;
    this.compressed = false;
    this.enabled = false;
    this.reportedConnected = false;
    this.idleDone = null;
    this.closing = false;
    this.placeholderKey = '';
    this.unsettled = false;
    this.listed = false;
    this.reason = 'the connection ended';
  }

  receive(bytes: Uint8Array, now: number): void {
    const s = this.session;
    if (s === null || !this.socketOpen) return;
    this.lastHeard = now;
    s.receive(bytes, now);
    this.drain(now);
  }

  tick(now: number): void {
    if (this.done) return;
    if (this.stage === 'down') {
      if (this.reconnectAt !== null && now >= this.reconnectAt) this.connect();
      return;
    }
    const s = this.session;
    if (s === null) return;
    s.tick(now);
    this.drain(now);
    if (this.stage !== 'push' || s.state === SessionState.Closed) return;
    if (this.idleId !== null) {
      // RFC 2177 §3: renew before the server's inactivity timeout; probe a silent connection.
      if (now - this.idleStarted >= this.idleRestart) this.leaveIdle(now);
      else if (this.nextPoll !== null && now >= this.nextPoll) this.leaveIdle(now);
      else if (now - this.lastHeard >= this.probeAfter) {
        this.probeDue = true;
        this.leaveIdle(now);
      }
    } else if (this.busy === 0) {
      if (this.nextPoll !== null && now >= this.nextPoll) this.pollNow(now);
      else if (this.mode === 'notify' && now - this.lastHeard >= this.probeAfter) {
        this.probeDue = true;
        this.advance(now);
      } else if (this.mode === 'notify' && this.unsettled && now - this.lastHeard >= this.catchUp) {
        this.advance(now);
      }
    }
    this.drain(now);
  }

  closed(now: number): void {
    if (this.stage === 'down') return;
    this.socketOpen = false;
    const s = this.session;
    if (s !== null && s.state !== SessionState.Closed) s.closed(now);
    if (s !== null) this.drain(now);
    if (this.stage === 'connecting') this.reason = 'could not connect';
    this.lost(now);
  }

  tlsEstablished(now: number): void {
    const s = this.session;
    if (s === null) return;
    this.tlsPending = false;
    s.tlsEstablished(now);
    this.drain(now);
  }

  compressionStarted(now: number): void {
    const s = this.session;
    if (s === null) return;
    s.compressionStarted(now);
    this.drain(now);
  }

  pollTransmit(): Uint8Array | null {
    return this.session?.pollTransmit() ?? null;
  }

  pollAction(): DriverAction | null {
    return this.actions.shift() ?? null;
  }

  pollTimeout(): number | null {
    if (this.done) return null;
    if (this.stage === 'down') return this.reconnectAt;
    let t = this.session?.pollTimeout() ?? null;
    const at = (x: number | null): void => {
      if (x !== null && (t === null || x < t)) t = x;
    };
    if (this.stage === 'push') {
      if (this.idleId !== null) {
        // Once DONE is out, the session's own deadline (DONE's timeout) is the one that counts.
        if (this.idleDone !== this.idleId) {
          at(this.idleStarted + this.idleRestart);
          at(this.lastHeard + this.probeAfter);
          at(this.nextPoll);
        }
      } else if (this.busy === 0) {
        at(this.nextPoll);
        if (this.mode === 'notify') at(this.lastHeard + (this.unsettled ? this.catchUp : this.probeAfter));
      }
    }
    return t;
  }

  /** The next event, or null. */
  pollEvent(): WatchEvent | null {
    return this.events.shift() ?? null;
  }

  /** Every event so far. */
  takeEvents(): WatchEvent[] {
    return this.events.splice(0);
  }

  // ---- connection life ----

  private connect(): void {
    this.stage = 'connecting';
    this.reconnectAt = null;
    this.events.push({ type: 'connecting', attempt: this.attempt });
    this.actions.push({ type: 'connect' });
  }

  private lost(now: number): void {
    this.session = null;
    this.stage = 'down';
    this.idleId = null;
    this.after.clear();
    this.tracker.detach();
    if (this.stopping || this.done) {
      this.events.push({ type: 'disconnected', reason: this.reason, retryIn: null });
      this.finish();
      return;
    }
    const delay = backoffDelay(this.attempt++, this.random(), this.opts.backoff);
    this.reconnectAt = now + delay;
    this.events.push({ type: 'disconnected', reason: this.reason, retryIn: delay });
  }

  /** The session ended by itself (timeout, BYE, LOGOUT): the driver closes the socket. */
  private sessionClosed(): void {
    this.closing = true;
    if (this.socketOpen && !this.actions.some((a) => a.type === 'close'))
      this.actions.push({ type: 'close' });
  }

  private fatal(message: string): void {
    this.events.push({ type: 'error', message, fatal: true });
    this.stopping = true;
    this.reconnectAt = null;
    if (this.socketOpen) this.actions.push({ type: 'close' });
    else this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.stage = 'down';
    this.reconnectAt = null;
    this.events.push({ type: 'stopped' });
    this.actions.push({ type: 'finished' });
  }

  // ---- the session's events ----

  /** Reads the session's events and actions, feeds the tracker, moves on. */
  private drain(now: number): void {
    const s = this.session;
    if (s === null) return;
    for (let e = s.pollEvent(); e !== null; e = s.pollEvent()) this.onSession(e, now);
    // The session's byte-stream changes go to the driver; its `close` and `finished` are the
    // watcher's to decide (it reconnects), see sessionClosed().
    for (let a = s.pollAction(); a !== null; a = s.pollAction()) {
      if (a.type === 'starttls' || a.type === 'compress') this.actions.push(a);
    }
    this.report(now);
    if (this.session === s && s.state !== SessionState.Closed) this.advance(now);
  }

  private onSession(e: SessionEvent, now: number): void {
    switch (e.type) {
      case 'greeting':
        if (e.response.kind === 'bye') {
          this.reason = `BYE: ${e.response.text}`;
          return;
        }
        if (e.response.kind === 'preauth') this.stage = 'setup';
        else this.stage = 'greeting';
        return;
      case 'untagged':
        this.onUntagged(e.response, e.answers);
        return;
      case 'completion': {
        const tagged = {
          type: 'tagged' as const,
          tag: e.tag,
          status: e.status === 'OK' || e.status === 'NO' || e.status === 'BAD' ? e.status : ('NO' as const),
          text: e.text,
          ...(e.code !== undefined && { code: e.code }),
        };
        if (e.status === 'OK' || e.status === 'NO' || e.status === 'BAD') this.tracker.apply(tagged);
        const k = this.after.get(e.id);
        if (k !== undefined) {
          this.after.delete(e.id);
          k(e, now);
        }
        return;
      }
      case 'bye':
        if (this.stage === 'logout') this.reason = 'logged out';
        else this.reason = `BYE${'text' in e.response ? `: ${e.response.text}` : ''}`;
        return;
      case 'timeout':
        this.reason = 'the server stopped answering';
        return;
      case 'protocol-error':
        // A response cut by the connection's end is no news: `disconnected` says it.
        if (!this.socketOpen) return;
        this.events.push({ type: 'error', message: e.message, fatal: false });
        return;
      case 'closed':
        this.sessionClosed();
        return;
      default:
        return;
    }
  }

  private onUntagged(r: UntaggedResponse, answers: number | undefined): void {
    if (r.kind === 'status' && answers !== undefined && this.ownStatus.has(answers)) {
      this.statusAnswer(r.mailbox, r.attributes);
      return;
    }
    if (r.kind === 'list' && answers !== undefined) return;
    if (r.kind === 'fetch' && r.attributes.uid !== undefined && r.attributes.envelope !== undefined) {
      this.fetched.set(r.attributes.uid, r.attributes);
    }
    if (r.kind === 'exists') this.existsSeen++;
    if (this.stage === 'push' && r.kind !== 'status' && r.kind !== 'list') this.unsettled = true;
    this.tracker.apply(r);
  }

  /** The tracker's events, passed on; new UIDs queued for their summaries. */
  private report(now: number): void {
    const mailbox = this.tracker.mailbox;
    for (const e of this.tracker.takeEvents()) {
      // NOTIFY's STATUS repeats what it said (Dovecot sends every mailbox's twice after SET).
      if (e.type === 'mailbox' && e.change === 'status' && this.sameStatus(e.mailbox, e.status)) continue;
      this.namesFollow(e);
      this.events.push({ ...e, mailbox: e.type === 'mailbox' ? e.mailbox : mailbox } as MailboxEvent & {
        mailbox: string;
      });
      if (e.type === 'new' && this.opts.fetchNew !== 'none') {
        const got = this.fetched.get(e.uid);
        if (got !== undefined) {
          this.fetched.delete(e.uid);
          this.summarised(got, now);
        } else this.wanted.push(e.uid);
      } else if (e.type === 'inconsistent') {
        // The state is no longer trustworthy: compare everything on a new connection.
        this.forceFull = true;
        this.reason = `inconsistent: ${e.reason}`;
        this.sessionClosed();
      } else if (e.type === 'reset') {
        // The UIDs waiting for a summary or a preview mean other messages now.
        this.wanted = [];
        this.previews = [];
      }
    }
  }

  // ---- the steps ----

  /** Sends what the stage needs next, when nothing of ours is in flight. */
  private advance(now: number): void {
    const s = this.session;
    if (s === null || this.stopping || this.closing) return;
    if (this.after.size > 0 && this.stage !== 'push') return;
    switch (this.stage) {
      case 'greeting':
        if (this.tlsPending || !s.capabilitiesKnown || s.state !== SessionState.NotAuthenticated) return;
        if (this.opts.starttls === true && !this.tlsDone) {
          if (!s.hasCapability('STARTTLS')) {
            this.fatal('the server does not offer STARTTLS');
            return;
          }
          this.stage = 'tls';
          this.command({ name: 'STARTTLS' }, now, (c) => {
            if (c.status !== 'OK') {
              this.fatal(`STARTTLS refused: ${c.text}`);
              return;
            }
            this.tlsDone = true;
            this.tlsPending = true;
            this.stage = 'greeting';
          });
          return;
        }
        this.login(now);
        return;
      case 'setup':
        if (!s.capabilitiesKnown) return;
        this.setup(now);
        return;
      case 'push':
        this.pushStep(now);
        return;
      default:
        return;
    }
  }

  private login(now: number): void {
    const s = this.session!;
    const l = this.opts.login;
    this.stage = 'auth';
    const k = (c: Completion): void => {
      if (c.status === 'OK') {
        this.stage = 'setup';
        return;
      }
      const code = c.code?.name;
      if (c.status === 'CLOSED' || c.status === 'TIMEOUT' || (code !== undefined && TRANSIENT.has(code))) {
        this.reason = `login: ${c.text}`;
        this.sessionClosed();
        return;
      }
      this.fatal(`authentication failed: ${c.status} ${c.text}`);
    };
    if ('mechanism' in l) {
      const id = s.authenticate(l, now);
      this.after.set(id, k);
    } else {
      if (s.hasCapability('LOGINDISABLED')) {
        this.fatal('LOGIN is disabled (LOGINDISABLED)');
        return;
      }
      this.command({ name: 'LOGIN', username: l.username, password: l.password }, now, k);
    }
  }

  private setup(now: number): void {
    const s = this.session!;
    if (!this.reportedConnected) {
      this.reportedConnected = true;
      this.events.push({ type: 'connected', capabilities: s.capabilities });
    }
    if (this.opts.compress === true && !this.compressed && s.hasCapability('COMPRESS=DEFLATE')) {
      this.compressed = true;
      this.command({ name: 'COMPRESS', mechanism: 'DEFLATE' }, now, () => {});
      return;
    }
    if (!this.enabled && s.hasCapability('ENABLE') && s.hasCapability('QRESYNC')) {
      this.enabled = true;
      this.command({ name: 'ENABLE', capabilities: ['QRESYNC'] }, now, () => {});
      return;
    }
    this.select(now);
  }

  /** SELECT with the strategy the snapshot allows, then the strategy's commands (session/resync.ts). */
  private select(now: number): void {
    const s = this.session!;
    const t = this.tracker;
    const qresync = s.enabled.has('QRESYNC');
    const condstore = qresync || s.hasCapability('CONDSTORE');
    const snapshot = t.snapshot();
    const strategy = this.forceFull ? 'full' : chooseStrategy(snapshot, { qresync, condstore });
    this.strategy = strategy;
    this.stage = 'sync';
    t.beginSync(strategy);
    const params = strategy === 'qresync' ? qresyncParameters(snapshot) : undefined;
    const select: Command = {
      name: 'SELECT',
      mailbox: t.mailbox,
      ...(params !== undefined ? { qresync: params } : condstore && !qresync ? { condstore: true } : {}),
    };
    this.command(select, now, (c, at) => {
      if (c.status !== 'OK') {
        this.selectFailed(c);
        return;
      }
      let exists = 0;
      for (const r of c.untagged) if (r.kind === 'exists') exists = r.count;
      this.syncCommands(strategy, condstore, exists, at);
    });
  }

  private selectFailed(c: Completion): void {
    const code = c.code?.name;
    if (c.status === 'CLOSED' || c.status === 'TIMEOUT' || (code !== undefined && TRANSIENT.has(code))) {
      this.reason = `SELECT: ${c.text}`;
      this.sessionClosed();
      return;
    }
    this.fatal(`cannot select ${this.tracker.mailbox}: ${c.status} ${c.text}`);
  }

  private syncCommands(strategy: SyncStrategy, condstore: boolean, exists: number, now: number): void {
    const t = this.tracker;
    const modseq = condstore ? [{ item: 'MODSEQ' } as FetchItem] : [];
    const last = (c: Completion, at: number): void => {
      if (c.status !== 'OK') {
        this.selectFailed(c);
        return;
      }
      this.endSync(at);
    };
    if (strategy === 'qresync') {
      if (t.syncNeedsUids) this.command(this.searchAll(), now, last);
      else this.endSync(now);
      return;
    }
    if (strategy === 'condstore') {
      this.command(this.searchAll(), now, () => {});
      this.command(
        {
          name: 'FETCH',
          uid: true,
          sequence: '1:*',
          items: [{ item: 'FLAGS' }, ...modseq],
          changedSince: t.snapshot().highestModseq,
        },
        now,
        last,
      );
      return;
    }
    if (exists === 0) {
      this.endSync(now);
      return;
    }
    this.command(
      { name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }, ...modseq] },
      now,
      last,
    );
  }

  /** `UID SEARCH ALL`, as ESEARCH `RETURN (ALL)` where offered (RFC 4731: one compact line). */
  private searchAll(): Command {
    const esearch = this.session!.hasCapability('ESEARCH');
    return {
      name: 'SEARCH',
      uid: true,
      criteria: [{ key: 'ALL' }],
      ...(esearch && { return: ['ALL'] }),
    } as Command;
  }

  private endSync(now: number): void {
    const t = this.tracker;
    if (t.syncNeedsUids) {
      this.command(this.searchAll(), now, (c, at) => {
        if (c.status !== 'OK') {
          this.selectFailed(c);
          return;
        }
        this.endSync(at);
      });
      return;
    }
    t.endSync();
    this.forceFull = false;
    this.attempt = 0;
    const s = this.session!;
    this.mode = this.choosePush(s);
    this.stage = 'push';
    this.report(now);
    this.events.push({
      type: 'ready',
      mailbox: t.mailbox,
      push: this.mode,
      strategy: this.strategy,
      exists: t.exists,
    });
    this.schedulePolls(now);
  }

  /**
   * NOOP polling, and STATUS of the other mailboxes without NOTIFY: the first STATUS at once
   * (the baseline later answers are compared with), then every `pollInterval`.
   */
  private schedulePolls(now: number): void {
    const others = this.mode !== 'notify' && this.mailboxes.length > 1;
    if (others) this.nextPoll = this.statuses.size === 0 ? now : now + this.pollInterval;
    else this.nextPoll = this.mode === 'poll' ? now + this.pollInterval : null;
  }

  private choosePush(s: ClientSession): PushMode {
    const want = this.opts.push ?? 'auto';
    if (want !== 'auto') return want;
    if (s.hasCapability('NOTIFY')) return 'notify';
    if (s.hasCapability('IDLE')) return 'idle';
    return 'poll';
  }

  /** In the push stage with nothing of ours in flight: the next piece of work, else IDLE. */
  private pushStep(now: number): void {
    const s = this.session!;
    if (this.busy > 0) return;
    const work = this.nextWork(now);
    if (work !== null) {
      if (this.idleId !== null) {
        this.leaveIdle(now);
        return;
      }
      work();
      return;
    }
    if (this.mode === 'idle' && this.idleId === null && s.state === SessionState.Selected) {
      const id = s.idle(now);
      this.idleId = id;
      this.idleStarted = now;
      this.after.set(id, (c, at) => {
        this.idleId = null;
        if (c.status !== 'OK') {
          // A server that refuses IDLE (RFC 2177) is polled instead.
          if (c.status === 'NO' || c.status === 'BAD') {
            this.mode = 'poll';
            this.schedulePolls(at);
          }
        }
      });
    }
  }

  /** The next command to send in the push stage, as a thunk; null when there is nothing to do. */
  private nextWork(now: number): (() => void) | null {
    const s = this.session!;
    const t = this.tracker;
    if (this.mode === 'notify' && !this.listed) {
      // NOTIFY reports renames, creations and deletions as they happen (RFC 5465 §5.4), not
      // those made while the watcher was away: a LIST before NOTIFY SET, compared with the
      // names known, reports those as `deleted` and `created` (a rename is both).
      return () => {
        this.listed = true;
        this.work({ name: 'LIST', reference: '', pattern: '*' }, now, (c) => {
          if (c.status !== 'OK') return;
          const now2: ListResponse[] = [];
          for (const r of c.untagged) if (r.kind === 'list') now2.push(r);
          this.mailboxList(now2);
        });
      };
    }
    if (this.mode === 'notify' && !this.notifySet && s.hasCapability('NOTIFY')) {
      return () => {
        this.notifySet = true;
        this.work(
          {
            name: 'NOTIFY',
            status: true,
            groups: [
              { filter: 'selected', events: ['MessageNew', 'MessageExpunge', 'FlagChange'] },
              { filter: 'personal', events: ['MessageNew', 'MessageExpunge', 'MailboxName'] },
            ],
          } as Command,
          now,
          (c) => {
            this.unsettled = true;
            // A server that refuses this NOTIFY (RFC 5465 §3.1 BADEVENT…) is IDLEd at instead.
            if (c.status !== 'OK') {
              this.mode = s.hasCapability('IDLE') ? 'idle' : 'poll';
              this.schedulePolls(now);
            }
          },
        );
      };
    }
    const range = t.placeholderRange();
    if (range !== undefined) {
      // A FETCH of the same numbers again gives the same nothing (messages expunged by another
      // client, not yet announced: RFC 9051 §7.4.1 lets the server answer without them). A NOOP
      // lets the EXPUNGE come; after that, wait for the server's next news.
      const key = `${range.from}:${range.to}:${this.existsSeen}`;
      if (key === this.placeholderKey) {
        if (this.placeholderNoop) return null;
        return () => {
          this.placeholderNoop = true;
          this.work({ name: 'NOOP' }, now, () => {});
        };
      }
      return () => {
        this.placeholderKey = key;
        this.placeholderNoop = false;
        const items: FetchItem[] =
          this.opts.fetchNew === 'none' ? [{ item: 'UID' }, { item: 'FLAGS' }] : summaryItems(s.capabilities);
        if (s.enabled.has('QRESYNC') || s.enabled.has('CONDSTORE')) items.push({ item: 'MODSEQ' });
        this.work({ name: 'FETCH', sequence: `${range.from}:${range.to}`, items }, now, () => {});
      };
    }
    if (this.wanted.length > 0) {
      return () => {
        const uids = this.wanted.splice(0, 256);
        this.work(
          { name: 'FETCH', uid: true, sequence: uids.join(','), items: summaryItems(s.capabilities) },
          now,
          (c, at) => {
            const got = new Set<number>();
            for (const r of c.untagged) {
              // The one with the summary items (a flag change may come before it, same UID).
              if (r.kind !== 'fetch' || r.attributes.envelope === undefined) continue;
              const uid = r.attributes.uid;
              if (uid !== undefined && uids.includes(uid) && !got.has(uid)) {
                got.add(uid);
                this.fetched.delete(uid);
                this.summarised(r.attributes, at);
              }
            }
            // Cut short: the rest on the next connection (gone by then: the FETCH says nothing).
            if (c.status !== 'OK') this.wanted.unshift(...uids.filter((u) => !got.has(u)));
          },
        );
      };
    }
    if (this.previews.length > 0) return () => this.fetchPreview(this.previews.shift()!, now);
    if (this.mode === 'notify' && this.unsettled && now - this.lastHeard >= this.catchUp) {
      // Dovecot 2.3.19.1 does not watch the selected mailbox under NOTIFY while a command runs
      // and for about a second after (also after its own pushes): a change then is reported
      // with the next change, or never. A NOOP once things are quiet reports it.
      return () => {
        this.unsettled = false;
        this.work({ name: 'NOOP' }, now, () => {});
      };
    }
    if (this.probeDue) {
      return () => {
        this.probeDue = false;
        this.work({ name: 'NOOP' }, now, () => {});
      };
    }
    if (this.nextPoll !== null && now >= this.nextPoll) return () => this.pollNow(now);
    return null;
  }

  /** NOOP (polling) and STATUS of the other mailboxes (without NOTIFY). */
  private pollNow(now: number): void {
    if (this.busy > 0 || this.idleId !== null) {
      this.leaveIdle(now);
      return;
    }
    const others = this.mode !== 'notify' && this.mailboxes.length > 1;
    this.nextPoll = this.mode === 'poll' || others ? now + this.pollInterval : null;
    if (this.mode === 'poll') this.work({ name: 'NOOP' }, now, () => {});
    if (this.mode !== 'notify') {
      for (const m of this.mailboxes.slice(1)) {
        const id = this.work({ name: 'STATUS', mailbox: m, items: [...STATUS_ITEMS] }, now, () => {
          this.ownStatus.delete(id);
        });
        this.ownStatus.add(id);
      }
    }
  }

  /** A LIST of every mailbox: what changed since the last one is reported (not the first time). */
  private mailboxList(list: readonly ListResponse[]): void {
    const next = new Map<string, ListResponse>();
    for (const r of list)
      if (!r.flags.some((f) => f.toLowerCase() === '\\nonexistent')) next.set(r.mailbox, r);
    const before = this.names;
    this.names = next;
    if (before === null) return;
    for (const [name, r] of before) {
      if (!next.has(name)) this.events.push({ type: 'mailbox', change: 'deleted', mailbox: name, list: r });
    }
    for (const [name, r] of next) {
      if (!before.has(name)) this.events.push({ type: 'mailbox', change: 'created', mailbox: name, list: r });
    }
  }

  /** A mailbox event pushed under NOTIFY keeps the known names current. */
  private namesFollow(e: MailboxEvent): void {
    const names = this.names;
    if (names === null || e.type !== 'mailbox' || e.change === 'status') return;
    if (e.change === 'deleted') names.delete(e.mailbox);
    else {
      if (e.change === 'renamed') names.delete(e.oldName);
      names.set(e.mailbox, e.list);
    }
  }

  private statusAnswer(mailbox: string, status: StatusAttributes): void {
    if (this.sameStatus(mailbox, status)) return;
    this.events.push({ type: 'mailbox', change: 'status', mailbox, status });
  }

  /** True when `status` says nothing new of `mailbox` (and remembers it). */
  private sameStatus(mailbox: string, status: StatusAttributes): boolean {
    const before = this.statuses.get(mailbox);
    this.statuses.set(mailbox, status);
    return before !== undefined && JSON.stringify(before, bigintText) === JSON.stringify(status, bigintText);
  }

  private leaveIdle(now: number): void {
    const s = this.session;
    if (s === null || this.idleId === null) return;
    const p = this.idleId;
    if (this.idleDone === p) return;
    this.idleDone = p;
    s.done(now);
  }

  /** A new message's summary is known; without PREVIEW its text part is fetched for one. */
  private summarised(a: FetchAttributes, _now: number): void {
    const summary = summaryOf(a);
    if (summary === undefined) return;
    const s = this.session;
    if (summary.preview === undefined && s !== null && !s.hasCapability('PREVIEW')) {
      this.previews.push(summary);
      return;
    }
    this.message(this.tracker.mailbox, summary);
  }

  /** The partial fetch of the text part that stands in for PREVIEW (session/new-mail.ts). */
  private fetchPreview(summary: MessageSummary, now: number): void {
    const s = this.session!;
    const mailbox = this.tracker.mailbox;
    const plan = textPreviewFetch(summary, this.opts.previewBytes ?? 1024, s.capabilities);
    if (plan === undefined) {
      this.message(mailbox, summary);
      return;
    }
    this.work({ name: 'FETCH', uid: true, sequence: String(summary.uid), items: [plan.fetch] }, now, (c) => {
      if (c.status === 'CLOSED' || c.status === 'TIMEOUT') {
        this.previews.unshift(summary);
        return;
      }
      const got = c.untagged.find((r) => r.kind === 'fetch' && r.attributes.uid === summary.uid);
      if (got?.kind === 'fetch') {
        const text = previewFromText(got.attributes, plan.plan);
        if (text !== undefined) {
          summary.preview = text;
          summary.previewSource = 'text';
        }
      }
      this.message(mailbox, summary);
    });
  }

  private message(mailbox: string, summary: MessageSummary): void {
    this.events.push({ type: 'message', mailbox, uid: summary.uid, summary });
  }

  /** A command of ours in the setup and sync stages. */
  private command(c: Command, now: number, k: (c: Completion, now: number) => void): number {
    const s = this.session;
    // Logging out, or the connection is being dropped: a completion that would go on does not.
    if (s === null || this.stopping || this.closing) return -1;
    const id = s.send(c, now);
    this.after.set(id, k);
    return id;
  }

  /** A command of ours in the push stage: counted, so IDLE waits for it. */
  private work(c: Command, now: number, k: (c: Completion, now: number) => void): number {
    const id = this.command(c, now, (done, at) => {
      this.busy--;
      k(done, at);
    });
    if (id >= 0) this.busy++;
    return id;
  }
}
