/**
 * The encoder's entry points: one command to fragments, and a per-connection encoder that
 * numbers tags.
 *
 * ```abnf
 * command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
 * compress = "COMPRESS" SP algorithm      ; RFC 4978 §4
 * algorithm = "DEFLATE"
 * ```
 */

import { TAG_CHAR } from '../lexer/chars.ts';
import type { Command, CommandName } from '../model/command.ts';
import { writeAppend } from './append.ts';
import { writeAuthenticate, writeLogin } from './auth.ts';
import { writeEnable } from './capability.ts';
import { expectObject, oneOf } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeId } from './ext/id.ts';
import { writeGetMetadata, writeSetMetadata } from './ext/metadata.ts';
import { writeNotify } from './ext/notify.ts';
import { writeGetQuota, writeGetQuotaRoot, writeSetQuota } from './ext/quota.ts';
import { writeSort, writeThread } from './ext/sort.ts';
import { writeFetch } from './fetch.ts';
import type { Fragment } from './fragment.ts';
import { writeList, writeLsub } from './list.ts';
import { writeCreate, writeMailboxCommand, writeRename } from './mailboxes.ts';
import { type EncodeContext, type EncodeOptions, resolveContext } from './options.ts';
import { writeSearch } from './search.ts';
import { writeSelect } from './select.ts';
import { writeStatus } from './status.ts';
import { writeCopy, writeExpunge, writeStore } from './store.ts';
import { checkTag, TagGenerator } from './tag.ts';
import { Writer } from './writer.ts';

type Encode = (w: Writer, c: Record<string, unknown>) => void;

const bare: Encode = (w, c) => {
  w.raw(String(c['name']));
};

/** One encoder per command name. */
const ENCODERS: Record<CommandName, Encode> = {
  CAPABILITY: bare,
  NOOP: bare,
  LOGOUT: bare,
  STARTTLS: bare,
  NAMESPACE: bare,
  IDLE: bare,
  CHECK: bare,
  CLOSE: bare,
  UNSELECT: bare,
  LOGIN: writeLogin,
  AUTHENTICATE: writeAuthenticate,
  ENABLE: writeEnable,
  ID: writeId,
  SELECT: writeSelect,
  EXAMINE: writeSelect,
  CREATE: writeCreate,
  DELETE: writeMailboxCommand,
  SUBSCRIBE: writeMailboxCommand,
  UNSUBSCRIBE: writeMailboxCommand,
  RENAME: writeRename,
  LIST: writeList,
  LSUB: writeLsub,
  STATUS: writeStatus,
  APPEND: writeAppend,
  EXPUNGE: writeExpunge,
  SEARCH: writeSearch,
  FETCH: writeFetch,
  STORE: writeStore,
  COPY: writeCopy,
  MOVE: writeCopy,
  NOTIFY: writeNotify,
  GETQUOTA: writeGetQuota,
  GETQUOTAROOT: writeGetQuotaRoot,
  SETQUOTA: writeSetQuota,
  GETMETADATA: writeGetMetadata,
  SETMETADATA: writeSetMetadata,
  COMPRESS: (w, c) => {
    w.raw('COMPRESS ').raw(oneOf(c['mechanism'], 'mechanism', ['DEFLATE'] as const));
  },
  SORT: writeSort,
  THREAD: writeThread,
};

/**
 * Every command name the encoder knows.
 *
 * @example
 * ```ts
 * COMMAND_NAMES.includes('MOVE'); // true
 * ```
 */
export const COMMAND_NAMES: readonly CommandName[] = Object.keys(ENCODERS) as CommandName[];

const ENCODER_OF: ReadonlyMap<unknown, Encode> = new Map(Object.entries(ENCODERS));

/** A finished writer kept for the next command. */
let spare: Writer | null = null;

/** Encodes with an already resolved context (what `CommandEncoder` and `encodeCommand` share). */
export function encodeWithContext(cmd: Command, tag: string, ctx: EncodeContext): Fragment[] {
  const c = expectObject(cmd, '');
  const name = c['name'];
  const encode = ENCODER_OF.get(name);
  if (encode === undefined)
    throw new ImapEncodeError('UNKNOWN_COMMAND', 'name', `no command ${JSON.stringify(name)}`);
  // The spare writer is taken while it writes, so an encode started inside this one (a getter
  // on the command) makes its own.
  let w = spare;
  spare = null;
  if (w === null || !w.reopen(ctx)) w = new Writer(ctx);
  try {
    // checkTag throws for every tag atomText refuses.
    if (typeof tag !== 'string' || !w.atomText(tag, TAG_CHAR)) w.raw(checkTag(tag));
    w.sp();
    encode(w, c);
    return w.finish();
  } finally {
    w.abandon();
    spare = w;
  }
}

/**
 * Encodes one command into fragments: lines and literals (a synchronising literal changes the conversation, so it stays a fragment of its own). The string forms,
 * literal modes and mailbox encoding follow `capabilities` and `enabled`. Throws
 * `ImapEncodeError` (and emits nothing) when a value cannot be sent.
 *
 * @example
 * ```ts
 * encodeCommand({ name: 'LOGIN', username: 'SMITH', password: 'SESAME' }, { tag: 'a001' });
 * // [{ type: 'line', bytes: 'a001 LOGIN SMITH SESAME\r\n' }]
 * encodeCommand({ name: 'LOGIN', username: 'fred', password: 'a\r\nb' }, { tag: 'A1' });
 * // [line 'A1 LOGIN fred {4}\r\n', literal sync 'a\r\nb', line '\r\n']
 * ```
 */
export function encodeCommand(cmd: Command, options: EncodeOptions): Fragment[] {
  return encodeWithContext(cmd, options.tag, resolveContext(options));
}

/**
 * What {@link CommandEncoder.encode} returns: the tag it chose and the fragments.
 *
 * @example
 * ```ts
 * const { tag, fragments }: EncodedCommand = enc.encode({ name: 'NOOP' });
 * ```
 */
export interface EncodedCommand {
  tag: string;
  fragments: Fragment[];
}

/**
 * A connection's encoder: fresh tags from a {@link TagGenerator}, and the capabilities of the
 * connection (update them after CAPABILITY, ENABLE, STARTTLS, LOGIN).
 *
 * @example
 * ```ts
 * const enc = new CommandEncoder({ capabilities: ['IMAP4rev1', 'LITERAL+'] });
 * const { tag, fragments } = enc.encode({ name: 'SELECT', mailbox: 'INBOX' }); // tag 'A1'
 * socket.write(toBytes(fragments));
 * ```
 */
export class CommandEncoder {
  private ctx: EncodeContext;
  private caps: string[];
  private enabled: string[];
  readonly tags: TagGenerator;

  constructor(
    options: { capabilities?: Iterable<string>; enabled?: Iterable<string>; tags?: TagGenerator } = {},
  ) {
    this.caps = [...(options.capabilities ?? [])];
    this.enabled = [...(options.enabled ?? [])];
    this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabled });
    this.tags = options.tags ?? new TagGenerator();
  }

  /** Replaces the server's capabilities (after a CAPABILITY response or code). */
  setCapabilities(capabilities: Iterable<string>): void {
    this.caps = [...capabilities];
    this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabled });
  }

  /** Adds what an ENABLED response turned on. */
  addEnabled(enabled: Iterable<string>): void {
    this.enabled.push(...enabled);
    this.ctx = resolveContext({ capabilities: this.caps, enabled: this.enabled });
  }

  /** Encodes a command under the next tag (a command that fails leaves a gap: tags stay unique). */
  encode(cmd: Command): EncodedCommand {
    const tag = this.tags.next();
    return { tag, fragments: encodeWithContext(cmd, tag, this.ctx) };
  }
}
