/**
 * The mailbox tracker's cost per response (issue #19), not a timed test: a mailbox of 1,000,000
 * messages (UIDs with gaps, a few flag sets), then
 *
 * - EXPUNGE at random positions (the O(log n) Fenwick descent and update, compactions included),
 * - VANISHED of one random known UID (binary search, then the same removal),
 * - EXISTS + FETCH (UID FLAGS) of a new message (append, fill, the `new` event),
 * - FETCH (FLAGS MODSEQ) changing a random message's flags (the `flags` event),
 *
 * beside `Array.prototype.splice` on an array of 1,000,000 UIDs for the EXPUNGE (what an array of
 * messages costs). Typed responses are fed directly: the decoder's cost is the other benchmarks'.
 * Prints ns per response, the best of `--rounds` rounds (seeded mulberry32, no Math.random).
 *
 *   npx tsx bench/tracker.ts [--messages 1000000] [--ops 100000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import type { FetchResponse, Response } from '../src/model/response.ts';
import { MailboxTracker } from '../src/session/mailbox-tracker.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    ops: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '5' },
  },
});
const N = Number(values.messages);
const OPS = Number(values.ops);
const ROUNDS = Number(values.rounds);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLAG_SETS = [[], ['\\Seen'], ['\\Seen', '\\Answered'], ['\\Flagged'], ['\\Seen', '$Junk']];
const fetch = (seq: number, attributes: FetchResponse['attributes']): Response => ({
  type: 'untagged',
  kind: 'fetch',
  seq,
  attributes,
});

/** A live tracker of `n` messages, synced by the full strategy; returns it and its UIDs. */
function mailbox(n: number, rnd: () => number): { t: MailboxTracker; uids: Uint32Array } {
  const t = new MailboxTracker('INBOX');
  const uids = new Uint32Array(n);
  let uid = 0;
  for (let i = 0; i < n; i++) uids[i] = uid += 1 + (rnd() < 0.1 ? 3 : 0);
  t.beginSync('full');
  t.apply({ type: 'untagged', kind: 'exists', count: n });
  t.apply({ type: 'untagged', kind: 'ok', code: { name: 'UIDVALIDITY', value: 1 }, text: '' });
  t.apply({ type: 'untagged', kind: 'ok', code: { name: 'HIGHESTMODSEQ', value: 1000n }, text: '' });
  t.apply({ type: 'tagged', tag: 'A1', status: 'OK', text: 'done' });
  for (let i = 0; i < n; i++)
    t.apply(fetch(i + 1, { uid: uids[i]!, flags: FLAG_SETS[i % FLAG_SETS.length]! }));
  t.endSync();
  t.takeEvents();
  return { t, uids };
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0);
}

interface Row {
  name: string;
  ns: number[];
}
const rows: Row[] = [
  { name: `EXPUNGE, random position, ${N.toLocaleString('en')} msgs`, ns: [] },
  { name: `VANISHED of one known UID, ${N.toLocaleString('en')} msgs`, ns: [] },
  { name: 'EXISTS + FETCH (UID FLAGS) of a new message', ns: [] },
  { name: 'FETCH (FLAGS MODSEQ) changing flags', ns: [] },
  { name: `Array splice, random position, ${N.toLocaleString('en')} UIDs (reference)`, ns: [] },
];

const t0 = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  const rnd = mulberry32(round + 1);
  const { t, uids } = mailbox(N, rnd);
  // Positions drawn before timing.
  const seqs = Array.from({ length: OPS }, (_, k) => 1 + Math.floor(rnd() * (N - k)));
  rows[0]!.ns.push(
    time(() => {
      for (const seq of seqs) t.apply({ type: 'untagged', kind: 'expunge', seq });
    }) / OPS,
  );
  t.takeEvents();
  // VANISHED: one UID still there, drawn by position.
  const picks: number[] = [];
  for (let k = 0; k < OPS / 10; k++) picks.push(t.uidAt(1 + Math.floor(rnd() * (t.exists - k)))!);
  const uniq = [...new Set(picks)];
  const sets = uniq.map((u) => ({ text: String(u), ranges: [{ start: u, end: u }] }));
  rows[1]!.ns.push(
    time(() => {
      for (const uids of sets) t.apply({ type: 'untagged', kind: 'vanished', earlier: false, uids });
    }) / sets.length,
  );
  t.takeEvents();
  let next = uids[N - 1]! + 1;
  let count = t.exists;
  rows[2]!.ns.push(
    time(() => {
      for (let k = 0; k < OPS; k++) {
        t.apply({ type: 'untagged', kind: 'exists', count: ++count });
        t.apply(fetch(count, { uid: next++, flags: ['\\Recent'] }));
        if ((k & 1023) === 0) t.takeEvents();
      }
    }) / OPS,
  );
  t.takeEvents();
  const changes = Array.from({ length: OPS }, (_, k) => ({
    seq: 1 + Math.floor(rnd() * count),
    flags: FLAG_SETS[k % FLAG_SETS.length]!,
  }));
  let modseq = 2000n;
  rows[3]!.ns.push(
    time(() => {
      for (let k = 0; k < OPS; k++) {
        const c = changes[k]!;
        t.apply(fetch(c.seq, { flags: c.flags, modseq: ++modseq }));
        if ((k & 1023) === 0) t.takeEvents();
      }
    }) / OPS,
  );
  const arr = Array.from(uids);
  const few = seqs.slice(0, Math.max(1, OPS / 50));
  rows[4]!.ns.push(
    time(() => {
      for (const seq of few) arr.splice(seq - 1, 1);
    }) / few.length,
  );
}

const best = (ns: number[]): number => Math.min(...ns);
console.log(
  `mailbox tracker, ${ROUNDS} rounds of ${OPS.toLocaleString('en')} ops (best), node ${process.version}`,
);
for (const r of rows) console.log(`${best(r.ns).toFixed(0).padStart(10)} ns  ${r.name}`);
const ratio = best(rows[4]!.ns) / best(rows[0]!.ns);
console.log(
  `splice / tracker EXPUNGE: ${ratio.toFixed(1)}x; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
