/**
 * list-status: `LIST "" "*" RETURN (SPECIAL-USE SUBSCRIBED CHILDREN STATUS (...))` (RFC 5819) over
 * a large folder tree: every mailbox gives `* LIST (attrs) "/" name` then `* STATUS name (...)`.
 * Names are atoms where Dovecot writes atoms (`2024:Q1`, `12:30:00`, `Work/Projects`, modified
 * UTF-7 `&ZeVnLIqe-`), quoted when they hold spaces or specials (escaped `\"`, `\\`), literals
 * for 8-bit names (UTF8=ACCEPT) and, as some servers do, for any name with specials; one batch in
 * four uses the `.` delimiter (Courier, Cyrus). Widened for issue #23 to what servers send: about
 * a third of the names modified UTF-7 (non-Latin folder trees), CHILDINFO on parents, up to six
 * attributes per mailbox (Dovecot's `\Subscribed`, `\HasChildren`, `\Marked`, special-use,
 * `\NonExistent` / `\Noselect` parents), and long STATUS lists, the same items for every
 * mailbox of one command as servers answer them (see {@link statusItems}). HIGHESTMODSEQ above
 * 2^53 in some.
 */
import { byteLength, ImapWriter } from './imap-writer.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const TOP = [
  'Archive',
  'Work',
  'Clients',
  'Projects',
  'Lists',
  'Receipts',
  'Company News',
  '2024:Q1',
  '2024',
  'Travel',
  '&BB8EQAQ4BDIENQRC-',
  '&BB8EQAQ4BDIENQRCBEEEQgQyBDUEPQQ9BEsENQ-',
  '&ZeVnLIqeMHtnbIqe-',
  '&V4NXPpCu-',
  'Gel&AOQ-schte Elemente',
];
const LEAF = [
  'Q1',
  'Q2',
  '2023',
  '2024:Q1',
  '12:30:00',
  'Alpha',
  'Beta [old]',
  'Re&AOc-us &- Factures',
  '&ZeVnLIqe-',
  'Emoji &2D3c7A-',
  'Invoices "paid"',
  'back\\slash',
  'ACME Corp.',
  'node-dev',
  'Zürich',
  'Team_42',
  '&BCAEMAQxBD4EQgQw-',
  '&U9BT1w-',
  '&MMEw4zDHMOMwqzDRMKMw4A-',
  'Entw&APw-rfe',
  'Ko&AWE-',
  '&BgQGNwY5BkUGRw-',
  'Bestellbest&AOQ-tigungen 2024',
];
const SPECIAL = [
  ['INBOX', ''],
  ['Sent', '\\Sent'],
  ['Drafts', '\\Drafts'],
  ['Junk', '\\Junk'],
  ['Trash', '\\Trash'],
  ['Archive', '\\Archive'],
  ['All Mail', '\\All'],
  ['Flagged', '\\Flagged'],
] as const;

/**
 * Mailbox name as servers write it: atom, quoted, or literal (8-bit with UTF8=ACCEPT; Cyrus and
 * Exchange also send a name with specials as a literal).
 */
function mailbox(rng: Rng, name: string): string {
  if (/[^\x20-\x7e]/.test(name) && rng.chance(0.5)) return `{${byteLength(name)}}\r\n${name}`;
  if (/[ "\\]/.test(name) && rng.chance(0.2)) return `{${byteLength(name)}}\r\n${name}`;
  if (/^[\x21-\x7e]+$/.test(name) && !/[(){%*"\\\]]/.test(name)) return name;
  return `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The STATUS items one `LIST … RETURN (STATUS (…))` asks for: every mailbox of that command is
 * answered with the same items in the same order (RFC 5819 §1, RFC 9051 §6.3.11: the server
 * returns the items requested), so the set is drawn per command, not per mailbox. From the
 * usual five to ten items (RFC 9051 `DELETED` and `SIZE`, RFC 7889 `APPENDLIMIT`, RFC 8474
 * `MAILBOXID`).
 */
function statusItems(rng: Rng): string[] {
  const items = ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN'];
  if (rng.chance(0.3)) items.push('RECENT');
  if (rng.chance(0.8)) items.push('HIGHESTMODSEQ');
  if (rng.chance(0.5)) items.push('SIZE');
  if (rng.chance(0.4)) items.push('DELETED');
  if (rng.chance(0.3)) items.push('APPENDLIMIT');
  if (rng.chance(0.5)) items.push('MAILBOXID');
  return items;
}

function status(rng: Rng, names: readonly string[]): string {
  const items: string[] = [];
  const uidnext = rng.int(1, 400_000);
  for (const name of names) {
    switch (name) {
      case 'MESSAGES':
        items.push(`MESSAGES ${rng.int(0, uidnext)}`);
        break;
      case 'UIDNEXT':
        items.push(`UIDNEXT ${uidnext}`);
        break;
      case 'UIDVALIDITY':
        items.push(`UIDVALIDITY ${rng.int(1, 0xffffffff)}`);
        break;
      case 'UNSEEN':
        items.push(`UNSEEN ${rng.int(0, 500)}`);
        break;
      case 'RECENT':
        items.push(`RECENT ${rng.int(0, 5)}`);
        break;
      case 'HIGHESTMODSEQ':
        items.push(`HIGHESTMODSEQ ${rng.chance(0.1) ? rng.u63() : rng.int(1, 9_000_000)}`);
        break;
      case 'SIZE':
        items.push(`SIZE ${rng.int(0, 4_000_000_000)}`);
        break;
      case 'DELETED':
        items.push(`DELETED ${rng.int(0, 50)}`);
        break;
      case 'APPENDLIMIT':
        items.push(`APPENDLIMIT ${rng.chance(0.5) ? 'NIL' : rng.int(1_000_000, 50_000_000)}`);
        break;
      default:
        items.push(`MAILBOXID (F${rng.int(0, 0xffffffff).toString(16)}${rng.int(0, 0xffff).toString(16)})`);
    }
  }
  return `(${items.join(' ')})`;
}

export function listStatus(scale: number, seed = 0): Workload {
  const count = Math.max(SPECIAL.length, Math.round(20_000 * scale));
  const rng = new Rng(seeded(0x1157, seed));
  const w = new ImapWriter(count * 160);
  const batch = 500;
  let tag = 1;
  for (let done = 0; done < count; ) {
    const delim = tag % 4 === 3 ? '.' : '/';
    const n = Math.min(batch, count - done);
    const asked = statusItems(rng);
    for (let i = 0; i < n; i++, done++) {
      let name: string;
      const attrs: string[] = [];
      if (i < SPECIAL.length) {
        const [n0, use] = SPECIAL[i]!;
        name = delim === '.' && i > 0 ? `INBOX.${n0}` : n0;
        if (use) attrs.push(use);
        attrs.push('\\HasNoChildren');
      } else {
        const depth = rng.int(1, 4);
        const parts = [rng.pick(TOP)];
        for (let d = 1; d < depth; d++) parts.push(rng.pick(LEAF));
        name = parts.join(delim);
        const parent = rng.chance(0.3);
        attrs.push(parent ? '\\HasChildren' : '\\HasNoChildren');
        if (rng.chance(0.6)) attrs.unshift('\\Subscribed');
        if (rng.chance(0.05)) attrs.unshift(rng.pick(['\\Noselect', '\\NonExistent']));
        if (rng.chance(0.2)) attrs.push(rng.pick(['\\Marked', '\\Unmarked']));
        if (rng.chance(0.05)) attrs.push(rng.pick(['\\Remote', '\\Important', '\\Flagged', '\\Archive']));
      }
      const mb = mailbox(rng, name);
      const childInfo = attrs.includes('\\HasChildren') && rng.chance(0.5);
      const ext = childInfo ? ' ("CHILDINFO" ("SUBSCRIBED"))' : '';
      w.line(`* LIST (${attrs.join(' ')}) "${delim}" ${mb}${ext}`);
      if (!attrs.includes('\\Noselect') && !attrs.includes('\\NonExistent'))
        w.line(`* STATUS ${mb} ${status(rng, asked)}`);
    }
    w.line(`A${tag++} OK List completed (0.003 + 0.000 + 0.002 secs).`);
  }
  return {
    name: 'list-status',
    shape: `LIST + STATUS (LIST-STATUS), ${count} mailboxes`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
