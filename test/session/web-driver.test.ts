/**
 * The web-streams driver: a ClientSession against the scripted fake server (greeting,
 * pipelining, a timeout on a fake clock, a server that hangs up inside a response), and the
 * loop's mechanics with a scripted machine (backpressure, STARTTLS's stream swap, COMPRESS's
 * codec and leftover, connect actions).
 */
import { describe, expect, it } from 'vitest';
import type { DriverHooks } from '../../src/driver/hooks.ts';
import { openSession, runMachine, type WebTransport } from '../../src/driver/web-driver.ts';
import type { SessionEvent } from '../../src/session/client-session.ts';
import type { ConnectionMachine, DriverAction } from '../../src/session/machine.ts';
import { fakeServer } from '../../src/testing/fake-server.ts';

const te = new TextEncoder();
const td = new TextDecoder();

/** A clock and one timer the test moves by hand. */
function fakeTime() {
  const t = {
    now: 0,
    fire: undefined as (() => void) | undefined,
    armedFor: null as number | null,
    hooks: {} as DriverHooks,
    advance(to: number): void {
      t.now = to;
      const f = t.fire;
      if (f !== undefined && t.armedFor !== null && t.armedFor <= to) {
        t.fire = undefined;
        t.armedFor = null;
        f();
      }
    },
  };
  t.hooks = {
    clock: () => t.now,
    setTimer: (fn, ms) => {
      t.fire = fn;
      t.armedFor = t.now + ms;
      return 1;
    },
    clearTimer: () => {
      t.fire = undefined;
      t.armedFor = null;
    },
  };
  return t;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await tick();
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('a ClientSession over the fake server', () => {
  it('greeting, LOGIN, a pipelined FETCH and STORE by UID, LOGOUT', async () => {
    const { client, server } = fakeServer([
      { expect: 'LOGIN bob secret', send: '{tag} OK [CAPABILITY IMAP4rev1 LITERAL+] in\r\n' },
      { expect: 'SELECT INBOX', send: ['* 2 EXISTS\r\n', '{tag} OK [READ-WRITE] done\r\n'] },
      { expect: 'UID FETCH 1:* (FLAGS)', send: '* 1 FETCH (UID 1 FLAGS ())\r\n' },
      // The STORE came before FETCH was answered: pipelined.
      {
        expect: 'UID STORE 1 +FLAGS (\\Seen)',
        send: ['A3 OK fetched\r\n', '{tag} OK stored\r\n'],
        chunks: 5,
      },
      { expect: 'LOGOUT', send: ['* BYE\r\n', '{tag} OK bye\r\n'] },
    ]);
    const events: SessionEvent[] = [];
    const imap = await openSession({ connect: async () => client, onEvent: (e) => events.push(e) });
    expect((await imap.greeting).kind).toBe('ok');
    expect((await imap.command({ name: 'LOGIN', username: 'bob', password: 'secret' })).status).toBe('OK');
    expect((await imap.command({ name: 'SELECT', mailbox: 'INBOX' })).untagged).toHaveLength(1);
    const [fetch, store] = await Promise.all([
      imap.command({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }),
      imap.command({ name: 'STORE', uid: true, sequence: '1', operation: 'add', flags: ['\\Seen'] }),
    ]);
    expect([fetch.status, fetch.untagged.length, store.status]).toEqual(['OK', 1, 'OK']);
    expect((await imap.logout()).status).toBe('OK');
    await server.finished;
    expect(events.at(-1)).toEqual({ type: 'closed' });
  });

  it('a command unanswered past its timeout on the fake clock: TIMEOUT, the connection closes, done', async () => {
    const t = fakeTime();
    const { client, server } = fakeServer([{ expect: 'NOOP' }]);
    const imap = await openSession({
      connect: async () => client,
      session: { commandTimeout: 30_000 },
      ...t.hooks,
    });
    const noop = imap.command({ name: 'NOOP' });
    await until(() => server.received.length === 1, 'the NOOP');
    expect(t.armedFor).toBe(30_000);
    t.advance(29_999);
    await tick();
    t.advance(30_000);
    expect(await noop).toMatchObject({ status: 'TIMEOUT' });
    await imap.ended;
    await server.closed;
  });

  it('a greeting that never comes: openSession rejects when the fake clock passes the greeting timeout', async () => {
    const t = fakeTime();
    const { client } = fakeServer([], { greeting: null });
    const opening = openSession({
      connect: async () => client,
      session: { greetingTimeout: 5000 },
      ...t.hooks,
    });
    await until(() => t.armedFor !== null, 'the timer');
    t.advance(5000);
    await expect(opening).rejects.toThrow(/ended before the greeting/);
  });

  it('the server hangs up inside a response: the command completes CLOSED, a TRUNCATED protocol error', async () => {
    const { client, server } = fakeServer([
      { expect: 'NOOP', send: '* 1 FETCH (BODY[] {100}\r\nonly part of it', close: true },
    ]);
    const events: SessionEvent[] = [];
    const imap = await openSession({ connect: async () => client, onEvent: (e) => events.push(e) });
    expect(await imap.command({ name: 'NOOP' })).toMatchObject({ status: 'CLOSED' });
    await imap.ended;
    await server.finished;
    expect(events.find((e) => e.type === 'protocol-error')).toMatchObject({ message: /^TRUNCATED/ });
  });

  it('a connection that cannot be opened: rejects, the error seen by onError', async () => {
    const errors: unknown[] = [];
    await expect(
      openSession({
        connect: async () => {
          throw new Error('ECONNREFUSED');
        },
        onError: (e) => errors.push(e),
      }),
    ).rejects.toThrow(/ended before the greeting/);
    expect(String(errors[0])).toMatch(/ECONNREFUSED/);
  });
});

/** A machine that does what the test scripts: bytes to write, actions, and a log of calls. */
class ScriptedMachine implements ConnectionMachine {
  readonly calls: string[] = [];
  readonly out: Uint8Array[] = [];
  readonly actions: DriverAction[] = [];
  timeout: number | null = null;
  onReceive: ((text: string) => void) | undefined;
  onAction: ((action: DriverAction) => void) | undefined;
  connected?: (now: number) => void;

  constructor(asksForConnections = false) {
    if (asksForConnections) this.connected = (now) => this.calls.push(`connected ${now}`);
  }
  receive(bytes: Uint8Array, _now: number): void {
    const text = td.decode(bytes);
    this.calls.push(`receive ${text}`);
    this.onReceive?.(text);
  }
  tick(now: number): void {
    this.calls.push(`tick ${now}`);
  }
  closed(now: number): void {
    this.calls.push(`closed ${now}`);
  }
  tlsEstablished(now: number): void {
    this.calls.push(`tls ${now}`);
  }
  onCompression: (() => void) | undefined;
  compressionStarted(): void {
    this.onCompression?.();
  }
  pollTransmit(): Uint8Array | null {
    return this.out.shift() ?? null;
  }
  pollAction(): DriverAction | null {
    const a = this.actions.shift() ?? null;
    if (a !== null) this.onAction?.(a);
    return a;
  }
  pollTimeout(): number | null {
    return this.timeout;
  }
}

/** An in-memory connection: the test's end reads what the driver wrote and writes what it reads. */
function pipePair(writableStrategy?: QueuingStrategy<Uint8Array>, sink?: UnderlyingSink<Uint8Array>) {
  const toDriver = new TransformStream<Uint8Array, Uint8Array>();
  const written: string[] = [];
  const writable = new WritableStream<Uint8Array>(
    sink ?? {
      write: (chunk) => {
        written.push(td.decode(chunk));
      },
    },
    writableStrategy,
  );
  const serverWriter = toDriver.writable.getWriter();
  return {
    transport: { readable: toDriver.readable, writable } satisfies WebTransport,
    written,
    send: (text: string) => serverWriter.write(te.encode(text)),
    hangUp: () => serverWriter.close(),
  };
}

describe('the loop, with a scripted machine', () => {
  it('backpressure: waits for the writer to be ready; everything arrives, in order', async () => {
    const m = new ScriptedMachine();
    for (let i = 0; i < 50; i++) m.out.push(te.encode(`${i}.`));
    const written: string[] = [];
    let release: (() => void) | undefined;
    const pair = pipePair(
      { highWaterMark: 1 },
      {
        write: (chunk) =>
          new Promise<void>((r) => {
            written.push(td.decode(chunk));
            release = r;
          }),
      },
    );
    runMachine(m, { connect: async () => pair.transport });
    await until(() => written.length === 1, 'the first write');
    for (let i = 0; i < 10; i++) await tick();
    // One chunk with the sink, at most one queued: the rest is still in the machine.
    expect(m.out.length).toBeGreaterThanOrEqual(47);
    while (written.length < 50) {
      release?.();
      await tick();
    }
    release?.();
    expect(written.join('')).toBe(Array.from({ length: 50 }, (_, i) => `${i}.`).join(''));
  });

  it('STARTTLS: the driver hands the streams to startTls between two reads and reads the new ones', async () => {
    const m = new ScriptedMachine();
    const plain = pipePair();
    const secure = pipePair();
    let handed: WebTransport | undefined;
    m.onReceive = (text) => {
      if (text === 'A1 OK begin TLS\r\n') m.actions.push({ type: 'starttls' });
      if (text === '* OK secure\r\n') m.out.push(te.encode('A2 CAPABILITY\r\n'));
    };
    const run = runMachine(m, {
      connect: async () => plain.transport,
      startTls: async (t) => {
        handed = t;
        return secure.transport;
      },
      clock: () => 7,
    });
    expect(run.supports).toEqual({ starttls: true, compress: false });
    await plain.send('A1 OK begin TLS\r\n');
    await until(() => m.calls.includes('tls 7'), 'the handshake');
    expect(handed).toBe(plain.transport);
    await secure.send('* OK secure\r\n');
    await until(() => secure.written.length === 1, 'the write over TLS');
    expect(secure.written).toEqual(['A2 CAPABILITY\r\n']);
    expect(plain.written).toEqual([]);
    run.close();
    await run.done;
    expect(m.calls.at(-1)).toBe('closed 7');
  });

  it('STARTTLS without a startTls: the connection ends', async () => {
    const m = new ScriptedMachine();
    const pair = pipePair();
    const errors: unknown[] = [];
    m.onReceive = () => m.actions.push({ type: 'starttls' });
    runMachine(m, { connect: async () => pair.transport, clock: () => 1, onError: (e) => errors.push(e) });
    await pair.send('A1 OK\r\n');
    await until(() => m.calls.includes('closed 1'), 'closed');
    expect(String(errors[0])).toMatch(/no startTls/);
  });

  it('COMPRESS: the leftover is inflated first, then every read; every write deflated', async () => {
    // A stand-in codec (XOR): what is tested is where the driver applies it.
    const xor = (b: Uint8Array) => b.map((x) => x ^ 0x55);
    const m = new ScriptedMachine();
    const pair = pipePair();
    m.onReceive = (text) => {
      if (text.startsWith('A1 OK'))
        m.actions.push({ type: 'compress', leftover: xor(te.encode('* 1 EXISTS\r\n')) });
    };
    // Like a ClientSession: what follows the action is written once compression started.
    m.onCompression = () => m.out.push(te.encode('A2 NOOP\r\n'));
    const run = runMachine(m, {
      connect: async () => pair.transport,
      compression: () => ({ deflate: xor, inflate: xor }),
    });
    expect(run.supports.compress).toBe(true);
    await pair.send('A1 OK DEFLATE active\r\n');
    await until(() => pair.written.length === 1, 'the NOOP');
    expect(pair.written[0]).toBe(td.decode(xor(te.encode('A2 NOOP\r\n'))));
    await pair.send(td.decode(xor(te.encode('A2 OK\r\n'))));
    await until(() => m.calls.length === 3, 'the OK');
    expect(m.calls).toEqual([
      'receive A1 OK DEFLATE active\r\n',
      'receive * 1 EXISTS\r\n',
      'receive A2 OK\r\n',
    ]);
    run.close();
  });

  it('connect actions: a connection per request, connected, closed when it ends; finished ends the run', async () => {
    const m = new ScriptedMachine(true);
    const pairs = [pipePair(), pipePair()];
    let opened = 0;
    m.actions.push({ type: 'connect' });
    m.onReceive = (text) => {
      if (text === 'bye\r\n') m.actions.push({ type: 'finished' });
    };
    const run = runMachine(m, { connect: async () => pairs[opened++]!.transport, clock: () => 3 });
    await until(() => m.calls.includes('connected 3'), 'the first connection');
    await pairs[0]!.hangUp();
    await until(() => m.calls.includes('closed 3'), 'closed');
    m.actions.push({ type: 'connect' });
    run.wake();
    await until(() => opened === 2 && m.calls.filter((c) => c === 'connected 3').length === 2, 'the second');
    await pairs[1]!.send('bye\r\n');
    await run.done;
    expect(m.calls).toEqual(['connected 3', 'closed 3', 'connected 3', 'receive bye\r\n']);
  });

  it('one timer for pollTimeout, re-armed when it changes; tick when it fires', async () => {
    const t = fakeTime();
    const m = new ScriptedMachine();
    m.timeout = 100;
    const run = runMachine(m, { connect: async () => pipePair().transport, ...t.hooks });
    await until(() => t.armedFor === 100, 'the timer');
    m.timeout = 250;
    run.wake();
    await until(() => t.armedFor === 250, 'the re-armed timer');
    t.advance(250);
    expect(m.calls).toEqual(['tick 250']);
    run.close();
  });
});
