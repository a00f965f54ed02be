/**
 * Seeds a test server (test/interop/dovecot.sh, cyrus.sh, courier.sh) over IMAP with fixtures/corpus:
 *   alice: the folders of FOLDERS and the messages of MANIFEST (UIDs follow MANIFEST order),
 *   bob:   the messages of MANIFEST.bob,
 *   carol: nothing (logs in once, which creates her special-use folders).
 * A user whose INBOX already has messages is skipped unless --force.
 *
 *   tsx test/interop/seed.ts --port 1143 [--corpus fixtures/corpus] [--force]
 *
 * FOLDERS and MANIFEST name folders with "/" and no prefix; they are mapped to the server's
 * personal namespace (NAMESPACE, RFC 2342): Courier-IMAP 5.0 puts them under "INBOX." with "."
 * as separator. A folder the server refuses to create is skipped with its messages (Courier-IMAP
 * 5.0.13 refuses `Emoji &2D3c7A-`, a modified UTF-7 surrogate pair).
 *
 * MANIFEST lines: FILE<TAB>MAILBOX<TAB>FLAGS<TAB>INTERNALDATE. FILE `@large-attachment` is
 * generated here (the same bytes as ../shared/servers/lib/seed-imap.sh makes: ~4.3 MB, a 3 MiB
 * AES-128-CTR keystream attachment in base64), so the repository does not carry it.
 */
import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { quote, type TaggedResult, TestImapClient } from './client.ts';

export const LARGE_MESSAGE_ID = '<large-0019@files.example.com>';

/** The generated ~4.3 MB message (deterministic). */
export function makeLargeMessage(): Buffer {
  const b = 'large-0019-boundary';
  const head = [
    `Message-ID: ${LARGE_MESSAGE_ID}`,
    'Date: Thu, 27 Jul 2023 23:59:59 +0000',
    'From: File Service <files@example.com>',
    'To: alice@example.com',
    'Subject: Large attachment (3 MiB binary, ~4.3 MB encoded)',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'The attachment is 3145728 pseudo-random bytes (AES-128-CTR keystream,',
    'key 000102..0f, iv 0), base64 encoded with 76-character lines.',
    '',
    `--${b}`,
    'Content-Type: application/octet-stream; name="random-3MiB.bin"',
    'Content-Disposition: attachment; filename="random-3MiB.bin"; size=3145728',
    'Content-Transfer-Encoding: base64',
    '',
  ];
  const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const random = Buffer.concat([cipher.update(Buffer.alloc(3 * 1024 * 1024)), cipher.final()]);
  const b64 = random.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return Buffer.from(`${head.join('\r\n')}\r\n${lines.join('\r\n')}\r\n--${b}--\r\n`, 'latin1');
}

export interface ManifestEntry {
  file: string;
  mailbox: string;
  flags: string[];
  date: string;
}

function tsvLines(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function readManifest(file: string): ManifestEntry[] {
  return tsvLines(file).map(([f, mailbox, flags, date]) => ({
    file: f!,
    mailbox: mailbox || 'INBOX',
    flags: flags ? flags.split(' ').filter(Boolean) : [],
    date: date ?? '',
  }));
}

export function messageBytes(corpus: string, file: string): Buffer {
  return file === '@large-attachment' ? makeLargeMessage() : readFileSync(path.join(corpus, file));
}

async function expectOk(p: Promise<TaggedResult>, what: string): Promise<TaggedResult> {
  const r = await p;
  if (r.status !== 'OK') throw new Error(`${what} failed: ${r.response.line}`);
  return r;
}

interface SeedUser {
  user: string;
  pass: string;
  manifest?: string;
  folders?: string;
}

async function seedUser(port: number, corpus: string, u: SeedUser, force: boolean): Promise<string> {
  const c = await TestImapClient.connect({ port, timeoutMs: 30_000 });
  try {
    await expectOk(c.command(`LOGIN ${quote(u.user)} ${quote(u.pass)}`), `LOGIN ${u.user}`);
    const caps = await expectOk(c.command('CAPABILITY'), 'CAPABILITY');
    const literalPlus = caps.untagged.some((r) => / LITERAL\+( |$)/i.test(r.line));
    const map = await personalNamespace(c, caps);
    const status = await expectOk(c.command('STATUS INBOX (MESSAGES)'), 'STATUS INBOX');
    const existing = Number(/MESSAGES (\d+)/.exec(status.untagged.map((r) => r.line).join(' '))?.[1] ?? 0);
    if (existing > 0 && !force) return `${u.user}: INBOX already has ${existing} messages, not seeded again`;
    let folders = 0;
    const refused = new Set<string>();
    if (u.folders) {
      for (const [name, subscribe] of tsvLines(u.folders)) {
        const mailbox = map(name!);
        const list = await c.command(`LIST "" ${quote(mailbox)}`);
        if (list.status === 'OK' && list.untagged.length === 0) {
          const created = await c.command(`CREATE ${quote(mailbox)}`);
          if (created.status !== 'OK') {
            console.error(`[seed] ${u.user}: ${mailbox} refused (${created.response.line}); skipped`);
            refused.add(name!);
            continue;
          }
          folders++;
        } else if (list.status !== 'OK') {
          console.error(`[seed] ${u.user}: ${mailbox} refused (${list.response.line}); skipped`);
          refused.add(name!);
          continue;
        }
        const verb = (subscribe ?? 'yes') === 'yes' ? 'SUBSCRIBE' : 'UNSUBSCRIBE';
        const r = await c.command(`${verb} ${quote(mailbox)}`);
        if (verb === 'SUBSCRIBE' && r.status !== 'OK')
          throw new Error(`SUBSCRIBE ${mailbox}: ${r.response.line}`);
      }
    }
    let messages = 0;
    let bytes = 0;
    for (const m of u.manifest ? readManifest(u.manifest) : []) {
      if (refused.has(m.mailbox)) continue;
      const body = messageBytes(corpus, m.file);
      await expectOk(
        c.append(map(m.mailbox), body, { flags: m.flags, date: m.date, literalPlus }),
        `APPEND ${m.file} to ${map(m.mailbox)}`,
      );
      messages++;
      bytes += body.length;
    }
    await c.logout();
    return `${u.user}: created ${folders} folders, appended ${messages} messages (${bytes} bytes)`;
  } finally {
    c.destroy();
  }
}

/**
 * From a corpus folder name ("/" separated, no prefix) to the server's: the personal namespace's
 * prefix and separator (RFC 2342 NAMESPACE; without it, "" and "/").
 */
async function personalNamespace(c: TestImapClient, caps: TaggedResult): Promise<(name: string) => string> {
  let prefix = '';
  let separator = '/';
  if (caps.untagged.some((r) => / NAMESPACE( |$)/i.test(r.line))) {
    const ns = await expectOk(c.command('NAMESPACE'), 'NAMESPACE');
    const m = /^\* NAMESPACE \(\("([^"]*)" "(.)"/i.exec(ns.untagged[0]?.line ?? '');
    if (m) [prefix, separator] = [m[1]!, m[2]!];
  }
  return (name) => (name.toUpperCase() === 'INBOX' ? 'INBOX' : prefix + name.split('/').join(separator));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env['IMAP_WIRE_DOVECOT_PORT'] ?? '1143' },
      corpus: { type: 'string', default: path.join(import.meta.dirname, '../../fixtures/corpus') },
      force: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const corpus = path.resolve(values.corpus);
  const t0 = performance.now();
  const users: SeedUser[] = [
    {
      user: 'alice',
      pass: 'alice-pass',
      manifest: path.join(corpus, 'MANIFEST'),
      folders: path.join(corpus, 'FOLDERS'),
    },
    { user: 'bob', pass: 'bob-pass', manifest: path.join(corpus, 'MANIFEST.bob') },
    { user: 'carol', pass: 'carol-pass' },
  ];
  for (const u of users) {
    console.error(`[seed] ${await seedUser(port, corpus, u, values.force)}`);
  }
  console.error(`[seed] done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((err: unknown) => {
    console.error(`[seed] ERROR: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
