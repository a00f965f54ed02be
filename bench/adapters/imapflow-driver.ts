/**
 * imapflow's receive path, wired as `ImapFlow` wires it (dist/esm/imap-flow.js): bytes are
 * written into its `ImapStream` framer (a Transform that pushes `{ payload, literals, next }`
 * and waits for `next()` before it frames more), a reader loop started on 'readable' drains it,
 * awaits `parser(payload, { literals })` per response and yields to the event loop every 10
 * responses, exactly as `ImapFlow.reader()` / `handleResponse()` do.
 */
import { once } from 'node:events';
import { parser } from 'imapflow/lib/handler/imap-handler.js';
import { ImapStream } from 'imapflow/lib/handler/imap-stream.js';
import type { ImapAttribute, ImapResponse } from 'imapflow/lib/handler/types.js';

interface StreamItem {
  payload: Buffer;
  literals: Buffer[];
  next: () => void;
}

const noop = (): void => {};
const SILENT = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  fatal: noop,
  child: () => SILENT,
};

export async function driveImapflow(
  chunks: Uint8Array[],
  onResponse: (parsed: ImapResponse) => void | Promise<void>,
  onParseError: (err: unknown) => void,
): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the logger is an internal pino-like interface
  const streamer = new ImapStream({ logger: SILENT as any, cid: 'bench' });
  let reading = false;
  let failure: unknown;

  const reader = async (): Promise<void> => {
    let data: StreamItem | null;
    let processed = 0;
    while ((data = streamer.read() as StreamItem | null) !== null) {
      try {
        const parsed = await parser(data.payload, { literals: data.literals });
        await onResponse(parsed);
      } catch (err) {
        onParseError(err);
      } finally {
        data.next();
      }
      processed++;
      if (processed % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const onReadable = (): void => {
    if (reading) return;
    reading = true;
    reader()
      .catch((err: unknown) => {
        failure = err;
      })
      .finally(() => {
        reading = false;
        if (!streamer.destroyed && streamer.readableLength > 0) onReadable();
      });
  };
  streamer.on('readable', onReadable);
  const ended = new Promise<void>((resolve, reject) => {
    streamer.on('end', resolve);
    streamer.on('error', reject);
  });

  for (const chunk of chunks) {
    if (!streamer.write(chunk)) await once(streamer, 'drain');
  }
  streamer.end();
  await ended;
  if (failure) throw failure;
}

/** `* N FETCH (...)`: the attribute list, else undefined. */
export function fetchAttributes(parsed: ImapResponse): ImapAttribute[] | undefined {
  const attrs = parsed.attributes;
  if (parsed.tag !== '*' || !attrs || attrs.length < 2) return undefined;
  const kw = attrs[0];
  if (!kw || Array.isArray(kw) || typeof kw.value !== 'string' || kw.value.toUpperCase() !== 'FETCH')
    return undefined;
  const list = attrs[1];
  return Array.isArray(list) ? list : undefined;
}
