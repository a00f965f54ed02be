/**
 * The model-based property test of the mailbox tracker (issue #19): a model mailbox, random
 * server-side operations (append, flag change, expunge, renames and other mailboxes' news under
 * NOTIFY, a UIDVALIDITY change while away) rendered as the responses a server sends (EXPUNGE in
 * either order, or VANISHED with QRESYNC), random disconnects (some cutting a batch mid-byte) and
 * reconnects by QRESYNC, CONDSTORE or a full comparison. After every step the tracker's state and
 * event log must equal the model's: every change reported once, none twice.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type Op, Scenario } from './model.ts';

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('append' as const), gap: fc.nat(2), flags: fc.nat(31) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('flag' as const),
      at: fc.nat(),
      flags: fc.nat(31),
      withUid: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('expunge' as const),
      at: fc.nat(),
      count: fc.nat(),
      ascending: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'fetchNew' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('mailbox' as const), kind: fc.nat(3), name: fc.nat(9) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'renameSelf' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'uidvalidity' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('disconnect' as const),
      cut: fc.option(fc.double({ min: 0, max: 0.999, noNaN: true }), { nil: null }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('reconnect' as const),
      strategy: fc.nat(2),
      esearch: fc.boolean(),
      includeNew: fc.boolean(),
      extra: fc.nat(2),
      mid: fc.nat(2),
    }),
  },
);

const connect: Op = { op: 'reconnect', strategy: 2, esearch: false, includeNew: false, extra: 0 };

describe('MailboxTracker against a model mailbox', () => {
  test.prop(
    [fc.integer(), fc.array(fc.nat(31), { maxLength: 12 }), fc.array(op, { minLength: 8, maxLength: 60 })],
    {
      numRuns: 600,
    },
  )('state and events equal the model after every step', (seed, initial, ops) => {
    const s = new Scenario(seed, initial);
    for (const o of [connect, ...ops, { op: 'reconnect', strategy: 0 } as Op, { op: 'fetchNew' } as Op]) {
      s.run(o);
      const { seen, expected } = s.logs();
      expect(seen).toEqual(expected);
      if (s.tracker.state === 'live' || s.tracker.state === 'detached') {
        const st = s.states();
        expect(st.tracker).toEqual(st.model);
      }
    }
  });
});
