/**
 * Strings made from wire bytes, only when the parser asks for one field.
 *
 * IMAP is 8-bit: a whole line is never decoded. Atoms are ASCII by grammar and are built with
 * `String.fromCharCode`; frequent atoms (flags, capabilities, keywords) come from a small
 * byte-keyed cache so that 100k identical `\Seen` cost one string. Text is UTF-8, decoded with
 * replacement characters where invalid (the bytes stay reachable where the model keeps them).
 */

import { latin1Slice, NATIVE_MIN } from './node-slices.ts';
import { StringCache } from './string-cache.ts';
import { utf8Strict } from './utf8.ts';

/** A leading BOM is U+FEFF in a value, not a signature (./utf8.ts). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * ASCII bytes to a string (bytes ≥ 0x80 map to U+0080–U+00FF).
 *
 * From 16 bytes on, on Node, one `latin1Slice` call (./node-slices.ts). Shorter strings (most
 * IMAP tokens), and every string without Node's `Buffer`, are built from fixed-arity
 * `String.fromCharCode` calls, eight bytes at a time: on V8 11 that is 1.5–2.5× faster than one
 * call per byte (each `+=` of one character makes a cons string) and than `fromCharCode.apply`
 * on a subarray (a view object and an arguments copy per call); measured for 7–200-byte
 * strings, Node 20.
 */
export function asciiString(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  const f = String.fromCharCode;
  if (n <= 4) {
    if (n === 1) return f(buf[start]!);
    if (n === 2) return f(buf[start]!, buf[start + 1]!);
    if (n === 3) return f(buf[start]!, buf[start + 1]!, buf[start + 2]!);
    return f(buf[start]!, buf[start + 1]!, buf[start + 2]!, buf[start + 3]!);
  }
  // From 16 bytes on, Node's latin1Slice is one flat string in one call (./node-slices.ts).
  if (n >= NATIVE_MIN && latin1Slice !== undefined) return latin1Slice.call(buf, start, end);
  if (n <= 256) {
    let s = '';
    let i = start;
    for (; i + 8 <= end; i += 8) {
      s += f(
        buf[i]!,
        buf[i + 1]!,
        buf[i + 2]!,
        buf[i + 3]!,
        buf[i + 4]!,
        buf[i + 5]!,
        buf[i + 6]!,
        buf[i + 7]!,
      );
    }
    for (; i + 2 <= end; i += 2) s += f(buf[i]!, buf[i + 1]!);
    if (i < end) s += f(buf[i]!);
    return s;
  }
  // `apply` spreads its arguments on the stack: bounded pieces keep a 4 MB text from overflowing it.
  let s = '';
  for (let i = start; i < end; i += APPLY_MAX) {
    s += String.fromCharCode.apply(
      null,
      buf.subarray(i, Math.min(end, i + APPLY_MAX)) as unknown as number[],
    );
  }
  return s;
}

/** Largest argument count passed to `String.fromCharCode.apply` at once. */
const APPLY_MAX = 8192;

/** True when every byte is 7-bit. */
export function isAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! >= 0x80) return false;
  return true;
}

/**
 * Text bytes to a string: ASCII fast path, else UTF-8 with U+FFFD for invalid sequences (valid
 * UTF-8 without `TextDecoder`'s ~400 ns call, through {@link utf8Strict}). A leading BOM stays.
 */
export function textString(buf: Uint8Array, start: number, end: number): string {
  if (isAscii(buf, start, end)) return asciiString(buf, start, end);
  return utf8Strict(buf, start, end) ?? utf8.decode(buf.subarray(start, end));
}

/** UTF-8 bytes to a string, or `undefined` when they are not valid UTF-8. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  return utf8Strict(bytes, 0, bytes.length);
}

/**
 * Atoms: 1024 entries hold every flag and keyword of the flags-sync benchmark with no eviction;
 * atoms longer than 32 bytes are not cached.
 */
const atoms = new StringCache(1024, 32);

/**
 * An atom's string, from the cache when the same bytes were seen before. Case is kept
 * (`\Seen` and `\SEEN` are two entries): the model reports flags as the server sent them.
 */
export function atomString(buf: Uint8Array, start: number, end: number): string {
  if (end === start) return '';
  return atoms.lookup(buf, start, end) ?? atoms.store(buf, start, end, asciiString(buf, start, end));
}

/** Lower-cased atoms (media types, encodings, parameter names, charset labels). */
const lowered = new StringCache(512, 32);

/**
 * ASCII `buf[start, end)` lower-cased, from a cache keyed by the bytes as sent: `"TEXT"` and
 * `"text"` are two keys with one value, and each recurs in every BODYSTRUCTURE.
 */
export function lowerAtom(buf: Uint8Array, start: number, end: number): string {
  if (end === start) return '';
  return (
    lowered.lookup(buf, start, end) ??
    lowered.store(buf, start, end, asciiString(buf, start, end).toLowerCase())
  );
}

/** {@link lowerAtom} with the bytes' hash already computed (`Cursor.tokHash`). */
export function lowerAtomHashed(buf: Uint8Array, start: number, end: number, hash: number): string {
  if (end === start) return '';
  return (
    lowered.lookupHashed(buf, start, end, hash) ??
    lowered.store(buf, start, end, asciiString(buf, start, end).toLowerCase())
  );
}
