/**
 * imapflow, protocol layer: ImapStream framing + the token parser, the parse tree walked for the
 * counts (what every ImapFlow response goes through before any command handler sees it).
 */
import type { Adapter } from './adapter.ts';
import { emptyCounts, libraryVersion } from './adapter.ts';
import { CONSUMER_WORKLOADS, type Consumer, type Tree, treeFetch } from './consumers.ts';
import { driveImapflow, fetchAttributes } from './imapflow-driver.ts';

export const imapflow: Adapter = {
  name: 'imapflow',
  library: libraryVersion('imapflow'),
  path: 'ImapStream -> parser() (parse tree)',
  input: 'buffer',
  async parse(chunks) {
    const c = emptyCounts();
    await driveImapflow(
      chunks,
      (parsed) => {
        c.responses++;
        const list = fetchAttributes(parsed);
        if (!list) return;
        for (let i = 0; i + 1 < list.length; i += 2) {
          const key = list[i];
          if (!key || Array.isArray(key) || typeof key.value !== 'string') continue;
          const value = list[i + 1];
          const name = key.value.toUpperCase();
          if (name === 'UID' && value && !Array.isArray(value)) c.uidSum += Number(value.value);
          else if ((name === 'BODY' || name === 'BINARY') && key.section) {
            if (value && !Array.isArray(value) && value.value != null) {
              const v = value.value;
              c.bodyBytes += typeof v === 'string' ? Buffer.byteLength(v) : (v as Buffer).length;
            }
          }
        }
      },
      () => {
        c.errors++;
      },
    );
    return c;
  },
};

/** imapflow's protocol layer with a consumer (./consumers.ts) reading the parse tree by position. */
export function imapflowConsumer(consumer: Consumer): Adapter {
  return {
    ...imapflow,
    name: `imapflow:${consumer}`,
    path: `${imapflow.path} -> ${consumer === 'list' ? 'list view' : 'every field'} from the tree`,
    workloads: CONSUMER_WORKLOADS,
    async parse(chunks) {
      const c = emptyCounts();
      let sum = 0;
      await driveImapflow(
        chunks,
        (parsed) => {
          c.responses++;
          const list = fetchAttributes(parsed);
          if (!list) return;
          sum += treeFetch(list as unknown as Tree[], consumer);
          for (let i = 0; i + 1 < list.length; i += 2) {
            const key = list[i];
            if (!key || Array.isArray(key) || typeof key.value !== 'string') continue;
            const value = list[i + 1];
            if (key.value.toUpperCase() === 'UID' && value && !Array.isArray(value))
              c.uidSum += Number(value.value);
          }
        },
        () => {
          c.errors++;
        },
      );
      c.checksum = sum;
      return c;
    },
  };
}
