/**
 * Seed inputs of the fuzz targets and of the mutated-input properties: real server captures
 * (fixtures/) cut at response ends, and commands from the command corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandReader, encodeCommand, ResponseDecoder } from '../../src/index.ts';
import { commandCorpus, ENCODER_CAPABILITIES } from '../../src/testing/corpus/commands.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Cuts a server stream into its responses (where a one-byte-per-push decode yields an item). */
export function responsesOf(all: Uint8Array): Uint8Array[] {
  const dec = new ResponseDecoder();
  const out: Uint8Array[] = [];
  let prev = 0;
  for (let i = 0; i < all.length; i++) {
    if (dec.push(all.subarray(i, i + 1)).length > 0) {
      out.push(all.slice(prev, i + 1));
      prev = i + 1;
    }
  }
  return out;
}

let captured: Uint8Array[] | undefined;

/** Every response of every capture in fixtures/dovecot, fixtures/dovecot-interop and fixtures/malformed. */
export function capturedResponses(): Uint8Array[] {
  if (captured !== undefined) return captured;
  captured = [];
  for (const dir of ['dovecot', 'dovecot-interop', 'malformed']) {
    for (const f of readdirSync(join(ROOT, 'fixtures', dir)).sort()) {
      if (f.endsWith('.s2c.bin'))
        captured.push(...responsesOf(new Uint8Array(readFileSync(join(ROOT, 'fixtures', dir, f)))));
    }
  }
  return captured;
}

/** The captured responses that carry a BODY or BODYSTRUCTURE. */
export function bodystructureResponses(): Uint8Array[] {
  const td = new TextDecoder('latin1');
  return capturedResponses().filter((r) => /BODY(STRUCTURE)? \(/.test(td.decode(r)));
}

/** Commands as a client sends them (the bench command corpus: FETCH, STORE, SEARCH, APPEND), some with sync literals. */
export function commandSeeds(n = 400): Uint8Array[] {
  const corpus = commandCorpus(0.002);
  return corpus.commands.slice(0, n).map((c, k) =>
    wire(
      encodeCommand(c, {
        tag: `A${k}`,
        capabilities: k % 2 === 0 ? [...ENCODER_CAPABILITIES] : ['IMAP4rev1'],
      }),
    ),
  );
}

/** The bytes a client sends, sync literals included (as after the server's `+`). */
function wire(fragments: readonly { bytes: Uint8Array }[]): Uint8Array {
  const out = new Uint8Array(fragments.reduce((n, f) => n + f.bytes.length, 0));
  let o = 0;
  for (const f of fragments) {
    out.set(f.bytes, o);
    o += f.bytes.length;
  }
  return out;
}

/** Cuts a client stream into its commands. */
export function commandsOf(all: Uint8Array): Uint8Array[] {
  const r = new CommandReader();
  const out: Uint8Array[] = [];
  let prev = 0;
  for (let i = 0; i < all.length; i++) {
    if ([...r.push(all.subarray(i, i + 1))].some((x) => x.type !== 'literal')) {
      out.push(all.slice(prev, i + 1));
      prev = i + 1;
    }
  }
  return out;
}
