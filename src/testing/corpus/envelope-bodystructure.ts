/**
 * envelope-bodystructure: a client's message-list FETCH, 10k messages, half from a Dovecot-style
 * server (`UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE`, lower case, 4 extension
 * fields) and half Gmail-style (`X-GM-THRID X-GM-MSGID X-GM-LABELS UID FLAGS ENVELOPE
 * BODYSTRUCTURE`, upper case, 63-bit ids above 2^53).
 */
import { bodystructure } from './bodystructure.ts';
import { envelope, nstr, type ServerStyle } from './envelope.ts';
import { ImapWriter } from './imap-writer.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const FLAGS = [
  '',
  '\\Seen',
  '\\Seen',
  '\\Seen \\Answered',
  '\\Flagged \\Seen',
  '$Forwarded \\Seen',
  '$Junk',
  '\\Seen $MDNSent',
];
const LABELS = [
  '\\Inbox',
  '\\Important',
  '\\Sent',
  '\\Starred',
  '"\\\\Important"',
  'Work',
  '"Work/Q1 2024"',
  'Receipts',
  '"Reçus &- factures"',
];

function labels(rng: Rng): string {
  const n = rng.int(0, 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(LABELS));
  return `(${out.join(' ')})`;
}

function fetchOne(w: ImapWriter, rng: Rng, style: ServerStyle, seq: number, uid: number, gmId: bigint): void {
  const flags = rng.pick(FLAGS);
  if (style === 'gmail') {
    const thread = rng.chance(0.7) ? gmId : gmId - BigInt(rng.int(1, 1_000_000));
    w.text(`* ${seq} FETCH (X-GM-THRID ${thread} X-GM-MSGID ${gmId} X-GM-LABELS ${labels(rng)} `).uid(uid);
    w.text(
      ` FLAGS (${flags}) ENVELOPE ${envelope(rng, style)} BODYSTRUCTURE ${bodystructure(rng, style)})`,
    ).end();
    return;
  }
  const date = `${String(rng.int(1, 28)).padStart(2, '0')}-Jul-2023 ${String(rng.int(0, 23)).padStart(2, '0')}:14:03 +0000`;
  w.text(`* ${seq} FETCH (`)
    .uid(uid)
    .text(` FLAGS (${flags}) RFC822.SIZE ${rng.logInt(300, 9_000_000)} INTERNALDATE ${nstr(date)}`);
  w.text(` ENVELOPE ${envelope(rng, style)} BODYSTRUCTURE ${bodystructure(rng, style)})`).end();
}

export function envelopeBodystructure(scale: number, seed = 0): Workload {
  const count = Math.max(2, Math.round(10_000 * scale));
  const rng = new Rng(seeded(0xe7e1, seed));
  const w = new ImapWriter(count * 2500);
  let tag = 1;
  for (const style of ['dovecot', 'gmail'] as const) {
    let uid = rng.int(1, 50);
    let gmId = 1_278_455_344_230_334_865n;
    const half = style === 'dovecot' ? Math.ceil(count / 2) : Math.floor(count / 2);
    for (let seq = 1; seq <= half; seq++) {
      uid += rng.int(1, 3);
      gmId += BigInt(rng.int(1, 1 << 30));
      fetchOne(w, rng, style, seq, uid, gmId);
    }
    w.line(
      style === 'gmail'
        ? `A${tag++} OK Success`
        : `A${tag++} OK Fetch completed (0.030 + 0.000 + 0.029 secs).`,
    );
  }
  return {
    name: 'envelope-bodystructure',
    shape: `FETCH ENVELOPE BODYSTRUCTURE (Dovecot + Gmail), ${count} msgs`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
