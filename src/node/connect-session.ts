/**
 * A {@link ClientSession} on a Node socket, with promises: connect, (STARTTLS,) greeting.
 */

import type { DriverHooks } from '../driver/hooks.ts';
import { ClientSession, type ClientSessionOptions, type SessionEvent } from '../session/client-session.ts';
import { SessionClient } from '../session/session-client.ts';
import { type NodeConnectOptions, runNode } from './driver.ts';

/**
 * Options of {@link connectSession}.
 *
 * @example
 * ```ts
 * const options: ConnectSessionOptions = { host: 'imap.example.com', port: 143, starttls: true, session: { commandTimeout: 30_000 } };
 * ```
 */
export interface ConnectSessionOptions extends NodeConnectOptions, Omit<DriverHooks, 'onStep'> {
  /**
   * STARTTLS (RFC 9051 §6.2.1) before resolving, on a plaintext port; a server that refuses
   * or does not offer it fails the connection (no silent fallback to plaintext).
   */
  starttls?: boolean;
  /** The session's options (`now` comes from the driver's clock). */
  session?: Omit<ClientSessionOptions, 'now'>;
  /** Every event of the session, in order. */
  onEvent?: (event: SessionEvent) => void;
}

/**
 * Opens a connection, runs a {@link ClientSession} on it and resolves once the server greeted
 * (and, with `starttls`, once TLS is up and the capabilities asked again).
 *
 * @example
 * ```ts
 * import { connectSession } from 'imap-wire/node';
 * const imap = await connectSession({ host: 'imap.example.com', port: 143, starttls: true });
 * await imap.command({ name: 'LOGIN', username: 'me', password: process.env.IMAP_PASSWORD! });
 * await imap.command({ name: 'COMPRESS', mechanism: 'DEFLATE' });
 * const { untagged } = await imap.command({ name: 'SELECT', mailbox: 'INBOX' });
 * await imap.logout();
 * ```
 */
export async function connectSession(options: ConnectSessionOptions): Promise<SessionClient> {
  const { session: sessionOptions, onEvent, starttls, ...driverOptions } = options;
  const clock = options.clock ?? Date.now;
  // After STARTTLS: resolves when the capabilities are known again over TLS, rejects when the connection ends.
  let secured: { resolve: () => void; reject: (e: Error) => void } | null = null;
  // The capabilities are forgotten when TLS is up (an empty list), then stated again.
  let forgotten = false;
  const watch = (e: SessionEvent): void => {
    if (secured !== null && e.type === 'capabilities') {
      if (e.capabilities.length === 0) forgotten = true;
      else if (forgotten) secured.resolve();
    }
    if (secured !== null && e.type === 'closed')
      secured.reject(new Error('the connection ended during STARTTLS'));
    onEvent?.(e);
  };
  const client = new SessionClient(new ClientSession({ ...sessionOptions, now: clock() }), watch);
  client.attach(runNode(client.session, { ...driverOptions, onStep: () => client.step() }));
  try {
    await client.greeting;
    if (starttls === true) {
      if (!client.session.hasCapability('STARTTLS')) throw new Error('the server does not offer STARTTLS');
      const known = new Promise<void>((resolve, reject) => {
        secured = { resolve, reject };
      });
      known.catch(() => {});
      const c = await client.command({ name: 'STARTTLS' });
      if (c.status !== 'OK') throw new Error(`STARTTLS failed: ${c.status} ${c.text}`);
      // The capabilities again, over TLS (RFC 9051 §6.2.1); the session asks by itself unless told not to.
      if (sessionOptions?.autoCapability === false) await client.command({ name: 'CAPABILITY' });
      await known;
    }
  } catch (e) {
    client.close();
    throw e;
  }
  return client;
}
