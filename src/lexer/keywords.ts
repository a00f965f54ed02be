/**
 * Case-insensitive keyword lookup straight from bytes, without making a string: the dispatch
 * tables for untagged responses, FETCH attributes and response codes are `KeywordTable`s, and
 * an extension plugs in by adding its name.
 */
import { lowerAscii } from './chars.ts';

/** Buckets in a table (a power of two); tables hold a few dozen names. */
const BUCKETS = 128;

function hashFolded(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lowerAscii(buf[i]!), 0x01000193);
  return (h >>> 0) & (BUCKETS - 1);
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
  private readonly names: Uint8Array[][] = Array.from({ length: BUCKETS }, () => []);
  private readonly values: T[][] = Array.from({ length: BUCKETS }, () => []);

  /** Adds (or replaces) a keyword. */
  add(name: string, value: T): this {
    const bytes = new Uint8Array(name.length);
    for (let i = 0; i < name.length; i++) bytes[i] = lowerAscii(name.charCodeAt(i));
    const b = hashFolded(bytes, 0, bytes.length);
    const names = this.names[b]!;
    const at = names.findIndex((n) => n.length === bytes.length && n.every((c, i) => c === bytes[i]));
    if (at >= 0) this.values[b]![at] = value;
    else {
      names.push(bytes);
      this.values[b]!.push(value);
    }
    return this;
  }

  /** The value for the keyword `buf[start, end)`, or `undefined`. */
  get(buf: Uint8Array, start: number, end: number): T | undefined {
    const b = hashFolded(buf, start, end);
    const names = this.names[b]!;
    const n = end - start;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name.length !== n) continue;
      let i = 0;
      while (i < n && name[i] === lowerAscii(buf[start + i]!)) i++;
      if (i === n) return this.values[b]![k];
    }
    return undefined;
  }
}
