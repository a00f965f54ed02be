/**
 * Interop: a real Dovecot (test/interop/dovecot.sh), seeded with fixtures/corpus, answers one
 * session (session.ts); every byte it sent is decoded by the project's ResponseDecoder, whole,
 * in the chunks as they came off the socket, in 1460-byte and in 1-byte chunks, and the result
 * is checked against the corpus itself.
 *
 *   npx vitest run --project interop
 *
 * The server is started (apt-get installs dovecot-imapd on first use) and seeded in beforeAll and
 * stopped in afterAll, unless it was already running before the test or IMAP_WIRE_DOVECOT_KEEP=1.
 * Set IMAP_WIRE_DOVECOT_PORT / IMAP_WIRE_DOVECOT_STATE_DIR to use another port / state dir.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeItem } from '../../src/index.ts';
import { escapeBytes } from './client.ts';
import { comparable, decode, split, u8 } from './decode.ts';
import { type ManifestEntry, makeLargeMessage, readManifest } from './seed.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';
import { runSession, type Session, type SessionStep } from './session.ts';

const HERE = import.meta.dirname;
const CORPUS = path.join(HERE, '../../fixtures/corpus');

function text(b: Uint8Array): string {
  return Buffer.from(b).toString('latin1');
}

/** "10-Jul-2023 09:14:03 +0200" -> ms since the epoch. */
function imapDateMs(s: string): number {
  const m = /^ ?(\d{1,2})-(\w{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(s);
  if (!m) throw new Error(`not an IMAP date-time: ${s}`);
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]!) / 3;
  const utc = Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!);
  const zone = (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!);
  return utc - zone * 60_000;
}

function normSection(s: string): string {
  return s.toUpperCase().replace(/\s+/g, ' ').trim();
}

type Item = DecodeItem;
type Fetch = Extract<Item, { type: 'untagged'; kind: 'fetch' }>;
type Tagged = Extract<Item, { type: 'tagged' }>;

interface StepItems {
  step: SessionStep;
  untagged: Item[];
  tagged: Tagged | undefined;
}

let session: Session;
let all: Buffer;
let items: Item[];
let steps: StepItems[];
let startedHere = false;
const inbox: ManifestEntry[] = readManifest(path.join(CORPUS, 'MANIFEST')).filter(
  (m) => m.mailbox === 'INBOX',
);

/** Groups decoded items by the session step they answer (the greeting is step 0). */
function byStep(decoded: Item[]): StepItems[] {
  const out: StepItems[] = [];
  let i = 0;
  for (const step of session.steps) {
    const untagged: Item[] = [];
    let tagged: Tagged | undefined;
    if (!step.result) {
      if (decoded[i]) untagged.push(decoded[i++]!);
    } else {
      for (; i < decoded.length; i++) {
        const it = decoded[i]!;
        if (it.type === 'tagged' && it.tag === step.result.tag) {
          tagged = it;
          i++;
          break;
        }
        untagged.push(it);
      }
    }
    out.push({ step, untagged, tagged });
  }
  return out;
}

function stepOf(command: string, nth = 0): StepItems {
  const found = steps.filter((s) => s.step.command === command)[nth];
  if (!found) throw new Error(`no session step ${command} #${nth}`);
  return found;
}

type Untagged<K extends string> = Extract<Item, { type: 'untagged'; kind: K }>;

function untaggedOf<K extends string>(s: StepItems, kind: K): Untagged<K>[] {
  return s.untagged.filter((x): x is Untagged<K> => x.type === 'untagged' && x.kind === kind);
}

function fetches(s: StepItems): Fetch[] {
  return untaggedOf(s, 'fetch');
}

function existsOf(s: StepItems): number {
  const [e] = untaggedOf(s, 'exists');
  if (!e) throw new Error(`no EXISTS in ${s.step.command}`);
  return e.count;
}

function searchIds(s: StepItems): { ids: number[]; modseq: bigint | undefined } {
  const [r] = untaggedOf(s, 'search');
  if (!r) throw new Error(`no SEARCH in ${s.step.command}`);
  return { ids: r.ids, modseq: r.modseq };
}

function section(f: Fetch, kind: 'body' | 'binary', name: string) {
  const s = f.attributes.sections?.find(
    (x) => x.kind === kind && normSection(x.section) === normSection(name),
  );
  if (!s) throw new Error(`* ${f.seq} FETCH has no ${kind.toUpperCase()}[${name}]`);
  return s;
}

/** Which session step the stream offset falls in, and the raw bytes around it. */
function where(offset: number): string {
  const rs = session.client.responses;
  let k = rs.findIndex((r) => offset >= r.offset && offset < r.offset + r.bytes.length);
  if (k === -1) k = rs.length - 1;
  const r = rs[k]!;
  const step = session.steps.find((s) => s.result && rs.indexOf(s.result.response) >= k);
  return (
    `in response #${k} (${escapeBytes(Buffer.from(r.line), 80)}) of step ${JSON.stringify(step?.command)}\n` +
    `  bytes ${Math.max(0, offset - 60)}..${offset + 60}: ${escapeBytes(all.subarray(Math.max(0, offset - 60), offset + 60), 400)}`
  );
}

beforeAll(async () => {
  startedHere = startSeeded();
  session = await runSession(PORT);
  all = Buffer.concat(session.chunks);
  items = decode([u8(all)]);
  steps = byStep(items);
}, 720_000);

afterAll(() => {
  stopIfStarted(startedHere);
});

describe('Dovecot interop: decoding a real session', () => {
  it('decodes every response without an error item', () => {
    const errors = items.flatMap((x) =>
      x.type === 'error'
        ? [
            `${x.error.code} at ${x.error.offset}: ${x.error.message}\n  excerpt: ${x.error.excerpt}\n  ${where(x.error.offset)}`,
          ]
        : [],
    );
    expect(errors, errors.join('\n\n')).toEqual([]);
  });

  it('gives the same result whatever the chunking', () => {
    const whole = comparable(items);
    const received = decode(session.chunks.map(u8));
    expect(comparable(received)).toEqual(whole);
    const mtu = decode(split(u8(all), 1460));
    expect(comparable(mtu)).toEqual(whole);
  });

  it('gives the same result in 1-byte chunks (session up to the big message)', () => {
    // everything before EXAMINE Archive's first response: ~20 kB, pushed one byte at a time
    const cut =
      session.client.responses[session.client.responses.indexOf(stepOf('NOOP').step.result!.response) + 1]!;
    const head = u8(all.subarray(0, cut.offset));
    const expected = comparable(items.slice(0, session.client.responses.indexOf(cut)));
    expect(comparable(decode(split(head, 1)))).toEqual(expected);
  });

  it('accepts the session in strict mode too (Dovecot needs no quirk here)', () => {
    expect(comparable(decode(split(u8(all), 1460), true))).toEqual(comparable(items));
  });

  it('frames the stream like the test client does (one item per response)', () => {
    expect(items.length).toBe(session.client.responses.length);
    const kinds = items.map((x) => (x.type === 'tagged' ? x.tag : x.type === 'untagged' ? '*' : x.type));
    expect(kinds).toEqual(session.client.responses.map((r) => r.tag));
  });

  it('reports the tagged statuses the server sent (OK, and BAD for FETCH 0)', () => {
    for (const s of steps.slice(1)) {
      expect(s.tagged, `tagged response for ${s.step.command}`).toBeDefined();
      expect(s.tagged!.status, s.step.command).toBe(s.step.expect);
      expect(s.tagged!.status).toBe(s.step.result!.status);
    }
    const bad = stepOf('FETCH 0 FLAGS');
    expect(bad.untagged).toEqual([]);
    expect(bad.tagged!.text).toMatch(/Invalid messageset/);
    // the connection goes on after the BAD
    const next = steps[steps.indexOf(bad) + 1]!;
    expect(next.step.command).toBe('NOOP');
    expect(next.tagged!.status).toBe('OK');
  });

  it('parses the greeting and the capabilities', () => {
    const g = items[0]!;
    expect(g).toMatchObject({ type: 'untagged', kind: 'ok', code: { name: 'CAPABILITY' } });
    if (g.type !== 'untagged' || g.kind !== 'ok') throw new Error('greeting');
    expect(g.text).toMatch(/Dovecot/);
    const pre = stepOf('CAPABILITY', 0).untagged[0]!;
    const post = stepOf('CAPABILITY', 1).untagged[0]!;
    if (pre.type !== 'untagged' || pre.kind !== 'capability') throw new Error('pre-login CAPABILITY');
    if (post.type !== 'untagged' || post.kind !== 'capability') throw new Error('post-login CAPABILITY');
    expect(pre.capabilities).toContain('IMAP4rev1');
    expect(pre.capabilities).toContain('AUTH=PLAIN');
    for (const cap of ['IMAP4rev1', 'CONDSTORE', 'BINARY', 'LITERAL+', 'ESEARCH', 'UIDPLUS']) {
      expect(post.capabilities).toContain(cap);
    }
    const code = (g as { code?: { capabilities?: string[] } }).code;
    expect(code?.capabilities).toEqual(pre.capabilities);
  });

  it('parses SELECT INBOX (CONDSTORE)', () => {
    const sel = stepOf('SELECT INBOX (CONDSTORE)');
    expect(existsOf(sel)).toBe(inbox.length);
    const codes = sel.untagged.flatMap((x) =>
      x.type === 'untagged' && x.kind === 'ok' && x.code ? [x.code] : [],
    );
    const names = codes.map((c) => c.name);
    for (const n of ['PERMANENTFLAGS', 'UIDVALIDITY', 'UIDNEXT', 'HIGHESTMODSEQ']) expect(names).toContain(n);
    const flags = sel.untagged.find((x) => x.type === 'untagged' && x.kind === 'flags');
    expect(flags).toMatchObject({ flags: expect.arrayContaining(['\\Seen', '\\Deleted', '$Forwarded']) });
    expect(sel.tagged!.code?.name).toBe('READ-WRITE');
  });

  it('FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE): one per message, matching the corpus', () => {
    const sel = stepOf('SELECT INBOX (CONDSTORE)');
    const f = fetches(stepOf('FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)'));
    expect(f.length).toBe(existsOf(sel));
    let lastUid = 0;
    f.forEach((x, i) => {
      const m = inbox[i]!;
      const a = x.attributes;
      expect(x.seq).toBe(i + 1);
      expect(Number.isInteger(a.uid) && a.uid! > lastUid, `UID of * ${x.seq}: ${a.uid}`).toBe(true);
      lastUid = a.uid!;
      expect(a.rfc822Size, m.file).toBe(readFileSync(path.join(CORPUS, m.file)).length);
      expect((a.flags ?? []).filter((fl) => fl !== '\\Recent').sort(), m.file).toEqual([...m.flags].sort());
      expect(a.internalDate?.getTime(), m.file).toBe(imapDateMs(m.date));
      expect(imapDateMs(a.internalDateRaw!)).toBe(imapDateMs(m.date));
    });
  });

  it('UID FETCH 1:* (UID FLAGS MODSEQ): the same UIDs, 63-bit MODSEQs as bigint', () => {
    const sel = stepOf('SELECT INBOX (CONDSTORE)');
    const highest = sel.untagged.flatMap((x) =>
      x.type === 'untagged' && x.kind === 'ok' && x.code?.name === 'HIGHESTMODSEQ' ? [x.code] : [],
    )[0] as { value?: unknown } | undefined;
    const uids = fetches(stepOf('FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)')).map(
      (x) => x.attributes.uid,
    );
    const f = fetches(stepOf('UID FETCH 1:* (UID FLAGS MODSEQ)'));
    expect(f.length).toBe(existsOf(sel));
    expect(f.map((x) => x.attributes.uid)).toEqual(uids);
    for (const x of f) {
      expect(typeof x.attributes.modseq).toBe('bigint');
      expect(x.attributes.modseq! > 0n).toBe(true);
      if (typeof highest?.value === 'bigint') expect(x.attributes.modseq! <= highest.value).toBe(true);
    }
  });

  it('FETCH 1:5 BODY.PEEK[]: literals of exactly RFC822.SIZE bytes, equal to the corpus files', () => {
    const sizes = fetches(stepOf('FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)')).map(
      (x) => x.attributes.rfc822Size,
    );
    const f = fetches(stepOf('FETCH 1:5 BODY.PEEK[]'));
    expect(f.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    for (const x of f) {
      const body = section(x, 'body', '').value!;
      expect(body.length, `BODY[] of * ${x.seq}`).toBe(sizes[x.seq - 1]);
      const file = readFileSync(path.join(CORPUS, inbox[x.seq - 1]!.file));
      expect(Buffer.from(body).equals(file), `BODY[] of * ${x.seq} = ${inbox[x.seq - 1]!.file}`).toBe(true);
    }
  });

  it('FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]', () => {
    const [x] = fetches(stepOf('FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]'));
    const v = section(x!, 'body', 'HEADER.FIELDS (FROM SUBJECT)').value!;
    expect(text(v)).toBe('From: Bob Martin <bob@example.org>\r\nSubject: Lunch on Thursday?\r\n\r\n');
  });

  it('FETCH 1 BODY.PEEK[1]<0.100>: a partial with its origin', () => {
    const file = readFileSync(path.join(CORPUS, inbox[0]!.file));
    const bodyText = file.subarray(file.indexOf('\r\n\r\n') + 4);
    const [x] = fetches(stepOf('FETCH 1 BODY.PEEK[1]<0.100>'));
    const s = section(x!, 'body', '1');
    expect(s.origin).toBe(0);
    expect(Buffer.from(s.value!).equals(bodyText.subarray(0, 100))).toBe(true);
  });

  it('FETCH BINARY.PEEK / BINARY.SIZE, literal8 included', () => {
    const file = readFileSync(path.join(CORPUS, inbox[0]!.file));
    const [one] = fetches(stepOf('FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1])'));
    expect(
      Buffer.from(section(one!, 'binary', '1').value!).equals(file.subarray(file.indexOf('\r\n\r\n') + 4)),
    ).toBe(true);
    expect(one!.attributes.binarySizes).toMatchObject([{ section: '1', size: 138 }]);

    // * 5 FETCH (BINARY[3] ~{70}\r\n\x89PNG...): decoded base64 of 05-mixed-attachments.eml part 3
    const eml = readFileSync(path.join(CORPUS, inbox[4]!.file), 'latin1');
    const b64 = /Content-Type: image\/png[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/.exec(eml)![1]!;
    const png = Buffer.from(b64.replace(/\s+/g, ''), 'base64');
    const [five] = fetches(stepOf('FETCH 5 (BINARY.PEEK[3] BINARY.SIZE[3])'));
    const v = section(five!, 'binary', '3').value!;
    expect(v.includes(0)).toBe(true);
    expect(Buffer.from(v).equals(png)).toBe(true);
    expect(five!.attributes.binarySizes).toMatchObject([{ section: '3', size: png.length }]);
  });

  it('SEARCH ALL / UNSEEN / UID SEARCH ALL / UID SEARCH MODSEQ', () => {
    const f = fetches(stepOf('FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)'));
    const uids = f.map((x) => x.attributes.uid!);
    expect(searchIds(stepOf('SEARCH ALL')).ids).toEqual(f.map((x) => x.seq));
    expect(searchIds(stepOf('SEARCH UNSEEN')).ids).toEqual(
      f.filter((x) => !x.attributes.flags!.includes('\\Seen')).map((x) => x.seq),
    );
    expect(searchIds(stepOf('UID SEARCH ALL'))).toEqual({ ids: uids, modseq: undefined });
    const ms = searchIds(stepOf('UID SEARCH MODSEQ 1'));
    expect(ms.ids).toEqual(uids);
    const modseqs = fetches(stepOf('UID FETCH 1:* (UID FLAGS MODSEQ)')).map((x) => x.attributes.modseq!);
    expect(ms.modseq).toBe([...modseqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).at(-1));
  });

  it('the ~4.3 MB message in Archive: partials and the whole literal', () => {
    const large = makeLargeMessage();
    const ex = stepOf('EXAMINE Archive');
    expect(existsOf(ex)).toBe(1);
    expect(ex.tagged!.code?.name).toBe('READ-ONLY');

    const partial = fetches(
      stepOf('FETCH 1 (UID RFC822.SIZE BODY.PEEK[]<0.2048> BODY.PEEK[2]<1000000.4096>)'),
    );
    expect(partial.length).toBe(existsOf(ex));
    const a = partial[0]!.attributes;
    expect(a.uid! > 0).toBe(true);
    expect(a.rfc822Size).toBe(large.length);
    const head = section(partial[0]!, 'body', '');
    expect(head.origin).toBe(0);
    expect(Buffer.from(head.value!).equals(large.subarray(0, 2048))).toBe(true);
    const b = '--large-0019-boundary';
    const p2start = large.indexOf('\r\n\r\n', large.lastIndexOf(`${b}\r\nContent-Type: application`)) + 4;
    const p2end = large.lastIndexOf(`\r\n${b}--`);
    const p2 = section(partial[0]!, 'body', '2');
    expect(p2.origin).toBe(1_000_000);
    expect(Buffer.from(p2.value!).equals(large.subarray(p2start, p2end).subarray(1_000_000, 1_004_096))).toBe(
      true,
    );

    const [full] = fetches(stepOf('FETCH 1 BODY.PEEK[]'));
    const v = section(full!, 'body', '').value!;
    expect(v.length).toBe(a.rfc822Size);
    expect(Buffer.from(v).equals(large)).toBe(true);
  });

  it('ends with BYE, then the tagged OK of LOGOUT', () => {
    const untagged = items.filter((x) => x.type === 'untagged');
    expect(untagged.at(-1)).toMatchObject({ type: 'untagged', kind: 'bye' });
    expect(items.at(-1)).toMatchObject({
      type: 'tagged',
      tag: stepOf('LOGOUT').step.result!.tag,
      status: 'OK',
    });
  });
});
