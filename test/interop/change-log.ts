/**
 * The soak's two logs and their comparison: the writer's **change log** (what a second connection
 * did to the server) against the watcher's **event log** (what the client under test reported),
 * with the server's state at the start and at the end as the referee. "0 lost, 0 duplicated"
 * (issue #19) is `compareLogs(...)` giving zero for both.
 *
 * The rules, per watched mailbox and UID, follow what a tracker can know (src/session/events.ts:
 * a message is visible from its `new` event to its `expunge` event; a resync reports each change
 * made while away once, and collapses what it cannot see):
 *
 * 1. **Appends.** A UID the writer appended and did not expunge is reported `new` exactly once.
 *    A UID it appended and then expunged is reported either `new` once and then `expunge` once,
 *    or neither (it came and went while the watcher was away, or before the watcher learnt its
 *    UID: the tracker reports no expunge of a message it never reported).
 *    More than one `new` for a UID is a duplicate; a `new` for a UID that was there at the start
 *    is a duplicate too (the initial sync reports no `new`).
 * 2. **Expunges.** A UID the watcher saw (there at the start, or reported `new`) and the writer
 *    expunged is reported `expunge` exactly once, after its `new`. An `expunge` of a UID the
 *    writer never expunged, or of one never seen, is a phantom.
 * 3. **Flags.** A resync reports only the flags at its end, so not every set the writer made is
 *    reported; instead, per UID: no two consecutive `flags` events with the same set as reported
 *    (the second is a duplicate; `\Recent` counts here: a server may drop it between two); every reported set is one the writer produced for that UID (at its APPEND,
 *    a STORE, or the set it had at the start, or the union of two consecutive ones: Courier
 *    replaces flags by adding before removing and pushes that moment; else a phantom); and the last set the watcher knows
 *    (its last `flags` event, else the flags of its `new` event, else the set at the start, else
 *    none) equals the server's at the end for a UID still there (else lost). A `flags` event for
 *    a UID never seen is a phantom. `\Recent` is left out of
 *    every comparison (it is per session, RFC 3501 §2.3.2).
 * 4. **Renames** (of mailboxes other than the watched ones): each is reported once as a `renamed`
 *    event from → to. A chain of renames made while the watcher was away (A → B → C) may instead
 *    be reported as `deleted` A and `created` C, which is all a LIST comparison can see; the
 *    renames of that chain then count as reported. Unless `renames: 'ignore'` (a watcher without
 *    NOTIFY hears of no rename at all).
 * 5. **Resets and inconsistencies.** A `reset` (UIDVALIDITY changed) or `inconsistent` event is
 *    counted apart: the soak changes no UIDVALIDITY, so either is a failure of its own.
 *
 * Events carry the mailbox they are about: the tracker's `MailboxEvent`s with a `mailbox` field
 * added (mailbox events already have one: the mailbox the event names).
 */
import type { MailboxEvent } from '../../src/session/events.ts';

/** One change the writer made, in the order it made them. Flags are the whole resulting set. */
export type Change =
  | { op: 'append'; mailbox: string; uid: number; flags: readonly string[] }
  | { op: 'flags'; mailbox: string; uid: number; flags: readonly string[] }
  | { op: 'expunge'; mailbox: string; uid: number }
  | { op: 'rename'; from: string; to: string };

/** One event of the watcher under test: a tracker event and the mailbox it is about. */
export type WatchedEvent = MailboxEvent & { mailbox: string };

/** A mailbox's messages: UID → flags. */
export type MailboxContents = ReadonlyMap<number, readonly string[]>;

/** The server's state of the watched mailboxes at the start and at the end, by mailbox name. */
export interface ServerTruth {
  initial: Readonly<Record<string, MailboxContents>>;
  final: Readonly<Record<string, MailboxContents>>;
}

export interface CompareOptions {
  /** `ignore`: renames are not compared (default `exact`). */
  renames?: 'exact' | 'ignore';
}

/** What the comparison found; `details` says which change or event, one line each. */
export interface Comparison {
  /** Changes the watcher did not report (or a final state it does not know). */
  lost: number;
  /** Changes reported more than once. */
  duplicated: number;
  /** Events for changes nobody made. */
  phantom: number;
  /** `reset` and `inconsistent` events. */
  resets: number;
  inconsistent: number;
  details: string[];
}

/** Flags as compared: without `\Recent`, sorted, no repeats. */
export function normalFlags(flags: readonly string[]): string {
  return [...new Set(flags.filter((f) => f.toLowerCase() !== '\\recent'))].sort().join(' ');
}

interface UidEvents {
  news: number;
  expunges: number;
  /** An expunge came before any new (for a UID not there at the start). */
  expungeFirst: boolean;
  newFlags: string | undefined;
  flags: string[];
  /** The same sets as reported (with `\Recent`): a duplicate is the same set reported twice. */
  rawFlags: string[];
}

interface UidChanges {
  appended: boolean;
  expunged: boolean;
  /** Every set the writer produced for the UID (normalised). */
  produced: Set<string>;
  /** The last of them, for `passing` below. */
  last?: readonly string[];
  /**
   * The union of each two consecutive sets: a server that replaces flags by adding the new ones
   * before removing the old (Courier-IMAP 5.0.13 pushes the FETCH of that moment) really had it.
   */
  passing: Set<string>;
}

const key = (mailbox: string, uid: number): string => `${mailbox}\u0000${uid}`;

/**
 * Compares the writer's change log with the watcher's event log under the rules above.
 *
 * @example
 * ```ts
 * const r = compareLogs(writer.changes, watcherEvents, { initial, final });
 * expect([r.lost, r.duplicated, r.phantom]).toEqual([0, 0, 0]);
 * ```
 */
export function compareLogs(
  changes: readonly Change[],
  events: readonly WatchedEvent[],
  truth: ServerTruth,
  options: CompareOptions = {},
): Comparison {
  const out: Comparison = { lost: 0, duplicated: 0, phantom: 0, resets: 0, inconsistent: 0, details: [] };
  const lost = (d: string): void => {
    out.lost++;
    out.details.push(`lost: ${d}`);
  };
  const dup = (d: string): void => {
    out.duplicated++;
    out.details.push(`duplicated: ${d}`);
  };
  const phantom = (d: string): void => {
    out.phantom++;
    out.details.push(`phantom: ${d}`);
  };

  const watched = new Set([...Object.keys(truth.initial), ...Object.keys(truth.final)]);
  for (const c of changes) if (c.op !== 'rename') watched.add(c.mailbox);

  // The writer's side, per UID.
  const byUid = new Map<string, UidChanges>();
  const uidChanges = (mailbox: string, uid: number): UidChanges => {
    const k = key(mailbox, uid);
    let u = byUid.get(k);
    if (u === undefined) {
      u = { appended: false, expunged: false, produced: new Set(), passing: new Set() };
      byUid.set(k, u);
    }
    return u;
  };
  const initial = (mailbox: string, uid: number): readonly string[] | undefined =>
    truth.initial[mailbox]?.get(uid);
  for (const [mailbox, contents] of Object.entries(truth.initial)) {
    for (const [uid, flags] of contents) {
      const u = uidChanges(mailbox, uid);
      u.produced.add(normalFlags(flags));
      u.last = flags;
    }
  }
  const renames: { from: string; to: string }[] = [];
  for (const c of changes) {
    if (c.op === 'rename') {
      renames.push(c);
      continue;
    }
    const u = uidChanges(c.mailbox, c.uid);
    if (c.op === 'append') {
      u.appended = true;
      u.produced.add(normalFlags(c.flags));
      u.last = c.flags;
    } else if (c.op === 'flags') {
      u.produced.add(normalFlags(c.flags));
      if (u.last !== undefined) u.passing.add(normalFlags([...u.last, ...c.flags]));
      u.last = c.flags;
    } else u.expunged = true;
  }

  // The watcher's side, per UID.
  const seen = new Map<string, UidEvents>();
  const uidEvents = (mailbox: string, uid: number): UidEvents => {
    const k = key(mailbox, uid);
    let e = seen.get(k);
    if (e === undefined) {
      e = { news: 0, expunges: 0, expungeFirst: false, newFlags: undefined, flags: [], rawFlags: [] };
      seen.set(k, e);
    }
    return e;
  };
  const mailboxEvents: Extract<WatchedEvent, { type: 'mailbox' }>[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'new': {
        const s = uidEvents(e.mailbox, e.uid);
        s.news++;
        if (s.news === 1 && e.flags !== undefined) s.newFlags = normalFlags(e.flags);
        break;
      }
      case 'expunge': {
        const s = uidEvents(e.mailbox, e.uid);
        if (s.news === 0 && initial(e.mailbox, e.uid) === undefined) s.expungeFirst = true;
        s.expunges++;
        break;
      }
      case 'flags': {
        const s = uidEvents(e.mailbox, e.uid);
        s.flags.push(normalFlags(e.flags));
        s.rawFlags.push([...e.flags].sort().join(' '));
        break;
      }
      case 'reset':
        out.resets++;
        out.details.push(`reset: ${e.mailbox} UIDVALIDITY ${e.previous} → ${e.uidValidity}`);
        break;
      case 'inconsistent':
        out.inconsistent++;
        out.details.push(`inconsistent: ${e.mailbox}: ${e.reason}`);
        break;
      case 'mailbox':
        mailboxEvents.push(e);
        break;
      case 'synced':
        break;
    }
  }

  // Rules 1–3, for every UID either side knows.
  const uids = new Set([...byUid.keys(), ...seen.keys()]);
  for (const k of uids) {
    const [mailbox, uidText] = k.split('\u0000') as [string, string];
    const uid = Number(uidText);
    const what = `${mailbox} UID ${uid}`;
    const w = byUid.get(k);
    const s = seen.get(k) ?? {
      news: 0,
      expunges: 0,
      expungeFirst: false,
      newFlags: undefined,
      flags: [],
      rawFlags: [],
    };
    const atStart = initial(mailbox, uid);
    const atEnd = truth.final[mailbox]?.get(uid);
    if (w === undefined) {
      if (s.news > 0) phantom(`new ${what}, which nobody appended`);
      if (s.expunges > 0) phantom(`expunge ${what}, which nobody expunged`);
      if (s.flags.length > 0) phantom(`flags ${what}, a message nobody made`);
      continue;
    }
    // appends
    if (atStart !== undefined && s.news > 0) dup(`new ${what}, there at the start (${s.news}×)`);
    if (w.appended) {
      if (s.news > 1) dup(`new ${what} reported ${s.news}×`);
      if (!w.expunged && s.news === 0) lost(`append ${what}`);
    }
    // expunges
    const visible = atStart !== undefined || s.news > 0;
    if (w.expunged) {
      if (visible) {
        if (s.expunges === 0) lost(`expunge ${what}`);
        if (s.expunges > 1) dup(`expunge ${what} reported ${s.expunges}×`);
        if (s.expungeFirst) phantom(`expunge ${what} before its new`);
      } else if (s.expunges > 0) phantom(`expunge ${what}, never reported new`);
    } else if (s.expunges > 0) phantom(`expunge ${what}, which the writer did not expunge`);
    // flags
    // Twice in a row is the same set as reported: (\Flagged \Recent) then (\Flagged) are two
    // sets (Cyrus 3.6 sends \Recent in some FETCHes of a message and not in others).
    s.flags.forEach((f, i) => {
      if (i > 0 && s.rawFlags[i] === s.rawFlags[i - 1]) dup(`flags ${what} (${f}) twice in a row`);
      if (!w.produced.has(f) && !w.passing.has(f))
        phantom(`flags ${what} (${f}), a set the writer never made`);
    });
    if (!visible && s.flags.length > 0) phantom(`flags ${what}, never reported new`);
    if (atEnd !== undefined && visible) {
      const known = s.flags.at(-1) ?? s.newFlags ?? (atStart !== undefined ? normalFlags(atStart) : '');
      const final = normalFlags(atEnd);
      if (known !== final) lost(`flags ${what}: the watcher ends with (${known}), the server has (${final})`);
    }
  }

  // Rule 4: renames.
  if (options.renames !== 'ignore') {
    const used = new Set<number>();
    const takeEvent = (pred: (e: Extract<WatchedEvent, { type: 'mailbox' }>) => boolean): boolean => {
      for (let i = 0; i < mailboxEvents.length; i++) {
        if (!used.has(i) && pred(mailboxEvents[i]!)) {
          used.add(i);
          return true;
        }
      }
      return false;
    };
    let i = 0;
    while (i < renames.length) {
      const r = renames[i]!;
      if (takeEvent((e) => e.change === 'renamed' && e.oldName === r.from && e.mailbox === r.to)) {
        i++;
        continue;
      }
      // the longest chain from here that a deleted + created pair accounts for
      let end = -1;
      for (let j = i; j < renames.length && (j === i || renames[j]!.from === renames[j - 1]!.to); j++) {
        const to = renames[j]!.to;
        if (mailboxEvents.some((e, n) => !used.has(n) && e.change === 'created' && e.mailbox === to)) end = j;
      }
      if (end >= 0 && takeEvent((e) => e.change === 'deleted' && e.mailbox === r.from)) {
        const to = renames[end]!.to;
        takeEvent((e) => e.change === 'created' && e.mailbox === to);
        i = end + 1;
        continue;
      }
      lost(`rename ${r.from} → ${r.to}`);
      i++;
    }
    for (let n = 0; n < mailboxEvents.length; n++) {
      const e = mailboxEvents[n]!;
      if (used.has(n) || e.change !== 'renamed') continue;
      const made = renames.some((r) => r.from === e.oldName && r.to === e.mailbox);
      if (made) dup(`rename ${e.oldName} → ${e.mailbox} reported again`);
      else phantom(`rename ${e.oldName} → ${e.mailbox}, which nobody made`);
    }
  }
  return out;
}
