/**
 * LIST and LSUB: RFC 9051 §7.3.1 / RFC 3501 §7.2.2–3, RFC 5258 (LIST-EXTENDED, CHILDINFO),
 * RFC 6154 (SPECIAL-USE), RFC 5465 / RFC 9051 (OLDNAME), RFC 5819 (LIST-STATUS sends plain
 * STATUS responses), and Gmail's legacy XLIST (same grammar).
 *
 * ```abnf
 * mailbox-data   =/ "LIST" SP mailbox-list / "LSUB" SP mailbox-list
 * mailbox-list   = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
 *                  [SP mbox-list-extended]
 * mbx-list-flags = *(mbx-list-oflag SP) mbx-list-sflag *(SP mbx-list-oflag) /
 *                  mbx-list-oflag *(SP mbx-list-oflag)
 * mbx-list-oflag = "\Noinferiors" / child-mbox-flag / "\Subscribed" / "\Remote" / flag-extension
 * mbx-list-sflag = "\NonExistent" / "\Noselect" / "\Marked" / "\Unmarked"
 * use-attr       = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash" /
 *                  use-attr-ext                                                ; RFC 6154
 * mbox-list-extended      = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
 * mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
 * mbox-list-extended-item-tag = astring
 * childinfo-extended-item = "CHILDINFO" SP "(" list-select-base-opt-quoted
 *                           *(SP list-select-base-opt-quoted) ")"              ; RFC 5258
 * list-select-base-opt-quoted = DQUOTE list-select-base-opt DQUOTE
 * oldname-extended-item   = "OLDNAME" SP "(" mailbox ")"                       ; RFC 5465
 * ```
 * Which flag is which is the client's business; the parser keeps them as sent and only picks
 * out the special-use ones (`specialUse`). The tags `OLDNAME` and `CHILDINFO` are compared
 * case-insensitively whether sent as atoms or quoted (Dovecot sends `"OLDNAME"` and `CHILDINFO`).
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { KeywordTable } from '../../lexer/keywords.ts';
import { atomString, textString } from '../../lexer/strings.ts';
import type { ListResponse, LsubResponse, MailboxList, SpecialUse, XlistResponse } from '../../model/list.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { flagString as takeFlagString } from '../flags.ts';
import { bytesEqualKeyword, mailboxName, takeDelimiter, takeMailboxView } from '../mailbox.ts';
import { takeExtValue } from '../tagged-ext.ts';

/** RFC 6154 §2 special-use attributes, and RFC 8457 `\\Important`. */
const SPECIAL_USE_NAMES = [
  '\\All',
  '\\Archive',
  '\\Drafts',
  '\\Flagged',
  '\\Junk',
  '\\Sent',
  '\\Trash',
  '\\Important',
] as const satisfies readonly SpecialUse[];
const specialUses = new KeywordTable<SpecialUse>();
for (const f of SPECIAL_USE_NAMES) specialUses.add(f, f);
/** The longest special-use attribute (`\\Important`): longer flags (`\\HasNoChildren`) skip the lookup. */
const SPECIAL_USE_MAX = 10;

/**
 * Mailbox attributes as RFC 3501, 5258, 6154 and 9051 spell them, each with its special use:
 * an attribute sent exactly so is this string, without hashing it (the atom cache) and without
 * the case-insensitive special-use lookup.
 */
const KNOWN: { flag: string; use: SpecialUse | undefined }[][] = [];
for (const flag of [
  '\\HasNoChildren',
  '\\HasChildren',
  '\\Subscribed',
  '\\Noselect',
  '\\NoSelect',
  '\\Noinferiors',
  '\\NonExistent',
  '\\Marked',
  '\\Unmarked',
  '\\Remote',
  ...SPECIAL_USE_NAMES,
]) {
  (KNOWN[flag.length] ??= []).push({
    flag,
    use: specialUses.get(new TextEncoder().encode(flag), 0, flag.length),
  });
}

/** The entry of {@link KNOWN} spelled exactly `buf[start, end)`, or `undefined`. */
function knownAttribute(buf: Uint8Array, start: number, end: number) {
  const candidates = KNOWN[end - start];
  if (candidates === undefined) return undefined;
  for (let c = 0; c < candidates.length; c++) {
    const e = candidates[c]!;
    const f = e.flag;
    let k = 1; // the "\\" is checked
    while (k < f.length && buf[start + k] === f.charCodeAt(k)) k++;
    if (k === f.length) return e;
  }
  return undefined;
}

/**
 * `"(" [mbx-list-flags] ")"` into `flags` (every one a `flag-extension`, `"\" atom`); returns
 * the special-use ones, if any.
 */
function takeListFlags(cur: Cursor, flags: string[]): SpecialUse[] | undefined {
  let uses: SpecialUse[] | undefined;
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    const buf = cur.buf;
    do {
      const start = cur.pos;
      if (buf[start] !== Ch.Backslash || cur.peekAt(1) === Ch.Star)
        cur.fail('a mailbox attribute ("\\" atom)');
      // `flag-extension = "\\" atom`, read as takeFlag reads it (the "\\*" was refused above).
      let i = start + 1;
      while (i < cur.end && ATOM_CHAR[buf[i]!] === 1) i++;
      if (i === start + 1) cur.fail('flag', i);
      cur.pos = i;
      const known = knownAttribute(buf, start, i);
      let use: SpecialUse | undefined;
      if (known !== undefined) {
        flags.push(known.flag);
        use = known.use;
      } else {
        flags.push(takeFlagString(buf, start, i));
        if (i - start <= SPECIAL_USE_MAX) use = specialUses.get(buf, start, i);
      }
      if (use !== undefined) (uses ??= []).push(use);
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  return uses;
}

/** `"(" list-select-base-opt-quoted *(SP list-select-base-opt-quoted) ")"` */
function takeChildInfo(cur: Cursor): string[] {
  const out: string[] = [];
  cur.enter();
  do {
    if (cur.peek() !== Ch.DQuote) cur.fail('a quoted LIST selection option ("SUBSCRIBED")');
    const v = cur.takeQuoted();
    out.push(atomString(v, 0, v.length));
  } while (cur.skipIf(Ch.Space));
  cur.leave();
  return out;
}

/** `"(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"` */
function takeExtendedItems(cur: Cursor, r: MailboxList): void {
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    do {
      const tag = cur.takeAString();
      cur.expectSp();
      if (bytesEqualKeyword(tag, 'OLDNAME')) {
        cur.enter();
        const raw = cur.takeAString();
        cur.leave();
        r.oldName = mailboxName(raw);
        r.oldNameRaw = raw;
      } else if (bytesEqualKeyword(tag, 'CHILDINFO')) {
        r.childInfo = takeChildInfo(cur);
      } else {
        (r.extended ??= []).push({ tag: textString(tag, 0, tag.length), value: takeExtValue(cur) });
      }
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
}

type MailboxListResponse = ListResponse | LsubResponse | XlistResponse;

function takeMailboxList<K extends MailboxListResponse['kind']>(
  cur: Cursor,
  kind: K,
): Extract<MailboxListResponse, { kind: K }> {
  cur.expectSp();
  const flags: string[] = [];
  const uses = takeListFlags(cur, flags);
  cur.expectSp();
  const delimiter = takeDelimiter(cur);
  cur.expectSp();
  const raw = takeMailboxView(cur);
  const mailbox = mailboxName(raw);
  const r = (
    uses === undefined
      ? { type: 'untagged', kind, flags, delimiter, mailbox, mailboxRaw: raw }
      : { type: 'untagged', kind, flags, specialUse: uses, delimiter, mailbox, mailboxRaw: raw }
  ) as Extract<MailboxListResponse, { kind: K }>;
  if (cur.skipIf(Ch.Space)) takeExtendedItems(cur, r);
  return r;
}

/** Reads the data after `* LIST`. */
export function takeList(cur: Cursor): ListResponse {
  return takeMailboxList(cur, 'list');
}

/** Reads the data after `* LSUB`. */
export function takeLsub(cur: Cursor): LsubResponse {
  return takeMailboxList(cur, 'lsub');
}

/** Reads the data after `* XLIST` (Gmail's pre-SPECIAL-USE command, same grammar as LIST). */
export function takeXlist(cur: Cursor): XlistResponse {
  return takeMailboxList(cur, 'xlist');
}

/** Plugs LIST, LSUB and XLIST into the dispatch. */
export function registerList(registerUntagged: RegisterUntagged): void {
  registerUntagged('LIST', takeList);
  registerUntagged('LSUB', takeLsub);
  registerUntagged('XLIST', takeXlist);
}
