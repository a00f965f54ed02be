/**
 * Node's own byte-to-string copies, looked up at run time (not a dependency; absent outside
 * Node, where the callers build strings in JavaScript as before).
 *
 * `Buffer.prototype.latin1Slice` and `utf8Slice` (what `buf.toString('latin1' | 'utf8')` calls)
 * accept any `Uint8Array` as `this` and make a flat string in one call: ~70-90 ns whatever the
 * length on Node 20 here, where fixed-arity `String.fromCharCode` pieces joined by `+=` cost
 * ~75 ns at 20 bytes, ~160-270 at 45 and ~220 at 70, and leave a cons string that V8 flattens
 * (copies again) on first use (the profile notes of the benchmark suite, session 15). Below ~16 bytes the
 * JavaScript pieces are as fast or faster (one `fromCharCode` call, no C++ boundary), so callers
 * use these only from {@link NATIVE_MIN} bytes on.
 */

type Slice = (this: Uint8Array, start: number, end: number) => string;

interface NodeBufferProto {
  latin1Slice?: unknown;
  utf8Slice?: unknown;
}

const proto = (globalThis as { Buffer?: { prototype?: NodeBufferProto } }).Buffer?.prototype;

function slice(f: unknown): Slice | undefined {
  return typeof f === 'function' ? (f as Slice) : undefined;
}

/** Bytes to U+0000-U+00FF, one character per byte; `undefined` outside Node. */
export const latin1Slice: Slice | undefined = slice(proto?.latin1Slice);

/**
 * UTF-8 to a string; `undefined` outside Node. Only for bytes already checked to be valid
 * UTF-8 (what it does with invalid ones is not `TextDecoder`'s). A leading BOM it keeps, as
 * `utf8Strict` does.
 */
export const utf8Slice: Slice | undefined = slice(proto?.utf8Slice);

/** Shortest value (bytes) the native copies are used for. */
export const NATIVE_MIN = 16;
