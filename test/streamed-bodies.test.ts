/**
 * Streamed FETCH bodies (issue #20, point 1): with `StreamingResponseDecoder`, a body literal
 * above the threshold comes as `body-start`, `body-piece`s (views of the pushed chunks) and
 * `body-end`, then its FETCH response with the value empty and marked `streamed`. The pieces of
 * every body concatenate to the value the plain decoder gives, under every chunking.
 */
import { describe, expect, test } from 'vitest';
import { type DecodeItem, ResponseDecoder, type StreamItem, StreamingResponseDecoder } from '../src/index.ts';
import { asJson, bytes, chunked, latin1, splitAt, splitPositions } from './helpers/decode.ts';

const SENTINEL = 'S1 OK sentinel\r\n';

/** Runs the streaming decoder; bodies joined, items as JSON (pieces counted, not listed). */
function stream(
  chunks: Uint8Array[],
  threshold: number,
): { bodies: Uint8Array[]; items: unknown[]; pieces: number } {
  const dec = new StreamingResponseDecoder({ streamThreshold: threshold });
  const bodies: Uint8Array[] = [];
  const items: unknown[] = [];
  let parts: Uint8Array[] | null = null;
  let pieces = 0;
  const take = (list: StreamItem[]): void => {
    for (const it of list) {
      if (it.type === 'body-start') {
        if (parts !== null) throw new Error('body-start inside a body');
        parts = [];
        items.push(it);
      } else if (it.type === 'body-piece') {
        if (parts === null) throw new Error('body-piece outside a body');
        parts.push(it.bytes.slice());
        pieces++;
      } else if (it.type === 'body-end') {
        if (parts === null) throw new Error('body-end outside a body');
        const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let o = 0;
        for (const p of parts) {
          all.set(p, o);
          o += p.length;
        }
        bodies.push(all);
        parts = null;
        items.push(it);
      } else items.push(...asJson([it as DecodeItem]));
    }
  };
  for (const c of chunks) take(dec.push(c));
  take(dec.end());
  return { bodies, items, pieces };
}

function plain(input: Uint8Array): DecodeItem[] {
  const dec = new ResponseDecoder();
  return [...dec.push(input.slice()), ...dec.end()];
}

function bodyOf(n: number, seed: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(((i * 131 + seed) % 251) + 1);
  return s;
}

describe('streamed bodies', () => {
  const b1 = bodyOf(300, 7);
  const b2 = bodyOf(90, 3);
  const input = latin1(
    `* 1 FETCH (UID 7 BODY[1.2]<0> {${b1.length}}\r\n${b1} FLAGS (\\Seen))\r\n` +
      `* 2 FETCH (BODY[TEXT] {5}\r\nsmall RFC822.SIZE 9)\r\n` +
      `* 3 FETCH (BINARY[2] ~{${b2.length}}\r\n${b2} RFC822 {${b2.length}}\r\n${b2})\r\n` +
      SENTINEL,
  );

  test('start, pieces and end, then the FETCH marked streamed; small literals stay values', () => {
    const { items, bodies } = stream([input], 64);
    expect(items[0]).toEqual({
      type: 'body-start',
      seq: 1,
      item: 'BODY',
      section: '1.2',
      origin: 0,
      size: 300,
      offset: 30,
    });
    expect(items[1]).toEqual({ type: 'body-end' });
    expect(items[2]).toMatchObject({
      kind: 'fetch',
      seq: 1,
      attributes: { uid: 7, flags: ['\\Seen'], sections: [{ section: '1.2', origin: 0, streamed: true }] },
    });
    expect(items[3]).toMatchObject({ kind: 'fetch', seq: 2, attributes: { sections: [{ value: 'small' }] } });
    expect(items[4]).toMatchObject({ type: 'body-start', seq: 3, item: 'BINARY', section: '2', size: 90 });
    expect(items[6]).toMatchObject({ type: 'body-start', seq: 3, item: 'RFC822', section: '', size: 90 });
    expect(items[8]).toMatchObject({
      kind: 'fetch',
      seq: 3,
      attributes: { streamed: ['rfc822'], sections: [{ kind: 'binary', streamed: true }] },
    });
    expect(items[9]).toMatchObject({ type: 'tagged', tag: 'S1' });
    // The pieces are the bytes the plain decoder gives as values.
    const whole = plain(input);
    const f1 = whole[0]!;
    const f3 = whole[2]!;
    if (f1.type !== 'untagged' || f1.kind !== 'fetch' || f3.type !== 'untagged' || f3.kind !== 'fetch')
      throw new Error('not FETCH');
    expect(bodies).toEqual([
      f1.attributes.sections![0]!.value,
      f3.attributes.sections![0]!.value,
      f3.attributes.rfc822,
    ]);
  });

  test('every chunking gives the same items and bodies', () => {
    // Everything but the number of pieces, which is the number of chunks a body touched.
    const run = (chunks: Uint8Array[]): string => {
      const { bodies, items } = stream(chunks, 64);
      return JSON.stringify({ bodies: bodies.map((b) => Array.from(b)), items });
    };
    const whole = run([input]);
    expect(run(chunked(input, 1))).toBe(whole);
    for (const p of splitPositions(input.length, 400))
      expect(run(splitAt(input, p)), `split at ${p}`).toBe(whole);
  });

  test('pieces are views of the pushed chunks, one per chunk the body touches', () => {
    const dec = new StreamingResponseDecoder({ streamThreshold: 10 });
    const body = new Uint8Array(100).fill(0x61);
    const head = bytes('* 4 FETCH (BODY[] {100}\r\n');
    const c1 = new Uint8Array([...head, ...body.subarray(0, 40)]);
    const c2 = new Uint8Array([...body.subarray(40), ...bytes(')\r\n')]);
    const a = dec.push(c1);
    const b = dec.push(c2);
    expect(a.map((i) => i.type)).toEqual(['body-start', 'body-piece']);
    expect(b.map((i) => i.type)).toEqual(['body-piece', 'body-end', 'untagged']);
    const p1 = a[1]!;
    const p2 = b[0]!;
    if (p1.type !== 'body-piece' || p2.type !== 'body-piece') throw new Error('not pieces');
    expect(p1.bytes.buffer).toBe(c1.buffer);
    expect(p2.bytes.buffer).toBe(c2.buffer);
    expect(p1.bytes.length + p2.bytes.length).toBe(100);
  });

  test('a streamed body, then a malformed response and a valid one: nothing lost', () => {
    const body = bodyOf(200, 1);
    const text = latin1(
      `* 5 FETCH (BODY[] {200}\r\n${body})\r\n* 6 FETCH (UID x)\r\n* 7 FETCH (UID 8)\r\n${SENTINEL}`,
    );
    for (const chunks of [[text], chunked(text, 1), chunked(text, 33)]) {
      const { items, bodies } = stream(chunks, 100);
      expect(items.map((i) => (i as { type: string }).type)).toEqual([
        'body-start',
        'body-end',
        'untagged',
        'error',
        'untagged',
        'tagged',
      ]);
      expect(bodies[0]).toEqual(latin1(body));
    }
  });

  test('a body inside a response that fails after it: the pieces came, then the error', () => {
    const text = latin1(`* 5 FETCH (BODY[] {120}\r\n${bodyOf(120, 2)} BOGUS)\r\n${SENTINEL}`);
    const { items } = stream(chunked(text, 7), 100);
    expect(items.map((i) => (i as { type: string }).type)).toEqual([
      'body-start',
      'body-end',
      'error',
      'tagged',
    ]);
  });

  test('a stream cut inside a body ends with TRUNCATED at the response start', () => {
    const { items } = stream([bytes('* 5 FETCH (BODY[] {500}\r\nabc')], 100);
    expect(items).toEqual([
      { type: 'body-start', seq: 5, item: 'BODY', section: '', size: 500, offset: 18 },
      expect.objectContaining({ type: 'error', code: 'TRUNCATED', offset: 0 }),
    ]);
  });

  test('literals that are not FETCH bodies are never streamed', () => {
    const big = bodyOf(200, 5);
    const text = latin1(
      `* 1 FETCH (ENVELOPE (NIL {200}\r\n${big} NIL NIL NIL NIL NIL NIL NIL NIL))\r\n` +
        `* LIST () "/" {200}\r\n${big}\r\n* 2 FETCH (BODY[HEADER.FIELDS ({4}\r\nFROM)] {200}\r\n${big})\r\n${SENTINEL}`,
    );
    const { items } = stream(chunked(text, 50), 100);
    expect(items.map((i) => (i as { type: string }).type)).toEqual([
      'untagged',
      'untagged',
      'untagged',
      'tagged',
    ]);
  });

  test('memory stays at a chunk: a 64 MiB body in 64 KiB chunks keeps no piece', () => {
    const dec = new StreamingResponseDecoder({ streamThreshold: 1 << 20 });
    const n = 64 * 1024 * 1024;
    const chunk = new Uint8Array(64 * 1024).fill(0x62);
    let got = 0;
    let ends = 0;
    const take = (list: StreamItem[]): void => {
      for (const it of list) {
        if (it.type === 'body-piece') got += it.bytes.length;
        if (it.type === 'body-end') ends++;
      }
    };
    take(dec.push(bytes(`* 9 FETCH (BODY[] {${n}}\r\n`)));
    const before = process.memoryUsage().arrayBuffers;
    for (let sent = 0; sent < n; sent += chunk.length) take(dec.push(chunk));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
    take(dec.push(bytes(`)\r\n${SENTINEL}`)));
    expect(got).toBe(n);
    expect(ends).toBe(1);
  });
});
