/**
 * Chunkings: the ways a byte stream reaches a decoder. A decoder that takes chunks of any size
 * must give the same items for every chunking of one input; these arbitraries draw the
 * chunkings that find the bugs: one byte per push, cuts at random points, and TCP-like segment
 * sizes (536 … 65,536 bytes, with the odd short segment a real socket delivers).
 *
 * A {@link Chunking} is independent of the input's length, so it combines with any bytes:
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { chunking } from 'imap-wire/testing';
 * fc.assert(fc.property(chunking(), (c) => sameItems(decode(c.split(input)), decode([input]))));
 * ```
 */
import fc from 'fast-check';

/**
 * A way to cut a byte stream into chunks. `split` returns copies (`slice`), so a decoder that
 * keeps views of one run cannot see the bytes of another.
 */
export interface Chunking {
  /** For a failing case's report: `one-byte`, `cuts 3,17`, `tcp 1460` … */
  readonly name: string;
  split(bytes: Uint8Array): Uint8Array[];
}

/** Segment sizes a TCP socket commonly delivers: minimum MSS, QUIC-ish, Ethernet MSS, pages, TLS records, Node's read size. */
export const TCP_SEGMENT_SIZES: readonly number[] = [536, 1200, 1448, 1460, 4096, 8192, 16384, 65536];

/**
 * Cuts `bytes` at the given positions (each taken modulo `length + 1`, duplicates dropped), so
 * positions drawn without knowing the input are still valid.
 *
 * @example
 * ```ts
 * splitAt(new Uint8Array(10), [3, 7]); // chunks of 3, 4 and 3 bytes
 * ```
 */
export function splitAt(bytes: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const points = [...new Set(positions.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    if (p > prev) out.push(bytes.slice(prev, p));
    prev = Math.max(prev, p);
  }
  if (prev < bytes.length || out.length === 0) out.push(bytes.slice(prev));
  return out;
}

/**
 * Cuts `bytes` into chunks of the given sizes, taken in turn (and repeated).
 *
 * @example
 * ```ts
 * splitBySizes(new Uint8Array(3000), [1460]); // 1460, 1460, 80
 * ```
 */
export function splitBySizes(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length] ?? 1);
    out.push(bytes.slice(at, at + n));
    at += n;
  }
  if (out.length === 0) out.push(bytes.slice());
  return out;
}

/**
 * One byte per push: the chunking that finds every state a decoder forgets between pushes.
 *
 * @example
 * ```ts
 * ONE_BYTE.split(bytes('ab')); // [ [0x61], [0x62] ]
 * ```
 */
export const ONE_BYTE: Chunking = { name: 'one-byte', split: (b) => splitBySizes(b, [1]) };

/**
 * The whole input in one push.
 *
 * @example
 * ```ts
 * WHOLE.split(input).length; // 1
 * ```
 */
export const WHOLE: Chunking = { name: 'whole', split: (b) => [b.slice()] };

/** Cuts at random points: a chunking whose positions are taken modulo the input's length. */
export function randomCuts(maxCuts = 12): fc.Arbitrary<Chunking> {
  return fc
    .array(fc.nat({ max: 1 << 20 }), { minLength: 1, maxLength: maxCuts })
    .map((cuts) => ({ name: `cuts ${cuts.join(',')}`, split: (b: Uint8Array) => splitAt(b, cuts) }));
}

/**
 * TCP-like segments: a common segment size, sometimes with short segments mixed in (a socket
 * delivers whatever has arrived, so a read is often smaller than the MSS).
 */
export function tcpSegments(): fc.Arbitrary<Chunking> {
  return fc
    .tuple(
      fc.constantFrom(...TCP_SEGMENT_SIZES),
      fc.array(fc.integer({ min: 1, max: 1460 }), { maxLength: 4 }),
    )
    .map(([mss, short]) => {
      const sizes = [mss, ...short];
      return { name: `tcp ${sizes.join(',')}`, split: (b: Uint8Array) => splitBySizes(b, sizes) };
    });
}

/**
 * Any chunking: whole, one byte per push, random cuts, TCP-like segments, or small random sizes.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(response, chunking(), (r, c) => {
 *   const items = c.split(encodeResponse(r)).flatMap((chunk) => dec.push(chunk));
 * }));
 * ```
 */
export function chunking(): fc.Arbitrary<Chunking> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(WHOLE) },
    { weight: 2, arbitrary: fc.constant(ONE_BYTE) },
    { weight: 4, arbitrary: randomCuts() },
    { weight: 3, arbitrary: tcpSegments() },
    {
      weight: 2,
      arbitrary: fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 8 }).map((sizes) => ({
        name: `sizes ${sizes.join(',')}`,
        split: (b: Uint8Array) => splitBySizes(b, sizes),
      })),
    },
  );
}
