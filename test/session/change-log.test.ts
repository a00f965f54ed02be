/**
 * The soak's comparator (test/interop/change-log.ts): each rule of its header, case by case, on
 * hand-made logs.
 */
import { describe, expect, it } from 'vitest';
import type { ListResponse } from '../../src/model/list.ts';
import {
  type Change,
  type Comparison,
  compareLogs,
  type MailboxContents,
  normalFlags,
  type ServerTruth,
  type WatchedEvent,
} from '../interop/change-log.ts';

const M = 'INBOX';
const contents = (entries: [number, string[]][]): MailboxContents => new Map(entries);
const truth = (initial: [number, string[]][], final: [number, string[]][]): ServerTruth => ({
  initial: { [M]: contents(initial) },
  final: { [M]: contents(final) },
});
const append = (uid: number, flags: string[] = []): Change => ({ op: 'append', mailbox: M, uid, flags });
const flags = (uid: number, f: string[]): Change => ({ op: 'flags', mailbox: M, uid, flags: f });
const expunge = (uid: number): Change => ({ op: 'expunge', mailbox: M, uid });
const eNew = (uid: number, f?: string[]): WatchedEvent => ({
  type: 'new',
  mailbox: M,
  uid,
  seq: 1,
  ...(f && { flags: f }),
});
const eFlags = (uid: number, f: string[]): WatchedEvent => ({
  type: 'flags',
  mailbox: M,
  uid,
  seq: 1,
  flags: f,
});
const eExpunge = (uid: number): WatchedEvent => ({ type: 'expunge', mailbox: M, uid });
const list = (mailbox: string): ListResponse =>
  ({ type: 'untagged', kind: 'list', flags: [], delimiter: '/', mailbox }) as unknown as ListResponse;
const eRenamed = (from: string, to: string): WatchedEvent => ({
  type: 'mailbox',
  change: 'renamed',
  mailbox: to,
  oldName: from,
  list: list(to),
});
const eMailbox = (change: 'created' | 'deleted', mailbox: string): WatchedEvent => ({
  type: 'mailbox',
  change,
  mailbox,
  list: list(mailbox),
});

const counts = (r: Comparison) => [r.lost, r.duplicated, r.phantom];

describe('compareLogs', () => {
  it('rule 3: the union of two consecutive sets passes (Courier adds before it removes); any other set is a phantom', () => {
    const changes = [append(1, ['$Work']), flags(1, ['\\Answered'])];
    const t = truth([], [[1, ['\\Answered']]]);
    const passing = compareLogs(
      changes,
      [eNew(1, ['$Work']), eFlags(1, ['$Work', '\\Answered']), eFlags(1, ['\\Answered'])],
      t,
    );
    expect([passing.lost, passing.duplicated, passing.phantom]).toEqual([0, 0, 0]);
    const made = compareLogs(
      changes,
      [eNew(1, ['$Work']), eFlags(1, ['\\Seen']), eFlags(1, ['\\Answered'])],
      t,
    );
    expect(made.phantom).toBe(1);
  });

  it('rule 3: a set reported again is a duplicate; the same set with and without \\Recent is not', () => {
    const changes = [append(1), flags(1, ['\\Flagged'])];
    const t = truth([], [[1, ['\\Flagged']]]);
    const recent = compareLogs(
      changes,
      [eNew(1, []), eFlags(1, ['\\Flagged', '\\Recent']), eFlags(1, ['\\Flagged'])],
      t,
    );
    expect([recent.lost, recent.duplicated, recent.phantom]).toEqual([0, 0, 0]);
    const twice = compareLogs(changes, [eNew(1, []), eFlags(1, ['\\Flagged']), eFlags(1, ['\\Flagged'])], t);
    expect(twice.duplicated).toBe(1);
  });

  it('a complete live log: nothing lost, duplicated or made up', () => {
    const changes = [append(5, ['\\Seen']), flags(5, ['\\Seen', '\\Flagged']), flags(1, []), expunge(5)];
    const events = [
      eNew(5, ['\\Seen', '\\Recent']),
      eFlags(5, ['\\Flagged', '\\Seen']),
      eFlags(1, []),
      eExpunge(5),
    ];
    const r = compareLogs(changes, events, truth([[1, ['\\Seen']]], [[1, []]]));
    expect(counts(r)).toEqual([0, 0, 0]);
    expect(r.details).toEqual([]);
  });

  it('rule 1: an append not reported is lost, reported twice is duplicated, a new for a UID there at the start is duplicated', () => {
    const t = truth(
      [[1, []]],
      [
        [1, []],
        [5, []],
        [6, []],
      ],
    );
    const r = compareLogs([append(5), append(6)], [eNew(6, []), eNew(6, []), eNew(1, [])], t);
    expect(counts(r)).toEqual([1, 2, 0]);
    expect(r.details).toContain('lost: append INBOX UID 5');
  });

  it('rule 1: appended and expunged while away: neither new nor expunge is fine; new without expunge is lost', () => {
    expect(counts(compareLogs([append(7), expunge(7)], [], truth([], [])))).toEqual([0, 0, 0]);
    expect(counts(compareLogs([append(7), expunge(7)], [eNew(7, []), eExpunge(7)], truth([], [])))).toEqual([
      0, 0, 0,
    ]);
    const r = compareLogs([append(7), expunge(7)], [eNew(7, [])], truth([], []));
    expect(r.details).toEqual(['lost: expunge INBOX UID 7']);
  });

  it('rule 2: an expunge of a seen UID is reported once; twice is duplicated; of a UID never reported new, a phantom', () => {
    const t = truth([[1, []]], []);
    expect(counts(compareLogs([expunge(1)], [], t))).toEqual([1, 0, 0]);
    expect(counts(compareLogs([expunge(1)], [eExpunge(1), eExpunge(1)], t))).toEqual([0, 1, 0]);
    expect(counts(compareLogs([append(9), expunge(9)], [eExpunge(9)], truth([], [])))).toEqual([0, 0, 1]);
    expect(counts(compareLogs([], [eExpunge(1)], truth([[1, []]], [[1, []]])))).toEqual([0, 0, 1]);
    expect(counts(compareLogs([], [eExpunge(42)], truth([], [])))).toEqual([0, 0, 1]);
  });

  it('rule 3: a resync that reports only the last flag set is complete', () => {
    const changes = [flags(1, ['\\Seen']), flags(1, ['\\Seen', '\\Answered']), flags(1, ['\\Answered'])];
    expect(
      counts(compareLogs(changes, [eFlags(1, ['\\Answered'])], truth([[1, []]], [[1, ['\\Answered']]]))),
    ).toEqual([0, 0, 0]);
  });

  it('rule 3: the same set twice in a row is a duplicate, a set never made a phantom, a wrong last set lost', () => {
    const t = truth([[1, []]], [[1, ['\\Seen']]]);
    const changes = [flags(1, ['\\Seen'])];
    expect(counts(compareLogs(changes, [eFlags(1, ['\\Seen']), eFlags(1, ['\\Seen'])], t))).toEqual([
      0, 1, 0,
    ]);
    expect(counts(compareLogs(changes, [eFlags(1, ['\\Draft']), eFlags(1, ['\\Seen'])], t))).toEqual([
      0, 0, 1,
    ]);
    const r = compareLogs(changes, [], t);
    expect(r.details).toEqual(['lost: flags INBOX UID 1: the watcher ends with (), the server has (\\Seen)']);
  });

  it('rule 3: the flags of a new event stand for the watcher until a flags event; \\Recent is left out', () => {
    const t = truth([], [[3, ['\\Flagged']]]);
    expect(counts(compareLogs([append(3, ['\\Flagged'])], [eNew(3, ['\\Flagged', '\\Recent'])], t))).toEqual([
      0, 0, 0,
    ]);
    expect(normalFlags(['\\Seen', '\\Recent', '$Work', '\\Seen'])).toBe('$Work \\Seen');
  });

  it('rule 4: renames once each; a chain made while away may come as deleted + created', () => {
    const changes: Change[] = [
      { op: 'rename', from: 'a', to: 'b' },
      { op: 'rename', from: 'b', to: 'c' },
      { op: 'rename', from: 'c', to: 'd' },
    ];
    const none = truth([], []);
    expect(
      counts(compareLogs(changes, [eRenamed('a', 'b'), eRenamed('b', 'c'), eRenamed('c', 'd')], none)),
    ).toEqual([0, 0, 0]);
    expect(
      counts(
        compareLogs(changes, [eRenamed('a', 'b'), eMailbox('deleted', 'b'), eMailbox('created', 'd')], none),
      ),
    ).toEqual([0, 0, 0]);
    expect(counts(compareLogs(changes, [eRenamed('a', 'b'), eRenamed('c', 'd')], none))).toEqual([1, 0, 0]);
    expect(
      counts(
        compareLogs(
          changes,
          [eRenamed('a', 'b'), eRenamed('a', 'b'), eRenamed('b', 'c'), eRenamed('c', 'd')],
          none,
        ),
      ),
    ).toEqual([0, 1, 0]);
    expect(counts(compareLogs([], [eRenamed('x', 'y')], none))).toEqual([0, 0, 1]);
    expect(counts(compareLogs(changes, [], none, { renames: 'ignore' }))).toEqual([0, 0, 0]);
  });

  it('rule 5: resets and inconsistencies are counted apart', () => {
    const r = compareLogs(
      [],
      [
        { type: 'reset', mailbox: M, uidValidity: 2, previous: 1 },
        { type: 'inconsistent', mailbox: M, reason: 'EXPUNGE 9 past the last message (4)' },
        { type: 'synced', mailbox: M, initial: false, exists: 0 },
      ],
      truth([], []),
    );
    expect(r).toMatchObject({ lost: 0, duplicated: 0, phantom: 0, resets: 1, inconsistent: 1 });
  });

  it('events in another mailbox are another UID space', () => {
    const other: WatchedEvent = { type: 'new', mailbox: 'Work', uid: 5, seq: 1, flags: [] };
    const r = compareLogs([append(5)], [eNew(5, []), other], truth([], [[5, []]]));
    expect(r.details).toEqual(['phantom: new Work UID 5, which nobody appended']);
  });
});
