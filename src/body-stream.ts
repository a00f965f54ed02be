/**
 * Streamed FETCH bodies as WHATWG streams (issue #20): one `ReadableStream<Uint8Array>` per body,
 * with backpressure back to the bytes coming in. Web-standard: browsers, workers, Deno, Bun, Node.
 */
import { type DecodeItem, StreamingResponseDecoder } from './decoder.ts';
import type { BodyStreamStart } from './model/body-stream.ts';
import type { DecoderOptions } from './parser/options.ts';

/** A streamed body: what {@link BodyStreamStart} says of it, and its bytes as a stream. */
export interface BodyStream extends Omit<BodyStreamStart, 'type'> {
  type: 'body';
  /**
   * The body's bytes as they arrive (views of the pushed chunks). Read it: while its queue is
   * full (`highWaterMark` bytes), the decoder stream stops taking input. Cancelling it drops the
   * rest of this body and lets decoding go on. Errors with the `TRUNCATED` error if the input
   * ends inside the body.
   */
  body: ReadableStream<Uint8Array>;
}

/** Options of {@link createStreamingDecoderStream}. */
export interface StreamingDecoderOptions extends DecoderOptions {
  /** Bodies above this many bytes are streamed (see `StreamingResponseDecoder`). */
  streamThreshold: number;
  /** Bytes a body stream queues before the input waits (default 256 KiB). */
  highWaterMark?: number;
}

/**
 * A `TransformStream` from byte chunks to decoded items, where each FETCH body above
 * `streamThreshold` comes as a `{ type: 'body', seq, section, size, body }` item whose `body` is
 * a `ReadableStream` of its bytes, before the FETCH response that holds it.
 *
 * @example
 * ```ts
 * const items = socket.readable.pipeThrough(createStreamingDecoderStream({ streamThreshold: 65536 }));
 * for await (const item of items) {
 *   if (item.type === 'body') await item.body.pipeTo(fileWritable(`${item.seq}.eml`));
 * }
 * ```
 */
export function createStreamingDecoderStream(
  options: StreamingDecoderOptions,
): TransformStream<Uint8Array, DecodeItem | BodyStream> {
  const dec = new StreamingResponseDecoder(options);
  const hwm = options.highWaterMark ?? 256 * 1024;
  let body: ReadableStreamDefaultController<Uint8Array> | null = null;
  let cancelled = false;
  let wake: (() => void) | null = null;
  const closeBody = (): void => {
    if (body !== null && !cancelled) body.close();
    body = null;
  };
  const run = async (
    items: ReturnType<StreamingResponseDecoder['push']>,
    out: TransformStreamDefaultController<DecodeItem | BodyStream>,
  ): Promise<void> => {
    for (const item of items) {
      if (item.type === 'body-start') {
        cancelled = false;
        const { type: _t, ...info } = item;
        const stream = new ReadableStream<Uint8Array>(
          {
            start: (c) => {
              body = c;
            },
            pull: () => {
              wake?.();
              wake = null;
            },
            cancel: () => {
              cancelled = true;
              wake?.();
              wake = null;
            },
          },
          { highWaterMark: hwm, size: (chunk) => chunk.byteLength },
        );
        out.enqueue({ ...info, type: 'body', body: stream });
      } else if (item.type === 'body-piece') {
        const c = body;
        if (c === null || cancelled) continue;
        c.enqueue(item.bytes);
        // Backpressure: the input waits until the body's reader made room (or cancelled).
        if ((c.desiredSize ?? 1) <= 0 && !cancelled) await new Promise<void>((r) => (wake = r));
      } else if (item.type === 'body-end') closeBody();
      else out.enqueue(item);
    }
  };
  // The items side queues a few items without asking for more input: a reader busy with a body
  // stream does not read items meanwhile, and with the default (0) the body's bytes, which come
  // through the input, would never arrive (a deadlock). Pressure on the input comes from the
  // body stream's queue instead (`wake`).
  return new TransformStream<Uint8Array, DecodeItem | BodyStream>(
    {
      transform: (chunk, out) => run(dec.push(chunk), out),
      flush: async (out) => {
        const rest = dec.end();
        const open = body as ReadableStreamDefaultController<Uint8Array> | null;
        if (open !== null && !cancelled) {
          const err = rest.find((i) => i.type === 'error');
          open.error(err?.type === 'error' ? err.error : new Error('input ended inside a body'));
          body = null;
        }
        await run(rest, out);
      },
    },
    undefined,
    { highWaterMark: 16 },
  );
}
