/**
 * mixed-session: a long-lived client session against Dovecot: greeting, LOGIN with CAPABILITY,
 * SELECT (FLAGS, EXISTS, RECENT, OK [UIDVALIDITY] [PERMANENTFLAGS] [HIGHESTMODSEQ]), then cycles
 * of IDLE (`+ idling`, EXISTS / EXPUNGE / FETCH FLAGS pushes), header FETCH of new mail, ESEARCH,
 * STORE, COPY / MOVE with COPYUID codes, STATUS and NOOP, and LOGOUT. Short responses of many
 * kinds: this is where per-response overhead shows.
 */
import { ImapWriter } from './imap-writer.ts';
import { SUBJECTS } from './mail-text.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const CAPS =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE';
const UIDVALIDITY = 1795516414;
const FLAGSETS = [
  '\\Seen',
  '\\Seen \\Flagged',
  '\\Answered \\Seen',
  '',
  '\\Seen $Forwarded',
  '\\Deleted \\Seen',
  '$Junk',
];

function sequenceSet(rng: Rng, max: number): string {
  const parts: string[] = [];
  let at = rng.int(1, 20);
  while (at < max && parts.length < 12) {
    const run = rng.chance(0.4) ? rng.int(1, 30) : 0;
    parts.push(run ? `${at}:${Math.min(max, at + run)}` : String(at));
    at += run + rng.int(2, 60);
  }
  return parts.length ? parts.join(',') : '1';
}

export function mixedSession(scale: number, seed = 0): Workload {
  const rng = new Rng(seeded(0x5e55, seed));
  const target = Math.max(64 * 1024, Math.round(4_000_000 * scale));
  const w = new ImapWriter(target + 65536);
  let tag = 0;
  const t = () => `A${++tag}`;
  let exists = 2500;
  let uidNext = 3100;
  let modseq = 90_000;
  const uidOf = (seq: number) => uidNext - exists - 1 + seq;

  w.line(`* OK [CAPABILITY ${CAPS} AUTH=PLAIN] Dovecot (Debian) ready.`);
  w.line(`${t()} OK [CAPABILITY ${CAPS} COMPRESS=DEFLATE QUOTA ACL RIGHTS=texk] Logged in`);
  w.line(`* CAPABILITY ${CAPS} COMPRESS=DEFLATE QUOTA ACL RIGHTS=texk`);
  w.line(`${t()} OK Capability completed (0.001 + 0.000 secs).`);
  w.line('* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $MDNSent $Junk $NotJunk)');
  w.line(
    '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $MDNSent $Junk $NotJunk \\*)] Flags permitted.',
  );
  w.line(`* ${exists} EXISTS`);
  w.line('* 0 RECENT');
  w.line('* OK [UNSEEN 17] First unseen.');
  w.line(`* OK [UIDVALIDITY ${UIDVALIDITY}] UIDs valid`);
  w.line(`* OK [UIDNEXT ${uidNext}] Predicted next UID`);
  w.line(`* OK [HIGHESTMODSEQ ${modseq}] Highest`);
  w.line(`${t()} OK [READ-WRITE] Select completed (0.002 + 0.000 + 0.001 secs).`);

  while (w.length < target) {
    // IDLE with pushes
    const idle = t();
    w.line('+ idling');
    const pushes = rng.int(1, 12);
    for (let i = 0; i < pushes; i++) {
      const kind = rng.weighted([
        [35, 'fetch'],
        [25, 'exists'],
        [20, 'expunge'],
        [5, 'recent'],
        [15, 'still'],
      ] as const);
      if (kind === 'exists') {
        exists++;
        uidNext++;
        w.line(`* ${exists} EXISTS`);
      } else if (kind === 'recent') w.line(`* ${rng.int(0, 3)} RECENT`);
      else if (kind === 'expunge') {
        w.line(`* ${rng.int(1, exists)} EXPUNGE`);
        exists--;
      } else if (kind === 'fetch') {
        const seq = rng.int(1, exists);
        modseq += rng.int(1, 5);
        w.text(`* ${seq} FETCH (`)
          .uid(uidOf(seq))
          .text(` FLAGS (${rng.pick(FLAGSETS)}) MODSEQ (${modseq}))`)
          .end();
      } else w.line('* OK Still here');
    }
    w.line(
      `${idle} OK Idle completed (0.001 + ${rng.int(1, 29)}.${rng.int(100, 999)} + ${rng.int(1, 29)}.${rng.int(100, 999)} secs).`,
    );

    // header fetch of the newest messages
    const fetchTag = t();
    const from = Math.max(1, exists - rng.int(0, 3));
    for (let seq = from; seq <= exists; seq++) {
      const hdr = `From: Bob Martin <bob@example.org>\r\nTo: alice@example.com\r\nSubject: ${rng.pick(SUBJECTS)}\r\nDate: Mon, 10 Jul 2023 09:14:01 +0200\r\n\r\n`;
      const bytes = new TextEncoder().encode(hdr);
      w.text(`* ${seq} FETCH (`)
        .uid(uidOf(seq))
        .text(` FLAGS () RFC822.SIZE ${rng.int(500, 90000)} BODY[HEADER.FIELDS (FROM TO SUBJECT DATE)] `);
      w.sectionLiteral(bytes).text(')').end();
    }
    w.line(`${fetchTag} OK Fetch completed (0.001 + 0.000 secs).`);

    // ESEARCH
    const searchTag = t();
    const set = sequenceSet(rng, uidNext);
    w.line(
      `* ESEARCH (TAG "${searchTag}") UID MIN 2 MAX ${uidNext - 1} ALL ${set} COUNT ${set.split(',').length}`,
    );
    w.line(`${searchTag} OK Search completed (0.003 + 0.000 + 0.002 secs).`);

    // (UID) STORE echoes
    const storeTag = t();
    const n = rng.int(1, 6);
    const uidStore = rng.chance(0.6);
    for (let i = 0; i < n; i++) {
      const seq = rng.int(1, exists);
      modseq += 1;
      w.text(`* ${seq} FETCH (`);
      if (uidStore) w.uid(uidOf(seq)).text(' ');
      w.text(`MODSEQ (${modseq}) FLAGS (${rng.pick(FLAGSETS)}))`).end();
    }
    w.line(`${storeTag} OK Store completed (0.001 + 0.000 secs).`);

    // COPY / MOVE with UIDPLUS codes
    const a = rng.int(1, uidNext - 10);
    w.line(
      `${t()} OK [COPYUID ${UIDVALIDITY} ${a}:${a + 2} ${rng.int(1, 9000)}:${rng.int(9001, 9003)}] Copy completed (0.002 + 0.000 + 0.001 secs).`,
    );
    if (rng.chance(0.5) && exists > 10) {
      const seq = rng.int(1, exists);
      const moveTag = t();
      w.line(`* OK [COPYUID ${UIDVALIDITY} ${uidOf(seq)} ${rng.int(1, 9000)}] Moved UIDs.`);
      w.line(`* ${seq} EXPUNGE`);
      exists--;
      w.line(`${moveTag} OK Move completed (0.002 + 0.000 + 0.001 secs).`);
    }
    if (rng.chance(0.3)) {
      const statusTag = t();
      w.line(
        `* STATUS "Sent" (MESSAGES ${rng.int(1, 900)} UIDNEXT ${rng.int(900, 999)} UNSEEN 0 HIGHESTMODSEQ ${modseq})`,
      );
      w.line(`${statusTag} OK Status completed (0.001 + 0.000 secs).`);
    }
    if (rng.chance(0.2)) w.line(`* OK [HIGHESTMODSEQ ${modseq}] Highest`);
    w.line(`${t()} OK NOOP completed (0.001 + 0.000 secs).`);
  }
  w.line('* BYE Logging out');
  w.line(`${t()} OK Logout completed (0.001 + 0.000 secs).`);
  return {
    name: 'mixed-session',
    shape: `Session: SELECT, IDLE pushes, ESEARCH, STORE, COPYUID, ${w.expect.responses} responses`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
