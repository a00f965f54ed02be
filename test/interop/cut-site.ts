/**
 * Where a chaos-proxy cut fell in the IMAP conversation, read from the bytes it had forwarded
 * (chaos-proxy.ts `CutRecord` tails): inside a literal the server was sending, inside IDLE,
 * inside a resync (SELECT and the UID SEARCH / UID FETCH that follow it), inside LOGIN and the
 * commands around it, inside a FETCH of new messages, or elsewhere. The soak reports the counts,
 * so that "cuts inside IDLE, inside a literal, inside a resync" is shown, not assumed.
 *
 * A reading of the tails, not a parser: a literal whose announcement lies before the tail, or a
 * command line longer than the tail, is not recognised (the tails are 16 KiB; the test traffic
 * has no such lines).
 */

export type CutSite = 'literal' | 'idle' | 'resync' | 'login' | 'fetch' | 'other';

/** The commands of a resync (idle-watcher.ts `sync`, session/resync.ts). */
const RESYNC = /^(SELECT|EXAMINE|UID SEARCH|UID FETCH 1:\*|UID FETCH \d+:\* \(FLAGS\))/i;
const LOGIN = /^(LOGIN|AUTHENTICATE|CAPABILITY|ENABLE)\b/i;

/**
 * @example
 * ```ts
 * cutSite({ upTail: ascii('A5 IDLE\r\n'), downTail: ascii('+ idling\r\n') }); // 'idle'
 * ```
 */
export function cutSite(r: { upTail: Uint8Array; downTail: Uint8Array }): CutSite {
  const down = Buffer.from(r.downTail).toString('latin1');
  if (insideLiteral(down)) return 'literal';
  const up = Buffer.from(r.upTail).toString('latin1');
  const lines = up.split('\r\n');
  // the last command line (a DONE counts as IDLE's)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (/^DONE$/i.test(line)) return 'idle';
    const m = /^(\S+) (.*)$/.exec(line);
    if (m === null) continue;
    const [, tag, rest] = m as unknown as [string, string, string];
    const answered = new RegExp(`(^|\\r\\n)${tag.replace(/[^\w]/g, '\\$&')} (OK|NO|BAD)`, 'i').test(down);
    if (/^IDLE$/i.test(rest)) return 'idle';
    if (answered) return 'other';
    if (RESYNC.test(rest)) return 'resync';
    if (LOGIN.test(rest)) return 'login';
    if (/^(UID )?FETCH /i.test(rest)) return 'fetch';
    return 'other';
  }
  return down.length === 0 || /^\* (OK|PREAUTH)/.test(down) ? 'login' : 'other';
}

/** True when the server's bytes end inside a literal whose `{n}` (or `~{n}`) is in the tail. */
function insideLiteral(down: string): boolean {
  const re = /\{(\d+)\+?\}\r\n/g;
  let end = -1;
  for (let m = re.exec(down); m !== null; m = re.exec(down)) {
    const start = m.index + m[0].length;
    if (start < end) continue; // an announcement inside an earlier literal
    end = start + Number(m[1]);
  }
  return end > down.length;
}
