/**
 * `imap-wire watch`: its arguments and what it prints, apart from the I/O (cli/watch.ts). The
 * password is read from the environment or a file, never from argv, and never printed: the
 * watcher's log hook redacts LOGIN and AUTHENTICATE, and no event carries it.
 */
import type { Address, AddressEntry } from '../model/envelope.ts';
import type { WatchEvent } from '../session/watch-events.ts';
import { UsageError } from './decode.ts';
import { toJsonValue } from './json.ts';

export const WATCH_HELP = `Usage: imap-wire watch --host H [--port P] [--tls|--starttls] --user U [--mailbox M ...] [--json]

Keeps one connection to the server, reports each change the moment the server sends it (NOTIFY,
IDLE, or NOOP polling), reconnects by itself and catches up on what it missed. Ctrl-C logs out.

Options:
  --host H            the server
  --port P            default 993 with --tls, else 143
  --tls               TLS from the start (port 993)
  --starttls          STARTTLS before logging in (refuses to log in without it)
  --insecure          accept any TLS certificate (test servers)
  --user U            the user name
  --password-file F   read the password from F (first line); else $IMAP_WIRE_PASSWORD
  --mailbox M         watch M (repeat for more; the first is followed message by message,
                      the others by STATUS); default INBOX
  --compress          COMPRESS=DEFLATE when the server offers it
  --json              one JSON object per line instead of text for people
  --debug             the protocol on stderr (credentials redacted)`;

/** What `watch` was asked to do. */
export interface WatchArgs {
  host: string;
  port: number;
  tls: boolean;
  starttls: boolean;
  insecure: boolean;
  user: string;
  password: string;
  mailboxes: string[];
  compress: boolean;
  json: boolean;
  debug: boolean;
}

/**
 * Reads the arguments. The password comes from `--password-file` or `IMAP_WIRE_PASSWORD`; a
 * `--password` argument is refused (it would show in `ps` and in shell history).
 */
export function parseWatchArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  readFile: (path: string) => string,
): WatchArgs {
  const a: Partial<WatchArgs> & { mailboxes: string[] } = { mailboxes: [] };
  let passwordFile: string | undefined;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case '--host':
        a.host = value(i++, arg);
        break;
      case '--port': {
        const p = Number(value(i++, arg));
        if (!Number.isInteger(p) || p < 1 || p > 65535) throw new UsageError('--port must be 1 to 65535');
        a.port = p;
        break;
      }
      case '--tls':
        a.tls = true;
        break;
      case '--starttls':
        a.starttls = true;
        break;
      case '--insecure':
        a.insecure = true;
        break;
      case '--user':
        a.user = value(i++, arg);
        break;
      case '--password-file':
        passwordFile = value(i++, arg);
        break;
      case '--mailbox':
        a.mailboxes.push(value(i++, arg));
        break;
      case '--compress':
        a.compress = true;
        break;
      case '--json':
        a.json = true;
        break;
      case '--debug':
        a.debug = true;
        break;
      default:
        if (arg === '--password' || arg.startsWith('--password=')) {
          throw new UsageError('no --password: use --password-file F or IMAP_WIRE_PASSWORD');
        }
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (a.host === undefined) throw new UsageError('--host is required');
  if (a.user === undefined) throw new UsageError('--user is required');
  if (a.tls === true && a.starttls === true) throw new UsageError('--tls and --starttls exclude each other');
  let password: string | undefined;
  if (passwordFile !== undefined) password = readFile(passwordFile).split(/\r?\n/)[0] ?? '';
  else password = env['IMAP_WIRE_PASSWORD'];
  if (password === undefined)
    throw new UsageError('no password: use --password-file F or IMAP_WIRE_PASSWORD');
  return {
    host: a.host,
    port: a.port ?? (a.tls === true ? 993 : 143),
    tls: a.tls ?? false,
    starttls: a.starttls ?? false,
    insecure: a.insecure ?? false,
    user: a.user,
    password,
    mailboxes: a.mailboxes.length > 0 ? a.mailboxes : ['INBOX'],
    compress: a.compress ?? false,
    json: a.json ?? false,
    debug: a.debug ?? false,
  };
}

function isAddress(e: AddressEntry): e is Address {
  return !('group' in e);
}

/** `Alice <alice@example.org>`, or the address alone. */
function sender(list: readonly AddressEntry[] | null | undefined): string {
  const first = list?.find(isAddress);
  if (first === undefined) return '(no sender)';
  const addr =
    first.mailbox !== null && first.host !== null ? `${first.mailbox}@${first.host}` : (first.mailbox ?? '');
  return first.name ? `${first.name} <${addr}>` : addr;
}

/**
 * One line for a person (`null`: nothing to say): the time, the mailbox, what happened; for new
 * mail the sender, the subject and the preview. A `new` event is said by the `message` event
 * that follows it, unless `fetchNewOff`.
 */
export function formatWatchLine(e: WatchEvent, time: Date, fetchNewOff = false): string | null {
  const t = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const line = (mailbox: string, what: string): string => `${t} ${mailbox} ${what}`;
  switch (e.type) {
    case 'message': {
      const env = e.summary.envelope;
      const subject = env?.subject ?? '(no subject)';
      const preview =
        e.summary.preview !== undefined && e.summary.preview !== '' ? ` — ${e.summary.preview}` : '';
      return line(e.mailbox, `new #${e.uid} from ${sender(env?.from)}: ${JSON.stringify(subject)}${preview}`);
    }
    case 'new':
      return fetchNewOff ? line(e.mailbox, `new #${e.uid}`) : null;
    case 'expunge':
      return line(e.mailbox, `expunged #${e.uid}`);
    case 'flags':
      return line(e.mailbox, `flags #${e.uid} (${e.flags.join(' ')})`);
    case 'reset':
      return line(e.mailbox, `UIDVALIDITY changed (${e.previous} → ${e.uidValidity}): everything reloaded`);
    case 'synced':
      return line(e.mailbox, `in sync: ${e.exists} messages`);
    case 'mailbox':
      if (e.change === 'status') {
        const s = e.status;
        const parts: string[] = [];
        if (s.messages !== undefined) parts.push(`${s.messages} messages`);
        if (s.unseen !== undefined) parts.push(`${s.unseen} unseen`);
        if (s.uidNext !== undefined) parts.push(`next UID ${s.uidNext}`);
        return line(e.mailbox, `status: ${parts.join(', ')}`);
      }
      if (e.change === 'renamed') return line(e.mailbox, `renamed from ${e.oldName}`);
      return line(e.mailbox, e.change);
    case 'inconsistent':
      return line('-', `the server contradicted itself (${e.reason}): resynchronising`);
    case 'connecting':
      return e.attempt === 0 ? null : line('-', `reconnecting (attempt ${e.attempt})`);
    case 'connected':
      return line('-', 'connected');
    case 'ready':
      return line(e.mailbox, `watching (${e.push}, ${e.strategy} sync, ${e.exists} messages)`);
    case 'disconnected':
      return line(
        '-',
        `disconnected: ${e.reason}${e.retryIn === null ? '' : `; retrying in ${(e.retryIn / 1000).toFixed(1)} s`}`,
      );
    case 'error':
      return line('-', `${e.fatal ? 'fatal: ' : 'warning: '}${e.message}`);
    case 'stopped':
      return line('-', 'stopped');
    default:
      return null;
  }
}

/** One JSON Lines record: the event as plain JSON (bigints as strings, bytes as text), with its time. */
export function formatWatchJson(e: WatchEvent, time: Date): string {
  return JSON.stringify({ time: time.toISOString(), ...(toJsonValue(e, { maxBytes: 1024 }) as object) });
}
