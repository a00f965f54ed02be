/**
 * body-literals: `FETCH (UID RFC822.SIZE BODY[])` of whole messages, 2 KB to 4 MB each
 * (log-uniform sizes, ~64 MB in all). Message bodies are CRLF text, base64 and quoted-printable
 * lines, among them lines that look like IMAP responses (`* 5 FETCH (...)`, `A1 OK`, a trailing
 * `{5}`): a framer that scans inside a literal desynchronises here.
 */

import { byteLength, ImapWriter, utf8 } from './imap-writer.ts';
import { encodedWordQ, SENTENCES } from './mail-text.ts';
import { Rng, seeded } from './prng.ts';
import type { Workload } from './workload.ts';

const MIN = 2048;
const MAX = 4 * 1024 * 1024;
const TOTAL = 64 * 1024 * 1024;
const POOL = MAX + (1 << 20);

const TRAPS = [
  '* 5 FETCH (UID 17 FLAGS (\\Seen))',
  'A1 OK Fetch completed.',
  '{5}',
  '* 12 FETCH (BODY[] {5}',
  '+ idling',
  'A23 NO [TRYCREATE] Mailbox does not exist',
  '* BYE Server shutting down',
  '* OK [UIDVALIDITY 3857529045] UIDs valid',
  ')',
];

/** A few MB of message-body lines, CRLF-terminated, with IMAP look-alike lines sprinkled in. */
function bodyPool(rng: Rng): { bytes: Uint8Array; lineStarts: Int32Array } {
  const parts: string[] = [];
  const starts: number[] = [];
  let size = 0;
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  while (size < POOL) {
    const kind = rng.weighted([
      [40, 'text'],
      [35, 'base64'],
      [10, 'qp'],
      [8, 'blank'],
      [7, 'trap'],
    ] as const);
    let line: string;
    if (kind === 'text') {
      line = rng.pick(SENTENCES);
      while (line.length < 60 && rng.chance(0.6)) line += ` ${rng.pick(SENTENCES)}`;
    } else if (kind === 'base64') {
      line = '';
      for (let i = 0; i < 76; i++) line += b64[rng.int(0, 63)];
    } else if (kind === 'qp') {
      line = `${encodedWordQ(rng.pick(SENTENCES)).slice(10, 80)}=`;
    } else if (kind === 'blank') {
      line = '';
    } else line = rng.pick(TRAPS);
    starts.push(size);
    const encoded = `${line}\r\n`;
    parts.push(encoded);
    size += byteLength(encoded);
  }
  return { bytes: utf8(parts.join('')), lineStarts: Int32Array.from(starts) };
}

function header(rng: Rng, uid: number): Uint8Array {
  const boundary = `----=_Part_${uid}_${rng.hex(12)}`;
  return utf8(
    [
      `Return-Path: <sender${uid}@example.org>`,
      `Received: from mx${rng.int(1, 9)}.example.org (mx.example.org [192.0.2.${rng.int(1, 254)}])`,
      `\tby imap.example.com (Postfix) with ESMTPS id ${rng.hex(10).toUpperCase()}`,
      `Date: Mon, ${rng.int(10, 28)} Jul 2023 09:${rng.int(10, 59)}:01 +0200`,
      `From: ${encodedWordQ('Jürgen Müller')} <juergen@example.net>`,
      'To: Alice Example <alice@example.com>',
      `Subject: Report ${uid}`,
      `Message-ID: <${rng.hex(16)}@example.net>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '',
    ].join('\r\n'),
  );
}

export function bodyLiterals(scale: number, seed = 0): Workload {
  const rng = new Rng(seeded(0xb0d1, seed));
  const pool = bodyPool(rng);
  const total = Math.max(MIN + MAX, Math.round(TOTAL * scale));
  const w = new ImapWriter(total + (1 << 20));
  let uid = 1000;
  let seq = 0;
  let sum = 0;
  while (sum < total) {
    seq++;
    uid += rng.int(1, 3);
    // the extremes first, so even the quick corpus spans the whole range
    const size = seq === 1 ? MIN : seq === 2 ? MAX : rng.logInt(MIN, MAX);
    const head = header(rng, uid);
    const bodyLen = size - head.length;
    const maxLine = pool.lineStarts.length - 1;
    let first = rng.int(0, maxLine);
    while (first > 0 && pool.lineStarts[first]! + bodyLen > pool.bytes.length)
      first = rng.int(0, maxLine >> 1);
    const start = pool.lineStarts[first]!;
    const message = new Uint8Array(size);
    message.set(head, 0);
    message.set(pool.bytes.subarray(start, start + bodyLen), head.length);
    w.text(`* ${seq} FETCH (`).uid(uid).text(` RFC822.SIZE ${size} BODY[] `).sectionLiteral(message);
    // Dovecot adds the implicit \Seen after the section when BODY[] (not BODY.PEEK[]) was asked
    w.text(rng.chance(0.3) ? ' FLAGS (\\Seen))' : ')').end();
    sum += size;
  }
  w.line('A1 OK Fetch completed (0.520 + 0.000 + 0.519 secs).');
  return {
    name: 'body-literals',
    shape: `FETCH BODY[] literals 2 KB-4 MB, ${seq} msgs, ${(sum / 1e6).toFixed(0)} MB`,
    bytes: w.finish(),
    expect: w.expect,
  };
}
