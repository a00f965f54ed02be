/**
 * A byte-keyed string cache whose keys live in one preallocated buffer, for values that are
 * often repeated but often unique too: status texts (`Fetch completed (0.001 + 0.000 secs).`
 * recurs, `Idle completed (0.001 + 9.343 + 2.317 secs).` rarely does), decoded mailbox names.
 * (`StringCache` in string-cache.ts is this cache with the hash remembered between lookup and
 * store.) A store copies the key into its fixed-width slot, so a miss costs no allocation
 * beyond the string itself, and the cache never keeps a pushed chunk alive.
 *
 * The caller hashes the bytes (`fnv1a`, or a cheaper hash of its own); the hash only picks the
 * slot, the bytes are compared.
 */

export class TextCache<T = string> {
  /** Slot `s` holds its key in `keys[s * width, s * width + lens[s])`. */
  private readonly keys: Uint8Array;
  /** Key length per slot, -1 for an empty slot. */
  private readonly lens: Int32Array;
  private readonly vals: (T | undefined)[];
  private readonly mask: number;
  /** Longest key (bytes); longer values are not cached. */
  readonly width: number;

  /** `size` is rounded up to a power of two. */
  constructor(size: number, width: number) {
    let n = 1;
    while (n < size) n <<= 1;
    this.keys = new Uint8Array(n * width);
    this.lens = new Int32Array(n).fill(-1);
    this.vals = new Array<T | undefined>(n).fill(undefined);
    this.mask = n - 1;
    this.width = width;
  }

  /** The value stored for `buf[start, end)` (hashed to `hash`), or `undefined`. */
  get(buf: Uint8Array, start: number, end: number, hash: number): T | undefined {
    const n = end - start;
    if (n > this.width) return undefined;
    const slot = (hash >>> 0) & this.mask;
    if (this.lens[slot] !== n) return undefined;
    const keys = this.keys;
    const base = slot * this.width - start;
    for (let i = start; i < end; i++) if (keys[base + i] !== buf[i]) return undefined;
    return this.vals[slot];
  }

  /** Stores `value` for `buf[start, end)` (the newer entry wins its slot); returns `value`. */
  set(buf: Uint8Array, start: number, end: number, hash: number, value: T): T {
    const n = end - start;
    if (n > this.width) return value;
    const slot = (hash >>> 0) & this.mask;
    const keys = this.keys;
    const base = slot * this.width - start;
    for (let i = start; i < end; i++) keys[base + i] = buf[i]!;
    this.lens[slot] = n;
    this.vals[slot] = value;
    return value;
  }
}
