/**
 * preview: `FETCH (UID PREVIEW ...)` (RFC 8970), 50k messages. Dovecot sends an ASCII preview
 * quoted and an 8-bit one as a literal; IMAP4rev2 / UTF8=ACCEPT servers quote UTF-8 too. Empty,
 * NIL and escaped (`\"`, `\\`) previews included; at most 256 characters each.
 */
import { ImapWriter, needsLiteral } from './imap-writer.ts';
import { SENTENCES } from './mail-text.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const EXTRA = [
  'Your verification code is 123456. (Flagged \\Deleted but not expunged.)',
  'She said "see you at 10" and left.',
  '',
  'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 release.tar.gz',
];

function previewText(rng: Rng): string {
  let s = rng.chance(0.1) ? rng.pick(EXTRA) : rng.pick(SENTENCES);
  while (s.length < 200 && rng.chance(0.7)) s += ` ${rng.pick(SENTENCES)}`;
  return [...s].slice(0, 256).join('');
}

export function preview(scale: number, seed = 0): Workload {
  const count = Math.max(1, Math.round(50_000 * scale));
  const rng = new Rng(seeded(0x9e71, seed));
  const w = new ImapWriter(count * 260);
  let uid = 1;
  for (let seq = 1; seq <= count; seq++) {
    uid += rng.int(1, 2);
    w.text(`* ${seq} FETCH (`).uid(uid).text(' PREVIEW ');
    if (rng.chance(0.01)) w.text('NIL');
    else {
      const s = previewText(rng);
      if (needsLiteral(s) && rng.chance(0.75)) w.literal(s);
      else w.quoted(s);
    }
    w.text(')').end();
  }
  w.line('A1 OK Fetch completed (0.040 + 0.000 + 0.039 secs).');
  return {
    name: 'preview',
    shape: `FETCH UID PREVIEW (quoted + literal, UTF-8), ${count} msgs`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
