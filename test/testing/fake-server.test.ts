/** The scripted fake server (src/testing/fake-server.ts) over web streams and over TCP. */
import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type DecodeItem, ResponseDecoder } from '../../src/index.ts';
import { listenFakeServer } from '../../src/node/fake-server.ts';
import { type ClientStreams, fakeServer, type ScriptStep } from '../../src/testing/fake-server.ts';

const enc = new TextEncoder();

/** A tiny client: writes lines, reads decoded items until a predicate holds. */
class Client {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly dec = new ResponseDecoder();
  readonly items: DecodeItem[] = [];
  chunks = 0;

  constructor(streams: ClientStreams) {
    this.writer = streams.writable.getWriter();
    this.reader = streams.readable.getReader();
  }

  send(s: string | Uint8Array): Promise<void> {
    return this.writer.write(typeof s === 'string' ? enc.encode(s) : s);
  }

  /** Reads until an item satisfies `until`; returns the items read so far. */
  async readUntil(until: (i: DecodeItem) => boolean): Promise<DecodeItem[]> {
    for (;;) {
      if (this.items.some(until)) return this.items;
      const { value, done } = await this.reader.read();
      if (done) return this.items;
      this.chunks++;
      this.items.push(...this.dec.push(value));
    }
  }

  tagged(tag: string): Promise<DecodeItem[]> {
    return this.readUntil((i) => i.type === 'tagged' && i.tag === tag);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

const LOGIN_SELECT: ScriptStep[] = [
  { expect: 'LOGIN bob secret', send: '{tag} OK [CAPABILITY IMAP4rev2] logged in\r\n' },
  {
    expect: /^\S+ SELECT INBOX$/,
    send: ['* 3 EXISTS\r\n', '* OK [UIDVALIDITY 42] ok\r\n', '{tag} OK [READ-WRITE] selected\r\n'],
    chunks: 1,
  },
];

describe('fakeServer over web streams', () => {
  test('plays the script: greeting, tag substitution, chunked answers', async () => {
    const { client, server } = fakeServer(LOGIN_SELECT);
    const c = new Client(client);
    await c.readUntil((i) => i.type === 'untagged' && i.kind === 'ok');
    await c.send('x1 LOGIN bob secret\r\n');
    await c.tagged('x1');
    const before = c.chunks;
    await c.send('x2 SELECT INBOX\r\n');
    const items = await c.tagged('x2');
    expect(items.map((i) => (i.type === 'tagged' ? `${i.tag} ${i.status}` : i.type))).toEqual([
      'untagged',
      'x1 OK',
      'untagged',
      'untagged',
      'x2 OK',
    ]);
    // One byte per write: every byte of the answer was a chunk.
    expect(c.chunks - before).toBe(
      '* 3 EXISTS\r\n* OK [UIDVALIDITY 42] ok\r\nx2 OK [READ-WRITE] selected\r\n'.length,
    );
    await server.finished;
    await c.close();
    await server.closed;
    expect(server.received.map((r) => [r.tag, r.text, r.parsed?.command.name])).toEqual([
      ['x1', 'LOGIN bob secret', 'LOGIN'],
      ['x2', 'SELECT INBOX', 'SELECT'],
    ]);
  });

  test('answers a synchronising literal with "+" before the client sends it', async () => {
    const { client, server } = fakeServer([{ expect: 'LOGIN {3}\r\nbob "s"', send: '{tag} OK\r\n' }], {
      greeting: null,
    });
    const c = new Client(client);
    await c.send('a LOGIN {3}\r\n');
    const [plus] = await c.readUntil((i) => i.type === 'continuation');
    expect(plus).toMatchObject({ type: 'continuation' });
    await c.send('bob "s"\r\n');
    await c.tagged('a');
    await server.finished;
    expect(server.received[0]?.parsed?.command).toEqual({ name: 'LOGIN', username: 'bob', password: 's' });
  });

  test('a non-synchronising literal gets no "+"', async () => {
    const { client, server } = fakeServer([{ expect: 'LOGIN {3+}\r\nbob x', send: '{tag} OK\r\n' }], {
      greeting: null,
    });
    const c = new Client(client);
    await c.send('a LOGIN {3+}\r\nbob x\r\n');
    expect((await c.tagged('a')).map((i) => i.type)).toEqual(['tagged']);
    await server.finished;
  });

  test('an unexpected command fails the run, answers BAD and closes', async () => {
    const { client, server } = fakeServer(LOGIN_SELECT, { greeting: null });
    const c = new Client(client);
    await c.send('a1 LOGIN bob wrong\r\n');
    const items = await c.tagged('a1');
    expect(items.at(-1)).toMatchObject({ type: 'tagged', tag: 'a1', status: 'BAD' });
    await expect(server.finished).rejects.toThrow(
      'fake server: step 0: expected "LOGIN bob secret", got "a1 LOGIN bob wrong"',
    );
    await expect(server.closed).rejects.toThrow('expected "LOGIN bob secret"');
  });

  test('a command after the end of the script fails the run', async () => {
    const { client, server } = fakeServer([{ expect: 'NOOP', send: '{tag} OK\r\n' }], { greeting: null });
    const c = new Client(client);
    await c.send('a NOOP\r\nb NOOP\r\n');
    await c.tagged('b');
    await expect(server.closed).rejects.toThrow(`unexpected command after the script's end: "b NOOP"`);
  });

  test('a client that hangs up early fails the run', async () => {
    const { client, server } = fakeServer(LOGIN_SELECT, { greeting: null });
    const c = new Client(client);
    await c.send('a LOGIN bob secret\r\n');
    await c.tagged('a');
    await c.close();
    await expect(server.closed).rejects.toThrow('the connection ended before step 1: /^\\S+ SELECT INBOX$/');
  });

  test('IDLE: unprompted pushes after a delay, DONE answered with IDLE’s tag', async () => {
    const { client, server } = fakeServer(
      [
        { expect: 'IDLE', send: '+ idling\r\n' },
        { send: '* 4 EXISTS\r\n', delayMs: 20 },
        { send: '* 1 EXPUNGE\r\n', chunks: [2, 3], chunkDelayMs: 5 },
        { expect: 'DONE', send: '{tag} OK IDLE terminated\r\n' },
      ],
      { greeting: null },
    );
    const c = new Client(client);
    await c.send('i7 IDLE\r\n');
    await c.readUntil((i) => i.type === 'untagged' && i.kind === 'expunge');
    await c.send('DONE\r\n');
    const items = await c.tagged('i7');
    expect(items.map((i) => (i.type === 'untagged' ? i.kind : i.type))).toEqual([
      'continuation',
      'exists',
      'expunge',
      'tagged',
    ]);
    await server.finished;
    expect(server.received.map((r) => r.tag)).toEqual(['i7', null]);
  });

  test('a step waiting too long fails the run', async () => {
    const { server } = fakeServer([{ expect: 'NOOP' }], { greeting: null, timeoutMs: 30 });
    await expect(server.finished).rejects.toThrow('timed out after 30 ms waiting for step 0: "NOOP"');
  });

  test('send as a function of the command; predicates; close after a step', async () => {
    const { client, server } = fakeServer(
      [
        {
          expect: (_line, r) => r.parsed?.command.name === 'FETCH',
          send: (r) => [`* 1 FETCH (UID ${r?.text.length})\r\n`, '{tag} OK\r\n'],
        },
        { expect: 'LOGOUT', send: ['* BYE\r\n', '{tag} OK\r\n'], close: true },
      ],
      { greeting: null },
    );
    const c = new Client(client);
    await c.send('f UID FETCH 1 (UID)\r\nq LOGOUT\r\n');
    const items = await c.readUntil(() => false); // to the end of the stream: the server closed it
    expect(items.map((i) => (i.type === 'untagged' ? i.kind : `${i.type}`))).toEqual([
      'fetch',
      'tagged',
      'bye',
      'tagged',
    ]);
    expect(items[0]).toMatchObject({ attributes: { uid: 'UID FETCH 1 (UID)'.length } });
    await server.closed;
  });

  fcTest.prop([fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 })], { numRuns: 40 })(
    'any chunking of the answers gives the client the same items',
    async (chunks) => {
      const { client, server } = fakeServer([{ ...LOGIN_SELECT[1]!, chunks }], {
        greeting: '* OK [CAPABILITY IMAP4rev2] hi\r\n',
      });
      const c = new Client(client);
      await c.send('s SELECT INBOX\r\n');
      const items = await c.tagged('s');
      expect(items).toHaveLength(4);
      expect(items.at(-1)).toMatchObject({ tag: 's', status: 'OK', code: { name: 'READ-WRITE' } });
      await server.finished;
    },
    60_000,
  );
});

describe('listenFakeServer over TCP on 127.0.0.1', () => {
  test('the same script over a socket', async () => {
    const fake = await listenFakeServer([
      ...LOGIN_SELECT,
      { expect: 'LOGOUT', send: ['* BYE bye\r\n', '{tag} OK\r\n'], close: true },
    ]);
    try {
      const socket = connect(fake.port, fake.host);
      const c = new Client(Duplex.toWeb(socket) as unknown as ClientStreams);
      await c.readUntil((i) => i.type === 'untagged');
      await c.send('t1 LOGIN bob secret\r\nt2 SELECT INBOX\r\n');
      await c.tagged('t2');
      await c.send('t3 LOGOUT\r\n');
      const items = await c.readUntil(() => false);
      expect(items.at(-1)).toMatchObject({ type: 'tagged', tag: 't3', status: 'OK' });
      await fake.finished;
      await fake.closed;
    } finally {
      await fake.close();
    }
  });

  test('an unexpected command over TCP fails the run', async () => {
    const fake = await listenFakeServer([{ expect: 'NOOP', send: '{tag} OK\r\n' }], { greeting: null });
    try {
      const socket = connect(fake.port, fake.host);
      const c = new Client(Duplex.toWeb(socket) as unknown as ClientStreams);
      await c.send('n1 CHECK\r\n');
      expect((await c.tagged('n1')).at(-1)).toMatchObject({ status: 'BAD' });
      await expect(fake.finished).rejects.toThrow('expected "NOOP", got "n1 CHECK"');
    } finally {
      await fake.close();
    }
  });
});
