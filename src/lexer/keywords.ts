/**
 * Case-insensitive keyword lookup straight from bytes, without making a string: the dispatch
 * tables for untagged responses, FETCH attributes and response codes are `KeywordTable`s, and
 * an extension plugs in by adding its name.
 */

/** Buckets in a table (a power of two); tables hold a few dozen names. */
const BUCKETS = 256;

/**
 * Folds case by setting bit 5. For letters that is lower-casing; keyword bytes that are not
 * letters (`.`, `-`, `=`, digits) already have the bit set, so they stay as they are.
 */
const FOLD = 0x20;

/**
 * Length, first and last byte (case-folded) pick the bucket: three loads instead of a hash over
 * every byte, and the keywords of one table rarely share all three (flags-sync profile).
 */
function bucketOf(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n <= 0) return 0;
  return (n * 7 + (buf[start]! | FOLD) * 31 + (buf[end - 1]! | FOLD)) & (BUCKETS - 1);
}

/**
 * A map from ASCII keywords (compared case-insensitively) to values.
 *
 * @example
 * ```ts
 * const t = new KeywordTable<number>();
 * t.add('EXISTS', 1);
 * t.get(new TextEncoder().encode('* 3 exists'), 4, 10); // 1
 * ```
 */
export class KeywordTable<T> {
  /** Folded key bytes, value and next entry of each entry; `head[bucket]` is its first entry. */
  private readonly keys: Uint8Array[] = [];
  private readonly values: T[] = [];
  private readonly next: number[] = [];
  private readonly head = new Int32Array(BUCKETS).fill(-1);

  /** Adds (or replaces) a keyword. */
  add(name: string, value: T): this {
    const key = new Uint8Array(name.length);
    for (let i = 0; i < name.length; i++) key[i] = name.charCodeAt(i) | FOLD;
    const found = this.find(key, 0, key.length);
    if (found >= 0) {
      this.values[found] = value;
      return this;
    }
    const b = bucketOf(key, 0, key.length);
    this.keys.push(key);
    this.values.push(value);
    this.next.push(this.head[b]!);
    this.head[b] = this.keys.length - 1;
    return this;
  }

  /** The value for the keyword `buf[start, end)`, or `undefined`. */
  get(buf: Uint8Array, start: number, end: number): T | undefined {
    const e = this.find(buf, start, end);
    return e < 0 ? undefined : this.values[e];
  }

  private find(buf: Uint8Array, start: number, end: number): number {
    const n = end - start;
    for (let e = this.head[bucketOf(buf, start, end)]!; e >= 0; e = this.next[e]!) {
      const key = this.keys[e]!;
      if (key.length !== n) continue;
      let i = 0;
      while (i < n && key[i] === (buf[start + i]! | FOLD)) i++;
      if (i === n) return e;
    }
    return -1;
  }
}
