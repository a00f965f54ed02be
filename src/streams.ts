/**
 * The decoder as a WHATWG `TransformStream` and as an async iterator (web-standard: runs in
 * browsers, workers, Deno, Bun and Node).
 */
import { type DecodeItem, ResponseDecoder } from './decoder.ts';
import type { DecoderOptions } from './parser/options.ts';

/**
 * A `TransformStream` from byte chunks to decoded items.
 *
 * @example
 * ```ts
 * const items = socketReadable.pipeThrough(createDecoderStream());
 * for await (const item of items) console.log(item.type);
 * ```
 */
export function createDecoderStream(options?: DecoderOptions): TransformStream<Uint8Array, DecodeItem> {
  const dec = new ResponseDecoder(options);
  return new TransformStream<Uint8Array, DecodeItem>({
    transform(chunk, controller) {
      for (const item of dec.push(chunk)) controller.enqueue(item);
    },
    flush(controller) {
      for (const item of dec.end()) controller.enqueue(item);
    },
  });
}

/**
 * Decodes an (async) iterable of chunks: a Node socket, a `ReadableStream`, an array.
 *
 * @example
 * ```ts
 * for await (const item of decodeChunks(socket)) {
 *   if (item.type === 'tagged') break;
 * }
 * ```
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options?: DecoderOptions,
): AsyncGenerator<DecodeItem, void, undefined> {
  const dec = new ResponseDecoder(options);
  for await (const chunk of source) yield* dec.push(chunk);
  yield* dec.end();
}
