/**
 * Commands on mailboxes, read from a command: SELECT / EXAMINE (RFC 7162 CONDSTORE, QRESYNC),
 * CREATE (RFC 6154 USE), DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, LIST (RFC 5258, RFC 5819),
 * LSUB, STATUS, APPEND (RFC 3502 MULTIAPPEND, RFC 3516 literal8). See the encoder's files of the
 * same commands for the ABNF.
 *
 * ```abnf
 * select-params  = SP "(" select-param *(SP select-param) ")"
 * select-param   = "CONDSTORE" / "QRESYNC" SP "(" uidvalidity SP mod-sequence-value
 *                  [SP known-uids] [SP seq-match-data] ")"
 * list           = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
 * append         = "APPEND" SP mailbox 1*append-message
 * append-message = append-opts SP append-data
 * append-opts    = [SP flag-list] [SP date-time]
 * ```
 */
import { Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import {
  type AppendMessage,
  type Command,
  type ListReturnOption,
  type ListSelectOption,
  type MailboxName,
  type QresyncParameters,
  STATUS_ITEMS,
  type StatusItem,
} from '../model/command.ts';
import { takeFlag, takeFlagList } from '../parser/flags.ts';
import { isWordAt } from './search.ts';
import {
  takeDateTimeIso,
  takeListMailbox,
  takeMailbox,
  takeSeqSet,
  takeWord,
  type ValueOptions,
} from './values.ts';

const SELECT_OPTIONS: readonly ListSelectOption[] = ['SUBSCRIBED', 'REMOTE', 'RECURSIVEMATCH', 'SPECIAL-USE'];
const RETURN_OPTIONS = ['SUBSCRIBED', 'CHILDREN', 'SPECIAL-USE', 'STATUS'] as const;

/** `"(" status-att *(SP status-att) ")"` */
export function takeStatusItems(cur: Cursor): StatusItem[] {
  cur.enter();
  const items = [takeWord(cur, STATUS_ITEMS, 'a status item')];
  while (cur.skipIf(Ch.Space)) items.push(takeWord(cur, STATUS_ITEMS, 'a status item'));
  cur.leave();
  return items;
}

/** SELECT / EXAMINE after the name. */
export function takeSelect(cur: Cursor, o: ValueOptions, name: 'SELECT' | 'EXAMINE'): Command {
  cur.expectSp();
  const cmd: Command = { name, mailbox: takeMailbox(cur, o) };
  if (!cur.skipIf(Ch.Space)) return cmd;
  cur.enter();
  do {
    const p = takeWord(cur, ['CONDSTORE', 'QRESYNC'] as const, 'CONDSTORE or QRESYNC');
    if (p === 'CONDSTORE') {
      if (cmd.condstore) cur.fail('CONDSTORE once');
      cmd.condstore = true;
      continue;
    }
    if (cmd.qresync !== undefined) cur.fail('QRESYNC once');
    cur.expectSp();
    cur.enter();
    const q: QresyncParameters = { uidValidity: cur.takeNzNumber(), modseq: 0n };
    cur.expectSp();
    q.modseq = cur.takeModSeq();
    if (cur.peek() === Ch.Space && cur.peekAt(1) !== Ch.LParen) {
      cur.pos++;
      q.knownUids = takeSeqSet(cur, false, false);
    }
    if (cur.skipIf(Ch.Space)) {
      cur.enter();
      const sequences = takeSeqSet(cur, false, false);
      cur.expectSp();
      q.seqMatch = { sequences, uids: takeSeqSet(cur, false, false) };
      cur.leave();
    }
    cur.leave();
    cmd.qresync = q;
  } while (cur.skipIf(Ch.Space));
  cur.leave();
  return cmd;
}

/** CREATE after the name. */
export function takeCreate(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  const cmd: Command = { name: 'CREATE', mailbox: takeMailbox(cur, o) };
  if (!cur.skipIf(Ch.Space)) return cmd;
  cur.enter();
  cur.expectKeyword('USE');
  cur.expectSp();
  cur.enter();
  const attrs: string[] = [];
  if (cur.peek() !== Ch.RParen) {
    do {
      if (cur.peek() !== Ch.Backslash) cur.fail('a special-use attribute ("\\" atom)');
      attrs.push(takeFlag(cur));
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  cur.leave();
  cmd.specialUse = attrs;
  return cmd;
}

/** LIST after the name. */
export function takeList(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  let selection: ListSelectOption[] | undefined;
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    selection = [];
    if (cur.peek() !== Ch.RParen) {
      do selection.push(takeWord(cur, SELECT_OPTIONS, 'a LIST selection option'));
      while (cur.skipIf(Ch.Space));
    }
    cur.leave();
    cur.expectSp();
  }
  const reference = takeMailbox(cur, o);
  cur.expectSp();
  let pattern: MailboxName | MailboxName[];
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    const list = [takeListMailbox(cur, o)];
    while (cur.skipIf(Ch.Space)) list.push(takeListMailbox(cur, o));
    cur.leave();
    pattern = list;
  } else pattern = takeListMailbox(cur, o);
  const cmd: Command = { name: 'LIST', reference, pattern };
  if (selection !== undefined) cmd.selection = selection;
  if (cur.peek() === Ch.Space && isWordAt(cur, 1, 'RETURN')) {
    cur.pos += 7;
    cur.expectSp();
    cur.enter();
    const ret: ListReturnOption[] = [];
    if (cur.peek() !== Ch.RParen) {
      do {
        const w = takeWord(cur, RETURN_OPTIONS, 'a LIST return option');
        if (w === 'STATUS') {
          cur.expectSp();
          ret.push({ status: takeStatusItems(cur) });
        } else ret.push(w);
      } while (cur.skipIf(Ch.Space));
    }
    cur.leave();
    cmd.return = ret;
  }
  return cmd;
}

/** APPEND after the name. */
export function takeAppend(cur: Cursor, o: ValueOptions): Command {
  cur.expectSp();
  const mailbox = takeMailbox(cur, o);
  const messages: AppendMessage[] = [];
  while (cur.skipIf(Ch.Space)) {
    const m: Partial<AppendMessage> = {};
    if (cur.peek() === Ch.LParen) {
      m.flags = takeFlagList(cur);
      cur.expectSp();
    }
    if (cur.peek() === Ch.DQuote) {
      m.date = takeDateTimeIso(cur);
      cur.expectSp();
    }
    const c = cur.peek();
    if (c === Ch.Tilde) {
      m.content = cur.takeLiteral(true);
      m.binary = true;
    } else if (c === Ch.LBrace) m.content = cur.takeLiteral(false);
    else cur.fail('the message as a literal');
    messages.push(m as AppendMessage);
  }
  if (messages.length === 0) cur.fail('SP and a message');
  return { name: 'APPEND', mailbox, messages };
}
