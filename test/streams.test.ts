/** The decoder as a WHATWG TransformStream, an async iterator and a Node Transform. */
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createDecoderStream, type DecodeItem, decodeChunks } from '../src/index.ts';
import { createNodeDecoder } from '../src/node/index.ts';
import { bytes, chunked, decodeWhole } from './helpers/decode.ts';

const input = bytes('* OK ready\r\n* 1 FETCH (UID 5 BODY[] {4}\r\nabcd)\r\nA1 OK done\r\n* 2 EXI');
const expected = decodeWhole(input);

describe('streams', () => {
  test('expected shape', () => {
    expect(expected.map((i) => (i.type === 'error' ? i.error.code : i.type))).toEqual([
      'untagged',
      'untagged',
      'tagged',
      'TRUNCATED',
    ]);
  });

  test('TransformStream', async () => {
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunked(input, 5)) c.enqueue(ch);
        c.close();
      },
    });
    const out: DecodeItem[] = [];
    const reader = source.pipeThrough(createDecoderStream()).getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      out.push(r.value);
    }
    expect(out).toEqual(expected);
  });

  test('async iterator over an async source', async () => {
    async function* gen(): AsyncGenerator<Uint8Array> {
      for (const ch of chunked(input, 3)) yield ch;
    }
    const out: DecodeItem[] = [];
    for await (const item of decodeChunks(gen())) out.push(item);
    expect(out).toEqual(expected);
  });

  test('Node Transform in object mode', async () => {
    const out: DecodeItem[] = [];
    const t = Readable.from(chunked(input, 7).map((c) => Buffer.from(c))).pipe(createNodeDecoder());
    for await (const item of t) out.push(item as DecodeItem);
    expect(out).toEqual(expected);
  });
});
