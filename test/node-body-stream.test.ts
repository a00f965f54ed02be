/**
 * `imap-wire/node`: streamed bodies as Node `Readable`s (issue #20), with backpressure from the
 * body's reader to the socket.
 */
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createNodeStreamingDecoder, type NodeBodyStream } from '../src/node/index.ts';
import { bytes } from './helpers/decode.ts';

/** A Readable of `head`, `n` chunks of `size` bytes and `tail`, counting what was read from it. */
function source(head: string, n: number, size: number, tail: string) {
  let pulled = 0;
  const stream = new Readable({
    highWaterMark: 1,
    read() {
      if (pulled === 0) this.push(bytes(head));
      else if (pulled <= n) this.push(new Uint8Array(size).fill(0x41));
      else if (pulled === n + 1) this.push(bytes(tail));
      else this.push(null);
      pulled++;
    },
  });
  return { stream, pulled: () => pulled };
}

describe('createNodeStreamingDecoder', () => {
  test('a Readable per large body, all its bytes, then the FETCH; backpressure holds the input', async () => {
    const n = 300;
    const size = 4096;
    const src = source(`* 1 FETCH (UID 3 BODY[1] {${n * size}}\r\n`, n, size, ')\r\nA1 OK done\r\n');
    const dec = createNodeStreamingDecoder({ streamThreshold: 1024, highWaterMark: 16 * 1024 });
    src.stream.pipe(dec);
    const items: unknown[] = [];
    let body: NodeBodyStream | null = null;
    dec.on('data', (item: { type: string }) => {
      items.push(item);
      if (item.type === 'body') body = item as NodeBodyStream;
    });
    // Nobody reads the body yet: the input stops near the body's high-water mark.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(body).not.toBeNull();
    expect(src.pulled()).toBeLessThan(40);
    let total = 0;
    for await (const c of body!.body) total += (c as Uint8Array).length;
    expect(total).toBe(n * size);
    if (!dec.readableEnded) await new Promise((r) => dec.on('end', r));
    expect(items[0]).toMatchObject({ type: 'body', seq: 1, item: 'BODY', section: '1', size: n * size });
    expect(items[1]).toMatchObject({ kind: 'fetch', attributes: { uid: 3, sections: [{ streamed: true }] } });
    expect(items[2]).toMatchObject({ type: 'tagged', tag: 'A1' });
  });

  test('input ending inside a body destroys it with TRUNCATED', async () => {
    const dec = createNodeStreamingDecoder({ streamThreshold: 10 });
    const errors: unknown[] = [];
    let bodies = 0;
    dec.on('data', (item: { type: string }) => {
      if (item.type !== 'body') return;
      bodies++;
      (item as NodeBodyStream).body.on('error', (e) => errors.push(e));
    });
    Readable.from([bytes('* 1 FETCH (BODY[] {500}\r\nabc')]).pipe(dec);
    if (!dec.readableEnded) await new Promise((r) => dec.on('end', r));
    await new Promise((r) => setImmediate(r));
    expect(bodies).toBe(1);
    expect(errors).toMatchObject([{ code: 'TRUNCATED', offset: 0 }]);
  });
});
