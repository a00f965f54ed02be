/**
 * The adapters, in report order. imap-wire is loaded lazily so the peers still run (and the
 * report says why) while `src/index.ts` does not build.
 */
import type { Adapter } from './adapter.ts';
import { emailjs, emailjsConsumer } from './emailjs.ts';
import { imapflow, imapflowConsumer } from './imapflow.ts';
import { imapflowTyped, imapflowTypedConsumer } from './imapflow-typed.ts';
import { nodeImap, nodeImapConsumer, nodeImapStreamed } from './node-imap.ts';

export type { Adapter, Counts } from './adapter.ts';

export const ADAPTER_NAMES = [
  'imap-wire',
  'imap-wire-streamed',
  'node-imap-streamed',
  'imapflow',
  'imapflow-typed',
  'emailjs',
  'node-imap',
  'imap-wire:list',
  'imapflow:list',
  'imapflow-typed:list',
  'emailjs:list',
  'node-imap:list',
  'imap-wire:all',
  'imapflow:all',
  'imapflow-typed:all',
  'emailjs:all',
  'node-imap:all',
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
  if (want('imap-wire') || want('imap-wire-streamed') || want('imap-wire:list') || want('imap-wire:all')) {
    try {
      const wire = await import('./imap-wire.ts');
      if (want('imap-wire')) adapters.push(wire.imapWire);
      if (want('imap-wire-streamed')) adapters.push(wire.imapWireStreamed);
      for (const k of ['list', 'all'] as const)
        if (want(`imap-wire:${k}`)) adapters.push(wire.imapWireConsumer(k));
    } catch (err) {
      missing.push({
        name: 'imap-wire',
        reason: `cannot load src/index.ts: ${(err as Error).message.split('\n')[0]}`,
      });
    }
  }
  for (const a of [imapflow, imapflowTyped, emailjs, nodeImap, nodeImapStreamed])
    if (want(a.name)) adapters.push(a);
  // The two consumers (./consumers.ts) of every adapter, on the ENVELOPE+BODYSTRUCTURE workload.
  for (const k of ['list', 'all'] as const)
    for (const a of [imapflowConsumer(k), imapflowTypedConsumer(k), emailjsConsumer(k), nodeImapConsumer(k)])
      if (want(a.name)) adapters.push(a);
  return { adapters, missing };
}
