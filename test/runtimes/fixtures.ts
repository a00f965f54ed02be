/** The portable suite's fixtures read from the repository (for Node; run.ts embeds them as bytes in the bundle). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixture, PortableFixtures } from './portable.ts';

/** Capture folders with golden JSON. */
export const CAPTURE_DIRS = ['fixtures/dovecot', 'fixtures/cases'];
/** The BODYSTRUCTURE toolkit's capture and golden. */
export const TOOLKIT = {
  bytes: 'fixtures/dovecot-interop/bodystructure.s2c.bin',
  golden: 'fixtures/dovecot-interop/bodystructure.toolkit.jsonl',
};

export function loadFixtures(root = '.'): PortableFixtures {
  const captures: Fixture[] = [];
  for (const dir of CAPTURE_DIRS) {
    for (const n of readdirSync(join(root, dir))
      .filter((x) => x.endsWith('.s2c.bin'))
      .sort()) {
      captures.push({
        name: `${dir}/${n}`,
        bytes: new Uint8Array(readFileSync(join(root, dir, n))),
        golden: readFileSync(join(root, dir, n.replace(/\.s2c\.bin$/, '.golden.jsonl')), 'utf8'),
      });
    }
  }
  const toolkit: Fixture = {
    name: TOOLKIT.bytes,
    bytes: new Uint8Array(readFileSync(join(root, TOOLKIT.bytes))),
    golden: readFileSync(join(root, TOOLKIT.golden), 'utf8'),
  };
  return { captures, toolkit };
}
