/**
 * Commands on messages, read from a command: SEARCH, FETCH, STORE, COPY, MOVE, EXPUNGE and their
 * UID forms; SORT and THREAD (RFC 5256, RFC 5267). See the encoder's files for the ABNF.
 *
 * ```abnf
 * store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
 * store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
 * sort            = ["UID" SP] "SORT" [search-return-opts] SP sort-criteria SP search-criteria
 * thread          = ["UID" SP] "THREAD" SP thread-alg SP search-criteria
 * search-criteria = charset 1*(SP search-key)
 * ```
 */
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import type { Command, MailboxName, SortKey } from '../model/command.ts';
import { SORT_KEYS } from '../model/command-ext.ts';
import { takeFlag } from '../parser/flags.ts';
import { takeFetchItems } from './fetch.ts';
import { takeCharset, takeSearchKeys, takeSearchReturn } from './search.ts';
import {
  mailboxValue,
  takeAtomText,
  takeMailbox,
  takeSeqSet,
  takeWord,
  type ValueOptions,
} from './values.ts';

/** SEARCH after the name. */
export function takeSearch(cur: Cursor, o: ValueOptions, uid: boolean): Command {
  const cmd: Command = { name: 'SEARCH', criteria: [] };
  if (uid) cmd.uid = true;
  const ret = takeSearchReturn(cur);
  if (ret !== undefined) cmd.return = ret;
  cur.expectSp();
  if (cur.isKeyword('CHARSET')) {
    cur.pos += 7;
    cur.expectSp();
    cmd.charset = takeCharset(cur);
    cur.expectSp();
  }
  cmd.criteria = takeSearchKeys(cur, o);
  return cmd;
}

/** FETCH after the name. */
export function takeFetch(cur: Cursor, uid: boolean): Command {
  cur.expectSp();
  const sequence = takeSeqSet(cur);
  cur.expectSp();
  const cmd: Command = { name: 'FETCH', sequence, items: takeFetchItems(cur) };
  if (uid) cmd.uid = true;
  if (cur.skipIf(Ch.Space)) {
    cur.enter();
    do {
      const m = takeWord(cur, ['CHANGEDSINCE', 'VANISHED'] as const, 'CHANGEDSINCE or VANISHED');
      if (m === 'VANISHED') {
        if (cmd.vanished) cur.fail('VANISHED once');
        cmd.vanished = true;
      } else {
        if (cmd.changedSince !== undefined) cur.fail('CHANGEDSINCE once');
        cur.expectSp();
        cmd.changedSince = cur.takeModSeq();
      }
    } while (cur.skipIf(Ch.Space));
    cur.leave();
    // RFC 7162 §3.2.6: VANISHED only in UID FETCH, with CHANGEDSINCE.
    if (cmd.vanished && (!uid || cmd.changedSince === undefined))
      cur.fail('VANISHED only with UID FETCH and CHANGEDSINCE');
  }
  return cmd;
}

/** A Gmail label: `\\Inbox`-style system labels bare, others like mailbox names (no INBOX rule). */
export function takeLabel(cur: Cursor, o: ValueOptions): MailboxName {
  if (cur.peek() === Ch.Backslash) return takeFlag(cur);
  return mailboxValue(cur.takeAString(), o, false);
}

/** STORE after the name. */
export function takeStore(cur: Cursor, o: ValueOptions, uid: boolean): Command {
  cur.expectSp();
  const sequence = takeSeqSet(cur);
  cur.expectSp();
  let unchangedSince: bigint | undefined;
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    cur.expectKeyword('UNCHANGEDSINCE');
    cur.expectSp();
    unchangedSince = cur.takeNumber64();
    cur.leave();
    cur.expectSp();
  }
  const op = cur.skipIf(Ch.Plus) ? 'add' : cur.skipIf(Ch.Minus) ? 'remove' : 'replace';
  const at = cur.pos;
  const word = takeAtomText(cur, 'FLAGS or X-GM-LABELS', ATOM_CHAR).toUpperCase();
  const silent = word.endsWith('.SILENT');
  const item = silent ? word.slice(0, -7) : word;
  if (item !== 'FLAGS' && item !== 'X-GM-LABELS')
    cur.fail('FLAGS, FLAGS.SILENT, X-GM-LABELS or X-GM-LABELS.SILENT', at);
  cur.expectSp();
  const take = item === 'FLAGS' ? (c: Cursor) => takeFlag(c) : (c: Cursor) => takeLabel(c, o);
  const flags: MailboxName[] = [];
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    if (cur.peek() !== Ch.RParen) {
      do flags.push(take(cur));
      while (cur.skipIf(Ch.Space));
    }
    cur.leave();
  } else {
    do flags.push(take(cur));
    while (cur.skipIf(Ch.Space));
  }
  const cmd: Command =
    item === 'FLAGS'
      ? { name: 'STORE', sequence, operation: op, flags: flags as string[] }
      : { name: 'STORE', sequence, operation: op, labels: flags };
  if (uid) cmd.uid = true;
  if (silent) cmd.silent = true;
  if (unchangedSince !== undefined) cmd.unchangedSince = unchangedSince;
  return cmd;
}

/** COPY / MOVE after the name. */
export function takeCopy(cur: Cursor, o: ValueOptions, name: 'COPY' | 'MOVE', uid: boolean): Command {
  cur.expectSp();
  const sequence = takeSeqSet(cur);
  cur.expectSp();
  const cmd: Command = { name, sequence, mailbox: takeMailbox(cur, o) };
  if (uid) cmd.uid = true;
  return cmd;
}

/** SORT after the name. */
export function takeSort(cur: Cursor, o: ValueOptions, uid: boolean): Command {
  const ret = takeSearchReturn(cur);
  cur.expectSp();
  cur.enter();
  const sort: { key: SortKey; reverse?: boolean }[] = [];
  do {
    const reverse = cur.isKeyword('REVERSE');
    if (reverse) {
      cur.pos += 7;
      cur.expectSp();
    }
    const key = takeWord(cur, SORT_KEYS, 'a sort key');
    sort.push(reverse ? { key, reverse } : { key });
  } while (cur.skipIf(Ch.Space));
  cur.leave();
  cur.expectSp();
  const charset = takeCharset(cur);
  cur.expectSp();
  const cmd: Command = { name: 'SORT', sort, charset, criteria: takeSearchKeys(cur, o) };
  if (uid) cmd.uid = true;
  if (ret !== undefined) cmd.return = ret;
  return cmd;
}

/** THREAD after the name. */
export function takeThread(cur: Cursor, o: ValueOptions, uid: boolean): Command {
  cur.expectSp();
  const algorithm = takeAtomText(cur, 'a thread algorithm');
  cur.expectSp();
  const charset = takeCharset(cur);
  cur.expectSp();
  const cmd: Command = { name: 'THREAD', algorithm, charset, criteria: takeSearchKeys(cur, o) };
  if (uid) cmd.uid = true;
  return cmd;
}
