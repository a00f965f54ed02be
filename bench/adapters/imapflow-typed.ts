/**
 * imapflow, typed layer: the protocol layer plus what `ImapFlow.fetch()` does with every
 * untagged FETCH (commands/fetch.js): `formatMessageResponse()` from lib/tools.js, which turns
 * the tree into a message object (uid, flags Set, BigInt modseq, parseEnvelope(),
 * parseBodystructure(), source / bodyParts Buffers, the md5 message id). Other responses stay at
 * the tree: their typed forms live in per-command handlers (LIST, STATUS ...).
 */
import { formatMessageResponse } from 'imapflow/lib/tools.js';
import type { Adapter } from './adapter.ts';
import { emptyCounts, libraryVersion } from './adapter.ts';
import { CONSUMER_WORKLOADS, type Consumer, type FlowMessage, flowAll, flowList } from './consumers.ts';
import { driveImapflow, fetchAttributes } from './imapflow-driver.ts';

type FormatArgs = Parameters<typeof formatMessageResponse>;

export const imapflowTyped: Adapter = typed();

/** imapflow-typed with a consumer (./consumers.ts) reading each formatted message. */
export function imapflowTypedConsumer(consumer: Consumer): Adapter {
  return typed(consumer);
}

function typed(consumer?: Consumer): Adapter {
  const read = consumer === 'list' ? flowList : consumer === 'all' ? flowAll : undefined;
  const adapter: Adapter = {
    name: consumer ? `imapflow-typed:${consumer}` : 'imapflow-typed',
    library: libraryVersion('imapflow'),
    path: `ImapStream -> parser() -> formatMessageResponse() for FETCH${consumer ? ` -> ${consumer === 'list' ? 'list view' : 'every field'}` : ''}`,
    input: 'buffer',
    async parse(chunks) {
      let sum = 0;
      const c = emptyCounts();
      // the state fetch() passes in: the selected mailbox and the connection (labels decoding)
      const mailbox = { path: 'INBOX', uidValidity: 1795516414n, uidNext: 1 } as unknown as FormatArgs[1];
      const connection = {
        enabled: new Set<string>(),
        capabilities: new Map<string, boolean>(),
      } as unknown as FormatArgs[3];
      await driveImapflow(
        chunks,
        async (parsed) => {
          c.responses++;
          if (!fetchAttributes(parsed)) return;
          const msg = await formatMessageResponse(parsed, mailbox, 'md5', connection);
          if (msg.uid) c.uidSum += msg.uid;
          if (read) sum += read(msg as unknown as FlowMessage);
          if (msg.source) c.bodyBytes += msg.source.length;
          if (msg.headers) c.bodyBytes += msg.headers.length;
          if (msg.bodyParts) for (const part of msg.bodyParts.values()) if (part) c.bodyBytes += part.length;
        },
        () => {
          c.errors++;
        },
      );
      if (read) c.checksum = sum;
      return c;
    },
  };
  if (consumer) adapter.workloads = CONSUMER_WORKLOADS;
  return adapter;
}
