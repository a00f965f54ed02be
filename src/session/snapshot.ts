/**
 * From a tracker's snapshot to the parameters of a resync (RFC 7162 §3.2.5 `QRESYNC` select
 * parameter, §3.1 `CHANGEDSINCE`).
 */
import type { QresyncParameters } from '../model/command.ts';
import type { MailboxSnapshot } from './mailbox-tracker.ts';
import type { SyncStrategy } from './resync.ts';

/**
 * Ascending inclusive UID ranges `[start0, end0, …]` as a `uid-set`: `'1:170,190:204'`; `''`
 * when there are none (no set can be empty: leave the parameter out).
 *
 * @example
 * ```ts
 * uidRangesText(new Uint32Array([1, 3, 7, 7])); // '1:3,7'
 * ```
 */
export function uidRangesText(pairs: Uint32Array): string {
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1]!;
    parts.push(a === b ? String(a) : `${a}:${b}`);
  }
  return parts.join(',');
}

/**
 * The `QRESYNC` parameters of a SELECT for this snapshot, or `undefined` when QRESYNC cannot be
 * used (UIDVALIDITY or HIGHESTMODSEQ not known: the mailbox had NOMODSEQ, or was never synced).
 *
 * @example
 * ```ts
 * const q = qresyncParameters(tracker.snapshot());
 * if (q) encodeCommand({ name: 'SELECT', mailbox: 'INBOX', qresync: q }, tag);
 * ```
 */
export function qresyncParameters(snapshot: MailboxSnapshot): QresyncParameters | undefined {
  if (snapshot.uidValidity === 0 || snapshot.highestModseq === 0n) return undefined;
  const known = uidRangesText(snapshot.uids);
  return {
    uidValidity: snapshot.uidValidity,
    modseq: snapshot.highestModseq,
    ...(known !== '' && { knownUids: known }),
  };
}

/**
 * The best strategy for a resync, from what the server enabled (RFC 7162 §3.2.3 `ENABLE
 * QRESYNC`; CONDSTORE advertised or enabled) and what the snapshot holds: QRESYNC needs a known
 * UIDVALIDITY and HIGHESTMODSEQ, CONDSTORE a HIGHESTMODSEQ (for CHANGEDSINCE).
 *
 * @example
 * ```ts
 * chooseStrategy(tracker.snapshot(), { qresync: true, condstore: true }); // 'qresync'
 * ```
 */
export function chooseStrategy(
  snapshot: MailboxSnapshot,
  server: { qresync?: boolean; condstore?: boolean },
): SyncStrategy {
  const modseq = snapshot.uidValidity !== 0 && snapshot.highestModseq !== 0n;
  if (modseq && server.qresync === true) return 'qresync';
  if (modseq && (server.condstore === true || server.qresync === true)) return 'condstore';
  return 'full';
}
