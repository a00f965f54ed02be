/**
 * A byte-keyed string cache: the same bytes seen again give the same string without building
 * it. IMAP repeats short values across responses — flags, keywords, media types, parameter
 * names, hosts, mailbox parts, display names — and on Node 20 building a 10–30 character string
 * costs 80–200 ns, hashing and comparing its bytes a quarter of that.
 *
 * Direct-mapped (one entry per slot, the newer entry wins), FNV-1a over the bytes; the stored
 * key is a copy, so the cache never keeps a pushed chunk alive. Only values up to `maxLength`
 * bytes are cached: long values repeat rarely and cost more to compare.
 */
export class StringCache {
  private readonly keys: (Uint8Array | undefined)[];
  private readonly vals: string[];
  private readonly mask: number;
  private readonly maxLength: number;
  /** The slot of the last {@link lookup} (where {@link store} puts the value). */
  private slot = 0;

  /** `size` is rounded up to a power of two. */
  constructor(size: number, maxLength: number) {
    let n = 1;
    while (n < size) n <<= 1;
    this.keys = new Array(n);
    this.vals = new Array(n);
    this.mask = n - 1;
    this.maxLength = maxLength;
  }

  /** The string stored for `buf[start, end)`, or `undefined` (then {@link store} may follow). */
  lookup(buf: Uint8Array, start: number, end: number): string | undefined {
    if (end - start > this.maxLength) {
      this.slot = -1;
      return undefined;
    }
    return this.lookupHashed(buf, start, end, fnv1a(buf, start, end));
  }

  /** {@link lookup} with the bytes' {@link fnv1a} hash already computed (while scanning them). */
  lookupHashed(buf: Uint8Array, start: number, end: number, hash: number): string | undefined {
    const n = end - start;
    if (n > this.maxLength) {
      this.slot = -1;
      return undefined;
    }
    const slot = (hash >>> 0) & this.mask;
    this.slot = slot;
    const key = this.keys[slot];
    if (key === undefined || key.length !== n) return undefined;
    for (let i = 0; i < n; i++) if (key[i] !== buf[start + i]) return undefined;
    return this.vals[slot];
  }

  /** Stores `value` for `buf[start, end)`, the bytes of the {@link lookup} just made. */
  store(buf: Uint8Array, start: number, end: number, value: string): string {
    const slot = this.slot;
    if (slot >= 0) {
      this.keys[slot] = buf.slice(start, end);
      this.vals[slot] = value;
    }
    return value;
  }
}

/** FNV-1a (32-bit) over `buf[start, end)`: the cache's hash, also computed by the cursor's scans. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  return h;
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
