/**
 * Vocabulary shared by the corpus generators: people (ASCII, Latin-1, CJK, RTL), domains,
 * subjects, body sentences, and RFC 2047 encoded words. Shapes follow real Dovecot and Gmail
 * captures (see ../shared/transcripts/dovecot).
 */
import { utf8 } from './imap-writer.ts';
import type { Rng } from './prng.ts';

export const PEOPLE: readonly (readonly [string, string])[] = [
  ['Bob Martin', 'bob'],
  ['Alice Example', 'alice'],
  ['Carol Danvers', 'carol'],
  ['Jürgen Müller', 'juergen'],
  ['Hélène Dupré', 'helene'],
  ['王小明', 'wang'],
  ['דנה לוי', 'dana'],
  ['سامي', 'sami'],
  ['Дмитрий Иванов', 'dmitry'],
  ['Doe, John "JD"', 'john.doe'],
  ['Example Product News', 'news'],
  ['Mail Delivery System', 'MAILER-DAEMON'],
  ["Zoë O'Brien", 'zoe'],
  ['田中 太郎', 'tanaka'],
  ['Legal Team', 'legal'],
];

export const DOMAINS = [
  'example.com',
  'example.org',
  'example.net',
  'mail.example.de',
  'example.co.il',
  'lists.example.org',
  'gmail.com',
  'example.cn',
] as const;

export const SUBJECTS = [
  'Lunch on Thursday?',
  'Q3 report + chart',
  'Re: Project kickoff',
  'Fwd: Contract draft v3',
  'Zahlen für das Treffen 🎉 — Q3',
  'Réunion à Zürich',
  'הפגישה נדחתה ליום שלישי',
  '项目进度更新（第三周）',
  'Invitation: Sprint planning @ Tue Aug 1, 2023 3pm - 4pm (CEST)',
  'RE: Fwd: Re: [team] Project kickoff (fwd)',
  'Your verification code is 123456',
  'Undelivered Mail Returned to Sender',
  'Weekly report "draft" \\ final',
] as const;

export const SENTENCES = [
  'Hi Alice, are you free for lunch on Thursday?',
  'The new place on Main Street opened last week and I heard good things.',
  'Attached are the Q3 report and the chart we talked about.',
  'Hallo Alice, hier sind die Zahlen für das Treffen: Umsatz 12.345 €, Marge 17 %.',
  'Bonjour Alice, la réunion à Zürich est confirmée pour mercredi.',
  'שלום אליס, הפגישה נדחתה ליום שלישי בשעה 10:00.',
  '本周完成了接口设计和数据库迁移。下周开始测试。',
  'Release 4.2 is out. Highlights: faster sync, better search, and a new changelog.',
  'Please find the signed contract attached; let me know if anything is missing.',
  'Your verification code is 123456. It expires in 10 minutes.',
  'See the forwarded message below, including its attachment.',
  'Grüße aus Köln — und danke für die schnelle Antwort!',
] as const;

export function person(rng: Rng): { name: string; mailbox: string; host: string } {
  const [name, mailbox] = rng.pick(PEOPLE);
  return { name, mailbox, host: rng.pick(DOMAINS) };
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return true;
  return false;
}

/** RFC 2047 `=?UTF-8?B?...?=`. */
export function encodedWordB(s: string): string {
  let bin = '';
  for (const byte of utf8(s)) bin += String.fromCharCode(byte);
  return `=?UTF-8?B?${btoa(bin)}?=`;
}

/** RFC 2047 `=?UTF-8?Q?...?=` (space as `_`). */
export function encodedWordQ(s: string): string {
  let out = '';
  for (const byte of utf8(s)) {
    if (byte === 0x20) out += '_';
    else if (byte > 0x20 && byte < 0x7f && byte !== 0x3d && byte !== 0x3f && byte !== 0x5f) {
      out += String.fromCharCode(byte);
    } else out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?UTF-8?Q?${out}?=`;
}

/**
 * A header value as a server puts it in ENVELOPE: ASCII as is, non-ASCII either RFC 2047
 * encoded (most mail) or raw UTF-8 (RFC 6532 mail, which Dovecot then sends as a literal).
 */
export function headerValue(rng: Rng, s: string): string {
  if (!hasNonAscii(s)) return s;
  return rng.weighted([
    [4, () => encodedWordB(s)],
    [4, () => encodedWordQ(s)],
    [2, () => s],
  ] as const)();
}
