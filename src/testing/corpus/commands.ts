/**
 * The encoder workload: typed commands shaped like a mail client's traffic on a big mailbox
 * (UIDs up to ~200k, CONDSTORE), seeded so every run encodes the same list:
 *
 * - FETCH: `UID FETCH set (UID FLAGS) (CHANGEDSINCE m)` flag resyncs, list views
 *   `(UID FLAGS ENVELOPE BODYSTRUCTURE RFC822.SIZE INTERNALDATE)`, partial body parts
 *   `(UID BODY.PEEK[1.2]<0.1024>)` (sometimes with `BODY.PEEK[HEADER.FIELDS (…)]`), whole
 *   messages `BODY.PEEK[]`, and plain `FETCH 1:50 (FLAGS)`;
 * - STORE: `UID STORE set (UNCHANGEDSINCE m) +FLAGS.SILENT (\Seen)` and its variants;
 * - SEARCH: `UID SEARCH` with 2-5 keys (UNSEEN, SINCE, FROM "…", OR, NOT DELETED, LARGER …),
 *   sometimes `RETURN (MIN MAX COUNT)`, sometimes a non-ASCII subject (adds `CHARSET UTF-8`);
 * - APPEND: a 0.3-4 KB message as bytes (a non-synchronising literal under LITERAL+).
 *
 * Sequence sets come as wire text (what imapflow passes) and as arrays of numbers and ranges.
 */
import type { Command, SearchKey, SearchReturnOption, SequenceItem, SequenceSetInput } from '../../index.ts';
import { person, SENTENCES, SUBJECTS } from './mail-text.ts';
import { Rng, seeded } from './prng.ts';

export const COMMAND_KINDS = ['FETCH', 'STORE', 'SEARCH', 'APPEND'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** What the encoder is told about the server. */
export const ENCODER_CAPABILITIES = ['IMAP4rev1', 'LITERAL+', 'CONDSTORE', 'UIDPLUS', 'ESEARCH'] as const;

export interface CommandCorpus {
  shape: string;
  /** The commands in session order. */
  commands: Command[];
  /** How many of each kind (`commands[i].name`). */
  counts: Record<CommandKind, number>;
}

const MAX_UID = 200_000;

function uidSet(rng: Rng): SequenceSetInput {
  const start = rng.int(1, MAX_UID - 600);
  const shape = rng.weighted([
    [30, 'one'],
    [30, 'range'],
    [25, 'list'],
    [5, 'tail'],
    [10, 'all'],
  ] as const);
  if (shape === 'one') return rng.chance(0.5) ? start : String(start);
  if (shape === 'all') return '1:*';
  if (shape === 'tail') return rng.chance(0.5) ? `${start}:*` : [[start, '*']];
  if (shape === 'range') {
    const end = start + rng.logInt(1, 500);
    return rng.chance(0.6) ? `${start}:${end}` : [[start, end]];
  }
  // A selection: singles and short runs, ascending (what a client's compressUids gives).
  const items: (number | [number, number])[] = [];
  let u = start;
  for (let n = rng.int(2, 8); n > 0; n--) {
    u += rng.int(1, 40);
    if (rng.chance(0.4)) {
      const end = u + rng.int(1, 20);
      items.push([u, end]);
      u = end;
    } else items.push(u);
  }
  if (rng.chance(0.5)) return items satisfies SequenceItem[];
  return items.map((i) => (typeof i === 'number' ? String(i) : `${i[0]}:${i[1]}`)).join(',');
}

function modseq(rng: Rng): bigint {
  return 4_000_000n + BigInt(rng.int(0, 5_000_000));
}

const PARTS = [[1], [1, 1], [1, 2], [2], [2, 1], [1, 2, 1]] as const;
const HEADER_FIELDS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'References', 'In-Reply-To'];

function fetch(rng: Rng): Command {
  const kind = rng.weighted([
    [30, 'sync'],
    [25, 'list'],
    [30, 'partial'],
    [5, 'whole'],
    [10, 'flags'],
  ] as const);
  switch (kind) {
    case 'sync':
      return {
        name: 'FETCH',
        uid: true,
        sequence: uidSet(rng),
        items: [{ item: 'UID' }, { item: 'FLAGS' }],
        changedSince: modseq(rng),
        ...(rng.chance(0.3) ? { vanished: true } : {}),
      };
    case 'list':
      return {
        name: 'FETCH',
        uid: true,
        sequence: uidSet(rng),
        items: [
          { item: 'UID' },
          { item: 'FLAGS' },
          { item: 'ENVELOPE' },
          { item: 'BODYSTRUCTURE' },
          { item: 'RFC822.SIZE' },
          { item: 'INTERNALDATE' },
        ],
      };
    case 'partial': {
      const section = { part: [...rng.pick(PARTS)] };
      const partial = {
        origin: rng.chance(0.8) ? 0 : rng.int(1, 64) * 1024,
        count: rng.pick([1024, 2048, 4096]),
      };
      return {
        name: 'FETCH',
        uid: true,
        sequence: rng.int(1, MAX_UID),
        items: rng.chance(0.3)
          ? [
              { item: 'UID' },
              { item: 'BODY[]', peek: true, section, partial },
              {
                item: 'BODY[]',
                peek: true,
                section: { text: 'HEADER.FIELDS', fields: HEADER_FIELDS.slice(0, rng.int(2, 8)) },
              },
            ]
          : [{ item: 'UID' }, { item: 'BODY[]', peek: true, section, partial }],
      };
    }
    case 'whole':
      return {
        name: 'FETCH',
        uid: true,
        sequence: rng.int(1, MAX_UID),
        items: { item: 'BODY[]', peek: true },
      };
    case 'flags': {
      const a = rng.int(1, 5000);
      return { name: 'FETCH', sequence: `${a}:${a + rng.int(1, 50)}`, items: [{ item: 'FLAGS' }] };
    }
  }
}

function store(rng: Rng): Command {
  const [operation, flags] = rng.weighted([
    [50, ['add', ['\\Seen']]],
    [12, ['remove', ['\\Seen']]],
    [12, ['add', ['\\Deleted']]],
    [8, ['add', ['\\Flagged']]],
    [6, ['add', ['$Junk']]],
    [4, ['remove', ['$Junk', '$NotJunk']]],
    [4, ['add', ['\\Answered', '$Forwarded']]],
    [4, ['replace', ['\\Seen', '\\Flagged']]],
  ] as const);
  return {
    name: 'STORE',
    uid: rng.chance(0.95),
    sequence: uidSet(rng),
    operation,
    flags: [...flags],
    ...(rng.chance(0.85) ? { silent: true } : {}),
    ...(rng.chance(0.6) ? { unchangedSince: modseq(rng) } : {}),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const date = (rng: Rng) => `${rng.int(2019, 2025)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
const ASCII_SUBJECTS = SUBJECTS.filter((s) => /^[\x20-\x7e]*$/.test(s));
const address = (rng: Rng) => {
  const p = person(rng);
  return `${p.mailbox}@${p.host}`;
};

function searchKey(rng: Rng): SearchKey {
  return rng.weighted<() => SearchKey>([
    [14, () => ({ key: 'UNSEEN' })],
    [10, () => ({ key: 'NOT', operand: { key: 'DELETED' } })],
    [6, () => ({ key: 'FLAGGED' })],
    [12, () => ({ key: 'SINCE', date: date(rng) })],
    [4, () => ({ key: 'BEFORE', date: date(rng) })],
    [12, () => ({ key: 'FROM', value: address(rng) })],
    [4, () => ({ key: 'TO', value: address(rng) })],
    [8, () => ({ key: 'SUBJECT', value: rng.chance(0.9) ? rng.pick(ASCII_SUBJECTS) : rng.pick(SUBJECTS) })],
    [4, () => ({ key: 'TEXT', value: rng.pick(['invoice', 'meeting notes', 'report', 'Zürich']) })],
    [
      8,
      () => ({
        key: 'OR',
        left: { key: 'FROM', value: address(rng) },
        right: { key: 'CC', value: address(rng) },
      }),
    ],
    [4, () => ({ key: 'LARGER', size: rng.logInt(1000, 20_000_000) })],
    [6, () => ({ key: 'UID', set: uidSet(rng) })],
    [3, () => ({ key: 'KEYWORD', flag: '$Junk' })],
    [3, () => ({ key: 'MODSEQ', modseq: modseq(rng) })],
    [2, () => ({ key: 'HEADER', field: 'List-Id', value: 'team.lists.example.org' })],
  ])();
}

function search(rng: Rng): Command {
  const criteria: SearchKey[] = [];
  for (let n = rng.int(2, 5); n > 0; n--) criteria.push(searchKey(rng));
  return {
    name: 'SEARCH',
    uid: rng.chance(0.9),
    criteria,
    ...(rng.chance(0.2) ? { return: ['MIN', 'MAX', 'COUNT'] satisfies SearchReturnOption[] } : {}),
  };
}

const enc = new TextEncoder();
const MAILBOXES = ['Sent', 'Drafts', 'Sent Items', 'INBOX', 'Archive/2024', 'Entwürfe'];

function message(rng: Rng): Uint8Array {
  const from = person(rng);
  const to = person(rng);
  const lines = [
    `From: ${from.mailbox}@${from.host}`,
    `To: ${to.mailbox}@${to.host}`,
    `Subject: ${rng.pick(ASCII_SUBJECTS)}`,
    `Date: Tue, ${rng.int(1, 28)} Aug 2023 1${rng.int(0, 9)}:${pad2(rng.int(0, 59))}:00 +0200`,
    `Message-ID: <${rng.hex(16)}@${from.host}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
  ];
  const target = rng.logInt(300, 4000);
  let size = lines.join('\r\n').length;
  while (size < target) {
    const s = rng.pick(SENTENCES);
    lines.push(s);
    size += s.length + 2;
  }
  return enc.encode(`${lines.join('\r\n')}\r\n`);
}

function append(rng: Rng): Command {
  return {
    name: 'APPEND',
    mailbox: rng.pick(MAILBOXES),
    messages: [
      {
        ...(rng.chance(0.8) ? { flags: rng.chance(0.7) ? ['\\Seen'] : ['\\Seen', '\\Draft'] } : {}),
        ...(rng.chance(0.7)
          ? { date: `2024-0${rng.int(1, 9)}-${pad2(rng.int(10, 28))}T${pad2(rng.int(0, 23))}:15:00+02:00` }
          : {}),
        content: message(rng),
      },
    ],
  };
}

/** `scale` 1: 200k commands, 45 % FETCH, 35 % STORE, 12 % SEARCH, 8 % APPEND. */
export function commandCorpus(scale: number, seed = 0): CommandCorpus {
  const total = Math.max(COMMAND_KINDS.length, Math.round(200_000 * scale));
  const rng = new Rng(seeded(0xc0de, seed));
  const commands: Command[] = [];
  const counts: Record<CommandKind, number> = { FETCH: 0, STORE: 0, SEARCH: 0, APPEND: 0 };
  const make = { FETCH: fetch, STORE: store, SEARCH: search, APPEND: append };
  for (let i = 0; i < total; i++) {
    // The first four are one of each, so even a tiny corpus has every kind.
    const kind =
      i < COMMAND_KINDS.length
        ? COMMAND_KINDS[i]!
        : rng.weighted([
            [45, 'FETCH'],
            [35, 'STORE'],
            [12, 'SEARCH'],
            [8, 'APPEND'],
          ] as const);
    commands.push(make[kind](rng));
    counts[kind]++;
  }
  return {
    shape: `${total} client commands: ${COMMAND_KINDS.map((k) => `${counts[k]} ${k}`).join(', ')}`,
    commands,
    counts,
  };
}
