/**
 * The mailbox tracker, live: one known answer per response kind (RFC 9051 §7.3.1 EXISTS, §7.4.1
 * EXPUNGE, §7.5.2 FETCH; RFC 7162 §3.1.4 MODSEQ, §3.2.10 VANISHED; RFC 5465 NOTIFY's STATUS and
 * LIST), then what contradicts the state.
 */
import { describe, expect, it } from 'vitest';
import { MailboxTracker } from '../../src/session/mailbox-tracker.ts';
import { chooseStrategy, qresyncParameters, uidRangesText } from '../../src/session/snapshot.ts';
import { feed, rows, trackerWith } from './helpers.ts';

describe('live', () => {
  it('EXISTS adds placeholders; a FETCH of their UIDs makes them new', () => {
    const t = trackerWith([1, 2, 3]);
    expect(feed(t, '* 5 EXISTS')).toEqual([]);
    expect(t.exists).toBe(5);
    expect(t.uidAt(4)).toBe(0);
    expect(t.placeholderRange()).toEqual({ from: 4, to: 5 });
    expect(feed(t, '* 4 FETCH (UID 7 FLAGS (\\Recent) MODSEQ (20))\n* 5 FETCH (FLAGS () UID 9)')).toEqual([
      { type: 'new', uid: 7, seq: 4, flags: ['\\Recent'], modseq: 20n },
      { type: 'new', uid: 9, seq: 5, flags: [] },
    ]);
    expect(t.placeholderRange()).toBeUndefined();
    expect(t.seqOf(9)).toBe(5);
    // A pushed MODSEQ does not raise HIGHESTMODSEQ (pushes come in any order).
    expect(t.highestModseq).toBe(0n);
  });

  it('flags of a placeholder wait for its UID', () => {
    const t = trackerWith([1]);
    expect(feed(t, '* 2 EXISTS\n* 2 FETCH (FLAGS (\\Seen))\n* 2 FETCH (UID 4)')).toEqual([
      { type: 'new', uid: 4, seq: 2, flags: ['\\Seen'] },
    ]);
  });

  it('EXPUNGE renumbers and reports the UID', () => {
    const t = trackerWith([10, 11, 12, 13]);
    expect(feed(t, '* 2 EXPUNGE\n* 2 EXPUNGE')).toEqual([
      { type: 'expunge', uid: 11, seq: 2 },
      { type: 'expunge', uid: 12, seq: 2 },
    ]);
    expect(rows(t).map((x) => x[0])).toEqual([10, 13]);
    expect(t.seqOf(13)).toBe(2);
    expect(t.seqOf(11)).toBe(0);
  });

  it('an expunged placeholder is not reported (it was never new)', () => {
    const t = trackerWith([1, 2]);
    expect(feed(t, '* 4 EXISTS\n* 3 EXPUNGE\n* 3 FETCH (UID 8)')).toEqual([{ type: 'new', uid: 8, seq: 3 }]);
  });

  it('FLAGS changes are reported once, sorted, with MODSEQ', () => {
    const t = trackerWith([5, 6], { modseq: 3n });
    expect(feed(t, '* 2 FETCH (UID 6 FLAGS (\\Seen $Junk) MODSEQ (4))')).toEqual([
      { type: 'flags', uid: 6, seq: 2, flags: ['$Junk', '\\Seen'], modseq: 4n },
    ]);
    // The same set in another order, or a FETCH without FLAGS: nothing.
    expect(feed(t, '* 2 FETCH (FLAGS ($Junk \\Seen))\n* 2 FETCH (UID 6 RFC822.SIZE 44)')).toEqual([]);
    expect(t.message(2)).toEqual({ seq: 2, uid: 6, flags: ['$Junk', '\\Seen'], modseq: 4n });
  });

  it('VANISHED removes known UIDs in ranges, each seq as it stood', () => {
    const t = trackerWith([1, 2, 3, 5, 8, 13, 21]);
    expect(feed(t, '* VANISHED 2:5,21,100:200')).toEqual([
      { type: 'expunge', uid: 2, seq: 2 },
      { type: 'expunge', uid: 3, seq: 2 },
      { type: 'expunge', uid: 5, seq: 2 },
      { type: 'expunge', uid: 21, seq: 4 },
    ]);
    expect(rows(t).map((x) => x[0])).toEqual([1, 8, 13]);
  });

  it('VANISHED walks a huge range by the messages in it', () => {
    const t = trackerWith([1, 4000000000]);
    expect(feed(t, '* VANISHED 1:4294967295')).toHaveLength(2);
    expect(t.exists).toBe(0);
  });

  it('VANISHED between placeholders removes one of them (silently)', () => {
    const t = trackerWith([10, 20]);
    feed(t, '* 5 EXISTS\n* 4 FETCH (UID 30)');
    // [10, 20, ?, 30, ?]: 25 is the placeholder between 20 and 30, 40 the one after 30.
    expect(feed(t, '* VANISHED 25,40')).toEqual([]);
    expect(rows(t).map((x) => x[0])).toEqual([10, 20, 30]);
    expect(t.placeholderRange()).toBeUndefined();
  });

  it('VANISHED (EARLIER) live removes known UIDs only', () => {
    const t = trackerWith([1, 2, 3]);
    feed(t, '* 4 EXISTS');
    expect(feed(t, '* VANISHED (EARLIER) 2,5:9')).toEqual([{ type: 'expunge', uid: 2, seq: 2 }]);
    expect(t.exists).toBe(3);
    expect(t.uidAt(3)).toBe(0);
  });

  it('HIGHESTMODSEQ: the last code counts; a pushed MODSEQ does not raise it (pushes come in any order)', () => {
    const t = trackerWith([1], { modseq: 50n });
    feed(t, '* OK [HIGHESTMODSEQ 40] delayed expunges');
    expect(t.highestModseq).toBe(40n);
    feed(t, '* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (45))');
    expect(t.highestModseq).toBe(40n);
    feed(t, '* OK [HIGHESTMODSEQ 45] ok');
    expect(t.highestModseq).toBe(45n);
    feed(t, '* 1 FETCH (UID 1 FLAGS () MODSEQ (44))');
    expect(t.highestModseq).toBe(45n);
  });

  it('a UIDVALIDITY change resets: the messages become quiet placeholders', () => {
    const t = trackerWith([1, 2], { uidValidity: 7 });
    expect(feed(t, '* OK [UIDVALIDITY 7] same')).toEqual([]);
    expect(feed(t, '* OK [UIDVALIDITY 9] recreated')).toEqual([
      { type: 'reset', uidValidity: 9, previous: 7 },
    ]);
    expect(t.exists).toBe(2);
    expect(t.placeholderRange()).toEqual({ from: 1, to: 2 });
    // Filling them in is state, not news; a message after them is news.
    expect(feed(t, '* 3 EXISTS\n* 1 FETCH (UID 1)\n* 2 FETCH (UID 2)\n* 3 FETCH (UID 3)')).toEqual([
      { type: 'new', uid: 3, seq: 3 },
    ]);
  });

  it('[CLOSED] detaches; responses are then ignored', () => {
    const t = trackerWith([1]);
    feed(t, '* OK [CLOSED] previous mailbox closed');
    expect(t.state).toBe('detached');
    expect(feed(t, '* 9 EXISTS\n* 1 EXPUNGE')).toEqual([]);
    expect(t.exists).toBe(1);
  });
});

describe('mailbox events (RFC 5465)', () => {
  it('STATUS, LIST with OLDNAME, \\NonExistent, and other LISTs', () => {
    const t = new MailboxTracker('Work');
    const ev = feed(
      t,
      `* STATUS Sent (MESSAGES 5 UIDNEXT 9)
       * LIST () "/" "Work/2024" ("OLDNAME" ("Work"))
       * LIST (\\NonExistent) "/" "Old"
       * LIST (\\HasNoChildren) "/" "Fresh"`,
    );
    expect(ev.map((e) => (e.type === 'mailbox' ? [e.change, e.mailbox] : e.type))).toEqual([
      ['status', 'Sent'],
      ['renamed', 'Work/2024'],
      ['deleted', 'Old'],
      ['created', 'Fresh'],
    ]);
    expect(ev[0]).toMatchObject({ status: { messages: 5, uidNext: 9 } });
    expect(ev[1]).toMatchObject({ oldName: 'Work' });
    // The tracker follows its own mailbox's rename.
    expect(t.mailbox).toBe('Work/2024');
  });
});

describe('what contradicts the state', () => {
  it('is reported as inconsistent, and the state is left as it was', () => {
    const t = trackerWith([1, 2, 3]);
    const ev = feed(
      t,
      `* 9 EXPUNGE
       * 2 EXISTS
       * 8 FETCH (FLAGS (\\Seen))
       * 2 FETCH (UID 7 FLAGS (\\Seen))
       * 5 EXISTS
       * 4 FETCH (UID 2)`,
    );
    expect(ev.map((e) => e.type)).toEqual([
      'inconsistent',
      'inconsistent',
      'inconsistent',
      'inconsistent',
      'inconsistent',
    ]);
    expect(rows(t).map((x) => x[0])).toEqual([1, 2, 3, 0, 0]);
  });
});

describe('snapshot', () => {
  it('gives the known UIDs as ranges and the QRESYNC parameters', () => {
    const t = trackerWith([1, 2, 3, 7, 9, 10], { uidValidity: 44, modseq: 900n });
    feed(t, '* 7 EXISTS');
    const s = t.snapshot();
    expect(s).toEqual({
      mailbox: 'INBOX',
      uidValidity: 44,
      highestModseq: 900n,
      uidNext: 0,
      exists: 7,
      uids: new Uint32Array([1, 3, 7, 7, 9, 10]),
    });
    expect(uidRangesText(s.uids)).toBe('1:3,7,9:10');
    expect(qresyncParameters(s)).toEqual({ uidValidity: 44, modseq: 900n, knownUids: '1:3,7,9:10' });
    expect(chooseStrategy(s, { qresync: true })).toBe('qresync');
    expect(chooseStrategy(s, { condstore: true })).toBe('condstore');
    expect(chooseStrategy(s, {})).toBe('full');
    const plain = trackerWith([1]).snapshot();
    expect(qresyncParameters(plain)).toBeUndefined();
    expect(chooseStrategy(plain, { qresync: true })).toBe('full');
  });
});
