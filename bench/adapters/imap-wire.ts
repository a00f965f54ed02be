/**
 * imap-wire: `ResponseDecoder.push(chunk)` per chunk, `end()` at the close, counting the typed
 * items it yields. Error items are counted (and fail the verification); responses and FETCH
 * items it has no grammar for yet (`kind: 'unknown'`, `attributes.unknown`, kept as raw bytes)
 * are counted as `untyped`, so the report says when a workload was only framed, not parsed.
 */
import type * as ImapWire from '../../src/index.ts';
import type { Adapter, Counts } from './adapter.ts';
import { emptyCounts } from './adapter.ts';
import { CONSUMER_WORKLOADS, type Consumer, type WireAttributes, wireAll, wireList } from './consumers.ts';

/**
 * The built package (`npm run build`), not the sources through tsx: tsc inlines the lexer's
 * `const enum` byte values across files, which a per-file transform cannot, and that is the code
 * users run. `npm run bench` builds first.
 */
const DIST = new URL('../../dist/index.js', import.meta.url);
const { ResponseDecoder, StreamingResponseDecoder } = (await import(DIST.href).catch((e: unknown) => {
  throw new Error(
    `bench needs the built package (${DIST.pathname}): run \`npm run build\` first (${String(e)})`,
  );
})) as typeof ImapWire;

interface Item {
  type: string;
  kind?: string;
  attributes?: { uid?: number; sections?: Array<{ value: Uint8Array | null }>; unknown?: unknown[] };
}

function count(c: Counts, items: readonly Item[]): void {
  for (const item of items) {
    if (item.type === 'error') {
      c.errors++;
      continue;
    }
    c.responses++;
    if (item.kind === 'fetch') {
      const a = item.attributes!;
      if (a.uid !== undefined) c.uidSum += a.uid;
      const sections = a.sections;
      if (sections) for (const s of sections) if (s.value) c.bodyBytes += s.value.length;
      if (a.unknown) c.untyped = (c.untyped ?? 0) + a.unknown.length;
    } else if (item.kind === 'unknown') c.untyped = (c.untyped ?? 0) + 1;
  }
}

export const imapWire: Adapter = {
  name: 'imap-wire',
  library: 'imap-wire (this repo)',
  path: 'ResponseDecoder.push() -> typed responses',
  input: 'uint8array',
  parse(chunks) {
    const c = emptyCounts();
    const dec = new ResponseDecoder();
    for (const chunk of chunks) count(c, dec.push(chunk) as unknown as Item[]);
    const rest = dec.end() as unknown;
    if (Array.isArray(rest)) count(c, rest as Item[]);
    return c;
  },
};

/**
 * imap-wire with a consumer (./consumers.ts) reading the typed FETCH attributes of each response:
 * the list view or everything.
 */
export function imapWireConsumer(consumer: Consumer): Adapter {
  const read = consumer === 'list' ? wireList : wireAll;
  return {
    name: `imap-wire:${consumer}`,
    library: 'imap-wire (this repo)',
    path: `ResponseDecoder.push() -> typed responses -> ${consumer === 'list' ? 'list view' : 'every field'}`,
    input: 'uint8array',
    workloads: CONSUMER_WORKLOADS,
    parse(chunks) {
      const c = emptyCounts();
      let sum = 0;
      const take = (items: readonly Item[]): void => {
        count(c, items);
        for (const item of items)
          if (item.kind === 'fetch') sum += read(item.attributes as unknown as WireAttributes);
      };
      const dec = new ResponseDecoder();
      for (const chunk of chunks) take(dec.push(chunk) as unknown as Item[]);
      const rest = dec.end() as unknown;
      if (Array.isArray(rest)) take(rest as Item[]);
      c.checksum = sum;
      return c;
    },
  };
}

/**
 * imap-wire with `StreamingResponseDecoder` (issue #20): every body literal over 64 KiB handed
 * out as views of the pushed chunks (`body-piece`), counted as they come, never gathered: the
 * way node-imap hands out bodies (a stream per body), so the like-for-like cell for it.
 */
export const imapWireStreamed: Adapter = {
  name: 'imap-wire-streamed',
  library: 'imap-wire (this repo)',
  path: 'StreamingResponseDecoder.push() -> body pieces + typed responses',
  input: 'uint8array',
  workloads: ['body-literals'],
  parse(chunks) {
    const c = emptyCounts();
    const dec = new StreamingResponseDecoder({ streamThreshold: 64 * 1024 });
    const take = (items: readonly { type: string; bytes?: Uint8Array }[]): void => {
      const rest: Item[] = [];
      for (const it of items) {
        if (it.type === 'body-piece') c.bodyBytes += it.bytes!.length;
        else if (it.type !== 'body-start' && it.type !== 'body-end') rest.push(it as Item);
      }
      count(c, rest);
    };
    for (const chunk of chunks) take(dec.push(chunk));
    take(dec.end());
    return c;
  },
};
