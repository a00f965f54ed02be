/** Pre-splits a stream into equal chunks before timing: views only, no copies. */
export function splitChunks(bytes: Uint8Array, size: number, kind: 'buffer' | 'uint8array'): Uint8Array[] {
  const out: Uint8Array[] = [];
  const base = kind === 'buffer' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  for (let at = 0; at < bytes.length; at += size)
    out.push(base.subarray(at, Math.min(at + size, bytes.length)));
  return out;
}
