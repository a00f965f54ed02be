/**
 * Node.js adapters (`imap-wire/node`): the decoder as a Node `Transform` stream. The rest of
 * the package is web-standard; only this entry point imports `node:`.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { ResponseDecoder } from '../decoder.ts';
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

export { type ListeningFakeServer, listenFakeServer } from './fake-server.ts';
