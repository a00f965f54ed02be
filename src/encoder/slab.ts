/**
 * Where the bytes of encoded lines live: shared slabs, as Node's `Buffer` pool does it. A fresh
 * `Uint8Array` of more than 64 bytes is an off-heap allocation for V8 (~0.3 µs and GC work, more
 * than encoding a whole FETCH line), so a `Writer` writes its lines straight into the current
 * slab and hands out `subarray` views of it; `toBytes` carves its joined bytes from the same slab.
 *
 * A view's `buffer` is the whole slab: read a line through the view (`byteOffset`, `length`),
 * and never transfer or detach `bytes.buffer` (it holds other commands' lines). Bytes once handed
 * out are never written again: the slab's free space only ever moves forward, and a full slab is
 * left to the views that point into it.
 */

/** Size of a slab; a retained line keeps at most this much memory alive. */
export const SLAB_SIZE = 16384;

/** Largest joined command `toBytes` carves from a slab (bigger ones get their own buffer). */
const MAX_CARVE = SLAB_SIZE >>> 3;

/** A buffer a writer grew into is kept as the next slab only up to this size. */
const MAX_ADOPT = SLAB_SIZE * 4;

let slab: Uint8Array = new Uint8Array(SLAB_SIZE);
/** `slab.buffer`, kept: the getter costs as much as writing a short line. */
let slabBuffer: ArrayBufferLike = slab.buffer;
let used = 0;
/** A writer is writing into the slab (another one, nested, gets its own buffer). */
let leased = false;

/** The slab and its first free byte for one writer, or `null` while another writer holds it. */
export function leaseSlab(): Uint8Array | null {
  if (leased) return null;
  leased = true;
  return slab;
}

/** Where the leased slab's free space starts. */
export function slabOffset(): number {
  return used;
}

/** The leased slab's `buffer`. */
export function slabArrayBuffer(): ArrayBufferLike {
  return slabBuffer;
}

function newSlab(): void {
  slab = new Uint8Array(SLAB_SIZE);
  slabBuffer = slab.buffer;
  used = 0;
}

/**
 * A writer is done: everything before `end` in `buf` is handed out. `buf` is the leased slab or
 * the bigger buffer the writer moved to (which becomes the slab when it is not too big).
 */
export function returnSlab(buf: Uint8Array, end: number): void {
  leased = false;
  if (buf === slab) used = end;
  else if (buf.length <= MAX_ADOPT) {
    slab = buf;
    slabBuffer = buf.buffer;
    used = end;
  } else newSlab();
}

/**
 * A writer failed: nothing it wrote was handed out, so its bytes may be written over. When it
 * had moved to another buffer, lines it wrote before that may sit in the slab past `used`: still
 * not handed out, so the same holds.
 */
export function abandonSlab(): void {
  leased = false;
}

/** `size` fresh bytes (zeroed only when newly allocated): a view of the slab when small. */
export function carve(size: number): Uint8Array {
  if (leased || size > MAX_CARVE) return new Uint8Array(size);
  if (used + size > slab.length) newSlab();
  const out = slab.subarray(used, used + size);
  used += size;
  return out;
}
