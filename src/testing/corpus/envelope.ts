/**
 * ENVELOPE (RFC 3501 section 7.4.2) as Dovecot and Gmail write it: names as quoted strings,
 * RFC 2047 encoded words, or (RFC 6532 mail) raw UTF-8 that Dovecot sends as a literal; groups
 * `(NIL NIL "team" NIL)...(NIL NIL NIL NIL)`; NIL dates and missing fields.
 */
import { byteLength, needsLiteral } from './imap-writer.ts';
import { headerValue, person, SUBJECTS } from './mail-text.ts';
import type { Rng } from './prng.ts';

export type ServerStyle = 'dovecot' | 'gmail';

/** nstring as text: NIL, "quoted" (escaped) or {n}\r\n literal for 8-bit / CR / LF. */
export function nstr(s: string | null): string {
  if (s === null) return 'NIL';
  if (needsLiteral(s)) return `{${byteLength(s)}}\r\n${s}`;
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

function address(rng: Rng): string {
  const p = person(rng);
  const name = rng.chance(0.1) ? null : headerValue(rng, p.name);
  return `(${nstr(name)} NIL ${nstr(p.mailbox)} ${nstr(p.host)})`;
}

function addressList(rng: Rng, min: number, max: number): string {
  const n = rng.int(min, max);
  if (n === 0) return 'NIL';
  let out = '(';
  if (rng.chance(0.05)) out += '(NIL NIL "Project Team" NIL)';
  for (let i = 0; i < n; i++) out += address(rng);
  if (out.includes('"Project Team"')) out += '(NIL NIL NIL NIL)';
  return `${out})`;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function date(rng: Rng): string | null {
  if (rng.chance(0.02)) return null;
  const d = `${rng.pick(DAYS)}, ${String(rng.int(1, 28)).padStart(2, '0')} ${rng.pick(MONTHS)} 20${rng.int(19, 24)}`;
  const t = `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  return `${d} ${t} ${rng.pick(['+0000', '+0200', '-0700', '+0530', '+0000 (UTC)'])}`;
}

export function envelope(rng: Rng, style: ServerStyle): string {
  const from = addressList(rng, 1, rng.chance(0.03) ? 2 : 1);
  // Dovecot and Gmail both fill sender and reply-to from From when the header is missing
  const sender = rng.chance(0.9) ? from : addressList(rng, 1, 1);
  const replyTo = rng.chance(0.85) ? from : addressList(rng, 1, 2);
  const to = addressList(rng, 0, rng.chance(0.05) ? 30 : 3);
  const cc = addressList(rng, 0, rng.chance(0.7) ? 0 : 4);
  const bcc = rng.chance(0.97) ? 'NIL' : addressList(rng, 1, 2);
  const subject = rng.chance(0.02) ? null : headerValue(rng, rng.pick(SUBJECTS));
  const host = style === 'gmail' ? 'mail.gmail.com' : rng.pick(['example.org', 'mail.example.net']);
  const msgId = `<${rng.hex(8)}-${rng.int(1, 99999)}@${host}>`;
  const inReplyTo = rng.chance(0.3) ? `<${rng.hex(12)}@example.com>` : null;
  return `(${nstr(date(rng))} ${nstr(subject)} ${from} ${sender} ${replyTo} ${to} ${cc} ${bcc} ${nstr(inReplyTo)} ${nstr(msgId)})`;
}
