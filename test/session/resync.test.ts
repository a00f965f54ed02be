/**
 * Syncs after a reconnect (src/session/resync.ts): RFC 7162 §3.2.5 QRESYNC, §3.1 CONDSTORE with
 * a UID SEARCH, and the full UID/FLAGS comparison. The same changes made while away (UID 2
 * expunged, UID 4 flagged \Seen, UIDs 6 and 7 new, 8 and 9 come and gone) must give the same
 * events whatever the strategy: each once.
 */
import { describe, expect, it } from 'vitest';
import { MailboxTracker } from '../../src/session/mailbox-tracker.ts';
import { feed, rows, trackerWith } from './helpers.ts';

const away = () => trackerWith([1, 2, 3, 4, 5], { modseq: 10n });

describe('QRESYNC (RFC 7162 §3.2.5)', () => {
  it('an expunge VANISHED left out (a FETCH with another UID at its number): the UID list settles it', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    // UID 3 went, but VANISHED does not say so (Dovecot 2.3.19 under NOTIFY, see resync.ts).
    const during = feed(
      t,
      `* 4 EXISTS
       * OK [UIDVALIDITY 100] ok
       * OK [HIGHESTMODSEQ 20] ok
       * 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (15))
       A1 OK [READ-WRITE] SELECT completed`,
    );
    expect(during).toEqual([]);
    expect(t.syncNeedsUids).toBe(true);
    feed(t, '* SEARCH 1 2 4 5\nA2 OK done');
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'expunge', uid: 3 },
      { type: 'flags', uid: 4, seq: 3, flags: ['\\Seen'], modseq: 15n },
      { type: 'synced', initial: false, exists: 4 },
    ]);
    expect(rows(t)).toEqual([[1], [2], [4, '\\Seen'], [5]]);
  });

  it('reports vanished, changed and new messages once', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    feed(
      t,
      `* FLAGS (\\Seen \\Deleted)
       * 6 EXISTS
       * OK [UIDVALIDITY 100] ok
       * OK [HIGHESTMODSEQ 20] ok
       * VANISHED (EARLIER) 2,8:9
       * 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (15))
       * 5 FETCH (UID 6 FLAGS () MODSEQ (16))
       A1 OK [READ-WRITE] SELECT completed`,
    );
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'expunge', uid: 2 },
      { type: 'flags', uid: 4, seq: 3, flags: ['\\Seen'], modseq: 15n },
      { type: 'new', uid: 6, seq: 5, flags: [], modseq: 16n },
      { type: 'synced', initial: false, exists: 6 },
    ]);
    expect(t.highestModseq).toBe(20n);
    expect(t.placeholderRange()).toEqual({ from: 6, to: 6 });
    expect(feed(t, '* 6 FETCH (UID 7 FLAGS () MODSEQ (17))')).toEqual([
      { type: 'new', uid: 7, seq: 6, flags: [], modseq: 17n },
    ]);
    expect(t.mailboxFlags).toEqual(['\\Seen', '\\Deleted']);
  });

  it('falls back to placeholders when the server leaves expunges out', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    const ev = feed(t, '* 3 EXISTS\n* OK [UIDVALIDITY 100] ok\nA1 OK done');
    // Not an inconsistency: the sync asks for the UID list and ends exact.
    expect(ev).toEqual([]);
    // The session finishes as CONDSTORE would.
    feed(t, '* SEARCH 1 3 5\nA2 OK done');
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'expunge', uid: 2 },
      { type: 'expunge', uid: 4 },
      { type: 'synced', initial: false, exists: 3 },
    ]);
  });

  it('asks for the UIDs when a message of unknown UID sat before a known one', () => {
    const t = trackerWith([1, 2], { modseq: 10n });
    // Two new messages; a FETCH told the second one's UID, not the first's.
    feed(t, '* 4 EXISTS\n* 4 FETCH (UID 9 FLAGS () MODSEQ (11))');
    t.takeEvents();
    t.detach();
    t.beginSync('qresync');
    feed(t, '* 4 EXISTS\n* OK [UIDVALIDITY 100] ok\n* OK [HIGHESTMODSEQ 12] ok\nA1 OK done');
    expect(t.syncNeedsUids).toBe(true);
    feed(t, '* SEARCH 1 2 7 9\nA2 OK done');
    expect(t.syncNeedsUids).toBe(false);
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'new', uid: 7, seq: 3 },
      { type: 'synced', initial: false, exists: 4 },
    ]);
  });
});

describe('CONDSTORE (RFC 7162 §3.1): UID SEARCH ALL, then CHANGEDSINCE', () => {
  it('diffs the UIDs and takes the changed flags', () => {
    const t = away();
    t.detach();
    t.beginSync('condstore');
    feed(
      t,
      `* 6 EXISTS
       * OK [UIDVALIDITY 100] ok
       * OK [HIGHESTMODSEQ 20] ok
       A1 OK [READ-WRITE] SELECT completed
       * SEARCH 1 3 4 5 6 7
       A2 OK done
       * 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (15))
       * 5 FETCH (UID 6 FLAGS () MODSEQ (16))
       * 6 FETCH (UID 7 FLAGS (\\Flagged) MODSEQ (17))
       A3 OK done`,
    );
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'expunge', uid: 2 },
      { type: 'flags', uid: 4, seq: 3, flags: ['\\Seen'], modseq: 15n },
      { type: 'new', uid: 6, seq: 5, flags: [], modseq: 16n },
      { type: 'new', uid: 7, seq: 6, flags: ['\\Flagged'], modseq: 17n },
      { type: 'synced', initial: false, exists: 6 },
    ]);
    // Unchanged messages kept their flags and MODSEQ.
    expect(t.message(1)).toEqual({ seq: 1, uid: 1, flags: [], modseq: 10n });
    expect(t.highestModseq).toBe(20n);
  });

  it('reads ESEARCH ALL, and counts an EXPUNGE between the commands', () => {
    const t = away();
    t.detach();
    t.beginSync('condstore');
    feed(
      t,
      `* 6 EXISTS
       * OK [UIDVALIDITY 100] ok
       A1 OK done
       * ESEARCH (TAG "A2") UID ALL 1,3:7
       A2 OK done
       * 1 EXPUNGE
       * 2 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (15))
       A3 OK done`,
    );
    t.endSync();
    expect(t.takeEvents().map((e) => [e.type, 'uid' in e ? e.uid : '', 'seq' in e ? e.seq : ''])).toEqual([
      ['expunge', 1, ''],
      ['expunge', 2, ''],
      ['flags', 4, 2],
      ['new', 6, 4],
      ['new', 7, 5],
      ['synced', '', ''],
    ]);
  });
});

describe('full comparison', () => {
  it('reports only what differs', () => {
    const t = away();
    t.detach();
    t.beginSync('full');
    feed(
      t,
      `* 4 EXISTS
       * OK [UIDVALIDITY 100] ok
       A1 OK done
       * 1 FETCH (UID 1 FLAGS ())
       * 2 FETCH (UID 3 FLAGS ())
       * 3 FETCH (UID 4 FLAGS (\\Seen))
       * 4 FETCH (UID 6 FLAGS ())
       A2 OK done`,
    );
    t.endSync();
    expect(t.takeEvents()).toEqual([
      { type: 'expunge', uid: 2 },
      { type: 'expunge', uid: 5 },
      { type: 'flags', uid: 4, seq: 3, flags: ['\\Seen'] },
      { type: 'new', uid: 6, seq: 4, flags: [] },
      { type: 'synced', initial: false, exists: 4 },
    ]);
    expect(t.highestModseq).toBe(0n);
  });
});

describe('first syncs and resets', () => {
  it('a first sync is quiet, and so are the placeholders it leaves', () => {
    const u = new MailboxTracker('INBOX');
    u.beginSync('qresync');
    feed(u, '* 3 EXISTS\n* OK [UIDVALIDITY 5] ok\nA1 OK done');
    u.endSync();
    expect(u.takeEvents()).toEqual([{ type: 'synced', initial: true, exists: 3 }]);
    expect(
      feed(u, '* 1 FETCH (UID 1)\n* 2 FETCH (UID 2)\n* 3 FETCH (UID 3)\n* 4 EXISTS\n* 4 FETCH (UID 4)'),
    ).toEqual([{ type: 'new', uid: 4, seq: 4 }]);
  });

  it('a UIDVALIDITY change in the SELECT resets once and syncs quietly', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    const ev = feed(t, '* 2 EXISTS\n* OK [UIDVALIDITY 101] new\n* OK [HIGHESTMODSEQ 3] ok\nA1 OK done');
    expect(ev).toEqual([{ type: 'reset', uidValidity: 101, previous: 100 }]);
    feed(t, '* 1 FETCH (UID 1 FLAGS ())\n* 2 FETCH (UID 2 FLAGS ())\nA2 OK done');
    t.endSync();
    expect(t.takeEvents()).toEqual([{ type: 'synced', initial: true, exists: 2 }]);
    expect(t.uidValidity).toBe(101);
    expect(rows(t)).toEqual([[1], [2]]);
  });

  it('a refused SELECT keeps the state for the next try', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    feed(t, '* 1 EXISTS\nA1 NO [UNAVAILABLE] try later');
    expect(t.state).toBe('detached');
    expect(t.exists).toBe(5);
    expect(t.highestModseq).toBe(10n);
    t.beginSync('qresync');
    feed(t, '* 5 EXISTS\n* OK [UIDVALIDITY 100] ok\n* OK [HIGHESTMODSEQ 10] ok\nA2 OK done');
    t.endSync();
    expect(t.takeEvents()).toEqual([{ type: 'synced', initial: false, exists: 5 }]);
  });

  it('[CLOSED] in a SELECT drops what came before it (the previous mailbox)', () => {
    const t = away();
    t.detach();
    t.beginSync('qresync');
    feed(
      t,
      `* 99 EXISTS
       * OK [CLOSED] previous mailbox closed
       * 5 EXISTS
       * OK [UIDVALIDITY 100] ok
       A1 OK done`,
    );
    t.endSync();
    expect(t.takeEvents()).toEqual([{ type: 'synced', initial: false, exists: 5 }]);
  });
});
