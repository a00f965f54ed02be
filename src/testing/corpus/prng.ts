/**
 * Seeded PRNG for the benchmark corpus (mulberry32): the same seed gives the same bytes on every
 * machine and Node version, so a result can be tied to a corpus hash. Never `Math.random`.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks from `[weight, value]` pairs. */
  weighted<T>(table: readonly (readonly [number, T])[]): T {
    let total = 0;
    for (const [w] of table) total += w;
    let r = this.next() * total;
    for (const [w, v] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1]![1];
  }

  /** Log-uniform integer in [lo, hi]: as many small values per octave as large ones. */
  logInt(lo: number, hi: number): number {
    const v = Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
    return Math.min(hi, Math.max(lo, Math.round(v)));
  }

  /** A 63-bit unsigned value as a decimal string (exact, for MODSEQ / X-GM-MSGID). */
  u63(): string {
    const hi = BigInt(this.int(0, 0x7fffffff));
    const lo = BigInt(this.int(0, 0xffffffff));
    return ((hi << 32n) | lo).toString();
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
}

/**
 * The generator seed for a workload: its own constant for seed 0 (the benchmark corpus, tied to
 * the hashes the benchmark results record), mixed with `seed` otherwise.
 */
export function seeded(base: number, seed: number): number {
  return seed === 0 ? base : (base ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0 || base;
}
