/**
 * The Node driver on real sockets: against the scripted fake server over TCP (greeting,
 * pipelining, a timeout on a fake clock, a server that hangs up inside a response) and against
 * a hand-driven server for STARTTLS (RFC 9051 §6.2.1, with a throw-away certificate) and
 * COMPRESS=DEFLATE (RFC 4978, the OK and compressed bytes in one write); backpressure with a
 * server that does not read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSession, listenFakeServer, runNode } from '../../src/node/index.ts';
import type { SessionEvent } from '../../src/session/client-session.ts';
import type { ConnectionMachine, DriverAction } from '../../src/session/machine.ts';
import { selfSigned } from '../helpers/self-signed.ts';
import { listenImap } from '../helpers/tcp-imap-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cert: { key: string; cert: string };
beforeAll(() => {
  cert = selfSigned();
});

describe('against the scripted fake server over TCP', () => {
  it('greeting, LOGIN, pipelined UID FETCH and UID STORE, LOGOUT', async () => {
    const fake = await listenFakeServer([
      { expect: 'LOGIN bob secret', send: '{tag} OK [CAPABILITY IMAP4rev1] in\r\n' },
      { expect: 'SELECT INBOX', send: ['* 2 EXISTS\r\n', '{tag} OK [READ-WRITE] done\r\n'] },
      { expect: 'UID FETCH 1:* (FLAGS)', send: '* 1 FETCH (UID 1 FLAGS ())\r\n' },
      { expect: 'UID STORE 1 +FLAGS (\\Seen)', send: 'A3 OK fetched\r\n{tag} OK stored\r\n', chunks: 3 },
      { expect: 'LOGOUT', send: ['* BYE\r\n', '{tag} OK bye\r\n'] },
    ]);
    const imap = await connectSession({ host: fake.host, port: fake.port });
    expect((await imap.command({ name: 'LOGIN', username: 'bob', password: 'secret' })).status).toBe('OK');
    await imap.command({ name: 'SELECT', mailbox: 'INBOX' });
    const [fetch, store] = await Promise.all([
      imap.command({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }),
      imap.command({ name: 'STORE', uid: true, sequence: '1', operation: 'add', flags: ['\\Seen'] }),
    ]);
    expect([fetch.status, fetch.untagged.length, store.status]).toEqual(['OK', 1, 'OK']);
    expect((await imap.logout()).status).toBe('OK');
    await fake.finished;
    await fake.close();
  });

  it('a command timeout on a fake clock: the driver ticks, the socket is closed', async () => {
    const fake = await listenFakeServer([{ expect: 'NOOP' }]);
    let now = 1000;
    let fire: (() => void) | undefined;
    let armedFor = 0;
    const imap = await connectSession({
      host: fake.host,
      port: fake.port,
      session: { commandTimeout: 5000 },
      clock: () => now,
      setTimer: (fn, ms) => {
        fire = fn;
        armedFor = now + ms;
      },
      clearTimer: () => {
        fire = undefined;
      },
    });
    const noop = imap.command({ name: 'NOOP' });
    await fake.finished;
    expect(armedFor).toBe(6000);
    now = 6000;
    fire?.();
    expect(await noop).toMatchObject({ status: 'TIMEOUT' });
    await imap.ended;
    await fake.closed;
    await fake.close();
  });

  it('the server hangs up inside a literal: CLOSED and a TRUNCATED protocol error', async () => {
    const fake = await listenFakeServer([
      { expect: 'NOOP', send: '* 1 FETCH (BODY[] {100}\r\nonly a part', close: true },
    ]);
    const events: SessionEvent[] = [];
    const imap = await connectSession({ host: fake.host, port: fake.port, onEvent: (e) => events.push(e) });
    expect(await imap.command({ name: 'NOOP' })).toMatchObject({ status: 'CLOSED' });
    await imap.ended;
    expect(events.find((e) => e.type === 'protocol-error')).toMatchObject({ message: /^TRUNCATED/ });
    await fake.close();
  });

  it('nothing listening: connectSession rejects, onError sees ECONNREFUSED', async () => {
    const fake = await listenFakeServer([]);
    const port = fake.port;
    await fake.close();
    const errors: unknown[] = [];
    await expect(
      connectSession({ host: '127.0.0.1', port, onError: (e) => errors.push(e) }),
    ).rejects.toThrow();
    expect(String(errors[0])).toMatch(/ECONNREFUSED/);
  });
});

describe('STARTTLS and COMPRESS against a hand-driven server', () => {
  const GREETING = '* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi\r\n';
  let plaintextAfterOk = '';
  let server: Awaited<ReturnType<typeof listenImap>>;
  let compressTail = '';
  beforeAll(async () => {
    server = await listenImap(async (c) => {
      await c.send(GREETING);
      for (;;) {
        const line = await c.line();
        const [tag, name] = line.split(' ');
        if (name === 'STARTTLS') await c.startTls(`${tag} OK begin TLS\r\n`, cert, plaintextAfterOk);
        else if (name === 'CAPABILITY')
          await c.send(`* CAPABILITY IMAP4rev1 AUTH=PLAIN COMPRESS=DEFLATE\r\n${tag} OK\r\n`);
        else if (name === 'LOGIN') await c.send(`${tag} OK logged in\r\n`);
        else if (name === 'COMPRESS') await c.startCompression(`${tag} OK DEFLATE active\r\n`, compressTail);
        else if (name === 'FETCH') {
          const body = 'x'.repeat(300_000);
          await c.send(`* 1 FETCH (BODY[] {${body.length}}\r\n${body})\r\n${tag} OK done\r\n`);
        } else if (name === 'LOGOUT') {
          // The server closes at once (Dovecot does): LOGOUT's OK, compressed, must still be read.
          await c.send(`* BYE\r\n${tag} OK bye\r\n`);
          c.end();
          return;
        } else await c.send(`${tag} OK\r\n`);
      }
    });
  });
  afterAll(() => server.close());

  it('STARTTLS with a self-signed certificate, then COMPRESS (the OK and compressed bytes in one write)', async () => {
    plaintextAfterOk = '';
    compressTail = '* 1 EXISTS\r\n';
    const events: SessionEvent[] = [];
    const imap = await connectSession({
      host: '127.0.0.1',
      port: server.port,
      starttls: true,
      ca: cert.cert,
      onEvent: (e) => events.push(e),
    });
    expect(imap.session.capabilities).toContain('COMPRESS=DEFLATE');
    expect((await imap.command({ name: 'LOGIN', username: 'u', password: 'p' })).status).toBe('OK');
    expect((await imap.command({ name: 'COMPRESS', mechanism: 'DEFLATE' })).status).toBe('OK');
    const noop = await imap.command({ name: 'NOOP' });
    expect(noop.status).toBe('OK');
    // The EXISTS came compressed right behind the OK: it is read, once.
    expect(events.filter((e) => e.type === 'untagged' && e.response.kind === 'exists')).toHaveLength(1);
    const fetch = await imap
      .command({ name: 'SELECT', mailbox: 'INBOX' })
      .then(() => imap.command({ name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', peek: true }] }));
    expect(fetch.status).toBe('OK');
    const sections = (fetch.untagged[0] as { attributes: { sections?: { value: Uint8Array | null }[] } })
      .attributes.sections;
    expect(sections?.[0]?.value?.length).toBe(300_000);
    expect((await imap.logout()).status).toBe('OK');
    expect(events.some((e) => e.type === 'protocol-error')).toBe(false);
    // The server read these through TLS and its inflater.
    expect(server.connections.at(-1)?.received.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'STARTTLS',
      'CAPABILITY',
      'LOGIN u p',
      'CAPABILITY',
      'COMPRESS DEFLATE',
      'NOOP',
      'SELECT INBOX',
      'FETCH 1 (BODY.PEEK[])',
      'LOGOUT',
    ]);
    expect(server.errors).toEqual([]);
  });

  it('plaintext sent after STARTTLS OK in the same write is dropped, never read as if over TLS', async () => {
    plaintextAfterOk = '* CAPABILITY IMAP4rev1 INJECTED\r\n';
    const events: SessionEvent[] = [];
    const imap = await connectSession({
      host: '127.0.0.1',
      port: server.port,
      starttls: true,
      ca: cert.cert,
      onEvent: (e) => events.push(e),
    });
    expect(imap.session.capabilities).not.toContain('INJECTED');
    expect(events.find((e) => e.type === 'protocol-error')).toMatchObject({
      message: /bytes after STARTTLS's OK, before TLS, dropped/,
    });
    await imap.logout();
  });

  it('a certificate that does not verify fails STARTTLS: connectSession rejects', async () => {
    plaintextAfterOk = '';
    const errors: unknown[] = [];
    await expect(
      connectSession({
        host: '127.0.0.1',
        port: server.port,
        starttls: true,
        onError: (e) => errors.push(e),
      }),
    ).rejects.toThrow(/ended during STARTTLS/);
    expect(String(errors[0])).toMatch(/self-signed|certificate/i);
  });
});

/** Writes `count` chunks of `size` bytes; records what the driver asks. */
class Flood implements ConnectionMachine {
  left: number;
  readonly calls: string[] = [];
  constructor(
    count: number,
    private readonly size: number,
  ) {
    this.left = count;
  }
  receive(): void {}
  tick(): void {}
  closed(now: number): void {
    this.calls.push(`closed ${now}`);
  }
  tlsEstablished(): void {}
  pollTransmit(): Uint8Array | null {
    if (this.left === 0) return null;
    this.left--;
    return new Uint8Array(this.size).fill(0x61);
  }
  pollAction(): DriverAction | null {
    return null;
  }
  pollTimeout(): number | null {
    return null;
  }
}

describe('backpressure', () => {
  it('stops taking bytes from the machine while the socket buffer is full; all arrive once the server reads', async () => {
    let total = 0;
    let resume: (() => void) | undefined;
    const server = await listenImap(async (c) => {
      c.socket.removeAllListeners('data');
      c.socket.pause();
      resume = () => {
        c.socket.on('data', (b: Uint8Array) => {
          total += b.length;
        });
        c.socket.resume();
      };
      await c.closed;
    });
    const m = new Flood(400, 64 * 1024);
    const run = runNode(m, { host: '127.0.0.1', port: server.port });
    for (let i = 0; i < 20 && m.left > 0; i++) await sleep(25);
    // 25 MiB cannot all sit in the kernel's buffers: the rest stayed in the machine.
    expect(m.left).toBeGreaterThan(0);
    resume?.();
    while (total < 400 * 64 * 1024) await sleep(10);
    expect(m.left).toBe(0);
    run.close();
    await run.done;
    await server.close();
  });
});
