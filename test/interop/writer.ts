/**
 * The soak's writer: a second connection, straight to the server (not through the chaos proxy),
 * that makes N seeded random changes in the watched mailboxes (APPEND, flag changes, expunges)
 * and renames another mailbox, paced, logging each change once in the change log
 * (change-log.ts) when the server has confirmed it.
 *
 * It survives the server restarting: a command whose connection dies is not simply sent again.
 * After reconnecting, the writer checks what the server holds first: an APPEND carries a unique
 * Message-ID and is looked for (`UID SEARCH HEADER Message-ID`); a RENAME is looked for with
 * LIST; a flag change is a `UID STORE … FLAGS (whole set)` and an expunge `UID EXPUNGE uid`
 * (RFC 4315), both of which give the same state when repeated. So every change is made once and
 * logged once.
 *
 * The writer keeps its own model of the watched mailboxes (UID → flags), read at the start; no
 * one else may change them while it runs.
 */
import { randomBytes } from 'node:crypto';
import { type Change, type MailboxContents, normalFlags } from './change-log.ts';
import { quote, type TaggedResult, TestImapClient } from './client.ts';
import { type SeededRandom, seededRandom } from './seeded-random.ts';

/** How often each kind of change is drawn (relative weights). */
export interface ChangeWeights {
  append: number;
  flags: number;
  expunge: number;
  rename: number;
}

export interface WriterOptions {
  port: number;
  host?: string;
  user: string;
  password: string;
  /** The watched mailboxes (server names): appends, flag changes and expunges go there. */
  mailboxes: readonly string[];
  /**
   * Another mailbox (server name) to rename again and again (`NAME-r1`, `NAME-r2`, …); created
   * when missing. None: no renames.
   */
  renameMailbox?: string;
  /**
   * The least time between two renames, ms (default 0): a rename drawn sooner becomes another
   * change. Dovecot 2.3.19 under NOTIFY reports renames made within ~1.5 s of each other as one
   * (the last, `LIST … ("OLDNAME" (…))` naming the previous name): the others are never sent.
   */
  minRenameGapMs?: number;
  /** How many changes (each logged change counts; an expunge logs its `\Deleted` too). */
  changes: number;
  seed?: number;
  /** Pause between two changes, in ms (default 0). */
  delayMs?: number;
  weights?: Partial<ChangeWeights>;
  /** How long to keep trying to reconnect after the connection died (default 120 s). */
  reconnectForMs?: number;
  /** Called with each change as it is logged. */
  onChange?: (c: Change) => void;
}

/** The flags the writer sets (keywords need Courier's IMAP_KEYWORDS=1, which courier.sh sets). */
const FLAGS = ['\\Seen', '\\Flagged', '\\Answered', '\\Draft', '$Work'] as const;
const DEFAULT_WEIGHTS: ChangeWeights = { append: 4, flags: 4, expunge: 2, rename: 1 };

class ConnectionLost extends Error {}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The UID of `[APPENDUID uidvalidity uid]`. */
function appendUid(r: TaggedResult): number | undefined {
  const m = /\[APPENDUID \d+ (\d+)\]/i.exec(r.text);
  return m ? Number(m[1]) : undefined;
}

/** A mailbox's UIDs and flags from `UID FETCH 1:* (UID FLAGS)` responses (first line of each). */
function parseContents(r: TaggedResult): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  for (const u of r.untagged) {
    const uid = /[( ]UID (\d+)/i.exec(u.line);
    const flags = /FLAGS \(([^)]*)\)/i.exec(u.line);
    if (uid && flags) out.set(Number(uid[1]), flags[1]!.split(' ').filter(Boolean));
  }
  return out;
}

/**
 * @example
 * ```ts
 * const w = new Writer({ port: 2143, user: 'carol', password: 'carol-pass', mailboxes: ['INBOX'], changes: 1000, seed: 7 });
 * const initial = await w.start();
 * const log = await w.run();
 * const final = await w.contents();
 * await w.close();
 * ```
 */
export class Writer {
  /** The change log, in order. */
  readonly changes: Change[] = [];
  /** Reconnections after a lost connection. */
  reconnects = 0;
  private client: TestImapClient | undefined;
  private selected: string | undefined;
  private literalPlus = false;
  private readonly rng: SeededRandom;
  private readonly model = new Map<string, Map<number, readonly string[]>>();
  private readonly weights: ChangeWeights;
  private renameName: string | undefined;
  private renames = 0;
  private lastRename = 0;
  private stopped = false;
  private readonly run_ = randomBytes(4).toString('hex');
  private serial = 0;

  constructor(private readonly opts: WriterOptions) {
    this.rng = seededRandom(opts.seed ?? 1);
    this.weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
    if (opts.renameMailbox === undefined) this.weights.rename = 0;
  }

  /** Connects, reads the watched mailboxes (its model, and the soak's `initial` truth). */
  async start(): Promise<Record<string, MailboxContents>> {
    await this.connect();
    const name = this.opts.renameMailbox;
    if (name !== undefined) {
      await this.ensureMailbox(name);
      this.renameName = name;
    }
    const initial = await this.contents();
    for (const [m, c] of Object.entries(initial)) this.model.set(m, new Map(c));
    return initial;
  }

  /** Makes the changes; resolves with the change log. */
  async run(): Promise<Change[]> {
    const target = this.opts.changes;
    while (this.changes.length < target && !this.stopped) {
      await this.one();
      if (this.opts.delayMs) await sleep(this.opts.delayMs);
    }
    return this.changes;
  }

  /** Ends `run()` after the change in progress. */
  stop(): void {
    this.stopped = true;
  }

  /** The watched mailboxes as the server has them now (UID → flags). */
  async contents(): Promise<Record<string, MailboxContents>> {
    const out: Record<string, MailboxContents> = {};
    for (const m of this.opts.mailboxes) {
      out[m] = await this.retrying(async (c) => {
        await this.select(c, m);
        return parseContents(await this.ok(c, 'UID FETCH 1:* (UID FLAGS)'));
      });
    }
    return out;
  }

  /** The name the renamed mailbox has now. */
  get renamedMailbox(): string | undefined {
    return this.renameName;
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c === undefined) return;
    await c.logout(5_000).catch(() => {});
    c.destroy();
  }

  // ---- one change ----

  private async one(): Promise<void> {
    const mailbox = this.rng.pick(this.opts.mailboxes);
    const messages = this.model.get(mailbox)!;
    const w = this.weights;
    let op = this.draw(w);
    if (op === 'rename' && Date.now() - this.lastRename < (this.opts.minRenameGapMs ?? 0)) op = 'flags';
    if ((op === 'flags' || op === 'expunge') && messages.size === 0) op = 'append';
    switch (op) {
      case 'append':
        return this.append(mailbox, messages);
      case 'flags':
        return this.flags(mailbox, messages);
      case 'expunge':
        return this.expunge(mailbox, messages);
      case 'rename':
        return this.rename();
    }
  }

  private draw(w: ChangeWeights): keyof ChangeWeights {
    const total = w.append + w.flags + w.expunge + w.rename;
    let x = this.rng.next() * total;
    for (const k of ['append', 'flags', 'expunge', 'rename'] as const) {
      x -= w[k];
      if (x < 0) return k;
    }
    return 'append';
  }

  private log(c: Change): void {
    this.changes.push(c);
    this.opts.onChange?.(c);
  }

  private randomFlags(): string[] {
    return FLAGS.filter(() => this.rng.chance(0.35));
  }

  private message(id: string, n: number): Buffer {
    // An 8-bit subject makes servers send ENVELOPE's subject as a literal (Dovecot 2.3 and Cyrus
    // 3.6 do), so that a watcher fetching ENVELOPE gets literals a cut can fall inside.
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n'.repeat(this.rng.int(1, 60));
    return Buffer.from(
      `Message-ID: ${id}\r\n` +
        'From: Writer <writer@imap-wire.test>\r\n' +
        'To: Watcher <watcher@imap-wire.test>\r\n' +
        `Subject: soak #${n} — grüße ${'x'.repeat(this.rng.int(0, 200))}\r\n` +
        'MIME-Version: 1.0\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\n' +
        'Content-Transfer-Encoding: 8bit\r\n' +
        '\r\n' +
        `Nachricht ${n}.\r\n${filler}`,
      'utf8',
    );
  }

  private async append(mailbox: string, messages: Map<number, readonly string[]>): Promise<void> {
    const n = ++this.serial;
    const id = `<soak-${this.run_}-${n}@imap-wire.test>`;
    const bytes = this.message(id, n);
    const flags = this.randomFlags();
    let tried = false;
    const uid = await this.retrying(async (c) => {
      await this.select(c, mailbox);
      if (tried) {
        const found = await this.ok(c, `UID SEARCH HEADER Message-ID ${quote(id)}`);
        const ids = /^\* SEARCH(.*)$/i.exec(
          found.untagged.find((u) => /^\* SEARCH/i.test(u.line))?.line ?? '',
        );
        const existing = (ids?.[1] ?? '').trim().split(' ').filter(Boolean).map(Number);
        if (existing.length > 0) return existing[0]!;
      }
      tried = true;
      const r = await this.expect(
        c.append(mailbox, bytes, { flags, literalPlus: this.literalPlus }),
        `APPEND ${mailbox}`,
      );
      // Courier-IMAP 5.0.13 shows a session its own APPEND to the selected mailbox only at its
      // next mailbox check: until then a UID STORE of the new UID answers OK and changes nothing.
      await this.ok(c, 'NOOP');
      const u = appendUid(r);
      if (u !== undefined) return u;
      // No APPENDUID (every test server has UIDPLUS, but be exact): look for it.
      const found = await this.ok(c, `UID SEARCH HEADER Message-ID ${quote(id)}`);
      const m = /^\* SEARCH (\d+)/i.exec(found.untagged.find((x) => /^\* SEARCH/i.test(x.line))?.line ?? '');
      if (!m) throw new Error(`APPEND ${id}: no APPENDUID and not found`);
      return Number(m[1]);
    });
    messages.set(uid, flags);
    this.log({ op: 'append', mailbox, uid, flags });
  }

  private async flags(mailbox: string, messages: Map<number, readonly string[]>): Promise<void> {
    const uid = this.rng.pick([...messages.keys()]);
    const before = normalFlags(messages.get(uid)!);
    let flags = this.randomFlags();
    for (let i = 0; i < 5 && normalFlags(flags) === before; i++) flags = this.randomFlags();
    if (normalFlags(flags) === before) flags = before.includes('\\Seen') ? [] : ['\\Seen'];
    await this.retrying(async (c) => {
      await this.select(c, mailbox);
      await this.store(c, uid, `FLAGS (${flags.join(' ')})`);
    });
    messages.set(uid, flags);
    this.log({ op: 'flags', mailbox, uid, flags });
  }

  private async expunge(mailbox: string, messages: Map<number, readonly string[]>): Promise<void> {
    const uid = this.rng.pick([...messages.keys()]);
    const flags = [...messages.get(uid)!, '\\Deleted'];
    await this.retrying(async (c) => {
      await this.select(c, mailbox);
      await this.store(c, uid, '+FLAGS (\\Deleted)');
    });
    messages.set(uid, flags);
    this.log({ op: 'flags', mailbox, uid, flags });
    await this.retrying(async (c) => {
      await this.select(c, mailbox);
      await this.ok(c, `UID EXPUNGE ${uid}`);
    });
    messages.delete(uid);
    this.log({ op: 'expunge', mailbox, uid });
  }

  private async rename(): Promise<void> {
    const from = this.renameName!;
    const base = this.opts.renameMailbox!;
    const to = `${base}-r${++this.renames}`;
    let tried = false;
    await this.retrying(async (c) => {
      if (tried && (await this.exists(c, to)) && !(await this.exists(c, from))) return;
      tried = true;
      await this.ok(c, `RENAME ${quote(from)} ${quote(to)}`);
    });
    this.renameName = to;
    this.lastRename = Date.now();
    this.log({ op: 'rename', from, to });
  }

  // ---- connection ----

  private async connect(): Promise<TestImapClient> {
    const c = await TestImapClient.connect({ port: this.opts.port, host: this.opts.host ?? '127.0.0.1' });
    try {
      await this.expect(c.command(`LOGIN ${quote(this.opts.user)} ${quote(this.opts.password)}`), 'LOGIN');
      const caps = await this.expect(c.command('CAPABILITY'), 'CAPABILITY');
      this.literalPlus = caps.untagged.some((r) => / LITERAL\+( |$)/i.test(r.line));
    } catch (err) {
      c.destroy();
      throw err;
    }
    this.client = c;
    this.selected = undefined;
    return c;
  }

  /**
   * Runs `fn` on a live connection; when the connection dies under it, reconnects (every 250 ms,
   * for up to reconnectForMs) and runs `fn` again: `fn` must check before it changes anything.
   */
  private async retrying<T>(fn: (c: TestImapClient) => Promise<T>): Promise<T> {
    const deadline = Date.now() + (this.opts.reconnectForMs ?? 120_000);
    for (;;) {
      try {
        const c = this.client ?? (await this.connect());
        return await fn(c);
      } catch (err) {
        if (!(err instanceof ConnectionLost) && !/closed|connect|ECONN|EPIPE|timeout/i.test(String(err))) {
          throw err;
        }
        this.client?.destroy();
        this.client = undefined;
        if (Date.now() > deadline) throw new Error(`the writer could not reconnect: ${String(err)}`);
        this.reconnects++;
        await sleep(250);
      }
    }
  }

  /**
   * `UID STORE uid ACTION`, not silent, and the server's FETCH for that UID must come back: a
   * STORE that changed nothing (a UID the session does not see) is an error, not a change.
   */
  private async store(c: TestImapClient, uid: number, action: string): Promise<void> {
    const r = await this.ok(c, `UID STORE ${uid} ${action}`);
    const echoed = r.untagged.some(
      (u) => / FETCH /i.test(u.line) && new RegExp(`[( ]UID ${uid}[ )]`, 'i').test(u.line),
    );
    if (!echoed) throw new Error(`UID STORE ${uid} ${action}: the server reported no change of UID ${uid}`);
  }

  private async select(c: TestImapClient, mailbox: string): Promise<void> {
    if (this.selected === mailbox) return;
    await this.ok(c, `SELECT ${quote(mailbox)}`);
    this.selected = mailbox;
  }

  private async exists(c: TestImapClient, mailbox: string): Promise<boolean> {
    const r = await this.ok(c, `LIST "" ${quote(mailbox)}`);
    return r.untagged.some((u) => /^\* LIST /i.test(u.line));
  }

  private async ensureMailbox(mailbox: string): Promise<void> {
    await this.retrying(async (c) => {
      if (!(await this.exists(c, mailbox))) await this.ok(c, `CREATE ${quote(mailbox)}`);
    });
  }

  private ok(c: TestImapClient, command: string): Promise<TaggedResult> {
    return this.expect(c.command(command), command);
  }

  /** The command's result when OK; a lost connection as ConnectionLost; else an error. */
  private async expect(p: Promise<TaggedResult>, what: string): Promise<TaggedResult> {
    let r: TaggedResult;
    try {
      r = await p;
    } catch (err) {
      throw new ConnectionLost(`${what}: ${String(err)}`);
    }
    if (r.status !== 'OK') {
      if (/^\* BYE/im.test(r.untagged.map((u) => u.line).join('\n')))
        throw new ConnectionLost(`${what}: BYE`);
      throw new Error(`${what}: ${r.response.line}`);
    }
    return r;
  }
}
