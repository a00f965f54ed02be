/**
 * Interop, push mail with NOTIFY (RFC 5465): a real Dovecot (test/interop/dovecot.sh), two
 * connections as carol. A selects INBOX and sends
 *
 *   NOTIFY SET STATUS (selected (MessageNew (UID PREVIEW) MessageExpunge FlagChange))
 *                     (personal (MessageNew MessageExpunge MailboxName))
 *
 * B then appends an 8-bit UTF-8 message to INBOX, appends one to another folder, flags the INBOX
 * message, expunges it, renames a folder (to a non-ASCII name) and creates one (non-ASCII too).
 * After each change the test waits for A's push (the test client's own framing, independent of
 * the decoder), then every byte A received is decoded by the project's ResponseDecoder whole, in
 * the chunks as they came off the socket and one byte per push, and the pushes are checked,
 * typed, against what B did.
 *
 *   npx vitest run --project interop test/interop/notify.test.ts
 *
 * Dovecot 2.3.19.1 behaviours this test works around or pins down:
 * - it does not watch the selected mailbox while a command of A runs and for 1 s after (also
 *   after the internal command that sends a push): a change to INBOX in that window is only
 *   reported with the next change to INBOX, or never. So B makes each change only once A has
 *   been quiet for SETTLE_MS (see settle());
 * - right after NOTIFY SET it pushes the STATUS of the watched folders a second time (~0.5 s);
 * - each change is pushed ~0.5 s after it happens, RENAME's LIST … OLDNAME ~1.5 s after;
 * - the LIST it pushes for a RENAME / CREATE names the new mailbox in UTF-8 (a literal), not in
 *   modified UTF-7, although the client enabled no UTF8=ACCEPT; OLDNAME stays as sent by B.
 *
 * carol's mailbox is only written to under NotifyTest-<random>-* and with the messages appended
 * here, which afterAll removes (UID STORE \Deleted + UID EXPUNGE, so messages other runs left
 * behind are not touched and sequence numbers are computed from the EXISTS A saw at SELECT).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodeItem } from '../../src/index.ts';
import { escapeBytes, quote, type ServerResponse, type TaggedResult, TestImapClient } from './client.ts';
import { comparable, decode, streamDecodingTests, u8 } from './decode.ts';
import { createPushLog } from './pushes.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

type Item = DecodeItem;
type Untagged<K extends string> = Extract<Item, { type: 'untagged'; kind: K }>;

// ---------------------------------------------------------------------------------------------
// the scenario

const NOTIFY =
  'NOTIFY SET STATUS (selected (MessageNew (UID PREVIEW) MessageExpunge FlagChange)) ' +
  '(personal (MessageNew MessageExpunge MailboxName))';

const RUN = randomBytes(4).toString('hex');
const PREFIX = `NotifyTest-${RUN}`;
/** B appends a message here (A does not select it: the push is a STATUS). */
const OTHER = `${PREFIX}-Other`;
/** Renamed to NEW. */
const OLD = `${PREFIX}-Old`;
const NEW = `${PREFIX}-Grüße`;
const NEW_MUTF7 = `${PREFIX}-Gr&APwA3w-e`;
/** Created while A listens. */
const CREATED = `${PREFIX}-Café`;
const CREATED_MUTF7 = `${PREFIX}-Caf&AOk-`;

/** The body of the INBOX message: 8-bit UTF-8 (2-, 3- and 4-byte sequences), two lines. */
const BODY = 'Grüße aus Köln! Das Café am Dom öffnet um 9 Uhr —\r\nbis bald ☕ 🎉\r\n';
const MESSAGE = Buffer.from(
  'From: Bob Martin <bob@example.org>\r\n' +
    'To: Carol <carol@example.com>\r\n' +
    `Subject: NOTIFY ${RUN} Grüße\r\n` +
    `Message-ID: <notify-${RUN}@example.org>\r\n` +
    'Date: Mon, 10 Jul 2023 09:14:01 +0200\r\n' +
    'MIME-Version: 1.0\r\n' +
    'Content-Type: text/plain; charset=utf-8\r\n' +
    'Content-Transfer-Encoding: 8bit\r\n' +
    '\r\n' +
    BODY,
  'utf8',
);
const OTHER_MESSAGE = Buffer.from(
  'From: Bob Martin <bob@example.org>\r\n' +
    `Subject: NOTIFY ${RUN} other folder\r\n` +
    'MIME-Version: 1.0\r\n' +
    'Content-Type: text/plain; charset=us-ascii\r\n' +
    '\r\n' +
    'Filed elsewhere.\r\n',
);

/** How long to wait for one push (Dovecot: ~0.5 s, RENAME ~1.5 s). */
const PUSH_TIMEOUT_MS = 5_000;
const RENAME_TIMEOUT_MS = 8_000;
/** How long A must stay quiet before B makes the next change (see settle()). */
const SETTLE_MS = 1_200;

let startedHere = false;
let a: TestImapClient | undefined;
let b: TestImapClient | undefined;
const { pushes, bFailures, elapsed, bOk, push, quiet, pushed, as } = createPushLog(
  () => a!,
  () => ({ items, all }),
  PUSH_TIMEOUT_MS,
);

let initialExists = -1;
let notifyResult: TaggedResult | undefined;
let notifyNoneResult: TaggedResult | undefined;
let inboxAppend: { uidValidity: number; uid: number } | undefined;
let otherAppend: { uidValidity: number; uid: number } | undefined;
let inboxExpunged = false;

let all: Buffer;
let items: Item[];

/** `[APPENDUID uidvalidity uid]` of an APPEND's tagged OK, read with a regex (not the decoder). */
function appendUid(r: TaggedResult | undefined): { uidValidity: number; uid: number } | undefined {
  const m = r && /\[APPENDUID (\d+) (\d+)\]/i.exec(r.text);
  return m ? { uidValidity: Number(m[1]), uid: Number(m[2]) } : undefined;
}

/**
 * Between two changes: lets A's last push settle before B makes the next change. Dovecot
 * (src/imap/imap-notify.c, IMAP_NOTIFY_WATCH_ADD_DELAY_MSECS) stops watching the selected
 * mailbox while A runs a command, including the internal one that sends a push for it, and
 * watches again only 1 s after it finished: a change to INBOX in that second is not pushed until
 * some later change to INBOX (and never, if none follows).
 */
const settle = (): Promise<void> => quiet(a!, SETTLE_MS, 3_000);

/** The whole response (literals included) as latin1, for matching pushes. */
const wire = (r: ServerResponse): string => r.bytes.toString('latin1');
const latin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

async function scenario(): Promise<void> {
  b = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
  await bOk('B LOGIN', b.command('LOGIN carol carol-pass'));
  // folders a crashed earlier run left behind
  const left = await b.command('LIST "" "NotifyTest-*"');
  for (const r of left.untagged) {
    const m = /^\* LIST \([^)]*\) (?:"[^"]*"|NIL) (.+)$/.exec(r.line);
    if (m) await b.command(`DELETE ${m[1]}`);
  }
  await bOk('B CREATE other', b.command(`CREATE ${quote(OTHER)}`));
  await bOk('B CREATE old', b.command(`CREATE ${quote(OLD)}`));
  await bOk('B SELECT INBOX', b.command('SELECT INBOX'));

  a = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
  await bOk('A LOGIN', a.command('LOGIN carol carol-pass'));
  const sel = await bOk('A SELECT INBOX', a.command('SELECT INBOX'));
  for (const r of sel?.untagged ?? []) {
    const m = /^\* (\d+) EXISTS$/.exec(r.line);
    if (m) initialExists = Number(m[1]);
  }
  notifyResult = await a.command(NOTIFY);
  if (notifyResult.status !== 'OK') return;
  // the same 1 s blind spot follows the NOTIFY command itself (and Dovecot pushes the watched
  // folders' STATUS once more ~0.5 s after it)
  await settle();

  const n = initialExists + 1;

  // 1. a new message in the selected INBOX: * n EXISTS, * n FETCH (UID u PREVIEW …)
  let from = a.responses.length;
  inboxAppend = appendUid(await bOk('B APPEND INBOX', b.append('INBOX', MESSAGE)));
  await Promise.all([
    push('EXISTS', from, (r) => r.line === `* ${n} EXISTS`),
    push('FETCH UID PREVIEW', from, (r) =>
      new RegExp(`^\\* ${n} FETCH \\(.*\\bUID ${inboxAppend?.uid}\\b`).test(wire(r)),
    ),
  ]);

  await settle();
  // 2. a new message in another folder: * STATUS other (MESSAGES 1 UIDNEXT …)
  from = a.responses.length;
  otherAppend = appendUid(await bOk('B APPEND other', b.append(OTHER, OTHER_MESSAGE)));
  await push(
    'STATUS other',
    from,
    (r) => r.line.startsWith('* STATUS ') && r.line.includes(OTHER) && /\bMESSAGES 1\b/.test(r.line),
  );

  await settle();
  // 3. a flag change in INBOX: * n FETCH (… FLAGS (\Flagged))
  from = a.responses.length;
  await bOk('B UID STORE \\Flagged', b.command(`UID STORE ${inboxAppend?.uid} +FLAGS (\\Flagged)`));
  await push('FETCH FLAGS', from, (r) =>
    new RegExp(`^\\* ${n} FETCH \\(.*FLAGS \\([^)]*\\\\Flagged`).test(r.line),
  );

  await settle();
  // 4. the message expunged: * n EXPUNGE
  from = a.responses.length;
  await bOk('B UID STORE \\Deleted', b.command(`UID STORE ${inboxAppend?.uid} +FLAGS (\\Deleted)`));
  inboxExpunged = !!(await bOk('B UID EXPUNGE', b.command(`UID EXPUNGE ${inboxAppend?.uid}`)));
  await push('EXPUNGE', from, (r) => r.line === `* ${n} EXPUNGE`);

  await settle();
  // 5. a rename: * LIST () "/" new ("OLDNAME" (old))
  from = a.responses.length;
  await bOk('B RENAME', b.command(`RENAME ${quote(OLD)} ${quote(NEW_MUTF7)}`));
  await push(
    'LIST OLDNAME',
    from,
    (r) => r.line.startsWith('* LIST ') && wire(r).includes('OLDNAME') && wire(r).includes(OLD),
    RENAME_TIMEOUT_MS,
  );

  await settle();
  // 6. a new folder: * LIST () "/" created
  from = a.responses.length;
  await bOk('B CREATE', b.command(`CREATE ${quote(CREATED_MUTF7)}`));
  await push(
    'LIST created',
    from,
    (r) =>
      r.line.startsWith('* LIST ') &&
      (wire(r).includes(CREATED_MUTF7) || wire(r).includes(latin1(CREATED))) &&
      !wire(r).includes('OLDNAME'),
  );

  // whatever else comes after the last change
  await quiet(a, 1_000, 3_000);
  notifyNoneResult = await a.command('NOTIFY NONE');
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
  process.stderr.write(`[notify] ${elapsed()}: A got ${all.length} bytes; pushes: ${t.join(', ')}\n`);
}, 720_000);

afterAll(async () => {
  try {
    if (b) {
      if (inboxAppend && !inboxExpunged) {
        await b.command(`UID STORE ${inboxAppend.uid} +FLAGS.SILENT (\\Deleted)`);
        await b.command(`UID EXPUNGE ${inboxAppend.uid}`);
      }
      for (const name of [OTHER, OLD, NEW_MUTF7, CREATED_MUTF7]) await b.command(`DELETE ${quote(name)}`);
      await b.logout();
    }
  } finally {
    b?.destroy();
    stopIfStarted(startedHere);
  }
}, 60_000);

// ---------------------------------------------------------------------------------------------
// assertions

function untaggedAll<K extends string>(kind: K): Untagged<K>[] {
  return items.filter((x): x is Untagged<K> => x.type === 'untagged' && x.kind === kind);
}

describe('Dovecot interop: NOTIFY pushes decoded and typed', () => {
  it('runs the scenario: NOTIFY SET accepted, every command of B OK, every push arrived', () => {
    expect(notifyResult?.status, notifyResult?.response.line).toBe('OK');
    expect(bFailures).toEqual([]);
    expect(initialExists).toBeGreaterThanOrEqual(0);
    expect(inboxAppend).toBeDefined();
    expect(otherAppend).toBeDefined();
    const missing = [...pushes.values()].filter((p) => p.index < 0).map((p) => p.what);
    expect(missing, `A received:\n${escapeBytes(all, 6000)}`).toEqual([]);
    expect(pushes.size).toBe(7);
  });

  streamDecodingTests(() => ({ items, all, chunks: a!.chunks }));

  it('frames the stream like the test client does (one item per response), with nothing left unknown', () => {
    expect(items.length).toBe(a!.responses.length);
    const tags = items.map((x) => (x.type === 'tagged' ? x.tag : x.type === 'untagged' ? '*' : x.type));
    expect(tags).toEqual(a!.responses.map((r) => r.tag));
    const unknown = items.filter(
      (x) => x.type === 'untagged' && (x.kind === 'unknown' || (x.kind === 'fetch' && x.attributes.unknown)),
    );
    expect(unknown.map(comparable)).toEqual([]);
  });

  it('answers NOTIFY SET with the STATUS of the watched folders, typed', () => {
    const statuses = untaggedAll('status');
    const first = statuses.find((s) => s.mailbox === OTHER);
    expect(first, 'initial * STATUS of the other folder').toBeDefined();
    expect(first!.mailboxRaw).toEqual(bytes(OTHER));
    expect(first!.attributes).toMatchObject({ messages: 0, uidNext: 1, unseen: 0 });
    expect(first!.attributes.uidValidity).toBe(otherAppend?.uidValidity);
    expect(typeof first!.attributes.highestModseq).toBe('bigint');
    const old = statuses.find((s) => s.mailbox === OLD);
    expect(old?.attributes).toMatchObject({ messages: 0, uidNext: 1 });
    expect(notifyResult && items[a!.responses.indexOf(notifyResult.response)]).toMatchObject({
      type: 'tagged',
      tag: notifyResult?.tag,
      status: 'OK',
    });
  });

  it('B appends to INBOX: * n EXISTS, then * n FETCH (UID u PREVIEW …) with the body as preview', () => {
    const n = initialExists + 1;
    expect(pushed('EXISTS')).toEqual({ type: 'untagged', kind: 'exists', count: n });
    const f = as(pushed('FETCH UID PREVIEW'), 'fetch');
    expect(f.seq).toBe(n);
    expect(f.attributes.uid).toBe(inboxAppend!.uid);
    expect(f.attributes.preview).toBeInstanceOf(Uint8Array);
    // RFC 8970 PREVIEW (not the draft's PREVIEW (FUZZY …)): Dovecot sends the body's text with
    // line breaks folded to spaces, 8-bit as UTF-8 (in a literal)
    expect(f.attributes.previewAlgorithm).toBeUndefined();
    const preview = utf8.decode(f.attributes.preview!);
    expect(preview).toBe(BODY.replace(/\s+/g, ' ').trim());
    // the EXISTS comes first
    expect(pushes.get('EXISTS')!.index).toBeLessThan(pushes.get('FETCH UID PREVIEW')!.index);
  });

  it('B appends to another folder: an unsolicited * STATUS with MESSAGES and UIDNEXT', () => {
    const s = as(pushed('STATUS other'), 'status');
    expect(s.mailbox).toBe(OTHER);
    expect(s.mailboxRaw).toEqual(bytes(OTHER));
    expect(s.attributes).toMatchObject({ messages: 1, uidNext: otherAppend!.uid + 1, unseen: 1 });
    expect(typeof s.attributes.highestModseq).toBe('bigint');
    if (s.attributes.uidValidity !== undefined)
      expect(s.attributes.uidValidity).toBe(otherAppend!.uidValidity);
  });

  it('B flags the message: * n FETCH (… FLAGS (\\Flagged))', () => {
    const f = as(pushed('FETCH FLAGS'), 'fetch');
    expect(f.seq).toBe(initialExists + 1);
    expect(f.attributes.flags).toContain('\\Flagged');
    expect(f.attributes.flags).not.toContain('\\Deleted');
    if (f.attributes.modseq !== undefined) expect(typeof f.attributes.modseq).toBe('bigint');
  });

  it('B expunges it: * n EXPUNGE', () => {
    expect(pushed('EXPUNGE')).toEqual({ type: 'untagged', kind: 'expunge', seq: initialExists + 1 });
  });

  it('B renames a folder: * LIST () "/" new ("OLDNAME" (old)), typed with its OLDNAME', () => {
    const l = as(pushed('LIST OLDNAME'), 'list');
    expect(l).toMatchObject({ kind: 'list', flags: [], delimiter: '/', mailbox: NEW, oldName: OLD });
    expect(l.oldNameRaw).toEqual(bytes(OLD));
    // Dovecot 2.3.19.1 names the new mailbox in UTF-8 here (not the modified UTF-7 B sent)
    expect([bytes(NEW_MUTF7), bytes(NEW)]).toContainEqual(l.mailboxRaw);
    expect(l.extended).toBeUndefined();
  });

  it('B creates a folder: * LIST () "/" created', () => {
    const l = as(pushed('LIST created'), 'list');
    expect(l).toMatchObject({ kind: 'list', delimiter: '/', mailbox: CREATED });
    expect(l.flags.filter((x) => !/^\\(HasNoChildren|Subscribed)$/i.test(x))).toEqual([]);
    expect(l.oldName).toBeUndefined();
    expect([bytes(CREATED_MUTF7), bytes(CREATED)]).toContainEqual(l.mailboxRaw);
  });

  it('ends with NOTIFY NONE OK, BYE and the tagged OK of LOGOUT', () => {
    expect(notifyNoneResult?.status).toBe('OK');
    expect(untaggedAll('bye').length).toBe(1);
    expect(items.at(-1)).toMatchObject({ type: 'tagged', status: 'OK' });
    expect(items.at(-2)).toMatchObject({ type: 'untagged', kind: 'bye' });
  });
});
