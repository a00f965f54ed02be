/**
 * Strings made from wire bytes, only when the parser asks for one field.
 *
 * IMAP is 8-bit: a whole line is never decoded. Atoms are ASCII by grammar and are built with
 * `String.fromCharCode`; frequent atoms (flags, capabilities, keywords) come from a small
 * byte-keyed cache so that 100k identical `\Seen` cost one string. Text is UTF-8, decoded with
 * replacement characters where invalid (the bytes stay reachable where the model keeps them).
 */

const utf8 = new TextDecoder('utf-8');
const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** ASCII bytes to a string (bytes ≥ 0x80 map to U+0080–U+00FF). */
export function asciiString(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n < 24) {
    let s = '';
    for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
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

/** Text bytes to a string: ASCII fast path, else UTF-8 with U+FFFD for invalid sequences. */
export function textString(buf: Uint8Array, start: number, end: number): string {
  if (isAscii(buf, start, end)) return asciiString(buf, start, end);
  return utf8.decode(buf.subarray(start, end));
}

/** UTF-8 bytes to a string, or `undefined` when they are not valid UTF-8. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Entries in the atom cache (a power of two). Chosen for the flags-sync benchmark: 1024 hold every flag and keyword seen there with no eviction. */
const CACHE_SIZE = 1024;
/** Longer atoms are not cached: they repeat rarely and cost more to compare. */
const CACHE_MAX_LEN = 32;

const cacheKeys: (Uint8Array | undefined)[] = new Array(CACHE_SIZE);
const cacheVals: string[] = new Array(CACHE_SIZE);

/**
 * An atom's string, from the cache when the same bytes were seen before. Case is kept
 * (`\Seen` and `\SEEN` are two entries): the model reports flags as the server sent them.
 */
export function atomString(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n > CACHE_MAX_LEN || n === 0) return asciiString(buf, start, end);
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  const slot = (h >>> 0) & (CACHE_SIZE - 1);
  const key = cacheKeys[slot];
  if (key !== undefined && key.length === n) {
    let i = 0;
    while (i < n && key[i] === buf[start + i]) i++;
    if (i === n) return cacheVals[slot]!;
  }
  const s = asciiString(buf, start, end);
  cacheKeys[slot] = buf.slice(start, end);
  cacheVals[slot] = s;
  return s;
}
