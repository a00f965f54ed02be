/**
 * FETCH items read from a command (the encoder's `encoder/fetch.ts` in reverse).
 *
 * ```abnf
 * fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att
 *                   / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
 * fetch-att       = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"]
 *                 / "BODY" ["STRUCTURE"] / "UID" / "BODY" section [partial]
 *                 / "BODY.PEEK" section [partial] / "BINARY" [".PEEK"] section-binary [partial]
 *                 / "BINARY.SIZE" section-binary / "MODSEQ" / "EMAILID" / "THREADID" / "SAVEDATE"
 *                 / "PREVIEW" [SP "(" "LAZY" ")"] / "X-GM-MSGID" / "X-GM-THRID" / "X-GM-LABELS"
 * partial         = "<" number "." nz-number ">"
 * fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"
 * fetch-modifier  = "CHANGEDSINCE" SP mod-sequence-value / "VANISHED"
 * ```
 */
import { Ch, ITEM_NAME_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString } from '../lexer/strings.ts';
import {
  FETCH_SIMPLE_ITEMS,
  type FetchItem,
  type FetchPartial,
  type FetchSection,
} from '../model/command-fetch.ts';
import { takeSection } from '../parser/section.ts';
import { isWordAt } from './search.ts';

const SIMPLE = FETCH_SIMPLE_ITEMS;

function takePartial(cur: Cursor): FetchPartial | undefined {
  if (!cur.skipIf(Ch.Lt)) return undefined;
  const origin = cur.takeNumber();
  cur.expect(Ch.Dot, '"."');
  const count = cur.takeNzNumber();
  cur.expect(Ch.Gt, '">"');
  return { origin, count };
}

/** Reads one `fetch-att`. */
export function takeFetchItem(cur: Cursor): FetchItem {
  const at = cur.pos;
  cur.takeRun(ITEM_NAME_CHAR, 'a FETCH item');
  const name = asciiString(cur.buf, cur.tokStart, cur.tokEnd).toUpperCase();
  if (cur.peek() === Ch.LBracket) {
    if (name === 'BODY' || name === 'BODY.PEEK') {
      const s = takeSection(cur, false);
      const section: FetchSection = {};
      if (s.part.length > 0) section.part = s.part;
      if (s.text !== undefined) section.text = s.text;
      if (s.fields !== undefined) section.fields = s.fields;
      const item: FetchItem = { item: 'BODY[]', section };
      if (name === 'BODY.PEEK') item.peek = true;
      const partial = takePartial(cur);
      if (partial !== undefined) item.partial = partial;
      return item;
    }
    if (name === 'BINARY' || name === 'BINARY.PEEK' || name === 'BINARY.SIZE') {
      const s = takeSection(cur, true);
      if (name === 'BINARY.SIZE')
        return s.part.length > 0 ? { item: 'BINARY.SIZE', part: s.part } : { item: 'BINARY.SIZE' };
      const item: FetchItem = { item: 'BINARY[]' };
      if (s.part.length > 0) item.part = s.part;
      if (name === 'BINARY.PEEK') item.peek = true;
      const partial = takePartial(cur);
      if (partial !== undefined) item.partial = partial;
      return item;
    }
    return cur.fail('BODY[, BODY.PEEK[, BINARY[, BINARY.PEEK[ or BINARY.SIZE[', at);
  }
  if (name === 'PREVIEW') {
    // "PREVIEW (LAZY)" — but a bare PREVIEW may be followed by the fetch modifiers' "(".
    if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen && isWordAt(cur, 2, 'LAZY')) {
      cur.pos += 2 + 4;
      cur.expect(Ch.RParen, '")"');
      return { item: 'PREVIEW', lazy: true };
    }
    return { item: 'PREVIEW' };
  }
  const simple = SIMPLE.find((s) => s === name);
  if (simple === undefined) return cur.fail('a FETCH item', at);
  return { item: simple };
}

/** The FETCH items argument: a macro, one item, or a parenthesised list. */
export function takeFetchItems(cur: Cursor): 'ALL' | 'FAST' | 'FULL' | FetchItem | FetchItem[] {
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    const items = [takeFetchItem(cur)];
    while (cur.skipIf(Ch.Space)) items.push(takeFetchItem(cur));
    cur.leave();
    return items;
  }
  for (const m of ['ALL', 'FAST', 'FULL'] as const) {
    if (cur.isKeyword(m)) {
      cur.pos += m.length;
      return m;
    }
  }
  return takeFetchItem(cur);
}

/** `"(" fetch-att *(SP fetch-att) ")"` (NOTIFY MessageNew). */
export function takeFetchItemList(cur: Cursor): FetchItem[] {
  const items = takeFetchItems(cur);
  if (!Array.isArray(items)) return cur.fail('"(" fetch-att *(SP fetch-att) ")"');
  return items;
}
