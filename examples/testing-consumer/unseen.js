/**
 * The consumer's own code under test: asks a server how many messages of a mailbox are unseen
 * (IMAP STATUS), over any pair of web streams. imap-wire encodes the command (atom, quoted or
 * literal, modified UTF-7) and decodes the answer; this function owns the conversation: wait for
 * the greeting, wait for "+" before a synchronising literal, find the STATUS among the answers.
 */
import { CommandEncoder, isSyncLiteral, ResponseDecoder } from 'imap-wire';

export async function unseenCount({ readable, writable }, mailbox) {
  const encoder = new CommandEncoder({ capabilities: ['IMAP4rev1'] });
  const decoder = new ResponseDecoder();
  const writer = writable.getWriter();
  const reader = readable.getReader();
  const pending = [];
  /** The next item that satisfies `pred` (items before it are dropped). */
  const next = async (pred) => {
    for (;;) {
      const at = pending.findIndex(pred);
      if (at >= 0) return pending.splice(0, at + 1).at(-1);
      const { value, done } = await reader.read();
      if (done) throw new Error('the server closed the connection');
      pending.push(...decoder.push(value));
    }
  };
  try {
    await next((i) => i.type === 'untagged' && i.kind === 'ok');
    const { tag, fragments } = encoder.encode({ name: 'STATUS', mailbox, items: ['UNSEEN'] });
    let status;
    for (const f of fragments) {
      if (isSyncLiteral(f)) await next((i) => i.type === 'continuation');
      await writer.write(f.bytes.slice());
    }
    const done = await next((i) => {
      if (i.type === 'untagged' && i.kind === 'status') status = i;
      return i.type === 'tagged' && i.tag === tag;
    });
    if (done.status !== 'OK') throw new Error(`STATUS failed: ${done.text}`);
    if (status === undefined) throw new Error('no STATUS response');
    return status.attributes.unseen;
  } finally {
    reader.releaseLock();
    writer.releaseLock();
  }
}
