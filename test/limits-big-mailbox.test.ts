/**
 * Issue #24: the responses a server sends for a mailbox of 10,000,000 messages decode under the
 * default options (a `UID SEARCH ALL` is ~90 MB on one line), their numbers exact and compact,
 * while a line of anything else is still refused at the ordinary limit and a number list past
 * its own limit is refused too; the next response decodes in every case. Work is checked by
 * counts and sums, never by time.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_OPTIONS,
  type DecodeItem,
  type DecoderOptions,
  ResponseDecoder,
  sequenceSetPairs,
} from '../src/index.ts';
import { bytes } from './helpers/decode.ts';

const N = 10_000_000;
const NEXT = '* 42 EXISTS\r\n';

/** `prefix` + n numbers `f(1) … f(n)` joined by `sep` + CRLF + NEXT, written straight as bytes. */
function numberLine(prefix: string, n: number, sep: number, f: (i: number) => number): Uint8Array {
  const head = bytes(prefix);
  const tail = bytes(`\r\n${NEXT}`);
  const out = new Uint8Array(head.length + n * 11 + tail.length);
  out.set(head, 0);
  let o = head.length;
  const digits = new Uint8Array(10);
  for (let i = 1; i <= n; i++) {
    if (i > 1) out[o++] = sep;
    let v = f(i);
    let d = 0;
    do {
      digits[d++] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    while (d > 0) out[o++] = digits[--d]!;
  }
  out.set(tail, o);
  return out.subarray(0, o + tail.length);
}

/** Decodes whole, or in `size`-byte chunks (views: no copy of 90 MB per chunking). */
function decode(input: Uint8Array, size: number, options?: DecoderOptions): DecodeItem[] {
  const dec = new ResponseDecoder(options);
  const out: DecodeItem[] = [];
  if (size === 0) out.push(...dec.push(input));
  else for (let i = 0; i < input.length; i += size) out.push(...dec.push(input.subarray(i, i + size)));
  out.push(...dec.end());
  return out;
}

function isNext(item: DecodeItem | undefined): boolean {
  return item?.type === 'untagged' && item.kind === 'exists' && item.count === 42;
}

function sum(values: ArrayLike<number>, step = 1): number {
  let s = 0;
  for (let i = 0; i < values.length; i += step) s += values[i]!;
  return s;
}

describe('10,000,000 numbers on one line, default options', { timeout: 120_000 }, () => {
  for (const size of [0, 1460]) {
    const how = size === 0 ? 'whole' : `in ${size}-byte chunks`;

    test(`UID SEARCH ALL of 10,000,000 UIDs, ${how}`, () => {
      // UIDs 4,000,000,001 … step 3 would pass 2^32: take 10-digit UIDs from 1,000,000,000.
      const input = numberLine('* SEARCH ', N, 0x20, (i) => 1_000_000_000 + i * 3);
      expect(input.length).toBeGreaterThan(DEFAULT_OPTIONS.maxLineLength * 25);
      const items = decode(input, size);
      expect(items).toHaveLength(2);
      const r = items[0]!;
      if (r.type !== 'untagged' || r.kind !== 'search') throw new Error(`not a SEARCH: ${r.type}`);
      expect(r.ids).toHaveLength(N);
      expect(r.ids[0]).toBe(1_000_000_003);
      expect(r.ids[N - 1]).toBe(1_000_000_000 + N * 3);
      // (The sum itself would pass 2^53: sum the offsets from 10^9.)
      let offsets = 0;
      for (const id of r.ids) offsets += id - 1_000_000_000;
      expect(offsets).toBe((3 * N * (N + 1)) / 2);
      expect(isNext(items[1])).toBe(true);
    });

    test(`SORT of 10,000,000, ${how}`, () => {
      const input = numberLine('* SORT ', N, 0x20, (i) => N + 1 - i);
      const items = decode(input, size);
      expect(items).toHaveLength(2);
      const r = items[0]!;
      if (r.type !== 'untagged' || r.kind !== 'sort') throw new Error(`not a SORT: ${r.type}`);
      expect(r.ids).toHaveLength(N);
      expect(r.ids[0]).toBe(N);
      expect(sum(r.ids)).toBe((N * (N + 1)) / 2);
      expect(isNext(items[1])).toBe(true);
    });

    test(`VANISHED (EARLIER) of 10,000,000 UIDs, compact, ${how}`, () => {
      // Every other UID: no range can merge them, the worst case for a set.
      const input = numberLine('* VANISHED (EARLIER) ', N, 0x2c, (i) => 2 * i);
      const items = decode(input, size);
      expect(items).toHaveLength(2);
      const r = items[0]!;
      if (r.type !== 'untagged' || r.kind !== 'vanished') throw new Error(`not VANISHED: ${r.type}`);
      expect(r.earlier).toBe(true);
      const pairs = sequenceSetPairs(r.uids);
      // 8 bytes a range, no object per range until `ranges` is read.
      expect(pairs.length).toBe(2 * N);
      expect(pairs.buffer.byteLength).toBe(8 * N);
      expect(sum(pairs, 2)).toBe(N * (N + 1));
      expect(pairs[2 * N - 1]).toBe(2 * N);
      expect(r.uids.text.length).toBe(input.length - '* VANISHED (EARLIER) '.length - 2 - NEXT.length);
      expect(isNext(items[1])).toBe(true);
    });
  }
});

describe('the bounds still hold', () => {
  test('a line of anything else past 4 MiB: LINE_TOO_LONG at 4 MiB, the next response decodes', () => {
    const max = DEFAULT_OPTIONS.maxLineLength;
    const input = new Uint8Array([
      ...bytes('* 1 FETCH (FLAGS ('),
      ...new Uint8Array(max).fill(0x61),
      ...bytes(`))\r\n${NEXT}`),
    ]);
    for (const size of [0, 1460]) {
      const items = decode(input, size);
      expect(items[0]).toMatchObject({ type: 'error', error: { code: 'LINE_TOO_LONG', offset: max } });
      expect(items).toHaveLength(2);
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('a number list past maxNumberListLength: LINE_TOO_LONG at that bound, the next decodes', () => {
    const options = { maxLineLength: 1024, maxNumberListLength: 64 * 1024 };
    const input = numberLine('* SEARCH ', 20_000, 0x20, (i) => i);
    for (const size of [0, 1, 1460]) {
      const items = decode(input, size, options);
      expect(items[0]).toMatchObject({ type: 'error', error: { code: 'LINE_TOO_LONG', offset: 64 * 1024 } });
      expect(items).toHaveLength(2);
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('garbage in a long SEARCH line is a SYNTAX error where it stands, the next decodes', () => {
    const options = { maxLineLength: 1024 };
    const good = numberLine('* SEARCH ', 1000, 0x20, (i) => i);
    const at = good.length - 2 - NEXT.length;
    const input = new Uint8Array([...good.subarray(0, at), ...bytes(' x1 2'), ...good.subarray(at)]);
    for (const size of [0, 1, 1460]) {
      const items = decode(input, size, options);
      expect(items[0]).toMatchObject({ type: 'error', error: { code: 'SYNTAX', offset: at + 1 } });
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('a number-list name after a long tag or not first is no number list', () => {
    const options = { maxLineLength: 64, maxNumberListLength: 1 << 20 };
    // Tagged: a status response, under the ordinary limit.
    const tagged = bytes(`A1 OK SEARCH ${'1 '.repeat(40)}\r\n${NEXT}`);
    for (const size of [0, 1]) {
      const items = decode(tagged, size, options);
      expect(items[0]).toMatchObject({ type: 'error', error: { code: 'LINE_TOO_LONG', offset: 64 } });
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('a long SEARCH with MODSEQ and a trailing space (quirk) reads the same', () => {
    const line = `* SEARCH ${Array.from({ length: 5000 }, (_, i) => i + 1).join(' ')} (MODSEQ 9223372036854775807)\r\n`;
    const items = decode(bytes(`${line}* SEARCH 1 2 \r\n${NEXT}`), 1460, { maxLineLength: 1024 });
    expect(items[0]).toMatchObject({ type: 'untagged', kind: 'search', modseq: 9223372036854775807n });
    expect((items[0] as { ids: number[] }).ids).toHaveLength(5000);
    expect(items[1]).toMatchObject({ type: 'untagged', kind: 'search', ids: [1, 2] });
    expect(isNext(items[2])).toBe(true);
  });
});

describe('THREAD of many messages', () => {
  /** `(1)(2)…(n)`, or chains and nested lists when `nested`. */
  function threadLine(n: number): Uint8Array {
    const parts: string[] = ['* THREAD '];
    for (let i = 1; i <= n; i++) parts.push(`(${i})`);
    parts.push(`\r\n${NEXT}`);
    return bytes(parts.join(''));
  }

  test('10,000,000 one-message threads decode under the default options', { timeout: 120_000 }, () => {
    for (const size of [0, 1460]) {
      const items = decode(threadLine(N), size);
      expect(items).toHaveLength(2);
      expect(items[0]).toMatchObject({ type: 'untagged', kind: 'thread' });
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('a large THREAD reads the same trees as a small one, made on first read', () => {
    // The same forest twice: once alone (small: objects at once), once repeated 2,000 times
    // (past the eager bound: words first).
    const forest = '(1 2 (3)(4 5 (6)(7)))((8)(9 10))(11)';
    const small = decode(bytes(`* THREAD ${forest}\r\n`), 0)[0]!;
    const large = decode(bytes(`* THREAD ${forest.repeat(2000)}\r\n`), 1460)[0]!;
    if (small.type !== 'untagged' || small.kind !== 'thread') throw new Error('not a THREAD');
    if (large.type !== 'untagged' || large.kind !== 'thread') throw new Error('not a THREAD');
    expect(small.threads).toEqual([
      {
        ids: [1, 2],
        children: [
          { ids: [3], children: [] },
          {
            ids: [4, 5],
            children: [
              { ids: [6], children: [] },
              { ids: [7], children: [] },
            ],
          },
        ],
      },
      {
        ids: [],
        children: [
          { ids: [8], children: [] },
          { ids: [9, 10], children: [] },
        ],
      },
      { ids: [11], children: [] },
    ]);
    expect(large.threads).toHaveLength(3 * 2000);
    for (let k = 0; k < 2000; k += 199) expect(large.threads.slice(3 * k, 3 * k + 3)).toEqual(small.threads);
  });

  test('the grammar is checked when a large THREAD is decoded, not when it is read', () => {
    const bad = bytes(`* THREAD ${'(1)'.repeat(20_000)}((2))\r\n${NEXT}`);
    const items = decode(bad, 1460);
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'SYNTAX' } });
    expect(isNext(items[1])).toBe(true);
  });
});

describe('the other long responses of a big mailbox, default options', () => {
  test('ESEARCH ALL of 1,000,000 single UIDs: compact, whole and in 1460-byte chunks', {
    timeout: 120_000,
  }, () => {
    const n = 1_000_000;
    const input = numberLine('* ESEARCH (TAG "A1") UID ALL ', n, 0x2c, (i) => 3 * i);
    for (const size of [0, 1460]) {
      const items = decode(input, size);
      expect(items).toHaveLength(2);
      const r = items[0]!;
      if (r.type !== 'untagged' || r.kind !== 'esearch' || r.all === undefined)
        throw new Error('not ESEARCH ALL');
      expect(r).toMatchObject({ tag: 'A1', uid: true });
      const pairs = sequenceSetPairs(r.all);
      expect(pairs.length).toBe(2 * n);
      expect(sum(pairs, 2)).toBe((3 * n * (n + 1)) / 2);
      expect(isNext(items[1])).toBe(true);
    }
  });

  test('a FETCH of 100,000 keywords (a ~1.3 MB line) decodes', () => {
    const n = 100_000;
    const flags = Array.from({ length: n }, (_, i) => `$Label${i}`).join(' ');
    const input = bytes(`* 7 FETCH (UID 9 FLAGS (\\Seen ${flags}))\r\n${NEXT}`);
    for (const size of [0, 1460]) {
      const items = decode(input, size);
      expect(items).toHaveLength(2);
      const r = items[0]!;
      if (r.type !== 'untagged' || r.kind !== 'fetch') throw new Error('not a FETCH');
      expect(r.attributes.flags).toHaveLength(n + 1);
      expect(r.attributes.flags?.[n]).toBe(`$Label${n - 1}`);
      expect(isNext(items[1])).toBe(true);
    }
  });
});
