/**
 * Buffers the framer fills completely before anyone reads them (a straddling literal, a
 * response's text gathered from several chunks).
 *
 * `new Uint8Array(n)` zero-fills: for a 4 MiB literal that was ~0.5 ms of a ~0.6 ms copy on
 * Node 20 (this machine: 16 KiB 8.5 µs zeroed vs 1.0 µs, 1 MiB 425 µs vs 19 µs). On Node, large
 * buffers come from `Buffer.allocUnsafeSlow` (its own ArrayBuffer, not the shared pool, so a
 * value never keeps other data alive) and are handed out as a plain `Uint8Array` over the same
 * memory. Elsewhere (browsers, Deno without the Node globals) they are zero-filled as usual.
 * Safe only because every byte is written before the buffer leaves the framer: a literal is
 * delivered once `count` bytes arrived, and a partly filled one is dropped with its response.
 */

interface NodeBufferStatic {
  allocUnsafeSlow(size: number): Uint8Array;
}

/** Node's `Buffer`, looked up at run time (not a dependency; absent outside Node). */
const NodeBuffer = (globalThis as { Buffer?: NodeBufferStatic }).Buffer;

/** Below this, `new Uint8Array` is as fast (its zeroing is cheap, and it allocates in V8's heap). */
const UNINITIALIZED_MIN = 16 * 1024;

/** A buffer of `n` bytes whose contents are undefined until the caller writes all of them. */
export function bytesToFill(n: number): Uint8Array {
  if (n < UNINITIALIZED_MIN || NodeBuffer === undefined) return new Uint8Array(n);
  const b = NodeBuffer.allocUnsafeSlow(n);
  return new Uint8Array(b.buffer, b.byteOffset, n);
}

/** Size of the shared buffers {@link textToFill} carves small texts from. */
const TEXT_SLAB = 64 * 1024;
/** Texts up to this size come from the shared buffer. */
const TEXT_SLAB_MAX = 4096;
let textSlab = new ArrayBuffer(TEXT_SLAB);
let textSlabUsed = 0;

/**
 * {@link bytesToFill} for the text of a response that straddled chunks: up to 4 KiB, a view of
 * a shared 64 KiB buffer. `new Uint8Array(n)` above 64 bytes gets a backing store of its own
 * (an allocation outside V8's heap, ~250 ns here), which at 1460-byte chunks was 7 % of the
 * PREVIEW workload; a view costs a third of that. The text is what a contiguous response reads
 * from the pushed chunk itself, and views into it keep the shared buffer alive as views into
 * a chunk keep the chunk; literal values keep exact-size buffers of their own.
 */
export function textToFill(n: number): Uint8Array {
  if (n > TEXT_SLAB_MAX) return bytesToFill(n);
  if (textSlabUsed + n > TEXT_SLAB) {
    textSlab = new ArrayBuffer(TEXT_SLAB);
    textSlabUsed = 0;
  }
  const v = new Uint8Array(textSlab, textSlabUsed, n);
  textSlabUsed += n;
  return v;
}
