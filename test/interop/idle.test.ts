/**
 * Interop, push mail with IDLE (RFC 2177): a real Dovecot (test/interop/dovecot.sh), two
 * connections as carol. A selects INBOX and IDLEs (`+ idling`); B appends two messages, flags the
 * first and expunges the second; A sends DONE. After each change the test waits for A's push (the
 * test client's own framing, independent of the decoder); then every byte A received is decoded
 * by the project's ResponseDecoder whole, in the chunks as they came off the socket and one byte
 * per push, and the pushes are checked, typed, against what B did.
 *
 *   npx vitest run --project interop test/interop/idle.test.ts
 *
 * Dovecot pushes each change ~0.5 s after it happens; B makes the next change only once A has
 * got the push and been quiet for SETTLE_MS, so that every change is pushed on its own (as in
 * shared/transcripts/dovecot/dovecot-idle.txt).
 *
 * carol's INBOX gets only the two messages appended here; afterAll removes them (UID STORE
 * \Deleted + UID EXPUNGE, so that messages other runs left behind are not touched; sequence
 * numbers are computed from the EXISTS A saw at SELECT).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeItem } from '../../src/index.ts';
import { escapeBytes, type ServerResponse, type TaggedResult, TestImapClient } from './client.ts';
import { comparable, decode, streamDecodingTests, u8 } from './decode.ts';
import { createPushLog } from './pushes.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

type Item = DecodeItem;

// ---------------------------------------------------------------------------------------------
// the scenario

const RUN = randomBytes(4).toString('hex');
const message = (n: number): Buffer =>
  Buffer.from(
    'From: Bob Martin <bob@example.org>\r\n' +
      'To: Carol <carol@example.com>\r\n' +
      `Subject: IDLE ${RUN} #${n} Grüße\r\n` +
      `Message-ID: <idle-${RUN}-${n}@example.org>\r\n` +
      'MIME-Version: 1.0\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'Content-Transfer-Encoding: 8bit\r\n' +
      '\r\n' +
      `Nachricht ${n}: schöne Grüße ☕\r\n`,
    'utf8',
  );

/** How long to wait for one push (Dovecot: ~0.5 s). */
const PUSH_TIMEOUT_MS = 5_000;
/**
 * How long A must stay quiet before B makes the next change. Dovecot's IDLE keeps watching the
 * mailbox while it pushes (unlike NOTIFY, see notify.test.ts), so this only keeps the changes
 * one push apart.
 */
const SETTLE_MS = 300;

let startedHere = false;
let a: TestImapClient | undefined;
let b: TestImapClient | undefined;
const { pushes, bFailures, elapsed, bOk, push, quiet, pushed, as } = createPushLog(
  () => a!,
  () => ({ items, all }),
  PUSH_TIMEOUT_MS,
);

let initialExists = -1;
let continuation: ServerResponse | undefined;
let idleResult: TaggedResult | undefined;
let doneAt = -1;
const appended: number[] = [];
const expunged = new Set<number>();

let all: Buffer;
let items: Item[];

/** The UID of `[APPENDUID uidvalidity uid]` in an APPEND's tagged OK, read with a regex. */
function appendUid(r: TaggedResult | undefined): number | undefined {
  const m = r && /\[APPENDUID \d+ (\d+)\]/i.exec(r.text);
  return m ? Number(m[1]) : undefined;
}

const settle = (): Promise<void> => quiet(a!, SETTLE_MS, 3_000);

/**
 * Sends bytes as they are: `DONE` is not a tagged command, and the test client has no public
 * raw write, so this uses its private one (which also records the bytes in `sent`).
 */
function writeRaw(client: TestImapClient, bytes: Buffer): void {
  (client as unknown as { write(b: Buffer): void }).write(bytes);
}

async function scenario(): Promise<void> {
  b = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
  await bOk('B LOGIN', b.command('LOGIN carol carol-pass'));
  await bOk('B SELECT INBOX', b.command('SELECT INBOX'));

  a = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
  await bOk('A LOGIN', a.command('LOGIN carol carol-pass'));
  const sel = await bOk('A SELECT INBOX', a.command('SELECT INBOX'));
  for (const r of sel?.untagged ?? []) {
    const m = /^\* (\d+) EXISTS$/.exec(r.line);
    if (m) initialExists = Number(m[1]);
  }
  const n = initialExists;

  let from = a.responses.length;
  const idle = a.command('IDLE', 60_000);
  try {
    continuation = await a.waitFor('the IDLE continuation', from, (r) => r.tag === '+' || r.tag !== '*');
  } catch {
    continuation = undefined;
  }
  if (continuation?.tag !== '+') {
    idleResult = await idle.catch(() => undefined);
    return;
  }

  // 1. a new message: * n+1 EXISTS
  from = a.responses.length;
  const u1 = appendUid(await bOk('B APPEND #1', b.append('INBOX', message(1))));
  if (u1 !== undefined) appended.push(u1);
  await push('EXISTS 1', from, (r) => r.line === `* ${n + 1} EXISTS`);

  // 2. another one (\Seen): * n+2 EXISTS
  await settle();
  from = a.responses.length;
  const u2 = appendUid(await bOk('B APPEND #2', b.append('INBOX', message(2), { flags: ['\\Seen'] })));
  if (u2 !== undefined) appended.push(u2);
  await push('EXISTS 2', from, (r) => r.line === `* ${n + 2} EXISTS`);

  // 3. the first flagged: * n+1 FETCH (FLAGS (\Flagged))
  await settle();
  from = a.responses.length;
  await bOk('B UID STORE \\Flagged', b.command(`UID STORE ${u1} +FLAGS (\\Flagged)`));
  await push('FETCH FLAGS', from, (r) =>
    new RegExp(`^\\* ${n + 1} FETCH \\(.*FLAGS \\([^)]*\\\\Flagged`).test(r.line),
  );

  // 4. the second expunged: * n+2 EXPUNGE
  await settle();
  from = a.responses.length;
  await bOk('B UID STORE \\Deleted', b.command(`UID STORE ${u2} +FLAGS (\\Deleted)`));
  if (await bOk('B UID EXPUNGE', b.command(`UID EXPUNGE ${u2}`))) expunged.add(u2!);
  await push('EXPUNGE', from, (r) => r.line === `* ${n + 2} EXPUNGE`);

  // whatever else comes after the last change, then DONE
  await quiet(a, 1_000, 3_000);
  doneAt = a.responses.length;
  writeRaw(a, Buffer.from('DONE\r\n'));
  idleResult = await idle;
  await a.logout();
}

beforeAll(async () => {
  startedHere = startSeeded();
  try {
    await scenario();
  } finally {
    a?.destroy();
  }
  all = a ? a.receivedBytes() : Buffer.alloc(0);
  items = decode([u8(all)]);
  const t = [...pushes.values()].map((p) => `${p.what} ${p.index < 0 ? 'MISSING' : `${p.ms} ms`}`);
  process.stderr.write(`[idle] ${elapsed()}: A got ${all.length} bytes; pushes: ${t.join(', ')}\n`);
}, 720_000);

afterAll(async () => {
  try {
    if (b) {
      const left = appended.filter((u) => !expunged.has(u));
      if (left.length) {
        await b.command(`UID STORE ${left.join(',')} +FLAGS.SILENT (\\Deleted)`);
        await b.command(`UID EXPUNGE ${left.join(',')}`);
      }
      await b.logout();
    }
  } finally {
    b?.destroy();
    stopIfStarted(startedHere);
  }
}, 60_000);

// ---------------------------------------------------------------------------------------------
// assertions

describe('Dovecot interop: IDLE pushes decoded and typed', () => {
  it('runs the scenario: + idling, every command of B OK, every push arrived, DONE answered', () => {
    expect(continuation?.line, `A received:\n${escapeBytes(all, 6000)}`).toBe('+ idling');
    expect(bFailures).toEqual([]);
    expect(initialExists).toBeGreaterThanOrEqual(0);
    expect(appended.length).toBe(2);
    const missing = [...pushes.values()].filter((p) => p.index < 0).map((p) => p.what);
    expect(missing, `A received:\n${escapeBytes(all, 6000)}`).toEqual([]);
    expect(pushes.size).toBe(4);
    expect(idleResult?.status, idleResult?.response.line).toBe('OK');
  });

  streamDecodingTests(() => ({ items, all, chunks: a!.chunks }));

  it('frames the stream like the test client does (one item per response), with nothing left unknown', () => {
    expect(items.length).toBe(a!.responses.length);
    const tags = items.map((x) =>
      x.type === 'tagged' ? x.tag : x.type === 'untagged' ? '*' : x.type === 'continuation' ? '+' : x.type,
    );
    expect(tags).toEqual(a!.responses.map((r) => r.tag));
    const unknown = items.filter(
      (x) => x.type === 'untagged' && (x.kind === 'unknown' || (x.kind === 'fetch' && x.attributes.unknown)),
    );
    expect(unknown.map(comparable)).toEqual([]);
  });

  it('types IDLE\'s "+ idling" as a continuation request', () => {
    const it = items[a!.responses.indexOf(continuation!)];
    expect(it).toMatchObject({ type: 'continuation', text: 'idling' });
    expect(it && it.type === 'continuation' && it.code).toBeFalsy();
  });

  it('B appends twice: * n+1 EXISTS, * n+2 EXISTS', () => {
    expect(pushed('EXISTS 1')).toEqual({ type: 'untagged', kind: 'exists', count: initialExists + 1 });
    expect(pushed('EXISTS 2')).toEqual({ type: 'untagged', kind: 'exists', count: initialExists + 2 });
  });

  it('B flags the first: * n+1 FETCH (FLAGS (\\Flagged))', () => {
    const f = as(pushed('FETCH FLAGS'), 'fetch');
    expect(f.seq).toBe(initialExists + 1);
    expect(f.attributes.flags).toContain('\\Flagged');
    expect(f.attributes.flags).not.toContain('\\Deleted');
    expect(f.attributes.uid).toBeUndefined();
  });

  it('B expunges the second: * n+2 EXPUNGE', () => {
    expect(pushed('EXPUNGE')).toEqual({ type: 'untagged', kind: 'expunge', seq: initialExists + 2 });
  });

  it('while idling A gets only untagged pushes (* OK Still here typed as ok); DONE gets the tagged OK', () => {
    const start = a!.responses.indexOf(continuation!) + 1;
    const end = a!.responses.indexOf(idleResult!.response);
    expect(end).toBeGreaterThanOrEqual(doneAt);
    const during = items.slice(start, end);
    for (const x of during) {
      expect(x.type).toBe('untagged');
      if (x.type === 'untagged' && x.kind === 'ok') expect(x.text).toMatch(/still here/i);
      else expect(['exists', 'recent', 'fetch', 'expunge']).toContain(x.type === 'untagged' && x.kind);
    }
    const tagged = items[end];
    expect(tagged).toMatchObject({ type: 'tagged', tag: idleResult!.tag, status: 'OK' });
    expect(tagged?.type === 'tagged' && tagged.text).toMatch(/^Idle completed/);
  });

  it('ends with BYE and the tagged OK of LOGOUT', () => {
    expect(items.at(-1)).toMatchObject({ type: 'tagged', status: 'OK' });
    expect(items.at(-2)).toMatchObject({ type: 'untagged', kind: 'bye' });
  });
});
