/**
 * Streamed bodies as WHATWG streams (issue #20): a `ReadableStream` per body, with backpressure:
 * a reader that does not read the body stops the input, and nothing piles up.
 */
import { describe, expect, test } from 'vitest';
import { type BodyStream, createStreamingDecoderStream, type DecodeItem } from '../src/index.ts';
import { bytes } from './helpers/decode.ts';

/** A source of `n` chunks of `size` bytes after `head`, then `tail`; counts the chunks pulled. */
function source(head: string, n: number, size: number, tail: string) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(c) {
        if (pulled === 0) c.enqueue(bytes(head));
        else if (pulled <= n) c.enqueue(new Uint8Array(size).fill(0x30 + (pulled % 10)));
        else {
          c.enqueue(bytes(tail));
          c.close();
        }
        pulled++;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled };
}

async function readAll(r: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of r as unknown as AsyncIterable<Uint8Array>) out.push(c);
  return out;
}

describe('createStreamingDecoderStream', () => {
  test('a body stream per large body, the FETCH after it, small bodies as values', async () => {
    const src = source(
      '* 1 FETCH (BODY[2] {40960}\r\n',
      10,
      4096,
      ` UID 5)\r\n* 2 FETCH (BODY[] {3}\r\nabc)\r\nA1 OK done\r\n`,
    );
    const items = src.stream.pipeThrough(createStreamingDecoderStream({ streamThreshold: 1024 }));
    const seen: Array<DecodeItem | BodyStream> = [];
    let total = 0;
    for await (const item of items as unknown as AsyncIterable<DecodeItem | BodyStream>) {
      seen.push(item);
      if (item.type === 'body') for (const c of await readAll(item.body)) total += c.length;
    }
    expect(seen[0]).toMatchObject({ type: 'body', seq: 1, item: 'BODY', section: '2', size: 40960 });
    expect(total).toBe(40960);
    expect(seen[1]).toMatchObject({
      kind: 'fetch',
      seq: 1,
      attributes: { uid: 5, sections: [{ streamed: true }] },
    });
    expect(seen[2]).toMatchObject({ kind: 'fetch', seq: 2, attributes: { sections: [{ section: '' }] } });
    expect(seen[3]).toMatchObject({ type: 'tagged', tag: 'A1' });
  });

  test('backpressure: an unread body stops the input near its high-water mark', async () => {
    const n = 200;
    const size = 4096;
    const src = source(`* 1 FETCH (BODY[] {${n * size}}\r\n`, n, size, ')\r\n');
    const items = src.stream.pipeThrough(
      createStreamingDecoderStream({ streamThreshold: 1024, highWaterMark: 16 * 1024 }),
    );
    const reader = items.getReader();
    const first = await reader.read();
    if (first.done || first.value.type !== 'body') throw new Error('expected a body first');
    // Leave the body unread a while: the input may not run ahead by more than a few chunks.
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
    expect(src.pulled()).toBeLessThan(16);
    const chunks = await readAll(first.value.body);
    expect(chunks.reduce((s, c) => s + c.length, 0)).toBe(n * size);
    // The head and the n chunks of the body were read; the tail comes when items are read.
    expect(src.pulled()).toBeGreaterThanOrEqual(n + 1);
    const next = await reader.read();
    expect(next.value).toMatchObject({ kind: 'fetch', seq: 1 });
    expect(src.pulled()).toBe(n + 2);
  });

  test('a cancelled body is dropped and decoding goes on', async () => {
    const src = source('* 1 FETCH (BODY[] {40960}\r\n', 10, 4096, ')\r\nA1 OK done\r\n');
    const items = src.stream.pipeThrough(
      createStreamingDecoderStream({ streamThreshold: 1024, highWaterMark: 4096 }),
    );
    const seen: string[] = [];
    for await (const item of items as unknown as AsyncIterable<DecodeItem | BodyStream>) {
      seen.push(item.type);
      if (item.type === 'body') await item.body.cancel();
    }
    expect(seen).toEqual(['body', 'untagged', 'tagged']);
  });

  test('input that ends inside a body errors the body with TRUNCATED', async () => {
    const input = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes('* 1 FETCH (BODY[] {5000}\r\nabc'));
        c.close();
      },
    });
    const reader = input.pipeThrough(createStreamingDecoderStream({ streamThreshold: 100 })).getReader();
    const first = await reader.read();
    if (first.done || first.value.type !== 'body') throw new Error('expected a body');
    const body = first.value.body;
    const rest = reader.read();
    await expect(readAll(body)).rejects.toMatchObject({ code: 'TRUNCATED', offset: 0 });
    expect((await rest).value).toMatchObject({ type: 'error', error: { code: 'TRUNCATED' } });
  });
});
