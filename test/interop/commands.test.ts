/**
 * Interop, the command encoder against a real Dovecot (test/interop/dovecot.sh), as carol.
 *
 * Every command sent here is produced by the project's encoder: a typed command object goes
 * through `encodeCommand` with the capabilities Dovecot advertised after LOGIN (read from its
 * CAPABILITY response with the project's decoder), and the fragments are written by `send()`:
 * lines and non-synchronising literals straight, a synchronising literal (`{n}`, `~{n}`) only
 * after the server's `+` continuation. The test client only frames what comes back (its own,
 * independent framing); each tagged status is then read with the project's decoder, and at the
 * end every byte received is decoded once more, whole and in the chunks as they came, with no
 * error item allowed.
 *
 *   npx vitest run --project interop test/interop/commands.test.ts
 *
 * Covered: CAPABILITY, NOOP, LOGIN, ENABLE CONDSTORE, ID, NAMESPACE, CREATE (a name in each
 * script of the MIME corpus, `&`, `:`), LIST (LIST-EXTENDED, RETURN (SPECIAL-USE CHILDREN STATUS
 * (…))), LSUB, SUBSCRIBE / UNSUBSCRIBE, STATUS, SELECT (CONDSTORE), EXAMINE, APPEND (8-bit with
 * `{n}` and `{n+}`, binary with `~{n}` and `~{n+}`, MULTIAPPEND), FETCH (BODY.PEEK partial,
 * BINARY.PEEK, BINARY.SIZE, MODSEQ), SEARCH (key tree, CHARSET UTF-8 with a literal), UID SEARCH
 * RETURN (MIN MAX COUNT), STORE (+FLAGS.SILENT, UNCHANGEDSINCE), COPY, MOVE, UID EXPUNGE,
 * EXPUNGE, RENAME, DELETE, NOTIFY SET / NONE, GETQUOTAROOT, GETMETADATA, IDLE + DONE, UNSELECT,
 * CLOSE, LOGOUT, and the refusals: FETCH with no mailbox selected (BAD), SELECT / EXAMINE /
 * STATUS of a missing mailbox (NO, without a code in Dovecot 2.3), DELETE of one (NO [NONEXISTENT]),
 * CREATE of an existing one.
 *
 * dovecot.sh loads the quota plugin and enables METADATA, so GETQUOTAROOT, GETQUOTA,
 * SETMETADATA and GETMETADATA get real answers.
 *
 * carol's mailbox is only written to under EncoderTest-<random>-*; afterAll deletes those folders
 * (with the messages in them), and the start deletes what a crashed earlier run left under
 * EncoderTest-*.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Command,
  type DecodeItem,
  encodeCommand,
  encodeIdleDone,
  type Fragment,
  isSyncLiteral,
  type Response,
  ResponseDecoder,
  type TaggedResponse,
} from '../../src/index.ts';
import { escapeBytes, type ServerResponse, TestImapClient } from './client.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

// ---------------------------------------------------------------------------------------------
// helpers

/** A plain Uint8Array view (the core is web-standard: never hand it a Buffer). */
function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function decodeAll(chunks: Uint8Array[]): DecodeItem[] {
  const dec = new ResponseDecoder();
  const out: DecodeItem[] = [];
  for (const c of chunks) for (const item of dec.push(c)) out.push(item);
  for (const item of dec.end()) out.push(item);
  return out;
}

/** One framed response decoded by the project's decoder (an error item fails the test). */
function decodeOne(r: ServerResponse): Response {
  const items = decodeAll([u8(r.bytes)]);
  expect(items.length, `one item for ${escapeBytes(r.bytes)}`).toBe(1);
  const item = items[0]!;
  if (item.type === 'error')
    throw new Error(`decoder error on ${escapeBytes(r.bytes)}: ${item.error.message}`);
  return item;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The untagged responses whose `kind` can be K (StatusUntagged's kind is a union). */
type Untagged<K extends string, R = Response> = R extends { type: 'untagged'; kind: infer RK }
  ? K extends RK
    ? R
    : never
  : never;
type UntaggedKind = Extract<Response, { type: 'untagged' }>['kind'];

interface Result {
  tag: string;
  /** The wire form actually written (escaped), for messages. */
  wire: string;
  fragments: Fragment[];
  /** The tagged response, decoded by the project's decoder. */
  tagged: TaggedResponse;
  /** The untagged / continuation responses between the command and its tagged response, decoded. */
  untagged: Response[];
  /** How many `+` continuations the server sent for this command. */
  continuations: number;
}

const RUN = randomBytes(4).toString('hex');
const ROOT = 'EncoderTest-';
const PREFIX = `${ROOT}${RUN}`;

/** A name in each script of the MIME corpus, and the awkward ASCII ones. */
const NAMES = [
  `${PREFIX}-Grüße`,
  `${PREFIX}-日本語`,
  `${PREFIX}-Привет`,
  `${PREFIX}-עברית`,
  `${PREFIX}-العربية`,
  `${PREFIX}-Emoji 📬`,
  `${PREFIX}-Tom & Jerry`,
  `${PREFIX}-2024:Q1`,
];
/** Where the messages go. */
const BOX = `${PREFIX}-Box`;
/** COPY / MOVE target. */
const DEST = `${PREFIX}-Dest`;
const OLD = `${PREFIX}-Old`;
const RENAMED = `${PREFIX}-Umbenannt-Ελληνικά`;
const MISSING = `${PREFIX}-Missing`;

const BODY_8BIT = 'Grüße aus Köln — 日本語 Привет 📬\r\n';
function message8bit(n: number): Uint8Array {
  return bytes(
    'From: Bob <bob@example.org>\r\n' +
      'To: Carol <carol@example.com>\r\n' +
      `Subject: encoder ${RUN} #${n} Grüße\r\n` +
      'Date: Mon, 10 Jul 2023 09:14:01 +0200\r\n' +
      'MIME-Version: 1.0\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      'Content-Transfer-Encoding: 8bit\r\n' +
      '\r\n' +
      BODY_8BIT,
  );
}
/** Binary content: NUL bytes (and every other byte value) in the body. */
const BINARY_BODY = Uint8Array.from({ length: 256 }, (_, i) => i);
function messageBinary(n: number): Uint8Array {
  const head = bytes(
    'From: Bob <bob@example.org>\r\n' +
      `Subject: encoder ${RUN} binary #${n}\r\n` +
      'MIME-Version: 1.0\r\n' +
      'Content-Type: application/octet-stream\r\n' +
      'Content-Transfer-Encoding: binary\r\n' +
      '\r\n',
  );
  const out = new Uint8Array(head.length + BINARY_BODY.length);
  out.set(head, 0);
  out.set(BINARY_BODY, head.length);
  return out;
}

let startedHere = false;
let client: TestImapClient | undefined;
/** What Dovecot advertised after LOGIN (its CAPABILITY response, decoded). */
let caps: string[] = [];
let tagCounter = 0;
const log: string[] = [];
const started = Date.now();

/**
 * Encodes `cmd` with `capabilities` (default: Dovecot's after LOGIN) and writes its fragments:
 * a sync literal only after the server's `+`; then waits for the tagged response.
 */
async function send(cmd: Command, capabilities: string[] = caps): Promise<Result> {
  const c = client!;
  tagCounter += 1;
  const tag = `E${tagCounter}`;
  const fragments = encodeCommand(cmd, { tag, capabilities });
  const from = c.responses.length;
  const raw = c as unknown as { write(b: Buffer): void };
  let wire = '';
  let mark = from;
  let refused = false;
  for (const f of fragments) {
    if (isSyncLiteral(f)) {
      const r = await c.waitFor(`the continuation for ${tag}`, mark, (x) => x.tag === '+' || x.tag === tag);
      if (r.tag === tag) {
        refused = true;
        break;
      }
    }
    mark = c.responses.length;
    raw.write(Buffer.from(f.bytes));
    wire += escapeBytes(f.bytes, 200);
  }
  const done = refused
    ? undefined
    : await c.waitFor(`the tagged response to ${tag}`, from, (x) => x.tag === tag);
  const end = c.responses.findIndex((x, i) => i >= from && x.tag === tag);
  const between = c.responses.slice(from, end);
  const tagged = decodeOne(done ?? c.responses[end]!);
  if (tagged.type !== 'tagged') throw new Error(`not a tagged response: ${c.responses[end]!.line}`);
  const result: Result = {
    tag,
    wire,
    fragments,
    tagged,
    untagged: between.map(decodeOne),
    continuations: between.filter((x) => x.tag === '+').length,
  };
  log.push(`${wire}  →  ${c.responses[end]!.line}`);
  return result;
}

/** Sends and expects the tagged `status` (and, if given, the response code's name). */
async function expectStatus(
  cmd: Command,
  status: 'OK' | 'NO' | 'BAD',
  code?: string,
  capabilities?: string[],
) {
  const r = await send(cmd, capabilities);
  const what = `${r.wire}  →  ${r.tagged.status} ${r.tagged.code ? `[${r.tagged.code.name}] ` : ''}${r.tagged.text}`;
  expect(r.tagged.status, what).toBe(status);
  if (code !== undefined) expect(r.tagged.code?.name, what).toBe(code);
  return r;
}

const ok = (cmd: Command, capabilities?: string[]) => expectStatus(cmd, 'OK', undefined, capabilities);

function untagged<K extends UntaggedKind>(r: Result, kind: K): Untagged<K>[] {
  return r.untagged.filter((x): x is Untagged<K> => x.type === 'untagged' && x.kind === kind);
}

/** Capabilities without LITERAL+ (and LITERAL-): every literal synchronising. */
const noLiteralPlus = (): string[] => caps.filter((c) => !/^LITERAL[+-]$/i.test(c));

/** Deletes every folder under `pattern` (decoded names, encoded again by the encoder). */
async function deleteUnder(pattern: string): Promise<string[]> {
  const l = await ok({ name: 'LIST', reference: '', pattern });
  const names = untagged(l, 'list').map((x) => x.mailbox);
  // children first
  names.sort((x, y) => y.length - x.length);
  for (const mailbox of names) await send({ name: 'DELETE', mailbox });
  return names;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  startedHere = startSeeded();
  client = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
});

afterAll(async () => {
  try {
    if (client && caps.length > 0) {
      try {
        await deleteUnder(`${PREFIX}*`);
      } catch {
        // the connection may be gone (LOGOUT ran): clean up on a fresh one
        const c = await TestImapClient.connect({ port: PORT, timeoutMs: 20_000 });
        client = c;
        await send({ name: 'LOGIN', username: 'carol', password: 'carol-pass' });
        await deleteUnder(`${PREFIX}*`);
        await send({ name: 'LOGOUT' });
      }
    }
  } finally {
    client?.destroy();
    process.stderr.write(`[commands] ${log.length} commands in ${Date.now() - started} ms\n`);
    stopIfStarted(startedHere);
  }
});

describe('the encoder against Dovecot (carol)', () => {
  let appendUidValidity = 0;

  it('CAPABILITY and NOOP before LOGIN; LOGIN; CAPABILITY after it, read with the decoder', async () => {
    const greeting = decodeOne(client!.greeting!);
    expect(greeting).toMatchObject({ type: 'untagged', kind: 'ok' });
    const pre = await ok({ name: 'CAPABILITY' });
    const preCaps = untagged(pre, 'capability')[0]?.capabilities ?? [];
    expect(preCaps).toContain('IMAP4rev1');
    await ok({ name: 'NOOP' }, preCaps);
    // (Dovecot leaves the [CAPABILITY …] code out of LOGIN's OK once the client asked CAPABILITY)
    await ok({ name: 'LOGIN', username: 'carol', password: 'carol-pass' }, preCaps);
    const cap = await ok({ name: 'CAPABILITY' }, preCaps);
    caps = untagged(cap, 'capability')[0]?.capabilities ?? [];
    for (const c of [
      'LITERAL+',
      'BINARY',
      'MULTIAPPEND',
      'CONDSTORE',
      'LIST-EXTENDED',
      'LIST-STATUS',
      'NOTIFY',
    ])
      expect(caps).toContain(c);
    await ok({ name: 'NOOP' });
  });

  it('FETCH with no mailbox selected: BAD', async () => {
    const r = await expectStatus({ name: 'FETCH', sequence: '1', items: [{ item: 'FLAGS' }] }, 'BAD');
    expect(r.tagged.text).toMatch(/^No mailbox selected/);
  });

  it('ENABLE CONDSTORE, ID, NAMESPACE', async () => {
    const en = await ok({ name: 'ENABLE', capabilities: ['CONDSTORE'] });
    expect(untagged(en, 'enabled')[0]?.capabilities).toEqual(['CONDSTORE']);
    const id = await ok({
      name: 'ID',
      parameters: [
        { field: 'name', value: 'imap-wire interop' },
        { field: 'version', value: null },
      ],
    });
    expect(untagged(id, 'id')).toHaveLength(1);
    const ns = await ok({ name: 'NAMESPACE' });
    expect(untagged(ns, 'namespace')[0]?.personal?.[0]).toMatchObject({ prefix: '', delimiter: '/' });
  });

  it('deletes what crashed earlier runs left behind', async () => {
    const left = await deleteUnder(`${ROOT}*`);
    const again = await ok({ name: 'LIST', reference: '', pattern: `${ROOT}*` });
    expect(untagged(again, 'list'), `left: ${left.join(', ')}`).toEqual([]);
  });

  it('CREATE a name in each script (modified UTF-7), with & and :, and refuses an existing one', async () => {
    for (const mailbox of [...NAMES, BOX, DEST, OLD]) {
      const r = await ok({ name: 'CREATE', mailbox });
      if (/[^\x20-\x7e]|&/.test(mailbox)) expect(r.wire).toContain('&');
    }
    await expectStatus({ name: 'CREATE', mailbox: NAMES[0]! }, 'NO', 'ALREADYEXISTS');
  });

  it('LIST with LIST-EXTENDED and RETURN (SPECIAL-USE CHILDREN STATUS (MESSAGES UIDNEXT)): names round-trip', async () => {
    const r = await ok({
      name: 'LIST',
      reference: '',
      pattern: [`${PREFIX}-*`, 'INBOX'],
      return: ['SPECIAL-USE', 'CHILDREN', { status: ['MESSAGES', 'UIDNEXT'] }],
    });
    expect(r.wire).toContain('RETURN (');
    const listed = untagged(r, 'list').map((x) => x.mailbox);
    for (const n of [...NAMES, BOX, DEST, OLD, 'INBOX']) expect(listed).toContain(n);
    const statuses = untagged(r, 'status');
    for (const n of NAMES) {
      expect(statuses.find((s) => s.mailbox === n)?.attributes).toMatchObject({ messages: 0, uidNext: 1 });
    }
    // selection options too: only subscribed ones (none of ours yet)
    const sub = await ok({
      name: 'LIST',
      reference: '',
      pattern: `${PREFIX}-*`,
      selection: ['SUBSCRIBED'],
      return: ['CHILDREN'],
    });
    expect(untagged(sub, 'list')).toEqual([]);
  });

  it('SUBSCRIBE, LSUB, UNSUBSCRIBE', async () => {
    await ok({ name: 'SUBSCRIBE', mailbox: NAMES[1]! });
    const l = await ok({ name: 'LSUB', reference: '', pattern: `${PREFIX}-*` });
    expect(untagged(l, 'lsub').map((x) => x.mailbox)).toEqual([NAMES[1]]);
    await ok({ name: 'UNSUBSCRIBE', mailbox: NAMES[1]! });
    const after = await ok({ name: 'LSUB', reference: '', pattern: `${PREFIX}-*` });
    expect(untagged(after, 'lsub')).toEqual([]);
  });

  it('STATUS (MESSAGES UIDNEXT UIDVALIDITY UNSEEN SIZE HIGHESTMODSEQ) of a non-ASCII name', async () => {
    const r = await ok({
      name: 'STATUS',
      mailbox: NAMES[5]!,
      items: ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', 'SIZE', 'HIGHESTMODSEQ'],
    });
    const s = untagged(r, 'status')[0];
    expect(s?.mailbox).toBe(NAMES[5]);
    expect(s?.attributes).toMatchObject({ messages: 0, uidNext: 1, unseen: 0, size: 0 });
    expect(typeof s?.attributes.uidValidity).toBe('number');
    expect(typeof s?.attributes.highestModseq).toBe('bigint');
  });

  it('APPEND 8-bit UTF-8 with a synchronising literal (no LITERAL+): waits for +', async () => {
    const r = await ok(
      { name: 'APPEND', mailbox: BOX, messages: [{ flags: ['\\Seen'], content: message8bit(1) }] },
      noLiteralPlus(),
    );
    expect(
      r.fragments.filter((f) => f.type === 'literal').map((f) => f.type === 'literal' && f.mode),
    ).toEqual(['sync']);
    expect(r.continuations).toBe(1);
    expect(r.tagged.code?.name).toBe('APPENDUID');
    const code = r.tagged.code;
    if (code !== undefined && 'uidValidity' in code) appendUidValidity = code.uidValidity;
    expect(appendUidValidity).toBeGreaterThan(0);
  });

  it('APPEND 8-bit UTF-8 with a non-synchronising literal (LITERAL+)', async () => {
    const r = await ok({
      name: 'APPEND',
      mailbox: BOX,
      messages: [{ date: new Date(Date.UTC(2023, 6, 10, 7, 14, 1)), content: message8bit(2) }],
    });
    expect(
      r.fragments.filter((f) => f.type === 'literal').map((f) => f.type === 'literal' && f.mode),
    ).toEqual(['nonsync']);
    expect(r.continuations).toBe(0);
    expect(r.tagged.code?.name).toBe('APPENDUID');
  });

  it('APPEND binary content (NUL bytes) with ~{n} (BINARY), and ~{n+} with LITERAL+', async () => {
    const sync = await ok(
      { name: 'APPEND', mailbox: BOX, messages: [{ content: messageBinary(1) }] },
      noLiteralPlus(),
    );
    expect(sync.wire).toMatch(/~\{\d+\}\\r\\n/);
    expect(sync.fragments.some((f) => f.type === 'literal' && f.mode === 'binary')).toBe(true);
    expect(sync.continuations).toBe(1);
    const nonsync = await ok({ name: 'APPEND', mailbox: BOX, messages: [{ content: messageBinary(2) }] });
    expect(nonsync.wire).toMatch(/~\{\d+\+\}\\r\\n/);
    expect(nonsync.continuations).toBe(0);
  });

  it('MULTIAPPEND: two messages in one APPEND, sync and non-sync', async () => {
    for (const c of [noLiteralPlus(), caps]) {
      const r = await ok(
        {
          name: 'APPEND',
          mailbox: BOX,
          messages: [{ flags: ['$Label1'], content: message8bit(3) }, { content: message8bit(4) }],
        },
        c,
      );
      expect(r.fragments.filter((f) => f.type === 'literal')).toHaveLength(2);
      expect(r.continuations).toBe(c === caps ? 0 : 2);
      expect(r.tagged.code).toMatchObject({ name: 'APPENDUID', uidValidity: appendUidValidity });
    }
  });

  it('SELECT / EXAMINE / STATUS of a missing mailbox: NO (Dovecot 2.3 adds no [NONEXISTENT] there)', async () => {
    for (const name of ['SELECT', 'EXAMINE'] as const) {
      const r = await expectStatus({ name, mailbox: MISSING }, 'NO');
      expect(r.tagged.code).toBeUndefined();
      expect(r.tagged.text).toContain(`Mailbox doesn't exist: ${MISSING}`);
    }
    const st = await expectStatus({ name: 'STATUS', mailbox: MISSING, items: ['MESSAGES'] }, 'NO');
    expect(st.tagged.text).toContain("doesn't exist");
  });

  it('SELECT (CONDSTORE)', async () => {
    const r = await ok({ name: 'SELECT', mailbox: BOX, condstore: true });
    expect(r.wire).toContain('(CONDSTORE)');
    expect(r.tagged.code?.name).toBe('READ-WRITE');
    expect(untagged(r, 'exists')[0]?.count).toBe(8);
    expect(untagged(r, 'ok').some((x) => x.code?.name === 'HIGHESTMODSEQ')).toBe(true);
  });

  it('FETCH (FLAGS UID BODY.PEEK[1]<0.10> BINARY.PEEK[1] BINARY.SIZE[1] MODSEQ)', async () => {
    const r = await ok({
      name: 'FETCH',
      sequence: [[1, '*']],
      items: [
        { item: 'FLAGS' },
        { item: 'UID' },
        { item: 'BODY[]', section: { part: [1] }, peek: true, partial: { origin: 0, count: 10 } },
        { item: 'BINARY[]', part: [1], peek: true },
        { item: 'BINARY.SIZE', part: [1] },
        { item: 'MODSEQ' },
      ],
    });
    const f = untagged(r, 'fetch');
    expect(f).toHaveLength(8);
    const first = f.find((x) => x.seq === 1)!.attributes;
    expect(first.flags).toContain('\\Seen');
    expect(typeof first.modseq).toBe('bigint');
    const body = first.sections?.find((s) => s.kind === 'body');
    expect(body?.origin).toBe(0);
    expect(body?.value).toEqual(bytes(BODY_8BIT).subarray(0, 10));
    expect(first.sections?.find((s) => s.kind === 'binary')?.value).toEqual(bytes(BODY_8BIT));
    expect(first.binarySizes?.[0]?.size).toBe(bytes(BODY_8BIT).length);
    const bin = f.find((x) => x.seq === 3)!.attributes;
    expect(bin.sections?.find((s) => s.kind === 'binary')?.value).toEqual(BINARY_BODY);
    expect(bin.binarySizes?.[0]?.size).toBe(256);
    // not seen: PEEK
    expect(f.find((x) => x.seq === 2)!.attributes.flags).not.toContain('\\Seen');
  });

  it('SEARCH: OR / NOT / SINCE / HEADER and a UTF-8 string (CHARSET UTF-8, literal), sync and non-sync', async () => {
    for (const c of [caps, noLiteralPlus()]) {
      const r = await ok(
        {
          name: 'SEARCH',
          criteria: [
            {
              key: 'OR',
              left: { key: 'SINCE', date: '2020-01-01' },
              right: { key: 'NOT', operand: { key: 'HEADER', field: 'X-Nothing', value: 'x' } },
            },
            { key: 'SUBJECT', value: RUN },
            { key: 'BODY', value: 'Grüße' },
          ],
        },
        c,
      );
      expect(r.wire).toContain('CHARSET UTF-8');
      expect(r.continuations).toBe(c === caps ? 0 : 1);
      expect(untagged(r, 'search')[0]?.ids).toEqual([1, 2, 5, 6, 7, 8]);
    }
  });

  it('UID SEARCH RETURN (MIN MAX COUNT)', async () => {
    const r = await ok({
      name: 'SEARCH',
      uid: true,
      return: ['MIN', 'MAX', 'COUNT'],
      criteria: [{ key: 'ALL' }],
    });
    const e = untagged(r, 'esearch')[0];
    expect(e).toMatchObject({ tag: r.tag, uid: true, min: 1, max: 8, count: 8 });
  });

  it('STORE +FLAGS.SILENT, and UNCHANGEDSINCE (kept and refused with [MODIFIED])', async () => {
    const silent = await ok({
      name: 'STORE',
      sequence: [[1, 2]],
      operation: 'add',
      silent: true,
      flags: ['\\Flagged'],
    });
    expect(untagged(silent, 'fetch').filter((x) => x.attributes.flags !== undefined)).toEqual([]);
    const f = await ok({ name: 'FETCH', sequence: 3, items: [{ item: 'MODSEQ' }] });
    const modseq = untagged(f, 'fetch')[0]!.attributes.modseq!;
    const kept = await ok({
      name: 'STORE',
      sequence: 3,
      operation: 'add',
      flags: ['\\Answered'],
      unchangedSince: modseq,
    });
    expect(kept.tagged.code).toBeUndefined();
    const refused = await ok({
      name: 'STORE',
      sequence: 3,
      operation: 'add',
      flags: ['\\Draft'],
      unchangedSince: modseq,
    });
    expect(refused.tagged.code?.name).toBe('MODIFIED');
  });

  it('COPY and MOVE (to a non-ASCII name too)', async () => {
    const copy = await ok({ name: 'COPY', sequence: [1, 3], mailbox: DEST });
    expect(copy.tagged.code?.name).toBe('COPYUID');
    const move = await ok({ name: 'MOVE', sequence: 8, mailbox: NAMES[2]! });
    expect(untagged(move, 'expunge').map((x) => x.seq)).toEqual([8]);
  });

  it('UID EXPUNGE and EXPUNGE', async () => {
    await ok({
      name: 'STORE',
      uid: true,
      sequence: [6, 7],
      operation: 'add',
      silent: true,
      flags: ['\\Deleted'],
    });
    const uidEx = await ok({ name: 'EXPUNGE', uids: 7 });
    expect(uidEx.wire).toContain('UID EXPUNGE 7');
    expect(untagged(uidEx, 'expunge').map((x) => x.seq)).toEqual([7]);
    const ex = await ok({ name: 'EXPUNGE' });
    expect(untagged(ex, 'expunge').map((x) => x.seq)).toEqual([6]);
  });

  it('NOTIFY SET with the issue 11 filter set, then NOTIFY NONE', async () => {
    const r = await ok({
      name: 'NOTIFY',
      status: true,
      groups: [
        {
          filter: 'selected',
          events: [
            { event: 'MessageNew', fetch: [{ item: 'UID' }, { item: 'PREVIEW' }] },
            'MessageExpunge',
            'FlagChange',
          ],
        },
        { filter: 'personal', events: ['MessageNew', 'MessageExpunge', 'MailboxName'] },
      ],
    });
    expect(r.wire).toBe(
      `${r.tag} NOTIFY SET STATUS (selected (MessageNew (UID PREVIEW) MessageExpunge FlagChange)) ` +
        '(personal (MessageNew MessageExpunge MailboxName))\\r\\n',
    );
    const none = await ok({ name: 'NOTIFY', groups: null });
    expect(none.wire).toBe(`${none.tag} NOTIFY NONE\\r\\n`);
  });

  it('GETQUOTAROOT, GETQUOTA, SETMETADATA, GETMETADATA: answered and typed', async () => {
    expect(caps).toContain('QUOTA');
    expect(caps).toContain('METADATA');
    const q = await ok({ name: 'GETQUOTAROOT', mailbox: NAMES[0]! });
    expect(q.wire).toContain(`GETQUOTAROOT ${PREFIX}-Gr&APwA3w-e`);
    const [root] = untagged(q, 'quotaroot');
    expect(root?.mailbox).toBe(NAMES[0]);
    expect(root?.roots).toEqual(['User quota']);
    const quota = untagged(await ok({ name: 'GETQUOTA', root: 'User quota' }), 'quota');
    expect(quota[0]?.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['STORAGE', 'MESSAGE']));
    const comment = `Grüße ${PREFIX}`;
    await ok({
      name: 'SETMETADATA',
      mailbox: NAMES[0]!,
      entries: [{ entry: '/private/comment', value: comment }],
    });
    const m = untagged(
      await ok({ name: 'GETMETADATA', mailbox: NAMES[0]!, entries: ['/private/comment'] }),
      'metadata',
    );
    expect(new TextDecoder().decode(m[0]?.entries[0]?.value ?? new Uint8Array(0))).toBe(comment);
  });

  it('IDLE: + idling, then DONE from the encoder', async () => {
    const c = client!;
    tagCounter += 1;
    const tag = `E${tagCounter}`;
    const idle = encodeCommand({ name: 'IDLE' }, { tag, capabilities: caps });
    const from = c.responses.length;
    const raw = c as unknown as { write(b: Buffer): void };
    for (const f of idle) raw.write(Buffer.from(f.bytes));
    const plus = await c.waitFor('+ idling', from, (x) => x.tag === '+' || x.tag === tag);
    expect(plus.line).toMatch(/^\+ idling/i);
    expect(decodeOne(plus)).toMatchObject({ type: 'continuation' });
    for (const f of encodeIdleDone()) raw.write(Buffer.from(f.bytes));
    const done = decodeOne(await c.waitFor(`the tagged response to ${tag}`, from, (x) => x.tag === tag));
    expect(done).toMatchObject({ type: 'tagged', status: 'OK' });
    log.push(`${tag} IDLE … DONE  →  ${done.type === 'tagged' ? done.status : ''}`);
  });

  it('EXAMINE, UNSELECT, SELECT, CLOSE', async () => {
    const ex = await ok({ name: 'EXAMINE', mailbox: DEST });
    expect(ex.tagged.code?.name).toBe('READ-ONLY');
    expect(untagged(ex, 'exists')[0]?.count).toBe(2);
    await ok({ name: 'UNSELECT' });
    await expectStatus({ name: 'FETCH', sequence: '1', items: [{ item: 'FLAGS' }] }, 'BAD');
    const mv = await ok({ name: 'EXAMINE', mailbox: NAMES[2]! });
    expect(untagged(mv, 'exists')[0]?.count).toBe(1);
    await ok({ name: 'SELECT', mailbox: BOX });
    await ok({ name: 'CLOSE' });
  });

  it('RENAME to a Greek name, then DELETE of every folder this run made', async () => {
    await ok({ name: 'RENAME', from: OLD, to: RENAMED });
    const l = await ok({ name: 'LIST', reference: '', pattern: `${PREFIX}-*` });
    const names = untagged(l, 'list').map((x) => x.mailbox);
    expect(names).toContain(RENAMED);
    expect(names).not.toContain(OLD);
    for (const mailbox of names) await ok({ name: 'DELETE', mailbox });
    const after = await ok({ name: 'LIST', reference: '', pattern: `${PREFIX}*` });
    expect(untagged(after, 'list')).toEqual([]);
    await expectStatus({ name: 'DELETE', mailbox: MISSING }, 'NO', 'NONEXISTENT');
  });

  it('LOGOUT: BYE and OK', async () => {
    const r = await ok({ name: 'LOGOUT' });
    expect(untagged(r, 'bye')).toHaveLength(1);
    await client!.closed();
  });

  it('decodes every byte received without an error item, whole and in the chunks as received', () => {
    const c = client!;
    const whole = decodeAll([u8(c.receivedBytes())]);
    const errors = whole.filter((x) => x.type === 'error');
    expect(errors.map((e) => (e.type === 'error' ? e.error.message : ''))).toEqual([]);
    expect(whole).toHaveLength(c.responses.length);
    const chunked = decodeAll(c.chunks.map(u8));
    expect(chunked.filter((x) => x.type === 'error')).toEqual([]);
    expect(chunked).toHaveLength(whole.length);
  });
});
