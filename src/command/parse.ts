/**
 * The command parser: one framed command into its typed value (the encoder in reverse).
 *
 * ```abnf
 * command         = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
 * command-any     = "CAPABILITY" / "LOGOUT" / "NOOP" / "ID" …
 * command-nonauth = login / authenticate / "STARTTLS"
 * command-auth    = append / create / delete / enable / examine / list / namespace / rename
 *                 / select / status / subscribe / unsubscribe / idle / notify / getquota …
 * command-select  = "CLOSE" / "UNSELECT" / "EXPUNGE" / copy / move / fetch / store / search / uid
 * uid             = "UID" SP (copy / move / fetch / search / store / uid-expunge / sort / thread)
 * ```
 * Keywords are case-insensitive; the values come back in the model's spelling. What the model
 * cannot represent (an unknown command, select parameter or search key) is a `SYNTAX` error:
 * the server answers BAD.
 */
import { ImapParseError } from '../errors.ts';
import { ATOM_CHAR, Ch, TAG_CHAR } from '../lexer/chars.ts';
import { Cursor } from '../lexer/cursor.ts';
import type { Frame } from '../lexer/frame.ts';
import { asciiString } from '../lexer/strings.ts';
import type { Command } from '../model/command.ts';
import {
  takeAuthenticate,
  takeCompress,
  takeEnable,
  takeGetMetadata,
  takeId,
  takeLogin,
  takeNotify,
  takeQuota,
  takeSetMetadata,
} from './ext.ts';
import { CommandFramer } from './framer.ts';
import { takeAppend, takeCreate, takeList, takeSelect, takeStatusItems } from './mailbox.ts';
import { takeCopy, takeFetch, takeSearch, takeSort, takeStore, takeThread } from './message.ts';
import { takeListMailbox, takeMailbox, takeSeqSet, type ValueOptions } from './values.ts';

/**
 * Options of the command parser.
 *
 * @example
 * ```ts
 * parseCommand(bytes('a SELECT "台北"\r\n'), { utf8: true });
 * ```
 */
export interface CommandParserOptions {
  /** UTF8=ACCEPT / IMAP4rev2 is enabled: mailbox names are UTF-8 (else modified UTF-7). */
  utf8?: boolean;
  /** Deepest nesting of parentheses and NOT / OR (`DEPTH_EXCEEDED`). Default 128. */
  maxDepth?: number;
}

/**
 * A parsed command and its tag.
 *
 * @example
 * ```ts
 * const { tag, command }: ParsedCommand = parseCommand(bytes('A1 NOOP\r\n'));
 * ```
 */
export interface ParsedCommand {
  tag: string;
  command: Command;
}

type Take = (cur: Cursor, o: ValueOptions, uid: boolean, name: string) => Command;

const simple: Take = (_c, _o, _u, name) => ({ name }) as Command;

const COMMANDS: Record<string, Take> = {
  CAPABILITY: simple,
  NOOP: simple,
  LOGOUT: simple,
  STARTTLS: simple,
  NAMESPACE: simple,
  IDLE: simple,
  CHECK: simple,
  CLOSE: simple,
  UNSELECT: simple,
  LOGIN: (c) => takeLogin(c),
  AUTHENTICATE: (c) => takeAuthenticate(c),
  ENABLE: (c) => takeEnable(c),
  ID: (c) => takeId(c),
  SELECT: (c, o) => takeSelect(c, o, 'SELECT'),
  EXAMINE: (c, o) => takeSelect(c, o, 'EXAMINE'),
  CREATE: (c, o) => takeCreate(c, o),
  DELETE: (c, o) => mailboxOnly(c, o, 'DELETE'),
  SUBSCRIBE: (c, o) => mailboxOnly(c, o, 'SUBSCRIBE'),
  UNSUBSCRIBE: (c, o) => mailboxOnly(c, o, 'UNSUBSCRIBE'),
  RENAME: (c, o) => {
    c.expectSp();
    const from = takeMailbox(c, o);
    c.expectSp();
    return { name: 'RENAME', from, to: takeMailbox(c, o) };
  },
  LIST: (c, o) => takeList(c, o),
  LSUB: (c, o) => {
    c.expectSp();
    const reference = takeMailbox(c, o);
    c.expectSp();
    return { name: 'LSUB', reference, pattern: takeListMailbox(c, o) };
  },
  STATUS: (c, o) => {
    c.expectSp();
    const mailbox = takeMailbox(c, o);
    c.expectSp();
    return { name: 'STATUS', mailbox, items: takeStatusItems(c) };
  },
  APPEND: (c, o) => takeAppend(c, o),
  EXPUNGE: (c, _o, uid) => {
    if (!uid) return { name: 'EXPUNGE' };
    c.expectSp();
    return { name: 'EXPUNGE', uids: takeSeqSet(c) };
  },
  SEARCH: (c, o, uid) => takeSearch(c, o, uid),
  FETCH: (c, _o, uid) => takeFetch(c, uid),
  STORE: (c, o, uid) => takeStore(c, o, uid),
  COPY: (c, o, uid) => takeCopy(c, o, 'COPY', uid),
  MOVE: (c, o, uid) => takeCopy(c, o, 'MOVE', uid),
  NOTIFY: (c, o) => takeNotify(c, o),
  GETQUOTA: (c, o) => takeQuota(c, o, 'GETQUOTA'),
  GETQUOTAROOT: (c, o) => takeQuota(c, o, 'GETQUOTAROOT'),
  SETQUOTA: (c, o) => takeQuota(c, o, 'SETQUOTA'),
  GETMETADATA: (c, o) => takeGetMetadata(c, o),
  SETMETADATA: (c, o) => takeSetMetadata(c, o),
  COMPRESS: (c) => takeCompress(c),
  SORT: (c, o, uid) => takeSort(c, o, uid),
  THREAD: (c, o, uid) => takeThread(c, o, uid),
};

const UID_COMMANDS = new Set(['FETCH', 'SEARCH', 'STORE', 'COPY', 'MOVE', 'EXPUNGE', 'SORT', 'THREAD']);

function mailboxOnly(c: Cursor, o: ValueOptions, name: 'DELETE' | 'SUBSCRIBE' | 'UNSUBSCRIBE'): Command {
  c.expectSp();
  return { name, mailbox: takeMailbox(c, o) };
}

/** Turns the lexer's quirk reports into errors: a client's command is read strictly. */
function strictQuirks(cur: Cursor): void {
  cur.strict = true;
  cur.quirk = (name, at) => {
    // `{n+}` is a response quirk but a command's right (RFC 7888).
    if (name === 'nonSyncLiteralInResponse') return;
    const expected =
      name === 'nulInLiteral' ? 'no NUL in a literal (only literal8 carries NUL)' : `no ${name}`;
    if (at < 0 && cur.quirkOffset >= 0) {
      throw new ImapParseError('SYNTAX', cur.quirkOffset, expected, cur.frame?.excerpt(cur.pos) ?? '');
    }
    cur.fail(expected, at < 0 ? cur.pos : at);
  };
}

/**
 * Parses one framed command (from `CommandFramer`); throws `ImapParseError`.
 *
 * @example
 * ```ts
 * // frames come from CommandReader, which calls this for each complete command
 * const { tag, command } = parseCommandFrame(frame, { utf8: false });
 * ```
 */
export function parseCommandFrame(frame: Frame, options: CommandParserOptions = {}): ParsedCommand {
  const cur = new Cursor();
  cur.reset(frame);
  cur.maxDepth = options.maxDepth ?? 128;
  strictQuirks(cur);
  const o: ValueOptions = { utf8: options.utf8 ?? false };
  cur.takeRun(TAG_CHAR, 'a tag');
  const tag = asciiString(cur.buf, cur.tokStart, cur.tokEnd);
  cur.expectSp();
  const at = cur.pos;
  cur.takeRun(ATOM_CHAR, 'a command name');
  let name = asciiString(cur.buf, cur.tokStart, cur.tokEnd).toUpperCase();
  let uid = false;
  if (name === 'UID') {
    uid = true;
    cur.expectSp();
    const u = cur.pos;
    cur.takeRun(ATOM_CHAR, 'a command after UID');
    name = asciiString(cur.buf, cur.tokStart, cur.tokEnd).toUpperCase();
    if (!UID_COMMANDS.has(name))
      cur.fail('COPY, MOVE, FETCH, SEARCH, STORE, EXPUNGE, SORT or THREAD after UID', u);
  }
  const take = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (take === undefined) return cur.fail('a command this parser knows', at);
  const command = take(cur, o, uid, name);
  if (cur.peek() !== Ch.Cr) cur.fail(cur.peek() === Ch.Lf ? 'CRLF' : 'the end of the command (CRLF)');
  cur.expectEnd();
  return { tag, command };
}

/**
 * Parses one complete command from its bytes, literals included (`A1 LOGIN {3}\r\nfoo bar\r\n`);
 * throws `ImapParseError`. For a stream, use `CommandReader`.
 *
 * @example
 * ```ts
 * parseCommand(bytes('a001 LOGIN SMITH SESAME\r\n'));
 * // { tag: 'a001', command: { name: 'LOGIN', username: 'SMITH', password: 'SESAME' } }
 * ```
 */
export function parseCommand(bytes: Uint8Array, options: CommandParserOptions = {}): ParsedCommand {
  const framer = new CommandFramer({
    maxLineLength: Number.MAX_SAFE_INTEGER,
    maxLiteralSize: Number.MAX_SAFE_INTEGER,
  });
  framer.feed(bytes);
  for (;;) {
    const e = framer.next() ?? framer.end();
    if (e === null) throw new ImapParseError('TRUNCATED', bytes.length, 'a command', '⟨here⟩');
    if (e.type === 'error') throw e.error;
    if (e.type !== 'frame') continue;
    if (framer.next() !== null || framer.pending) {
      throw new ImapParseError('SYNTAX', bytes.length, 'exactly one command', '⟨here⟩');
    }
    return parseCommandFrame(e.frame, options);
  }
}
