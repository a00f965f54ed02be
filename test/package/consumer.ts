// A consumer's TypeScript file: it imports the installed package by name, as a user would.
import { CommandEncoder, createDecoderStream, planFetch, ResponseDecoder, toBytes } from 'imap-wire';

const wire = new TextEncoder().encode(
  '* 1 FETCH (UID 7 BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 5 1)' +
    '("application" "pdf" ("name" "a.pdf") NIL NIL "base64" 100) "mixed"))\r\nA1 OK done\r\n',
);
const dec = new ResponseDecoder();
for (const item of [...dec.push(wire), ...dec.end()]) {
  if (item.type === 'untagged' && item.kind === 'fetch' && item.attributes.bodyStructure) {
    console.log('fetch', item.seq, 'plan', planFetch(item.attributes.bodyStructure).items.join(' '));
  } else if (item.type === 'tagged') console.log('tagged', item.tag, item.status);
}
const enc = new CommandEncoder();
const { tag, fragments } = enc.encode({ name: 'LOGIN', username: 'fred', password: 'p w' });
console.log('encoded', tag, JSON.stringify(new TextDecoder().decode(toBytes(fragments))));
const stream: TransformStream<Uint8Array, unknown> = createDecoderStream();
console.log('stream', typeof stream.readable);
