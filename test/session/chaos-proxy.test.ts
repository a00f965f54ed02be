/**
 * The chaos proxy of the interop soak (test/interop/chaos-proxy.ts), over real sockets on
 * 127.0.0.1 against small servers made here: it forwards both ways, cuts at once, cuts at the
 * exact byte its seeded budget says (the same for the same seed), and refuses while "down".
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ChaosProxy, TAIL_BYTES } from '../interop/chaos-proxy.ts';

interface Upstream {
  server: net.Server;
  port: number;
  /** Bytes each accepted connection received, and whether it has closed. */
  conns: { got: Buffer[]; closed: boolean }[];
}

/** A server that sends `greeting` on connect and echoes what it gets. */
async function upstream(greeting: Buffer = Buffer.alloc(0)): Promise<Upstream> {
  const conns: Upstream['conns'] = [];
  const server = net.createServer((s) => {
    const c = { got: [] as Buffer[], closed: false };
    conns.push(c);
    s.on('data', (b) => {
      c.got.push(b);
      s.write(b);
    });
    s.on('close', () => {
      c.closed = true;
    });
    s.on('error', () => {});
    if (greeting.length > 0) s.write(greeting);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as net.AddressInfo).port, conns };
}

interface Client {
  socket: net.Socket;
  got: () => Buffer;
  closed: Promise<void>;
}

async function connect(port: number): Promise<Client> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  const chunks: Buffer[] = [];
  socket.on('data', (b) => chunks.push(b));
  socket.on('error', () => {});
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  await new Promise<void>((r, j) => {
    socket.once('connect', r);
    socket.once('error', j);
  });
  return { socket, got: () => Buffer.concat(chunks), closed };
}

const until = async (test: () => boolean, ms = 3_000): Promise<void> => {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

async function setup(greeting?: Buffer, opts: Partial<Parameters<typeof ChaosProxy.start>[0]> = {}) {
  const up = await upstream(greeting);
  const proxy = await ChaosProxy.start({ port: up.port, ...opts });
  cleanup.push(
    () => proxy.close(),
    () => new Promise<void>((r) => up.server.close(() => r())),
  );
  return { up, proxy };
}

describe('ChaosProxy', () => {
  it('listens on 127.0.0.1 and forwards both ways unchanged', async () => {
    const { up, proxy } = await setup(Buffer.from('* OK hello\r\n'));
    const c = await connect(proxy.port);
    const payload = Buffer.alloc(200_000, 0x61);
    c.socket.write(payload);
    await until(() => c.got().length === 12 + payload.length);
    expect(c.got().subarray(0, 12).toString()).toBe('* OK hello\r\n');
    expect(Buffer.concat(up.conns[0]!.got).equals(payload)).toBe(true);
    expect(proxy.stats).toMatchObject({ connections: 1, cuts: 0, bytesUp: payload.length });
    expect(proxy.stats.bytesDown).toBe(12 + payload.length);
    c.socket.destroy();
  });

  it('cut() ends the client and the upstream connection at once and counts them', async () => {
    const { up, proxy } = await setup(Buffer.from('* OK\r\n'));
    const a = await connect(proxy.port);
    const b = await connect(proxy.port);
    await until(() => a.got().length === 6 && b.got().length === 6);
    expect(proxy.open).toBe(2);
    expect(proxy.cut(1)).toBe(1);
    await a.closed;
    expect(proxy.open).toBe(1);
    expect(proxy.cut()).toBe(1);
    await Promise.all([a.closed, b.closed]);
    await until(() => up.conns.every((c) => c.closed));
    expect(proxy.stats.cuts).toBe(2);
    expect(proxy.open).toBe(0);
    expect(proxy.cut()).toBe(0);
    expect(proxy.cutLog.map((r) => r.reason)).toEqual(['cut', 'cut']);
  });

  it('a random cut delivers exactly the budget server to client, then closes both sides', async () => {
    const greeting = Buffer.from('0123456789'.repeat(1000));
    const { up, proxy } = await setup(greeting, {
      seed: 3,
      random: { minBytes: 1234, maxBytes: 1234, direction: 'down' },
    });
    const c = await connect(proxy.port);
    await c.closed;
    expect(c.got().equals(greeting.subarray(0, 1234))).toBe(true);
    await until(() => up.conns[0]!.closed);
    expect(proxy.cutLog).toMatchObject([{ reason: 'random', up: 0, down: 1234, direction: 'down' }]);
    expect(Buffer.from(proxy.cutLog[0]!.downTail).equals(greeting.subarray(0, 1234))).toBe(true);
  });

  it('a random cut client to server splits the chunk that crosses the budget', async () => {
    const { up, proxy } = await setup(undefined, {
      random: { minBytes: 500, maxBytes: 500, direction: 'up' },
    });
    const c = await connect(proxy.port);
    c.socket.write(Buffer.alloc(300, 0x31));
    await until(() => Buffer.concat(up.conns[0]?.got ?? []).length === 300);
    c.socket.write(Buffer.alloc(300, 0x32));
    await c.closed;
    await until(() => up.conns[0]!.closed);
    const got = Buffer.concat(up.conns[0]!.got);
    expect(got.length).toBe(500);
    expect(got.subarray(300).equals(Buffer.alloc(200, 0x32))).toBe(true);
    expect(proxy.stats.cuts).toBe(1);
  });

  it('draws the same budgets for the same seed, and stops after maxCuts', async () => {
    const greeting = Buffer.alloc(50_000, 0x78);
    const budgets = async (seed: number): Promise<number[]> => {
      const { proxy } = await setup(greeting, {
        seed,
        random: { minBytes: 10, maxBytes: 40_000, maxCuts: 3 },
      });
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        const c = await connect(proxy.port);
        if (i < 3) await c.closed;
        else await until(() => c.got().length === greeting.length);
        out.push(c.got().length);
        c.socket.destroy();
      }
      expect(proxy.stats.cuts).toBe(3);
      return out;
    };
    const first = await budgets(99);
    expect(await budgets(99)).toEqual(first);
    expect(first[3]).toBe(greeting.length);
    expect(new Set(first.slice(0, 3)).size).toBeGreaterThan(1);
  });

  it('refuses connections while down (no byte, no upstream), and forwards again after', async () => {
    const { up, proxy } = await setup(Buffer.from('* OK\r\n'));
    proxy.refuse(300);
    expect(proxy.refusing).toBe(true);
    const c = await connect(proxy.port);
    await c.closed;
    expect(c.got().length).toBe(0);
    expect(up.conns.length).toBe(0);
    await until(() => !proxy.refusing);
    const d = await connect(proxy.port);
    await until(() => d.got().length === 6);
    expect(proxy.stats).toMatchObject({ refused: 1, connections: 1 });
    proxy.refuse();
    const e = await connect(proxy.port);
    await e.closed;
    proxy.accept();
    expect(proxy.stats.refused).toBe(2);
    d.socket.destroy();
  });

  it('an upstream that is not there closes the client', async () => {
    const gone = net.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const port = (gone.address() as net.AddressInfo).port;
    await new Promise<void>((r) => gone.close(() => r()));
    const proxy = await ChaosProxy.start({ port });
    cleanup.push(() => proxy.close());
    const c = await connect(proxy.port);
    await c.closed;
    expect(proxy.open).toBe(0);
  });
});

describe('ChaosProxy.armCut', () => {
  it('cuts one open connection after the armed number of further bytes, counted both ways', async () => {
    const { proxy } = await setup(Buffer.from('* OK\r\n'), { seed: 5 });
    const c = await connect(proxy.port);
    await until(() => c.got().length === 6);
    proxy.armCut(10, 10);
    c.socket.write(Buffer.from('abcd'));
    await until(() => c.got().length === 10);
    c.socket.write(Buffer.from('efghij'));
    await c.closed;
    // 4 up + 4 echoed down = 8, then 2 of "efghij" up: the cut
    expect(proxy.cutLog).toMatchObject([{ reason: 'armed', up: 6, down: 10, direction: 'up' }]);
    expect(Buffer.from(proxy.cutLog[0]!.upTail).toString()).toBe('abcdef');
    expect(Buffer.from(proxy.cutLog[0]!.downTail).toString()).toBe('* OK\r\nabcd');
  });

  it('next: arms the next connection even with one open', async () => {
    const greeting = Buffer.alloc(2_000, 0x2e);
    const { proxy } = await setup(greeting);
    const a = await connect(proxy.port);
    await until(() => a.got().length === greeting.length);
    proxy.armCut(700, 700, { next: true });
    const b = await connect(proxy.port);
    await b.closed;
    expect(b.got().length).toBe(700);
    expect(a.socket.destroyed).toBe(false);
    expect(proxy.stats.cuts).toBe(1);
    a.socket.destroy();
  });

  it('with no connection open, arms the next one', async () => {
    const greeting = Buffer.alloc(5_000, 0x2e);
    const { proxy } = await setup(greeting);
    proxy.armCut(300, 300);
    const c = await connect(proxy.port);
    await c.closed;
    expect(c.got().length).toBe(300);
    const d = await connect(proxy.port);
    await until(() => d.got().length === greeting.length);
    expect(proxy.stats.cuts).toBe(1);
    d.socket.destroy();
  });
});

describe('ChaosProxy cut records', () => {
  it('keep the last TAIL_BYTES each way, however the bytes were chunked', async () => {
    const big = Buffer.alloc(3 * TAIL_BYTES);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const { proxy } = await setup(big);
    const c = await connect(proxy.port);
    await until(() => c.got().length === big.length);
    proxy.cut();
    await c.closed;
    const tail = Buffer.from(proxy.cutLog[0]!.downTail);
    expect(tail.length).toBe(TAIL_BYTES);
    expect(tail.equals(big.subarray(-TAIL_BYTES))).toBe(true);
  });
});
