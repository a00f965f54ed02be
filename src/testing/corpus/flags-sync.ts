/**
 * flags-sync: a CONDSTORE flag resync, `UID FETCH 1:* (FLAGS) (CHANGEDSINCE m)` on a big mailbox:
 * `* N FETCH (UID u FLAGS (...) MODSEQ (m))` x 100k, then the tagged OK. About one MODSEQ in ten
 * is above 2^53 (servers with 63-bit modseqs), so a `number` parser loses it.
 */
import { ImapWriter } from './imap-writer.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const SYSTEM = ['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft'] as const;
const SYSTEM_P = [0.72, 0.18, 0.06, 0.02, 0.01] as const;
const KEYWORDS = [
  '$Forwarded',
  '$Junk',
  '$NotJunk',
  '$MDNSent',
  '$Phishing',
  '$label1',
  '$MailFlagBit0',
  'NonJunk',
] as const;
const KEYWORD_P = [0.08, 0.04, 0.1, 0.03, 0.005, 0.02, 0.01, 0.05] as const;

function flagList(rng: Rng): string {
  const flags: string[] = [];
  for (let i = 0; i < SYSTEM.length; i++) if (rng.chance(SYSTEM_P[i]!)) flags.push(SYSTEM[i]!);
  for (let i = 0; i < KEYWORDS.length; i++) if (rng.chance(KEYWORD_P[i]!)) flags.push(KEYWORDS[i]!);
  return flags.join(' ');
}

export function flagsSync(scale: number, seed = 0): Workload {
  const count = Math.max(1, Math.round(100_000 * scale));
  const rng = new Rng(seeded(0xf1a6, seed));
  const w = new ImapWriter(count * 80);
  let uid = rng.int(1, 1000);
  let small = 4_000_000n;
  let big = 9_007_199_254_740_993n; // 2^53 + 1: the first integer a double cannot hold
  for (let seq = 1; seq <= count; seq++) {
    uid += rng.weighted([
      [90, 1],
      [8, 2],
      [2, rng.int(3, 500)],
    ] as const);
    let modseq: bigint;
    if (rng.chance(0.1)) {
      big += BigInt(rng.int(1, 97));
      modseq = rng.chance(0.05) ? BigInt(rng.u63()) : big;
    } else {
      small += BigInt(rng.int(1, 13));
      modseq = small;
    }
    w.text(`* ${seq} FETCH (`)
      .uid(uid)
      .text(` FLAGS (${flagList(rng)}) MODSEQ (${modseq}))`)
      .end();
  }
  w.line('A1 OK Fetch completed (0.120 + 0.000 + 0.119 secs).');
  return {
    name: 'flags-sync',
    shape: `FETCH UID FLAGS MODSEQ, ${count} msgs`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
