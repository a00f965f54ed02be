/**
 * The UID index (src/session/uid-index.ts) against a plain array of UIDs: random appends
 * (placeholders included), fills, removals by sequence number and by slot, lookups both ways,
 * across compactions (small COMPACT_MIN is not needed: runs reach thousands of dead slots).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UidIndex } from '../../src/session/uid-index.ts';

type Op =
  | { op: 'append'; known: boolean; gap: number }
  | { op: 'remove'; at: number }
  | { op: 'fill'; at: number }
  | { op: 'removeMany'; at: number; count: number }
  | { op: 'appendMany'; count: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('append'), known: fc.boolean(), gap: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('remove'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('fill'), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('removeMany'), at: fc.nat(), count: fc.nat(3000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('appendMany'), count: fc.nat(3000) }) },
) as fc.Arbitrary<Op>;

describe('UidIndex', () => {
  test.prop([fc.array(op, { maxLength: 120 })], { numRuns: 200 })('matches an array model', (ops) => {
    const ix = new UidIndex();
    // The model: UIDs in sequence order (0: placeholder), and the UID each placeholder will get.
    const model: number[] = [];
    const truth: number[] = [];
    let next = 1;
    for (const o of ops) {
      if (o.op === 'append' || o.op === 'appendMany') {
        const count = o.op === 'append' ? 1 : o.count;
        for (let k = 0; k < count; k++) {
          next += o.op === 'append' ? o.gap : 0;
          const uid = next++;
          const known = o.op === 'append' ? o.known : true;
          ix.append(known ? uid : 0);
          model.push(known ? uid : 0);
          truth.push(uid);
        }
      } else if (model.length > 0) {
        const seq = (o.at % model.length) + 1;
        if (o.op === 'remove') {
          const slot = ix.removeSeq(seq);
          if (ix.uids[slot] !== model[seq - 1]) expect(ix.uids[slot]).toBe(model[seq - 1]);
          model.splice(seq - 1, 1);
          truth.splice(seq - 1, 1);
        } else if (o.op === 'fill') {
          const slot = ix.slotOf(seq);
          ix.setUid(slot, truth[seq - 1]!);
          model[seq - 1] = truth[seq - 1]!;
        } else {
          const n = Math.min(o.count, model.length - seq + 1);
          for (let k = 0; k < n; k++) ix.removeSeq(seq);
          model.splice(seq - 1, n);
          truth.splice(seq - 1, n);
        }
      }
      ix.settle();
      if (ix.size !== model.length) expect(ix.size).toBe(model.length);
    }
    expect(ix.placeholders).toBe(model.filter((u) => u === 0).length);
    const first = model.indexOf(0);
    expect(ix.firstPlaceholderSeq()).toBe(first + 1);
    const seen: number[] = [];
    let badSeq = 0;
    ix.forEach((slot, seq) => {
      seen.push(ix.uids[slot]!);
      if (ix.seqOfSlot(slot) !== seq) badSeq++;
    });
    expect(badSeq).toBe(0);
    expect(seen).toEqual(model);
    // Lookups on a sample of positions (all of them on small models).
    const step = Math.max(1, Math.floor(model.length / 200));
    for (let i = 0; i < model.length; i += step) {
      expect(ix.uidAt(i + 1)).toBe(model[i]);
      if (model[i] !== 0) expect(ix.seqOfUid(model[i]!)).toBe(i + 1);
      // gapStartSlot: every live message before it has a UID below the probe.
      const probe = truth[i]!;
      const slot = ix.gapStartSlot(probe);
      const seqBefore = ix.seqOfSlot(slot) - 1;
      if (seqBefore > 0) expect(truth[seqBefore - 1]!).toBeLessThan(probe);
      // …and it is not past the first message whose UID is the probe's or above.
      expect(seqBefore).toBeLessThanOrEqual(i);
    }
    expect(ix.seqOfUid(next + 5)).toBe(0);
  });
});

describe('UidIndex compaction', () => {
  test.prop([fc.integer({ min: 1, max: 2 ** 31 })], { numRuns: 5 })(
    'keeps order and lookups across rebuilds',
    (seed) => {
      const ix = new UidIndex();
      const model: number[] = [];
      let x = seed;
      const rnd = (n: number): number => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return x % n;
      };
      for (let round = 0; round < 3; round++) {
        for (let k = 0; k < 20000; k++) {
          const uid = (model.at(-1) ?? 0) + 1 + rnd(3);
          ix.append(uid);
          model.push(uid);
        }
        for (let k = 0; k < 15000; k++) {
          const seq = rnd(model.length) + 1;
          ix.removeSeq(seq);
          model.splice(seq - 1, 1);
          ix.settle();
        }
      }
      expect(ix.size).toBe(model.length);
      // Dead slots were dropped: far fewer slots than the 60,000 appended.
      expect(ix.slotCount).toBeLessThan(40000);
      const got: number[] = [];
      ix.forEach((slot) => {
        got.push(ix.uids[slot]!);
      });
      expect(got).toEqual(model);
      for (let i = 0; i < model.length; i += 97) expect(ix.seqOfUid(model[i]!)).toBe(i + 1);
    },
  );
});
