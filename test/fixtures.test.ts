/**
 * The Dovecot 2.3 captures (byte-exact, from ../shared/transcripts/dovecot, copied into
 * fixtures/dovecot) against their golden JSON: decoded whole, one byte per push, split at every
 * position (sampled above a few KB), and in the real recv() chunks the capture recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ResponseDecoder } from '../src/index.ts';
import { asJson, decodeAllWays, decodeChunks, splitPositions } from './helpers/decode.ts';

const DIR = 'fixtures/dovecot';
const captures = readdirSync(DIR).filter((n) => n.endsWith('.s2c.bin'));

function golden(name: string): unknown[] {
  const text = readFileSync(join(DIR, name.replace(/\.s2c\.bin$/, '.golden.jsonl')), 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

/** The chunks one connection received, exactly as recv() returned them. */
function recvChunks(capture: string): Uint8Array[] {
  const conn = capture.includes('.B.') ? 'B' : 'A';
  const jsonl = join(DIR, `${capture.replace(/(\.B)?\.s2c\.bin$/, '')}.jsonl`);
  return readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { conn?: string; dir?: string; b64?: string })
    .filter((r) => r.conn === conn && r.dir === 'S' && r.b64 !== undefined)
    .map((r) => new Uint8Array(Buffer.from(r.b64!, 'base64')));
}

test('every capture is here', () => {
  expect(captures.length).toBeGreaterThanOrEqual(10);
});

describe.each(captures)('%s', (name) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));

  test('matches its golden JSON, whole, byte by byte and split anywhere', () => {
    const items = decodeAllWays(bytes, {}, 128);
    expect(asJson(items)).toEqual(golden(name));
    expect(items.filter((i) => i.type === 'error')).toEqual([]);
  });

  test('decodes the same in the chunks recv() returned', () => {
    const chunks = recvChunks(name);
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(bytes.length);
    expect(asJson(decodeChunks(chunks))).toEqual(golden(name));
  });

  test('every proper prefix is incomplete, never an error', () => {
    const all = asJson(decodeChunks([bytes]));
    for (const p of splitPositions(bytes.length, 200)) {
      const dec = new ResponseDecoder();
      const got = asJson(dec.push(bytes.slice(0, p)));
      expect(got).toEqual(all.slice(0, got.length));
      // A cut inside a response leaves it pending; end() then reports TRUNCATED, never SYNTAX.
      const tail = dec.end();
      if (tail.length > 0) {
        expect(tail).toHaveLength(1);
        expect(tail[0]!.type === 'error' && tail[0]!.error.code).toBe('TRUNCATED');
      }
    }
  });

  test('is identical in strict mode (Dovecot needs no quirk) but for zeroSectionPart and badEventAtom', () => {
    const errors = decodeChunks([bytes], { strict: true }).flatMap((i) =>
      i.type === 'error' ? [i.error] : [],
    );
    for (const e of errors) expect(e.code).toBe('STRICT');
    // dovecot-errors: BODY[1.0] echoed back; dovecot-notify: `NO [BADEVENT MailboxMetadataChange]`.
    const expected: Record<string, string[]> = {
      'dovecot-errors.s2c.bin': ['zeroSectionPart'],
      'dovecot-notify.s2c.bin': ['badEventAtom'],
    };
    expect(errors.map((e) => e.quirk)).toEqual(expected[name] ?? []);
  });
});
