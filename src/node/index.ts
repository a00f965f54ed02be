/**
 * Node.js adapters (`imap-wire/node`): the decoder as a Node `Transform` stream. The rest of
 * the package is web-standard; only this entry point imports `node:`.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ResponseDecoder, type StreamItem, StreamingResponseDecoder } from '../decoder.ts';
import type { BodyStreamStart } from '../model/body-stream.ts';
import type { DecoderOptions } from '../parser/options.ts';

/**
 * A Node `Transform`: bytes in (a socket), decoded items out (object mode).
 *
 * @example
 * ```ts
 * import { createNodeDecoder } from 'imap-wire/node';
 * socket.pipe(createNodeDecoder()).on('data', (item) => console.log(item.type));
 * ```
 */
export function createNodeDecoder(options?: DecoderOptions): Transform {
  const dec = new ResponseDecoder(options);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Uint8Array, _enc: BufferEncoding, done: TransformCallback) {
      for (const item of dec.push(chunk)) this.push(item);
      done();
    },
    flush(done: TransformCallback) {
      for (const item of dec.end()) this.push(item);
      done();
    },
  });
}

/** A streamed body in Node form: what the `body-start` item says, and its bytes as a `Readable`. */
export interface NodeBodyStream extends Omit<BodyStreamStart, 'type'> {
  type: 'body';
  /**
   * The body's bytes as they arrive. Read it (or pipe it to a file): while it is over its
   * `highWaterMark`, the decoder takes no more input. Destroying it drops the rest of the body.
   * It is destroyed with the `TRUNCATED` error if the input ends inside the body.
   */
  body: Readable;
}

/**
 * A Node `Transform` like {@link createNodeDecoder}, where each FETCH body above
 * `streamThreshold` bytes comes as a `{ type: 'body', …, body: Readable }` item before the FETCH
 * response that holds it: a 3.9 MB attachment goes to disk without sitting in memory, and a
 * slow disk slows the socket.
 *
 * @example
 * ```ts
 * socket.pipe(createNodeStreamingDecoder({ streamThreshold: 65536 })).on('data', (item) => {
 *   if (item.type === 'body') item.body.pipe(createWriteStream(`${item.seq}-${item.section}.bin`));
 * });
 * ```
 */
export function createNodeStreamingDecoder(
  options: DecoderOptions & { streamThreshold: number; highWaterMark?: number },
): Transform {
  const dec = new StreamingResponseDecoder(options);
  const hwm = options.highWaterMark ?? 256 * 1024;
  let body: Readable | null = null;
  let wake: (() => void) | null = null;
  const run = (transform: Transform, items: StreamItem[], k: number, done: (err?: Error) => void): void => {
    for (; k < items.length; k++) {
      const item = items[k]!;
      if (item.type === 'body-start') {
        const { type: _type, ...info } = item;
        const stream = new Readable({
          highWaterMark: hwm,
          read: () => {
            const w = wake;
            wake = null;
            w?.();
          },
          destroy: (err, cb) => {
            const w = wake;
            wake = null;
            w?.();
            cb(err);
          },
        });
        body = stream;
        transform.push({ ...info, type: 'body', body: stream } satisfies NodeBodyStream);
      } else if (item.type === 'body-piece') {
        const b = body;
        if (b === null || b.destroyed) continue;
        if (!b.push(item.bytes)) {
          // Backpressure: go on with this chunk's items when the body's reader wants more.
          const next = k + 1;
          wake = () => run(transform, items, next, done);
          return;
        }
      } else if (item.type === 'body-end') {
        if (body !== null && !body.destroyed) body.push(null);
        body = null;
      } else transform.push(item);
    }
    done();
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Uint8Array, _enc: BufferEncoding, done: TransformCallback) {
      run(this, dec.push(chunk), 0, done);
    },
    flush(done: TransformCallback) {
      const rest = dec.end();
      const open = body as Readable | null;
      if (open !== null && !open.destroyed) {
        const err = rest.find((i) => i.type === 'error');
        open.destroy(err?.type === 'error' ? err.error : new Error('input ended inside a body'));
        body = null;
      }
      run(this, rest, 0, done);
    },
  });
}

export { type ConnectSessionOptions, connectSession } from './connect-session.ts';
export { type NodeConnectOptions, type NodeDriverOptions, runNode } from './driver.ts';
export { type ListeningFakeServer, listenFakeServer } from './fake-server.ts';
