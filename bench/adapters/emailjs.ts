/**
 * emailjs-imap-handler: its `parser` takes one complete response (literals inline), so a
 * literal-aware framer (./literal-framer.ts, timed as part of this adapter) cuts the stream the
 * way emailjs-imap-client does before each parse.
 */
import handler, { type EmailjsAttribute } from 'emailjs-imap-handler';
import type { Adapter } from './adapter.ts';
import { emptyCounts, libraryVersion } from './adapter.ts';
import { CONSUMER_WORKLOADS, type Consumer, type Tree, treeFetch } from './consumers.ts';
import { LiteralFramer } from './literal-framer.ts';

// CommonJS with getter exports: Node's named-export detection does not see `parser`
const { parser } = handler;

function count(c: ReturnType<typeof emptyCounts>, response: Uint8Array, consumer?: Consumer): void {
  let parsed: ReturnType<typeof parser>;
  try {
    parsed = parser(response);
  } catch {
    c.errors++;
    return;
  }
  c.responses++;
  const attrs = parsed.attributes;
  if (parsed.tag !== '*' || !attrs || attrs.length < 2) return;
  const kw = attrs[0];
  if (!kw || Array.isArray(kw) || typeof kw.value !== 'string' || kw.value.toUpperCase() !== 'FETCH') return;
  const list = attrs[1];
  if (!Array.isArray(list)) return;
  if (consumer) c.checksum = (c.checksum ?? 0) + treeFetch(list as unknown as Tree[], consumer);
  for (let i = 0; i + 1 < list.length; i += 2) {
    const key = list[i] as EmailjsAttribute;
    if (!key || Array.isArray(key) || typeof key.value !== 'string') continue;
    const value = list[i + 1] as EmailjsAttribute;
    const name = key.value.toUpperCase();
    if (name === 'UID' && value && !Array.isArray(value)) c.uidSum += Number(value.value);
    else if ((name === 'BODY' || name === 'BINARY') && key.section && value && !Array.isArray(value)) {
      c.bodyBytes += value.value.length;
    }
  }
}

export const emailjs: Adapter = {
  name: 'emailjs',
  library: libraryVersion('emailjs-imap-handler'),
  path: 'literal-aware framer -> parser() per response',
  input: 'uint8array',
  parse(chunks) {
    const c = emptyCounts();
    const framer = new LiteralFramer();
    for (const chunk of chunks) for (const response of framer.push(chunk)) count(c, response);
    const rest = framer.end();
    if (rest) count(c, rest);
    return c;
  },
};

/** emailjs with a consumer (./consumers.ts) reading the token tree of each FETCH by position. */
export function emailjsConsumer(consumer: Consumer): Adapter {
  return {
    ...emailjs,
    name: `emailjs:${consumer}`,
    path: `${emailjs.path} -> ${consumer === 'list' ? 'list view' : 'every field'} from the token tree`,
    workloads: CONSUMER_WORKLOADS,
    parse(chunks) {
      const c = emptyCounts();
      const framer = new LiteralFramer();
      for (const chunk of chunks) for (const response of framer.push(chunk)) count(c, response, consumer);
      const rest = framer.end();
      if (rest) count(c, rest, consumer);
      return c;
    },
  };
}
