/**
 * A byte-keyed string cache: the same bytes seen again give the same string without building
 * it. IMAP repeats short values across responses — flags, keywords, media types, parameter
 * names, hosts, mailbox parts, display names — and on Node 20 building a 10–30 character string
 * costs 80–200 ns, hashing and comparing its bytes a quarter of that.
 *
 * A {@link TextCache} (direct-mapped, keys copied into one preallocated buffer, so the cache
 * never keeps a pushed chunk alive) that remembers the hash of the last lookup for the store
 * that follows a miss. Only values up to `maxLength` bytes are cached: long values repeat
 * rarely and cost more to compare.
 */
import { TextCache } from './text-cache.ts';

export class StringCache extends TextCache<string> {
  /** The hash of the last lookup (where {@link store} puts the value). */
  private hash = 0;

  /** `size` is rounded up to a power of two. */
  constructor(size: number, maxLength: number) {
    super(size, maxLength);
  }

  /** The string stored for `buf[start, end)`, or `undefined` (then {@link store} may follow). */
  lookup(buf: Uint8Array, start: number, end: number): string | undefined {
    if (end - start > this.width) return undefined;
    return this.lookupHashed(buf, start, end, fnv1a(buf, start, end));
  }

  /** {@link lookup} with the bytes' {@link fnv1a} hash already computed (while scanning them). */
  lookupHashed(buf: Uint8Array, start: number, end: number, hash: number): string | undefined {
    this.hash = hash;
    return this.get(buf, start, end, hash);
  }

  /** Stores `value` for `buf[start, end)`, the bytes of the lookup just made. */
  store(buf: Uint8Array, start: number, end: number, value: string): string {
    return this.set(buf, start, end, this.hash, value);
  }
}

/** FNV-1a (32-bit) over `buf[start, end)`: the caches' hash, also computed by the cursor's scans. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  return h;
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
