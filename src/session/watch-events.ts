/**
 * What a `Watcher` reports, and its options. Plain data, like the tracker's events, which it
 * passes on with the mailbox they are about.
 */
import type { BodyStructure } from '../model/body.ts';
import type { Envelope } from '../model/envelope.ts';
import type { DecoderOptions } from '../parser/options.ts';
import type { BackoffOptions } from './backoff.ts';
import type { MailboxEvent } from './events.ts';
import type { SyncStrategy } from './resync.ts';
import type { SaslCredentials } from './sasl.ts';

/**
 * How changes reach the client: NOTIFY (RFC 5465), IDLE (RFC 2177), or NOOP at an interval.
 *
 * @example
 * ```ts
 * const p: PushMode = 'idle';
 * ```
 */
export type PushMode = 'notify' | 'idle' | 'poll';

/**
 * What the client shows of a new message, from one FETCH of UID, FLAGS, RFC822.SIZE, ENVELOPE,
 * BODYSTRUCTURE and PREVIEW (RFC 8970) where the server has it; else `preview` comes from a
 * partial fetch of the text part (`planTextFetch`), transfer and charset decoded.
 *
 * @example
 * ```ts
 * // { uid: 42, flags: [], size: 4213, envelope: {…}, bodyStructure: {…},
 * //   preview: 'Hi Bob, the contract is attached …', previewSource: 'server' }
 * ```
 */
export interface MessageSummary {
  uid: number;
  flags: readonly string[];
  size?: number;
  envelope?: Envelope;
  bodyStructure?: BodyStructure;
  /** The first characters of the text, whitespace runs made one space; absent without a text part. */
  preview?: string;
  /** `server`: the PREVIEW item; `text`: decoded from a partial fetch of the text part. */
  previewSource?: 'server' | 'text';
}

/**
 * Everything a watcher reports, in order. The mailbox events are the tracker's
 * (session/events.ts), with the mailbox they are about.
 *
 * @example
 * ```ts
 * for (let e = w.pollEvent(); e; e = w.pollEvent()) {
 *   if (e.type === 'message') console.log(e.mailbox, e.summary.envelope?.subject, e.summary.preview);
 * }
 * ```
 */
export type WatchEvent =
  | (MailboxEvent & { mailbox: string })
  /** A new message's summary (after its `new` event), when `fetchNew` is `summary`. */
  | { type: 'message'; mailbox: string; uid: number; summary: MessageSummary }
  /** Asking the driver for a connection (`attempt` 0 for the first). */
  | { type: 'connecting'; attempt: number }
  /** Logged in; `capabilities` as the server states them after authentication. */
  | { type: 'connected'; capabilities: readonly string[] }
  /** The mailbox is in sync and changes are being pushed. */
  | { type: 'ready'; mailbox: string; push: PushMode; strategy: SyncStrategy; exists: number }
  /** The connection is gone; `retryIn` is when the next attempt starts (null: none, stopping). */
  | { type: 'disconnected'; reason: string; retryIn: number | null }
  /** Something went wrong; `fatal` ends the watcher (bad credentials, no STARTTLS…). */
  | { type: 'error'; message: string; fatal: boolean }
  /** The watcher has ended (after `stop`, or a fatal error). */
  | { type: 'stopped' };

/**
 * Options of `Watcher`. Times are in the driver's clock unit (milliseconds).
 *
 * @example
 * ```ts
 * const options: WatcherOptions = {
 *   login: { username: 'alice', password: process.env.IMAP_PASSWORD ?? '' },
 *   mailboxes: ['INBOX', 'Lists'],
 *   starttls: true,
 * };
 * ```
 */
export interface WatcherOptions {
  /** LOGIN (`{ username, password }`) or AUTHENTICATE with SASL (PLAIN, XOAUTH2, OAUTHBEARER). */
  login: { username: string; password: string } | SaslCredentials;
  /**
   * The first is selected and followed message by message; with NOTIFY the others' news comes
   * as STATUS, else each is asked STATUS every `pollInterval` (default `['INBOX']`).
   */
  mailboxes?: readonly string[];
  /** Send STARTTLS before the credentials; a server without it is a fatal error (default false). */
  starttls?: boolean;
  /** `COMPRESS DEFLATE` (RFC 4978) when the server offers it; the driver must support it (default false). */
  compress?: boolean;
  /** `auto` (default): NOTIFY if advertised, else IDLE, else polling. */
  push?: 'auto' | PushMode;
  /** A new IDLE before the server's inactivity timeout (RFC 2177 §3: 29 minutes; default 1 740 000). */
  idleRestart?: number;
  /** Quiet time (nothing received) after which the connection is probed with NOOP (default 300 000). */
  probeAfter?: number;
  /** NOOP polling, and STATUS of the other mailboxes without NOTIFY (default 60 000). */
  pollInterval?: number;
  /** How long a command may go unanswered before the connection counts as dead (default 60 000). */
  commandTimeout?: number;
  /** Reconnect delays. */
  backoff?: BackoffOptions;
  /** The source of jitter, [0, 1) (default `Math.random`; a seeded one in tests). */
  random?: () => number;
  /** `summary` (default): a `message` event per new message; `none`: only the `new` events. */
  fetchNew?: 'summary' | 'none';
  /** Octets of the text part fetched for a preview without PREVIEW (default 1 024). */
  previewBytes?: number;
  /** Decoder options. */
  decoder?: DecoderOptions;
  /** Sees every byte written (credentials redacted) and read. */
  log?: (direction: 'C' | 'S', bytes: Uint8Array) => void;
}
