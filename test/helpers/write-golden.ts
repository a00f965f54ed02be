/**
 * Writes fixtures/<dir>/<name>.golden.jsonl for every capture: the decoder's JSON for it.
 * Run after a deliberate change of the model (`npm run golden`), then read the diff: a golden
 * file is reviewed data, not a snapshot taken blindly.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolkitLines } from '../runtimes/portable.ts';
import { asJson, decodeWhole } from './decode.ts';

for (const dir of ['fixtures/dovecot', 'fixtures/cases', 'fixtures/malformed']) {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.s2c.bin'));
  } catch {
    continue;
  }
  for (const n of names) {
    const items = asJson(decodeWhole(new Uint8Array(readFileSync(join(dir, n)))));
    const out = `${items.map((i) => JSON.stringify(i)).join('\n')}\n`;
    writeFileSync(join(dir, n.replace(/\.s2c\.bin$/, '.golden.jsonl')), out);
    console.log(`${join(dir, n)}: ${items.length} items`);
  }
}

// What the BODYSTRUCTURE toolkit says of Dovecot's trees (the portable suite's golden).
{
  const src = 'fixtures/dovecot-interop/bodystructure.s2c.bin';
  const out = toolkitLines(decodeWhole(new Uint8Array(readFileSync(src))));
  writeFileSync(src.replace(/\.s2c\.bin$/, '.toolkit.jsonl'), out);
  console.log(`${src}: ${out.split('\n').length - 1} toolkit lines`);
}
