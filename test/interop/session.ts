/**
 * The interop session against the seeded Dovecot: one connection as alice, commands in a fixed
 * order, every server byte recorded. Used by dovecot.test.ts; run directly to print a transcript:
 *
 *   tsx test/interop/session.ts [--port 1143] [--skip-large-body] [--out FILE.s2c.bin]
 *
 * --skip-large-body leaves out the download of the whole ~4.3 MB message (the partial fetches of
 * it stay); fixtures/dovecot-interop/session.s2c.bin was recorded that way from a fresh state:
 *
 *   test/interop/dovecot.sh stop --clean && test/interop/dovecot.sh start && test/interop/dovecot.sh seed
 *   tsx test/interop/session.ts --skip-large-body --out fixtures/dovecot-interop/session.s2c.bin \
 *     > fixtures/dovecot-interop/session.txt
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { escapeBytes, type TaggedResult, TestImapClient } from './client.ts';

export interface SessionStep {
  /** The command as sent, without tag (`(greeting)` for the greeting). */
  command: string;
  /** The status the test expects from the server (`OK` for all but the deliberate error). */
  expect: 'OK' | 'NO' | 'BAD';
  result?: TaggedResult;
}

export interface Session {
  client: TestImapClient;
  steps: SessionStep[];
  /** The raw chunks the server sent, exactly as received. */
  chunks: Buffer[];
}

/** The step that downloads the whole ~4.3 MB message (left out of the saved fixture). */
export const FULL_LARGE_BODY = 'FETCH 1 BODY.PEEK[]';

/** The commands, in order. The big message (MANIFEST `@large-attachment`) is alone in Archive. */
export const SESSION_COMMANDS: ReadonlyArray<Pick<SessionStep, 'command' | 'expect'>> = [
  { command: 'CAPABILITY', expect: 'OK' },
  { command: 'LOGIN alice alice-pass', expect: 'OK' },
  { command: 'CAPABILITY', expect: 'OK' },
  { command: 'SELECT INBOX (CONDSTORE)', expect: 'OK' },
  { command: 'FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE)', expect: 'OK' },
  { command: 'UID FETCH 1:* (UID FLAGS MODSEQ)', expect: 'OK' },
  { command: 'FETCH 1:5 BODY.PEEK[]', expect: 'OK' },
  { command: 'FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]', expect: 'OK' },
  { command: 'FETCH 1 BODY.PEEK[1]<0.100>', expect: 'OK' },
  { command: 'FETCH 1 (BINARY.PEEK[1] BINARY.SIZE[1])', expect: 'OK' },
  // message 5 is 05-mixed-attachments.eml; part 3 is a base64 PNG, whose decoded bytes hold NULs,
  // so Dovecot answers with a literal8 ~{n}
  { command: 'FETCH 5 (BINARY.PEEK[3] BINARY.SIZE[3])', expect: 'OK' },
  { command: 'SEARCH ALL', expect: 'OK' },
  { command: 'SEARCH UNSEEN', expect: 'OK' },
  { command: 'UID SEARCH ALL', expect: 'OK' },
  { command: 'UID SEARCH MODSEQ 1', expect: 'OK' },
  { command: 'FETCH 0 FLAGS', expect: 'BAD' },
  { command: 'NOOP', expect: 'OK' },
  { command: 'EXAMINE Archive', expect: 'OK' },
  { command: 'FETCH 1 (UID RFC822.SIZE BODY.PEEK[]<0.2048> BODY.PEEK[2]<1000000.4096>)', expect: 'OK' },
  { command: FULL_LARGE_BODY, expect: 'OK' },
  { command: 'NOOP', expect: 'OK' },
  { command: 'LOGOUT', expect: 'OK' },
];

export async function runSession(
  port: number,
  opts: { commands?: ReadonlyArray<Pick<SessionStep, 'command' | 'expect'>>; timeoutMs?: number } = {},
): Promise<Session> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const client = await TestImapClient.connect({ port, timeoutMs });
  const steps: SessionStep[] = [{ command: '(greeting)', expect: 'OK' }];
  try {
    for (const s of opts.commands ?? SESSION_COMMANDS) {
      const step: SessionStep = { ...s };
      steps.push(step);
      step.result = await client.command(s.command);
    }
    await client.closed();
  } finally {
    client.destroy();
  }
  return { client, steps, chunks: client.chunks };
}

/** Human-readable transcript: `C:` lines sent, `S:` responses (escaped, long ones shortened). */
export function transcript(session: Session, max = 400): string {
  const out: string[] = [];
  let next = 0;
  const { responses } = session.client;
  for (const step of session.steps) {
    if (step.result) out.push(`C: ${step.result.tag} ${step.command}`);
    const upto = step.result ? responses.indexOf(step.result.response) : 0;
    for (; next <= upto && next < responses.length; next++) {
      out.push(`S: ${escapeBytes(responses[next]!.bytes, max)}`);
    }
  }
  for (; next < responses.length; next++) out.push(`S: ${escapeBytes(responses[next]!.bytes, max)}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env['IMAP_WIRE_DOVECOT_PORT'] ?? '1143' },
      out: { type: 'string' },
      'skip-large-body': { type: 'boolean', default: false },
    },
  });
  const commands = values['skip-large-body']
    ? SESSION_COMMANDS.filter((c) => c.command !== FULL_LARGE_BODY)
    : SESSION_COMMANDS;
  const session = await runSession(Number(values.port), { commands });
  console.log(transcript(session));
  const bytes = Buffer.concat(session.chunks);
  console.error(`# ${bytes.length} bytes in ${session.chunks.length} chunks`);
  if (values.out) {
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, bytes);
    console.error(`# wrote ${values.out}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
