/** Test-only: responses from wire text, and a tracker fed a transcript. */
import { parseResponse } from '../../src/decoder.ts';
import type { Response } from '../../src/model/response.ts';
import type { MailboxEvent } from '../../src/session/events.ts';
import { MailboxTracker } from '../../src/session/mailbox-tracker.ts';

const enc = new TextEncoder();

/** One response from its wire text (CRLF added). */
export function r(line: string): Response {
  return parseResponse(enc.encode(`${line}\r\n`));
}

/** Feeds lines (`S:` prefixes optional) and returns the events they caused. */
export function feed(t: MailboxTracker, lines: string): MailboxEvent[] {
  for (const raw of lines.split('\n')) {
    const line = raw.trim().replace(/^S:\s*/, '');
    if (line !== '') t.apply(r(line));
  }
  return t.takeEvents();
}

/** A tracker synced (fully) to a mailbox with these UIDs and flags, events taken. */
export function trackerWith(
  uids: number[],
  opts: { uidValidity?: number; modseq?: bigint; flags?: string } = {},
): MailboxTracker {
  const t = new MailboxTracker('INBOX');
  t.beginSync('full');
  const v = opts.uidValidity ?? 100;
  const fetches = uids
    .map(
      (u, i) =>
        `* ${i + 1} FETCH (UID ${u} FLAGS (${opts.flags ?? ''})${opts.modseq ? ` MODSEQ (${opts.modseq})` : ''})`,
    )
    .join('\n');
  feed(
    t,
    `* ${uids.length} EXISTS
     * OK [UIDVALIDITY ${v}] ok
     ${opts.modseq ? `* OK [HIGHESTMODSEQ ${opts.modseq}] ok` : ''}
     A1 OK [READ-WRITE] SELECT done
     ${fetches}
     A2 OK done`,
  );
  t.endSync();
  t.takeEvents();
  return t;
}

/** The tracker's messages as `[uid, flags…]` rows. */
export function rows(t: MailboxTracker): (number | string)[][] {
  return [...t.messages()].map((m) => [m.uid, ...(m.flags ?? ['?'])]);
}
