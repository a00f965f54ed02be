/** Decoding helpers shared by the interop tests. */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { type DecodeItem, ResponseDecoder } from '../../src/index.ts';
import { escapeBytes } from './client.ts';

/** A plain Uint8Array view (the core is web-standard: never hand it a Buffer). */
export function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Decodes the chunks with one decoder, `end()` included. */
export function decode(chunks: Uint8Array[], strict = false): DecodeItem[] {
  const dec = new ResponseDecoder({ strict });
  const out: DecodeItem[] = [];
  for (const c of chunks) for (const item of dec.push(c)) out.push(item);
  for (const item of dec.end()) out.push(item);
  return out;
}

/** Splits into views of `size` bytes. */
export function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** A form of decoded items that compares fast and prints well: byte strings become length + hash. */
export function comparable(v: unknown): unknown {
  if (v instanceof Uint8Array) return `bytes[${v.length}] sha1 ${createHash('sha1').update(v).digest('hex')}`;
  if (v instanceof Date) return `Date(${v.getTime()})`;
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return v.map(comparable);
  if (v instanceof Error) return { name: v.name, message: v.message, ...(comparable({ ...v }) as object) };
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, comparable(x)]),
    );
  }
  return v;
}

/** What a push test collected on connection A: its decoded items, its bytes and its recv() chunks. */
export interface ReceivedStream {
  items: DecodeItem[];
  all: Buffer;
  chunks: Buffer[];
}

/**
 * The checks every push test makes of what A received (registered as tests of the enclosing
 * describe; `received` is read when they run, after the session): no error item, the same
 * items under the recv() chunking and one byte per push, and the same in strict mode.
 */
export function streamDecodingTests(received: () => ReceivedStream): void {
  it('decodes every byte A received without an error item', () => {
    const { items, all } = received();
    const errors = items.flatMap((x) =>
      x.type === 'error'
        ? [
            `${x.error.code} at ${x.error.offset}: ${x.error.message}\n  excerpt: ${x.error.excerpt}\n  bytes: ` +
              escapeBytes(all.subarray(Math.max(0, x.error.offset - 80), x.error.offset + 80), 400),
          ]
        : [],
    );
    expect(errors, errors.join('\n\n')).toEqual([]);
    expect(all.length).toBeGreaterThan(0);
  });

  it('gives the same result in the received chunks and one byte per push', () => {
    const { items, all, chunks } = received();
    const whole = comparable(items);
    expect(comparable(decode(chunks.map(u8)))).toEqual(whole);
    expect(comparable(decode(split(u8(all), 1)))).toEqual(whole);
  });

  it('accepts the stream in strict mode too (Dovecot needs no quirk here)', () => {
    const { items, chunks } = received();
    expect(comparable(decode(chunks.map(u8), true))).toEqual(comparable(items));
  });
}
