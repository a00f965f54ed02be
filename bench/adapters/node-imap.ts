/**
 * node-imap (`imap`): its `Parser` reads from a Readable the way `Connection` hands it the
 * socket (`new Parser(this._sock)`), and emits 'tagged', 'untagged', 'continue' per response,
 * 'body' with a Readable per BODY[...] literal and 'other' for lines it does not recognise
 * (counted as errors: node-imap drops them).
 *
 * A body stream is read to its end and its pieces joined with `Buffer.concat`, as a fetch
 * listener does to get the message (node-imap's README example gathers them too, into a string:
 * slower): every other adapter hands out each body whole, so this is like for like. Counting the
 * pieces without joining them measured 52 GB/s at 64 KiB chunks (node-imap then copies
 * nothing; commit 21566fb, bench/results.md of that run).
 *
 * The Readable hands out one chunk per `_read()`, and its highWaterMark of 1 byte keeps it from
 * pre-buffering (and so merging) chunks: the parser sees the chunk sizes under test, as it sees
 * the socket's reads. The chunk is pushed on the next tick, not inside `_read()`: a socket's
 * data always arrives later, and with a source that answers synchronously `Parser._parse()` ->
 * `_tryread()` -> `read()` -> `_parse()` recurses once per chunk until the stack overflows.
 * `process.nextTick` is the cheapest deferral, so harness overhead stays out of the timing.
 */
import { Readable } from 'node:stream';
import nodeImapParser from 'imap/lib/Parser.js';
import type { Adapter } from './adapter.ts';
import { emptyCounts, libraryVersion } from './adapter.ts';
import {
  CONSUMER_WORKLOADS,
  type Consumer,
  type NodeImapFetch,
  nodeImapAll,
  nodeImapList,
} from './consumers.ts';

const { Parser } = nodeImapParser;

interface Untagged {
  type: string;
  num?: number;
  text?: unknown;
}

export const nodeImap: Adapter = {
  name: 'node-imap',
  library: libraryVersion('imap'),
  path: 'Readable -> Parser events (tagged/untagged/continue/body)',
  input: 'buffer',
  parse: (chunks) => parseWith(chunks, true),
};

/**
 * node-imap with its body streams read piece by piece and not joined: the way a client that
 * writes a body to disk uses it, and the like-for-like cell for imap-wire-streamed (issue #20).
 */
export const nodeImapStreamed: Adapter = {
  name: 'node-imap-streamed',
  library: libraryVersion('imap'),
  path: "Readable -> Parser events, each 'body' stream's pieces counted, not joined",
  input: 'buffer',
  workloads: ['body-literals'],
  parse: (chunks) => parseWith(chunks, false),
};

/** node-imap with a consumer (./consumers.ts) reading the envelope and body arrays of each FETCH. */
export function nodeImapConsumer(consumer: Consumer): Adapter {
  return {
    ...nodeImap,
    name: `node-imap:${consumer}`,
    path: `${nodeImap.path} -> ${consumer === 'list' ? 'list view' : 'every field'}`,
    workloads: CONSUMER_WORKLOADS,
    parse: (chunks) => parseWith(chunks, true, consumer),
  };
}

function parseWith(
  chunks: Uint8Array[],
  join: boolean,
  consumer?: Consumer,
): Promise<ReturnType<typeof emptyCounts>> {
  const read = consumer === 'list' ? nodeImapList : consumer === 'all' ? nodeImapAll : undefined;
  {
    const c = emptyCounts();
    const iterator = chunks[Symbol.iterator]();
    const source = new Readable({
      highWaterMark: 1,
      read() {
        const next = iterator.next();
        process.nextTick(() => this.push(next.done ? null : next.value));
      },
    });
    const parser = new Parser(source);
    let openBodies = 0;
    let ended = false;
    return new Promise<typeof c>((resolve, reject) => {
      // node-imap parses inside stream callbacks, so what it throws (a TypeError on a line it
      // does not expect) is an uncaught exception: caught here, it makes the cell n/a
      const crash = (err: Error) => {
        process.off('uncaughtException', crash);
        reject(new Error(`node-imap threw from its parser: ${err.message}`));
      };
      process.on('uncaughtException', crash);
      const settle = () => {
        if (ended && openBodies === 0) {
          process.off('uncaughtException', crash);
          resolve(c);
        }
      };
      parser.on('tagged', () => {
        c.responses++;
      });
      parser.on('continue', () => {
        c.responses++;
      });
      parser.on('untagged', (info: Untagged) => {
        c.responses++;
        if (info.type === 'fetch') {
          const uid = (info.text as { uid?: number } | undefined)?.uid;
          if (typeof uid === 'number') c.uidSum += uid;
          if (read) c.checksum = (c.checksum ?? 0) + read(info.text as NodeImapFetch);
        }
      });
      parser.on('other', () => {
        c.errors++;
      });
      parser.on('body', (stream: Readable) => {
        openBodies++;
        const pieces: Buffer[] = [];
        let streamed = 0;
        stream.on('data', (piece: Buffer) => {
          if (join) pieces.push(piece);
          else streamed += piece.length;
        });
        stream.on('end', () => {
          c.bodyBytes += join ? Buffer.concat(pieces).length : streamed;
          openBodies--;
          settle();
        });
      });
      parser.on('error', reject);
      source.on('error', reject);
      source.on('end', () => {
        // the parser emits synchronously from the read that drained the stream; bodies end on
        // a later tick
        setImmediate(() => {
          ended = true;
          settle();
        });
      });
    });
  }
}
