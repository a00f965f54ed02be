/**
 * What the push tests (IDLE, NOTIFY) share: connection B's checked commands, waiting for A's
 * pushes and for A to be quiet, and finding the decoded item of a push.
 */
import type { DecodeItem } from '../../src/index.ts';
import { escapeBytes, type ServerResponse, type TaggedResult, type TestImapClient } from './client.ts';
import { comparable } from './decode.ts';

/** One awaited push: where it is in A's responses (-1: it did not come) and how long it took. */
export interface Push {
  what: string;
  index: number;
  ms: number;
}

type Untagged<K extends string> = Extract<DecodeItem, { type: 'untagged'; kind: K }>;

/** The push log of one test file; `a` is connection A, `decoded` what A's bytes decoded to. */
export function createPushLog(
  a: () => TestImapClient,
  decoded: () => { items: DecodeItem[]; all: Buffer },
  pushTimeoutMs: number,
) {
  const pushes = new Map<string, Push>();
  const bFailures: string[] = [];
  const t0 = Date.now();

  const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(2)} s`;

  /** B runs a command and must get OK (a failure is recorded, the scenario goes on). */
  async function bOk(what: string, p: Promise<TaggedResult>): Promise<TaggedResult | undefined> {
    const r = await p;
    if (r.status !== 'OK') {
      bFailures.push(`${what}: ${r.response.line}`);
      return undefined;
    }
    return r;
  }

  /** Waits for A's first response from `from` on that matches; records it (or its absence). */
  async function push(
    what: string,
    from: number,
    match: (r: ServerResponse) => boolean,
    timeoutMs = pushTimeoutMs,
  ): Promise<void> {
    const start = Date.now();
    const client = a();
    try {
      const r = await client.waitFor(what, from, match, timeoutMs);
      pushes.set(what, { what, index: client.responses.indexOf(r), ms: Date.now() - start });
    } catch {
      pushes.set(what, { what, index: -1, ms: Date.now() - start });
    }
  }

  /** Resolves once `client` has received nothing for `quietMs` (at most after `maxMs`). */
  async function quiet(client: TestImapClient, quietMs: number, maxMs: number): Promise<void> {
    const start = Date.now();
    let seen = client.receivedLength;
    let since = Date.now();
    while (Date.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 50));
      if (client.receivedLength !== seen) {
        seen = client.receivedLength;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
    }
  }

  /** The decoded item for the response the test client framed as push `what`. */
  function pushed(what: string): DecodeItem {
    const p = pushes.get(what);
    const { items, all } = decoded();
    if (!p || p.index < 0) {
      throw new Error(
        `A got no push for "${what}" within the timeout (${elapsed()}); A received:\n${escapeBytes(all, 6000)}`,
      );
    }
    const it = items[p.index];
    if (!it) throw new Error(`no decoded item #${p.index} for "${what}"`);
    return it;
  }

  function as<K extends string>(it: DecodeItem, kind: K): Untagged<K> {
    if (it.type !== 'untagged' || it.kind !== kind) {
      throw new Error(`expected an untagged ${kind}, got ${JSON.stringify(comparable(it))}`);
    }
    return it as Untagged<K>;
  }

  return { pushes, bFailures, elapsed, bOk, push, quiet, pushed, as };
}
