/**
 * The adapters, in report order. imap-wire is loaded lazily so the peers still run (and the
 * report says why) while `src/index.ts` does not build.
 */
import type { Adapter } from './adapter.ts';
import { emailjs } from './emailjs.ts';
import { imapflow } from './imapflow.ts';
import { imapflowTyped } from './imapflow-typed.ts';
import { nodeImap, nodeImapStreamed } from './node-imap.ts';

export type { Adapter, Counts } from './adapter.ts';

export const ADAPTER_NAMES = [
  'imap-wire',
  'imap-wire-streamed',
  'node-imap-streamed',
  'imapflow',
  'imapflow-typed',
  'emailjs',
  'node-imap',
] as const;

export interface Loaded {
  adapters: Adapter[];
  /** Adapters that could not be loaded, with the reason. */
  missing: { name: string; reason: string }[];
}

export async function loadAdapters(only?: readonly string[]): Promise<Loaded> {
  const want = (name: string) => !only || only.includes(name);
  const adapters: Adapter[] = [];
  const missing: Loaded['missing'] = [];
  if (want('imap-wire') || want('imap-wire-streamed')) {
    try {
      const wire = await import('./imap-wire.ts');
      if (want('imap-wire')) adapters.push(wire.imapWire);
      if (want('imap-wire-streamed')) adapters.push(wire.imapWireStreamed);
    } catch (err) {
      missing.push({
        name: 'imap-wire',
        reason: `cannot load src/index.ts: ${(err as Error).message.split('\n')[0]}`,
      });
    }
  }
  for (const a of [imapflow, imapflowTyped, emailjs, nodeImap, nodeImapStreamed])
    if (want(a.name)) adapters.push(a);
  return { adapters, missing };
}
