/**
 * Interop, the drivers against a real Dovecot (test/interop/dovecot.sh): the Node driver with
 * STARTTLS (RFC 9051 §6.2.1; the state dir's throw-away certificate trusted), COMPRESS=DEFLATE
 * (RFC 4978, Dovecot's imap_zlib), SELECT and a FETCH of the ~4.3 MB message; implicit TLS
 * (RFC 8314) on the second port; and the web-streams driver over a plain socket.
 *
 *   npx vitest run --project interop test/interop/drivers.test.ts
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type WebTransport } from '../../src/driver/web-driver.ts';
import { connectSession } from '../../src/node/index.ts';
import type { Completion, SessionEvent } from '../../src/session/client-session.ts';
import { LARGE_MESSAGE_ID } from './seed.ts';
import { PORT, startSeeded, stopIfStarted } from './server.ts';

const STATE = process.env['IMAP_WIRE_DOVECOT_STATE_DIR'] ?? '/tmp/imap-wire-dovecot';
let startedHere = false;
let ca = '';
let tlsPort = 0;

beforeAll(() => {
  startedHere = startSeeded();
  ca = readFileSync(path.join(STATE, 'tls', 'cert.pem'), 'utf8');
  tlsPort = Number(readFileSync(path.join(STATE, 'tls-port'), 'utf8').trim());
});
afterAll(() => stopIfStarted(startedHere));

/** The one BODY[] value of a FETCH completion. */
function bodyOf(c: Completion): Uint8Array {
  const fetch = c.untagged.find((r) => r.kind === 'fetch') as
    | { attributes: { sections?: { value: Uint8Array | null }[]; rfc822Size?: number } }
    | undefined;
  const value = fetch?.attributes.sections?.[0]?.value;
  if (value == null) throw new Error('no BODY[] in the FETCH');
  return value;
}

describe('the Node driver', () => {
  it('STARTTLS, LOGIN, COMPRESS DEFLATE, SELECT and a FETCH of the 4.3 MB message', async () => {
    const events: SessionEvent[] = [];
    const imap = await connectSession({
      host: '127.0.0.1',
      port: PORT,
      starttls: true,
      ca,
      servername: 'localhost',
      onEvent: (e) => events.push(e),
    });
    const login = await imap.command({ name: 'LOGIN', username: 'alice', password: 'alice-pass' });
    expect(login.status).toBe('OK');
    if (!imap.session.capabilitiesKnown) await imap.command({ name: 'CAPABILITY' });
    expect(imap.session.capabilities).toContain('COMPRESS=DEFLATE');
    expect((await imap.command({ name: 'COMPRESS', mechanism: 'DEFLATE' })).status).toBe('OK');
    const select = await imap.command({ name: 'SELECT', mailbox: 'Archive' });
    expect(select.status).toBe('OK');
    const size = await imap.command({
      name: 'FETCH',
      sequence: '1',
      items: [{ item: 'RFC822.SIZE' }, { item: 'ENVELOPE' }],
    });
    const attrs = (
      size.untagged[0] as { attributes: { rfc822Size: number; envelope: { messageId: string } } }
    ).attributes;
    expect(attrs.envelope.messageId).toBe(LARGE_MESSAGE_ID);
    const fetch = await imap.command({
      name: 'FETCH',
      sequence: '1',
      items: [{ item: 'BODY[]', peek: true }],
    });
    expect(fetch.status).toBe('OK');
    const body = bodyOf(fetch);
    expect(body.length).toBe(attrs.rfc822Size);
    expect(body.length).toBeGreaterThan(4_000_000);
    expect(new TextDecoder().decode(body.subarray(0, 4096))).toContain(LARGE_MESSAGE_ID);
    // Pipelined over the compressed stream: three UID FETCHes at once.
    const many = await Promise.all(
      [1, 2, 3].map(() =>
        imap.command({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }),
      ),
    );
    expect(many.map((c) => c.status)).toEqual(['OK', 'OK', 'OK']);
    expect((await imap.logout()).status).toBe('OK');
    expect(events.filter((e) => e.type === 'protocol-error')).toEqual([]);
  });

  it('a certificate nobody vouches for fails STARTTLS (no silent plaintext)', async () => {
    const errors: unknown[] = [];
    await expect(
      connectSession({ host: '127.0.0.1', port: PORT, starttls: true, onError: (e) => errors.push(e) }),
    ).rejects.toThrow();
    expect(String(errors[0])).toMatch(/self-signed|certificate/i);
  });

  it('implicit TLS on the second port: LOGIN, STATUS, LOGOUT', async () => {
    const imap = await connectSession({
      host: '127.0.0.1',
      port: tlsPort,
      tls: true,
      ca,
      servername: 'localhost',
    });
    expect((await imap.command({ name: 'LOGIN', username: 'bob', password: 'bob-pass' })).status).toBe('OK');
    const status = await imap.command({ name: 'STATUS', mailbox: 'INBOX', items: ['MESSAGES'] });
    expect(status.status).toBe('OK');
    expect((await imap.logout()).status).toBe('OK');
  });
});

describe('the web-streams driver', () => {
  it('over a plain socket as web streams: LOGIN, SELECT, FETCH, LOGOUT', async () => {
    const transport = (): Promise<WebTransport> =>
      new Promise((resolve, reject) => {
        const socket = connect(PORT, '127.0.0.1', () =>
          resolve(Duplex.toWeb(socket) as unknown as WebTransport),
        );
        socket.once('error', reject);
      });
    const imap = await openSession({ connect: transport });
    expect((await imap.command({ name: 'LOGIN', username: 'alice', password: 'alice-pass' })).status).toBe(
      'OK',
    );
    expect((await imap.command({ name: 'SELECT', mailbox: 'INBOX' })).status).toBe('OK');
    const fetch = await imap.command({
      name: 'FETCH',
      sequence: '1:5',
      items: [{ item: 'BODY[]', peek: true }],
    });
    expect(fetch.untagged.filter((r) => r.kind === 'fetch')).toHaveLength(5);
    expect((await imap.logout()).status).toBe('OK');
  });
});
