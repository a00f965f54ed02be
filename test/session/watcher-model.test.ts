/**
 * The Watcher's model-based property test (issue #19): a store changed at random (appends, flag
 * changes, expunges), the connection cut at random moments, the clock moved at random, the
 * server's bytes delivered whole or in pieces of any size, against every kind of server (QRESYNC,
 * CONDSTORE with ESEARCH, IDLE only, NOTIFY with PREVIEW, polling). The watcher's event log must
 * tell the store's history exactly: every message appended gets one `new` (none for one appended
 * and expunged while the watcher was away: it never existed for the client), every reported
 * message that goes gets one `expunge`, every `flags` is a set the message really had and differs
 * from the last reported one, and at the end the tracker's messages and flags equal the store's.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { WatchEvent } from '../../src/session/watch-events.ts';
import { Watcher } from '../../src/session/watcher.ts';
import { type Capabilities, Store } from './mini-server.ts';
import { WatchLoop } from './watch-loop.ts';

type Op =
  | { op: 'append'; flags: number }
  | { op: 'flag'; at: number; flags: number }
  | { op: 'expunge'; at: number }
  | { op: 'cut' }
  /** After this many more server bytes: cut, or a change (inside a response, a sync, a fetch). */
  | { op: 'later'; bytes: number; act: 'cut' | 'append' | 'expunge' | 'flag' }
  | { op: 'wait'; ms: number };

const FLAGS = ['\\Seen', '\\Flagged', '\\Answered', '$Junk'];
const flagSet = (bits: number): string[] => FLAGS.filter((_, i) => (bits & (1 << i)) !== 0);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('append' as const), flags: fc.nat(15) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flag' as const), at: fc.nat(), flags: fc.nat(15) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('expunge' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ op: 'cut' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('later' as const),
      bytes: fc.nat(400),
      act: fc.constantFrom('cut' as const, 'append' as const, 'expunge' as const, 'flag' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.constantFrom(0, 10, 999, 1000, 61_000) }),
  },
);

const SERVERS: [string, Capabilities][] = [
  ['QRESYNC', { idle: true, qresync: true, condstore: true }],
  ['CONDSTORE', { idle: true, condstore: true, esearch: true }],
  ['IDLE only', { idle: true }],
  ['NOTIFY', { notify: true, preview: true, qresync: true, condstore: true }],
  ['polling', { idle: false }],
];

function check(events: WatchEvent[], store: Store, w: Watcher): void {
  const history = new Map<number, Set<string>>();
  for (const c of store.log) {
    if (c.op === 'append') history.set(c.uid, new Set(['']));
    if (c.op === 'flags') history.get(c.uid)!.add(c.flags.join(' '));
  }
  for (const m of store.messages) history.get(m.uid)!.add(m.flags.join(' '));
  // The flags a message was appended with are in its first set ('' stands for none given).
  const appendedWith = new Map<number, string>();
  const seen = new Map<number, { alive: boolean; flags: string }>();
  for (const e of events) {
    if (e.type === 'new') {
      expect(seen.has(e.uid), `new ${e.uid} twice`).toBe(false);
      const f = (e.flags ?? []).join(' ');
      appendedWith.set(e.uid, f);
      seen.set(e.uid, { alive: true, flags: f });
    } else if (e.type === 'expunge') {
      expect(seen.get(e.uid)?.alive, `expunge ${e.uid} of a message not reported alive`).toBe(true);
      seen.get(e.uid)!.alive = false;
    } else if (e.type === 'flags') {
      const m = seen.get(e.uid);
      expect(m?.alive, `flags of ${e.uid}, not reported alive`).toBe(true);
      const f = e.flags.join(' ');
      expect(f, `flags of ${e.uid} repeated`).not.toBe(m!.flags);
      m!.flags = f;
    } else if (e.type === 'inconsistent' || e.type === 'reset' || e.type === 'error') {
      throw new Error(`unexpected ${JSON.stringify(e)}`);
    }
  }
  // Every flag set reported is one the message had.
  for (const [uid, m] of seen) {
    const had = history.get(uid)!;
    expect(
      had.has(m.flags) || m.flags === appendedWith.get(uid),
      `flags ${m.flags} of ${uid} never set`,
    ).toBe(true);
  }
  // The end: the store's messages, each reported alive with its flags; nothing else alive.
  // (In UID order: a message is reported when its UID is learnt, which may be out of order.)
  const alive = [...seen]
    .filter(([, m]) => m.alive)
    .map(([uid, m]) => [uid, m.flags])
    .sort((a, b) => (a[0] as number) - (b[0] as number));
  expect(alive).toEqual(store.messages.map((m) => [m.uid, m.flags.join(' ')]));
  expect([...w.mailbox.messages()].map((m) => [m.uid, (m.flags ?? []).join(' ')])).toEqual(
    store.messages.map((m) => [m.uid, m.flags.join(' ')]),
  );
  // Summaries: one per new message still there at the end (at most one for those gone since).
  const summaries = events.filter((e) => e.type === 'message').map((e) => e.uid);
  expect(new Set(summaries).size).toBe(summaries.length);
  for (const uid of summaries) expect(seen.has(uid)).toBe(true);
  const have = new Set(summaries);
  for (const [uid] of alive) expect(have.has(uid as number), `no summary of ${uid}`).toBe(true);
}

describe('Watcher model: random changes, cuts and chunkings', () => {
  for (const [name, caps] of SERVERS) {
    test.prop([fc.array(op, { maxLength: 40 }), fc.constantFrom(0, 1, 2, 7, 64)], { numRuns: 200 })(
      `${name}: every change reported once, none twice, the state equal to the store's`,
      (ops, piece) => {
        const store = new Store();
        const w = new Watcher({
          login: { username: 'alice', password: 'secret' },
          random: () => 0.5,
          pollInterval: 60_000,
        });
        const loop = new WatchLoop(w, store, caps);
        loop.piece = piece;
        loop.advance(0);
        for (const o of ops) {
          if (o.op === 'append') store.append(flagSet(o.flags));
          else if (o.op === 'flag' && store.messages.length > 0) {
            store.setFlags(store.messages[o.at % store.messages.length]!.uid, flagSet(o.flags));
          } else if (o.op === 'expunge' && store.messages.length > 0) {
            store.expunge(store.messages[o.at % store.messages.length]!.uid);
          } else if (o.op === 'cut') loop.cut();
          else if (o.op === 'later') {
            loop.after(o.bytes, () => {
              const m = store.messages[o.bytes % Math.max(1, store.messages.length)];
              if (o.act === 'cut') loop.cut(false);
              else if (o.act === 'append') store.append();
              else if (o.act === 'expunge' && m !== undefined) store.expunge(m.uid);
              else if (o.act === 'flag' && m !== undefined) store.setFlags(m.uid, flagSet(o.bytes % 16));
            });
          } else if (o.op === 'wait') loop.advance(o.ms);
          loop.settle();
        }
        // Back on line, and one more poll for the polling server.
        loop.dropTriggers();
        loop.advance(120_000);
        check(loop.events, store, w);
        // Connected and in sync at the end.
        expect(loop.of('ready', 'disconnected').at(-1)?.type).toBe('ready');
        expect(w.mailbox.state).toBe('live');
      },
    );
  }
});
