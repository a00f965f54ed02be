/**
 * The contract between a sans-I/O connection machine and the driver that gives it a socket and
 * a clock (the shape of h11 and imap-next: the machine never reads a clock, never opens a
 * socket, never sets a timer; the driver does, and tells it what happened).
 *
 * Two machines implement it: `ClientSession` (one connection: the driver opens the connection
 * first, then creates the session) and `Watcher` (push mail: it asks for connections itself,
 * again after each loss). Two drivers run it: `imap-wire/node` (node:net, node:tls, node:zlib)
 * and the web-streams driver (any `ReadableStream`/`WritableStream` pair).
 *
 * The driver's loop, after anything it tells the machine:
 * 1. write every `pollTransmit()` (in order);
 * 2. perform every `pollAction()` (in order; see {@link DriverAction});
 * 3. arm one timer for `pollTimeout()` (an absolute time on the driver's clock) and call
 *    `tick(now)` when it fires.
 */

/**
 * What a machine asks its driver to do with the connection.
 *
 * - `connect`: open a new connection (TCP, and TLS for an implicit-TLS port); then
 *   `connected(now)`, or `closed(now)` when it failed. Only machines that reconnect by
 *   themselves ask for it.
 * - `starttls`: the server accepted STARTTLS: start the TLS handshake on the same socket now,
 *   then `tlsEstablished(now)` (or `closed(now)` when the handshake failed). Nothing is written
 *   in between.
 * - `compress`: the server accepted `COMPRESS DEFLATE` (RFC 4978): from now on both directions
 *   are raw DEFLATE (RFC 1951) with a sync flush after each write. Set that up, then
 *   `compressionStarted(now)` (nothing is written in between). `leftover` holds the bytes
 *   that were received after the tagged OK in the same read: they are already compressed;
 *   inflate them first and pass the result to `receive` like any other input.
 * - `close`: end the connection (after LOGOUT, or a connection found dead); then `closed(now)`
 *   once it is closed.
 * - `finished`: the machine is done for good (it will ask for nothing more); the driver may end.
 */
export type DriverAction =
  | { type: 'connect' }
  | { type: 'starttls' }
  | { type: 'compress'; leftover: Uint8Array }
  | { type: 'close' }
  | { type: 'finished' };

/**
 * A sans-I/O IMAP connection as a driver sees it. Times are the driver's clock, in
 * milliseconds (any origin; the same clock for every call).
 */
export interface ConnectionMachine {
  /** A connection the machine asked for is open (only after a `connect` action). */
  connected?(now: number): void;
  /** Bytes the server sent (after TLS and inflation). */
  receive(bytes: Uint8Array, now: number): void;
  /** The timer armed for `pollTimeout()` fired (calling it early is harmless). */
  tick(now: number): void;
  /** The connection ended or could not be opened. */
  closed(now: number): void;
  /** The TLS handshake after a `starttls` action finished. */
  tlsEstablished(now: number): void;
  /**
   * Compression after a `compress` action is set up: what the machine writes from now on is
   * compressed. A machine that never asks for `compress` need not have it.
   */
  compressionStarted?(now: number): void;
  /** Bytes to write next, or null. */
  pollTransmit(): Uint8Array | null;
  /** The next action, or null. */
  pollAction(): DriverAction | null;
  /** When to call `tick` next (absolute), or null. */
  pollTimeout(): number | null;
}
