/**
 * Interop (issue #20): a planned partial fetch, decoded, is the beginning of the whole part
 * decoded, byte for byte. For every text part of every message of the seeded corpus, in every
 * folder, and a sample of budgets (around the 76-column line and the 4-character quantum as
 * well as round sizes): `planTextFetch` gives `BODY.PEEK[s]<0.N>`; what Dovecot sends for it,
 * through `decodePartPrefix`, must be a prefix of `BODY.PEEK[s]` decoded whole (octets after
 * transfer decoding, and text), equal to it when the plan is not partial, and as long as the
 * plan said when the plan said it knew. The same with `BINARY.PEEK[s]<0.N>` (RFC 3516) when
 * Dovecot advertises BINARY, checked against both Dovecot's whole BINARY and our own decoding.
 *
 *   npx vitest run --project interop test/interop/partial-fetch.test.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../src/bodystructure/walk.ts';
import {
  decodePartPrefix,
  type PartText,
  type PlannedText,
  parseResponse,
  planTextFetch,
  type SinglePartBody,
} from '../../src/index.ts';
import { TestImapClient } from './client.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

const CORPUS = path.join(import.meta.dirname, '../../fixtures/corpus');
const BUDGETS = [1, 4, 64, 77, 78, 79, 100, 202, 1024, 4096];

function folders(): string[] {
  const out = ['INBOX'];
  for (const line of readFileSync(path.join(CORPUS, 'FOLDERS'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    out.push(line.split('\t')[0]!);
  }
  return out;
}

let client: TestImapClient;
let startedHere = false;
let hasBinary = false;
const mismatches: string[] = [];
const parts = new Set<string>();
let checks = 0;
let binaryChecks = 0;
let partialChecks = 0;
const encodings = new Set<string>();

/** The one section value a FETCH of one item answered with. */
async function fetchOne(uid: number, item: string): Promise<Uint8Array | undefined> {
  const got = await client.command(`UID FETCH ${uid} (${item})`);
  if (got.status !== 'OK') throw new Error(`UID FETCH ${uid} (${item}): ${got.status} ${got.text}`);
  for (const g of got.untagged) {
    const x = parseResponse(new Uint8Array(g.bytes));
    if (x.type === 'untagged' && x.kind === 'fetch') {
      const s = x.attributes.sections?.[0];
      if (s !== undefined) return s.value ?? new Uint8Array(0);
    }
  }
  return undefined;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** `prefix` (what the plan fetched, decoded) against `whole` (the whole part, decoded). */
function compare(where: string, plan: PlannedText, prefix: PartText, whole: PartText): void {
  const a = Buffer.from(prefix.decoded);
  const b = Buffer.from(whole.decoded);
  if (!b.subarray(0, a.length).equals(a) || a.length > b.length)
    mismatches.push(`${where}: decoded ${hex(a)} is not a prefix of ${hex(b)}`);
  else if (!whole.text.startsWith(prefix.text))
    mismatches.push(
      `${where}: text ${JSON.stringify(prefix.text)} is not a prefix of ${JSON.stringify(whole.text)}`,
    );
  else if (prefix.complete && (a.length !== b.length || prefix.text !== whole.text))
    mismatches.push(`${where}: complete, but ${a.length} of ${b.length} octets`);
  if (!plan.partial && !prefix.complete) mismatches.push(`${where}: a whole fetch that is not complete`);
  if (plan.decodedExact && a.length !== plan.decodedBytes)
    mismatches.push(`${where}: planned ${plan.decodedBytes} decoded octets, got ${a.length}`);
  if (!plan.decodedExact && a.length > plan.decodedBytes)
    mismatches.push(`${where}: planned at most ${plan.decodedBytes} decoded octets, got ${a.length}`);
  if (plan.decodedExact && prefix.wholeBytes < plan.wholeBytes)
    mismatches.push(`${where}: planned ${plan.wholeBytes} whole octets, got ${prefix.wholeBytes}`);
}

beforeAll(async () => {
  startedHere = startSeeded();
  client = await TestImapClient.connect({ port: PORT });
  expect((await client.command('LOGIN "alice" "alice-pass"')).status).toBe('OK');
  const cap = await client.command('CAPABILITY');
  const capabilities: string[] = [];
  for (const u of cap.untagged) {
    const r = parseResponse(new Uint8Array(u.bytes));
    if (r.type === 'untagged' && r.kind === 'capability') capabilities.push(...r.capabilities);
  }
  hasBinary = capabilities.some((c) => c.toUpperCase() === 'BINARY');
  for (const folder of folders()) {
    const sel = await client.command(`EXAMINE "${folder}"`);
    if (sel.status !== 'OK') throw new Error(`EXAMINE ${folder}: ${sel.status} ${sel.text}`);
    const r = await client.command('FETCH 1:* (UID BODYSTRUCTURE)');
    if (r.status !== 'OK' && !/no messages|invalid messageset/i.test(r.text))
      throw new Error(`FETCH in ${folder}: ${r.text}`);
    for (const u of r.untagged) {
      const f = parseResponse(new Uint8Array(u.bytes));
      if (f.type !== 'untagged' || f.kind !== 'fetch' || f.attributes.bodyStructure === undefined) continue;
      const uid = f.attributes.uid!;
      for (const { node } of walk(f.attributes.bodyStructure)) {
        if (node.type !== 'text' || !('encoding' in node)) continue;
        const part = node as SinglePartBody;
        parts.add(`${folder} ${uid} ${part.section}`);
        encodings.add(part.encoding);
        const body = await fetchOne(uid, `BODY.PEEK[${part.section}]`);
        if (body === undefined) {
          mismatches.push(`${folder} UID ${uid} ${part.section}: no BODY[${part.section}]`);
          continue;
        }
        const known = part.encoding === 'base64' || part.encoding === 'quoted-printable';
        const binaryWhole =
          hasBinary && known ? await fetchOne(uid, `BINARY.PEEK[${part.section}]`) : undefined;
        for (const budget of BUDGETS) {
          const where = `${folder} UID ${uid} ${part.section} (${part.encoding}, ${part.size} octets) budget ${budget}`;
          const plan = planTextFetch(part, { budget });
          const got = await fetchOne(uid, plan.item);
          if (got === undefined) {
            mismatches.push(`${where}: no answer to ${plan.item}`);
            continue;
          }
          const whole = decodePartPrefix(body, { ...plan, partial: false });
          checks++;
          if (plan.partial) partialChecks++;
          compare(`${where} ${plan.item}`, plan, decodePartPrefix(got, plan), whole);
          if (binaryWhole === undefined) continue;
          const bplan = planTextFetch(part, { budget, capabilities: ['BINARY'] });
          const bgot = await fetchOne(uid, bplan.item);
          if (bgot === undefined) {
            mismatches.push(`${where}: no answer to ${bplan.item}`);
            continue;
          }
          binaryChecks++;
          const bprefix = decodePartPrefix(bgot, bplan);
          compare(`${where} ${bplan.item} / our decoding`, bplan, bprefix, whole);
          const bwhole = decodePartPrefix(binaryWhole, { ...bplan, partial: false });
          compare(`${where} ${bplan.item} / BINARY[${part.section}]`, bplan, bprefix, bwhole);
        }
      }
    }
  }
  await client.logout();
}, 600_000);

afterAll(() => {
  process.stderr.write(
    `partial-fetch: ${parts.size} text parts (${[...encodings].join(', ')}) × ${BUDGETS.length} budgets: ` +
      `${checks} BODY checks (${partialChecks} partial), ${binaryChecks} BINARY checks, ${mismatches.length} mismatches\n`,
  );
  client?.destroy();
  stopIfStarted(startedHere);
});

describe('Dovecot interop: planned partial fetches', () => {
  it('covers the corpus: base64 and quoted-printable parts, cut and whole', () => {
    expect(parts.size).toBeGreaterThanOrEqual(40);
    expect([...encodings]).toEqual(expect.arrayContaining(['base64', 'quoted-printable', '7bit', '8bit']));
    expect(partialChecks).toBeGreaterThan(100);
  });

  it('BINARY is checked where Dovecot has it', () => {
    if (hasBinary) expect(binaryChecks).toBeGreaterThan(0);
  });

  it('a planned fetch decodes to the beginning of the whole part, byte for byte: zero mismatches', () => {
    expect(mismatches).toEqual([]);
  });
});
