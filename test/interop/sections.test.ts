/**
 * Interop: the section numbers computed from Dovecot's BODYSTRUCTURE name the parts Dovecot
 * serves. For every message of the seeded corpus, in every folder, and every node of its tree:
 * the part's own header (`N.MIME`; `HEADER` for a message that is not multipart, `N.HEADER` for
 * the body of a message/rfc822 part `N`) has a Content-Type matching the node, and `BODY[N]`
 * of a non-multipart node has exactly the node's size in octets.
 *
 *   npx vitest run --project interop test/interop/sections.test.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMultipart, walk } from '../../src/bodystructure/walk.ts';
import { type BodyStructure, parseResponse } from '../../src/index.ts';
import { TestImapClient } from './client.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

const CORPUS = path.join(import.meta.dirname, '../../fixtures/corpus');

function folders(): string[] {
  const out = ['INBOX'];
  for (const line of readFileSync(path.join(CORPUS, 'FOLDERS'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    out.push(line.split('\t')[0]!);
  }
  return out;
}

/** type/subtype of the Content-Type in a header block (RFC 2045 §5: default text/plain). */
function contentType(header: Uint8Array, fallback: string): string {
  const text = Buffer.from(header)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const m = /^content-type:\s*([^;\s]+)/im.exec(text);
  if (m === null) return fallback;
  const t = m[1]!.toLowerCase();
  // A syntactically invalid Content-Type (`text` without a subtype): Dovecot 2.3 describes the
  // part as `"" ""` in BODYSTRUCTURE (RFC 2045 §5.2 would read it as text/plain).
  return /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(t) ? t : '/';
}

interface Check {
  section: string;
  header: string;
  type: string;
  size?: number;
  fallback: string;
}

/** What to check for each node: its header section, its type, its size. */
function checks(tree: BodyStructure): Check[] {
  const out: Check[] = [];
  for (const { node, parent } of walk(tree)) {
    const type = `${node.type}/${node.subtype}`;
    const fallback =
      parent !== undefined && isMultipart(parent) && parent.subtype === 'digest'
        ? 'message/rfc822'
        : 'text/plain';
    const inMessage = parent !== undefined && !isMultipart(parent);
    let header: string;
    if (node === tree) header = 'HEADER';
    else if (inMessage) header = `${parent.section}.HEADER`;
    else header = `${node.section}.MIME`;
    const c: Check = { section: node.section ?? '', header, type, fallback };
    if (!isMultipart(node)) c.size = node.size;
    out.push(c);
  }
  return out;
}

let client: TestImapClient;
let startedHere = false;
const mismatches: string[] = [];
let checked = 0;
let messages = 0;

beforeAll(async () => {
  startedHere = startSeeded();
  client = await TestImapClient.connect({ port: PORT });
  expect((await client.command('LOGIN "alice" "alice-pass"')).status).toBe('OK');
  for (const folder of folders()) {
    const sel = await client.command(`EXAMINE "${folder}"`);
    if (sel.status !== 'OK') throw new Error(`EXAMINE ${folder}: ${sel.status} ${sel.text}`);
    const r = await client.command('FETCH 1:* (UID BODYSTRUCTURE)');
    if (r.status !== 'OK' && !/no messages|invalid messageset/i.test(r.text))
      throw new Error(`FETCH in ${folder}: ${r.text}`);
    for (const u of r.untagged) {
      const f = parseResponse(new Uint8Array(u.bytes));
      if (f.type !== 'untagged' || f.kind !== 'fetch' || f.attributes.bodyStructure === undefined) continue;
      messages++;
      const list = checks(f.attributes.bodyStructure);
      const items = list.flatMap((c) => [
        `BODY.PEEK[${c.header}]`,
        ...(c.size === undefined ? [] : [`BODY.PEEK[${c.section}]`]),
      ]);
      const got = await client.command(`UID FETCH ${f.attributes.uid} (${[...new Set(items)].join(' ')})`);
      expect(got.status).toBe('OK');
      const values = new Map<string, Uint8Array | null>();
      for (const g of got.untagged) {
        const x = parseResponse(new Uint8Array(g.bytes));
        if (x.type === 'untagged' && x.kind === 'fetch')
          for (const s of x.attributes.sections ?? []) values.set(s.section, s.value);
      }
      for (const c of list) {
        checked++;
        const where = `${folder} UID ${f.attributes.uid} section ${c.section || '(root)'}`;
        const header = values.get(c.header);
        if (header == null) {
          mismatches.push(`${where}: no BODY[${c.header}] in the answer`);
          continue;
        }
        const served = contentType(header, c.fallback);
        if (served !== c.type)
          mismatches.push(`${where}: BODYSTRUCTURE says ${c.type}, BODY[${c.header}] says ${served}`);
        if (c.size !== undefined) {
          const body = values.get(c.section);
          if (body == null) mismatches.push(`${where}: no BODY[${c.section}]`);
          else if (body.length !== c.size)
            mismatches.push(
              `${where}: size ${c.size} in BODYSTRUCTURE, BODY[${c.section}] has ${body.length}`,
            );
        }
      }
    }
  }
  await client.logout();
}, 300_000);

afterAll(() => {
  process.stderr.write(
    `sections: ${messages} messages, ${checked} nodes checked, ${mismatches.length} mismatches\n`,
  );
  client?.destroy();
  stopIfStarted(startedHere);
});

describe('Dovecot interop: section numbers', () => {
  it('covers the whole corpus', () => {
    expect(messages).toBeGreaterThanOrEqual(39);
    expect(checked).toBeGreaterThan(100);
  });

  it('every section names the part Dovecot serves under it: zero mismatches', () => {
    expect(mismatches).toEqual([]);
  });
});
