/**
 * Test-only: a small stateful IMAP server without I/O, enough of RFC 9051, 7162 (CONDSTORE,
 * QRESYNC), 2177 (IDLE), 5465 (NOTIFY), 4731 (ESEARCH) and 8970 (PREVIEW) to be the other end of
 * a `Watcher` in deterministic tests: one store, any number of connections, each with its own
 * view of sequence numbers; changes reach a connection the way a server sends them (at once
 * while it IDLEs or under NOTIFY, else with the next command; EXPUNGE, or VANISHED once QRESYNC
 * is enabled). It records every change in a log for the tests to compare the watcher's with.
 */
import { CommandReader } from '../../src/command/reader.ts';
import type { Command } from '../../src/model/command.ts';
import type { FetchItem } from '../../src/model/command-fetch.ts';

export interface Capabilities {
  qresync?: boolean;
  condstore?: boolean;
  notify?: boolean;
  idle?: boolean;
  preview?: boolean;
  esearch?: boolean;
}

interface Message {
  uid: number;
  flags: string[];
  modseq: bigint;
  body: string;
}

export type Change =
  | { op: 'append'; uid: number }
  | { op: 'flags'; uid: number; flags: string[] }
  | { op: 'expunge'; uid: number }
  | { op: 'uidvalidity'; uidValidity: number };

/** The mailbox: messages by UID order, MODSEQ, the change log. */
export class Store {
  uidValidity = 100;
  uidNext = 1;
  modseq = 1n;
  messages: Message[] = [];
  /** The other mailboxes (INBOX is the store itself). */
  readonly folders = new Set<string>(['Archive']);
  readonly log: Change[] = [];
  readonly connections = new Set<MiniConnection>();

  append(flags: string[] = []): number {
    const uid = this.uidNext++;
    this.modseq++;
    this.messages.push({
      uid,
      flags: [...flags].sort(),
      modseq: this.modseq,
      body: `Hello ${uid}, this is the text of message ${uid}.`,
    });
    this.log.push({ op: 'append', uid });
    for (const c of this.connections) c.changed({ op: 'append', uid });
    return uid;
  }

  setFlags(uid: number, flags: string[]): void {
    const m = this.messages.find((x) => x.uid === uid);
    if (m === undefined) return;
    const next = [...new Set(flags)].sort();
    if (next.join(' ') === m.flags.join(' ')) return;
    m.flags = next;
    m.modseq = ++this.modseq;
    this.log.push({ op: 'flags', uid, flags: next });
    for (const c of this.connections) c.changed({ op: 'flags', uid, flags: next });
  }

  expunge(uid: number): void {
    const i = this.messages.findIndex((x) => x.uid === uid);
    if (i < 0) return;
    this.messages.splice(i, 1);
    this.modseq++;
    this.log.push({ op: 'expunge', uid });
    for (const c of this.connections) c.changed({ op: 'expunge', uid });
  }

  /** A folder renamed (RFC 5465 §5.4: pushed as LIST with OLDNAME under NOTIFY). */
  rename(from: string, to: string): void {
    this.folders.delete(from);
    this.folders.add(to);
    for (const c of this.connections) c.mailboxName(`* LIST () "/" "${to}" ("OLDNAME" ("${from}"))`);
  }

  /** The mailbox recreated: new UIDVALIDITY, the same messages under new UIDs. */
  recreate(): void {
    this.uidValidity++;
    for (const m of this.messages) m.uid = this.uidNext++;
    this.log.push({ op: 'uidvalidity', uidValidity: this.uidValidity });
    for (const c of [...this.connections]) c.drop();
  }
}

const enc = new TextEncoder();

/** One client connection to the store. */
export class MiniConnection {
  private readonly reader = new CommandReader();
  private out: string[] = [];
  private view: number[] = [];
  private pending: Change[] = [];
  private selected = false;
  private qresync = false;
  private condstore = false;
  private idleTag: string | null = null;
  private notify = false;
  open = true;
  /** Every command line the client sent (tags stripped), for tests. */
  readonly commands: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly caps: Capabilities,
  ) {
    store.connections.add(this);
    this.send(`* OK [CAPABILITY ${this.capabilityList()}] mini ready`);
  }

  private capabilityList(): string {
    const c = ['IMAP4rev1', 'ENABLE', 'UIDPLUS'];
    if (this.caps.idle !== false) c.push('IDLE');
    if (this.caps.condstore) c.push('CONDSTORE');
    if (this.caps.qresync) c.push('QRESYNC');
    if (this.caps.notify) c.push('NOTIFY');
    if (this.caps.preview) c.push('PREVIEW');
    if (this.caps.esearch) c.push('ESEARCH');
    return c.join(' ');
  }

  /** Bytes for the client, or null. */
  take(): Uint8Array | null {
    if (this.out.length === 0) return null;
    const s = this.out.join('');
    this.out = [];
    return enc.encode(s);
  }

  receive(bytes: Uint8Array): void {
    if (!this.open) return;
    for (const item of this.reader.push(bytes)) {
      if (item.type === 'done') {
        const tag = this.idleTag;
        this.idleTag = null;
        this.flush();
        if (tag !== null) this.send(`${tag} OK IDLE done`);
      } else if (item.type === 'command') {
        this.commands.push(`${item.command.name}`);
        this.command(item.tag, item.command);
      } else if (item.type === 'error') {
        this.send(`${item.tag ?? '*'} BAD ${item.error.code}`);
      }
    }
  }

  /** The server goes away (the connection is cut). */
  drop(): void {
    this.open = false;
    this.store.connections.delete(this);
  }

  /** A MailboxName event: sent at once under NOTIFY, else never. */
  mailboxName(line: string): void {
    if (this.notify) this.send(line);
  }

  changed(c: Change): void {
    if (!this.selected) return;
    this.pending.push(c);
    if (this.idleTag !== null || this.notify) this.flush();
  }

  private send(line: string): void {
    this.out.push(`${line}\r\n`);
  }

  /** Announces the pending changes to this connection (RFC 9051 §7.3.1, §7.4.1; RFC 7162 §3.2.10). */
  private flush(): void {
    const store = this.store;
    for (const c of this.pending) {
      if (c.op === 'append') {
        this.view.push(c.uid);
        this.send(`* ${this.view.length} EXISTS`);
      } else if (c.op === 'expunge') {
        const i = this.view.indexOf(c.uid);
        if (i < 0) continue;
        this.view.splice(i, 1);
        this.send(this.qresync ? `* VANISHED ${c.uid}` : `* ${i + 1} EXPUNGE`);
      } else if (c.op === 'flags') {
        const i = this.view.indexOf(c.uid);
        const m = store.messages.find((x) => x.uid === c.uid);
        if (i < 0 || m === undefined) continue;
        this.send(`* ${i + 1} FETCH (${this.flagsAtt(m, this.qresync)})`);
      }
    }
    this.pending = [];
  }

  private flagsAtt(m: Message, uid: boolean): string {
    const parts = [];
    if (uid) parts.push(`UID ${m.uid}`);
    parts.push(`FLAGS (${m.flags.join(' ')})`);
    if (this.condstore || this.qresync) parts.push(`MODSEQ (${m.modseq})`);
    return parts.join(' ');
  }

  private command(tag: string, c: Command): void {
    const ok = (text = 'done'): void => this.send(`${tag} OK ${text}`);
    switch (c.name) {
      case 'CAPABILITY':
        this.send(`* CAPABILITY ${this.capabilityList()}`);
        ok();
        return;
      case 'LOGIN':
        if (c.password !== 'secret') {
          this.send(`${tag} NO [AUTHENTICATIONFAILED] bad`);
          return;
        }
        this.send(`${tag} OK [CAPABILITY ${this.capabilityList()}] logged in`);
        return;
      case 'ENABLE':
        if (c.capabilities.includes('QRESYNC') && this.caps.qresync) {
          this.qresync = true;
          this.send('* ENABLED QRESYNC');
        }
        ok();
        return;
      case 'SELECT':
      case 'EXAMINE':
        this.select(tag, c);
        return;
      case 'NOOP':
      case 'CHECK':
        this.flush();
        ok();
        return;
      case 'IDLE':
        this.idleTag = tag;
        this.reader.expect('idle');
        this.send('+ idling');
        this.flush();
        return;
      case 'NOTIFY':
        this.notify = c.groups !== null;
        this.flush();
        ok();
        return;
      case 'LIST':
        for (const name of ['INBOX', ...this.store.folders]) this.send(`* LIST () "/" "${name}"`);
        ok();
        return;
      case 'STATUS':
        this.send(`* STATUS ${c.mailbox} (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 1 UNSEEN 0)`);
        ok();
        return;
      case 'SEARCH': {
        this.flush();
        const uids = this.view.join(' ');
        if (c.return !== undefined) {
          const set = this.view.length === 0 ? '' : ` ALL ${this.view.join(',')}`;
          this.send(`* ESEARCH (TAG "${tag}") UID${set}`);
        } else this.send(`* SEARCH${uids === '' ? '' : ` ${uids}`}`);
        ok();
        return;
      }
      case 'FETCH':
        this.fetch(tag, c);
        return;
      case 'LOGOUT':
        this.send('* BYE bye');
        ok();
        this.drop();
        return;
      default:
        this.send(`${tag} BAD not here`);
        return;
    }
  }

  private select(tag: string, c: Extract<Command, { name: 'SELECT' | 'EXAMINE' }>): void {
    const store = this.store;
    this.pending = [];
    this.view = store.messages.map((m) => m.uid);
    this.selected = true;
    if (c.condstore === true) this.condstore = true;
    const mod = this.condstore || this.qresync;
    this.send('* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Junk)');
    this.send('* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Junk \\*)] ok');
    this.send(`* ${this.view.length} EXISTS`);
    this.send(`* OK [UIDVALIDITY ${store.uidValidity}] ok`);
    this.send(`* OK [UIDNEXT ${store.uidNext}] ok`);
    if (mod) this.send(`* OK [HIGHESTMODSEQ ${store.modseq}] ok`);
    const q = c.qresync;
    if (q !== undefined && this.qresync && q.uidValidity === store.uidValidity) {
      // RFC 7162 §3.2.5.2: VANISHED (EARLIER) for known UIDs gone, FETCH for what changed.
      const known = expand(String(q.knownUids ?? `1:${store.uidNext}`), store.uidNext);
      const present = new Set(this.view);
      const gone = known.filter((u) => !present.has(u) && u < store.uidNext);
      if (gone.length > 0) this.send(`* VANISHED (EARLIER) ${gone.join(',')}`);
      this.view.forEach((uid, i) => {
        const m = store.messages.find((x) => x.uid === uid)!;
        if (m.modseq > q.modseq) this.send(`* ${i + 1} FETCH (${this.flagsAtt(m, true)})`);
      });
    }
    this.send(`${tag} OK [READ-WRITE] selected`);
  }

  private fetch(tag: string, c: Extract<Command, { name: 'FETCH' }>): void {
    const store = this.store;
    if (c.uid === true) this.flush();
    const items: FetchItem[] = Array.isArray(c.items) ? c.items : [c.items as FetchItem];
    const max = c.uid === true ? Math.max(store.uidNext - 1, ...this.view, 1) : this.view.length;
    const wanted = new Set(expand(String(c.sequence), max));
    this.view.forEach((uid, i) => {
      const seq = i + 1;
      if (!wanted.has(c.uid === true ? uid : seq)) return;
      const m = store.messages.find((x) => x.uid === uid);
      if (m === undefined) return;
      if (c.changedSince !== undefined && m.modseq <= c.changedSince) return;
      const parts: string[] = [];
      if (c.uid === true || items.some((x) => 'item' in x && x.item === 'UID')) parts.push(`UID ${uid}`);
      for (const it of items) parts.push(...this.item(it, m));
      if (c.changedSince !== undefined && !items.some((x) => x.item === 'MODSEQ'))
        parts.push(`MODSEQ (${m.modseq})`);
      this.send(`* ${seq} FETCH (${parts.join(' ')})`);
    });
    this.send(`${tag} OK fetched`);
  }

  private item(it: FetchItem, m: Message): string[] {
    switch (it.item) {
      case 'UID':
        return [];
      case 'FLAGS':
        return [`FLAGS (${m.flags.join(' ')})`];
      case 'MODSEQ':
        return [`MODSEQ (${m.modseq})`];
      case 'RFC822.SIZE':
        return [`RFC822.SIZE ${m.body.length + 100}`];
      case 'ENVELOPE':
        return [
          `ENVELOPE ("Mon, 7 Dec 2026 10:00:00 +0000" "Message ${m.uid}" (("Alice" NIL "alice" "example.org")) NIL NIL (("Bob" NIL "bob" "example.org")) NIL NIL NIL "<${m.uid}@example.org>")`,
        ];
      case 'BODYSTRUCTURE':
        return [
          `BODYSTRUCTURE ("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" ${m.body.length} 1 NIL NIL NIL NIL)`,
        ];
      case 'PREVIEW':
        return [`PREVIEW "${m.body.slice(0, 40)}"`];
      case 'BODY[]': {
        const p = it.partial;
        const text = p === undefined ? m.body : m.body.slice(p.origin, p.origin + p.count);
        const sec = it.section?.part?.join('.') ?? '';
        return [`BODY[${sec}]${p === undefined ? '' : `<${p.origin}>`} {${text.length}}\r\n${text}`];
      }
      default:
        return [];
    }
  }
}

/** A sequence or UID set as numbers (`*` is `max`). */
function expand(set: string, max: number): number[] {
  const out: number[] = [];
  for (const part of set.split(',')) {
    const [a, b] = part.split(':');
    const x = a === '*' ? max : Number(a);
    const y = b === undefined ? x : b === '*' ? max : Number(b);
    for (let i = Math.min(x, y); i <= Math.max(x, y); i++) out.push(i);
  }
  return out;
}
