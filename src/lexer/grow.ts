/**
 * A byte buffer that grows by doubling: what the framer gathers a response's text and a large
 * literal into when they straddle chunks.
 *
 * The earlier framer kept one view object per pushed chunk and copied them together at the end.
 * A TCP peer decides the chunk sizes: a 100 MB literal in 1-byte chunks was 100 million views
 * and exhausted the heap (issue #17, finding 2). Copying into a doubling buffer keeps memory
 * proportional to the bytes (at most twice them, at the moment of a growth) and the work linear
 * (every byte is copied at most twice over all growths), whatever the chunking.
 */
import { bytesToFill } from './alloc.ts';

/** First capacity of a buffer that will grow (64 KiB: one large TCP read). */
const FIRST = 64 * 1024;

/**
 * `buf` if it holds `need` bytes, else a larger buffer with `buf`'s first `used` bytes. `limit`
 * caps the capacity (the exact size of what is being gathered, when known), so the last growth
 * lands on an exact-size buffer. Callers check `need > buf.length` first and copy their bytes in
 * themselves: the common case stays one inlined `set` (a call per 1-byte chunk cost ~45 ns).
 */
export function grown(buf: Uint8Array, used: number, need: number, limit: number): Uint8Array {
  let cap = Math.max(buf.length * 2, FIRST, need);
  if (cap > limit) cap = Math.max(limit, need);
  const next = bytesToFill(cap);
  if (used > 0) next.set(used === buf.length ? buf : buf.subarray(0, used), 0);
  return next;
}
