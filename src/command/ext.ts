/**
 * LOGIN, AUTHENTICATE (RFC 4959 SASL-IR), ENABLE (RFC 5161), ID (RFC 2971), NOTIFY (RFC 5465),
 * QUOTA (RFC 9208), METADATA (RFC 5464), COMPRESS (RFC 4978), read from a command. See the
 * encoder's files for the ABNF.
 *
 * ```abnf
 * authenticate  = "AUTHENTICATE" SP auth-type [SP initial-resp]
 * initial-resp  = (base64 / "=")
 * notify        = "NOTIFY" SP (notify-set / notify-none)
 * event-group   = "(" filter-mailboxes SP events ")"
 * getmetadata   = "GETMETADATA" [SP getmetadata-options] SP mailbox SP entries
 * setmetadata   = "SETMETADATA" SP mailbox SP entry-values
 * value         = nstring / literal8
 * ```
 */
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import type { Command, ImapString, MailboxName } from '../model/command.ts';
import {
  NOTIFY_EVENTS,
  NOTIFY_FILTERS,
  type NotifyEvent,
  type NotifyGroup,
} from '../model/command-notify.ts';
import { decodeBase64 } from '../parser/base64.ts';
import { takeFetchItemList } from './fetch.ts';
import {
  stringValue,
  takeAStringValue,
  takeAtomText,
  takeMailbox,
  takeStringValue,
  takeWord,
  type ValueOptions,
} from './values.ts';

/** `base64-char` plus `=`. */
const BASE64_CHAR = (() => {
  const t = new Uint8Array(256);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') t[c.charCodeAt(0)] = 1;
  return t;
})();

/** `LOGIN userid password` after the name. */
export function takeLogin(cur: Cursor): Command {
  cur.expectSp();
  const username = takeAStringValue(cur);
  cur.expectSp();
  return { name: 'LOGIN', username, password: takeAStringValue(cur) };
}

/** `AUTHENTICATE mechanism [initial-resp]` after the name. */
export function takeAuthenticate(cur: Cursor): Command {
  cur.expectSp();
  const cmd: Command = { name: 'AUTHENTICATE', mechanism: takeAtomText(cur, 'a SASL mechanism') };
  if (cur.skipIf(Ch.Space)) {
    const at = cur.pos;
    cur.takeRun(BASE64_CHAR, 'base64 or "="');
    const b = cur.buf;
    if (cur.tokEnd - cur.tokStart === 1 && b[cur.tokStart] === 0x3d) cmd.initialResponse = new Uint8Array(0);
    else {
      const data = decodeBase64(b, cur.tokStart, cur.tokEnd);
      if (data === undefined || data.length === 0) cur.fail('the initial response in base64', at);
      cmd.initialResponse = data;
    }
  }
  return cmd;
}

/** `ENABLE 1*(SP capability)` after the name. */
export function takeEnable(cur: Cursor): Command {
  const capabilities: string[] = [];
  while (cur.skipIf(Ch.Space)) capabilities.push(takeAtomText(cur, 'a capability'));
  if (capabilities.length === 0) cur.fail('SP capability');
  return { name: 'ENABLE', capabilities };
}

/** `ID ("field" value …)` / `ID NIL` after the name. */
export function takeId(cur: Cursor): Command {
  cur.expectSp();
  if (cur.skipNil()) return { name: 'ID', parameters: null };
  cur.enter();
  const parameters: { field: ImapString; value: ImapString | null }[] = [];
  if (cur.peek() !== Ch.RParen) {
    do {
      const field = takeStringValue(cur);
      cur.expectSp();
      const v = cur.takeNString();
      parameters.push({ field, value: v === null ? null : stringValue(v) });
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  return { name: 'ID', parameters };
}

const FILTERS = NOTIFY_FILTERS;
const EVENTS = NOTIFY_EVENTS;

/** `NOTIFY SET [STATUS] groups` / `NOTIFY NONE` after the name. */
export function takeNotify(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  if (cur.isKeyword('NONE')) {
    cur.pos += 4;
    return { name: 'NOTIFY', groups: null };
  }
  cur.expectKeyword('SET');
  const cmd: Command = { name: 'NOTIFY', groups: [] };
  if (cur.peek() === Ch.Space && cur.peekAt(1) !== Ch.LParen) {
    cur.pos++;
    cur.expectKeyword('STATUS');
    cmd.status = true;
  }
  const groups: NotifyGroup[] = [];
  while (cur.skipIf(Ch.Space)) {
    cur.enter();
    const filter = takeWord(cur, FILTERS, 'a mailbox filter');
    let mailboxes: MailboxName[] | undefined;
    if (filter === 'subtree' || filter === 'mailboxes') {
      cur.expectSp();
      if (cur.peek() === Ch.LParen) {
        cur.enter();
        mailboxes = [takeMailbox(cur, o)];
        while (cur.skipIf(Ch.Space)) mailboxes.push(takeMailbox(cur, o));
        cur.leave();
      } else mailboxes = [takeMailbox(cur, o)];
    }
    cur.expectSp();
    let events: NotifyEvent[] | null = null;
    if (cur.isKeyword('NONE')) cur.pos += 4;
    else {
      cur.enter();
      events = [];
      do {
        const e = takeWord(cur, EVENTS, 'a NOTIFY event');
        if (e === 'MessageNew' && cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
          cur.pos++;
          events.push({ event: 'MessageNew', fetch: takeFetchItemList(cur) });
        } else events.push(e);
      } while (cur.skipIf(Ch.Space));
      cur.leave();
    }
    cur.leave();
    groups.push(
      mailboxes === undefined
        ? ({ filter, events } as NotifyGroup)
        : ({ filter, mailboxes, events } as NotifyGroup),
    );
  }
  if (groups.length === 0) cur.fail('SP event-group');
  cmd.groups = groups;
  return cmd;
}

/** `GETQUOTA root` / `GETQUOTAROOT mailbox` / `SETQUOTA root (limits)` after the name. */
export function takeQuota(
  cur: Cursor,
  o: ValueOptions,
  name: 'GETQUOTA' | 'GETQUOTAROOT' | 'SETQUOTA',
): Command {
  cur.expectSp();
  if (name === 'GETQUOTAROOT') return { name, mailbox: takeMailbox(cur, o) };
  const root = takeAStringValue(cur);
  if (name === 'GETQUOTA') return { name, root };
  cur.expectSp();
  cur.enter();
  const limits: { resource: string; limit: number }[] = [];
  if (cur.peek() !== Ch.RParen) {
    do {
      const resource = takeAtomText(cur, 'a resource name', ATOM_CHAR);
      cur.expectSp();
      limits.push({ resource, limit: cur.takeSafeNumber() });
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  return { name, root, limits };
}

/** `GETMETADATA [(options)] mailbox entries` after the name. */
export function takeGetMetadata(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  let maxSize: number | undefined;
  let depth: '0' | '1' | 'infinity' | undefined;
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    do {
      const opt = takeWord(cur, ['MAXSIZE', 'DEPTH'] as const, 'MAXSIZE or DEPTH');
      cur.expectSp();
      if (opt === 'MAXSIZE') maxSize = cur.takeNumber();
      else depth = takeWord(cur, ['0', '1', 'infinity'] as const, 'a depth (0, 1 or infinity)');
    } while (cur.skipIf(Ch.Space));
    cur.leave();
    cur.expectSp();
  }
  const mailbox = takeMailbox(cur, o);
  cur.expectSp();
  let entries: ImapString | ImapString[];
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    entries = [takeAStringValue(cur)];
    while (cur.skipIf(Ch.Space)) entries.push(takeAStringValue(cur));
    cur.leave();
  } else entries = takeAStringValue(cur);
  const cmd: Command = { name: 'GETMETADATA', mailbox, entries };
  if (maxSize !== undefined) cmd.maxSize = maxSize;
  if (depth !== undefined) cmd.depth = depth;
  return cmd;
}

/** `SETMETADATA mailbox (entry value …)` after the name. */
export function takeSetMetadata(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  const mailbox = takeMailbox(cur, o);
  cur.expectSp();
  cur.enter();
  const entries: { entry: ImapString; value: ImapString | null }[] = [];
  do {
    const entry = takeAStringValue(cur);
    cur.expectSp();
    let value: ImapString | null;
    if (cur.peek() === Ch.Tilde) value = cur.takeLiteral(true);
    else {
      const v = cur.takeNString();
      value = v === null ? null : stringValue(v);
    }
    entries.push({ entry, value });
  } while (cur.skipIf(Ch.Space));
  cur.leave();
  return { name: 'SETMETADATA', mailbox, entries };
}

/** `COMPRESS DEFLATE` after the name. */
export function takeCompress(cur: Cursor): Command {
  cur.expectSp();
  return { name: 'COMPRESS', mechanism: takeWord(cur, ['DEFLATE'] as const, 'DEFLATE') };
}
