/**
 * SEARCH keys and programs read from a command (the encoder's `encoder/search.ts` in reverse).
 *
 * ```abnf
 * search             = "SEARCH" [search-return-opts] SP search-program      ; RFC 9051 §9
 * search-program     = ["CHARSET" SP charset SP] search-key *(SP search-key)
 * search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
 * charset            = atom / quoted
 * search-key         = … / "NOT" SP search-key / "OR" SP search-key SP search-key
 *                    / "UID" SP sequence-set / sequence-set / "(" search-key *(SP search-key) ")"
 * search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer  ; RFC 7162
 * ```
 * NOT / OR / AND nest through one depth counter (`maxDepth`), never an unbounded recursion.
 */
import { ATOM_CHAR, Ch, DIGIT, OBJECTID_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString, textString } from '../lexer/strings.ts';
import {
  SEARCH_DATE_KEYS,
  SEARCH_FLAG_KEYS,
  SEARCH_RETURN_OPTIONS,
  SEARCH_STRING_KEYS,
  type SearchKey,
  type SearchReturnOption,
} from '../model/command-search.ts';
import { takeFlag } from '../parser/flags.ts';
import {
  mailboxValue,
  takeAStringValue,
  takeAtomText,
  takeSearchDate,
  takeSeqSet,
  takeWord,
  type ValueOptions,
} from './values.ts';

const FLAG_KEYS = SEARCH_FLAG_KEYS;
const STRING_KEYS = SEARCH_STRING_KEYS;
const DATE_KEYS = SEARCH_DATE_KEYS;
const OTHER_KEYS = [
  'KEYWORD',
  'UNKEYWORD',
  'HEADER',
  'LARGER',
  'SMALLER',
  'OLDER',
  'YOUNGER',
  'UID',
  'NOT',
  'OR',
  'MODSEQ',
  'X-GM-MSGID',
  'X-GM-THRID',
  'X-GM-LABELS',
  'EMAILID',
  'THREADID',
] as const;
const ALL_KEYS: readonly string[] = [...FLAG_KEYS, ...STRING_KEYS, ...DATE_KEYS, ...OTHER_KEYS];

function has<T extends string>(list: readonly T[], k: string): k is T {
  return (list as readonly string[]).includes(k);
}

/** Reads one `search-key`. */
export function takeSearchKey(cur: Cursor, o: ValueOptions): SearchKey {
  const c = cur.peek();
  if (c === Ch.LParen) {
    cur.enter();
    const operands = takeSearchKeys(cur, o);
    cur.leave();
    return { key: 'AND', operands };
  }
  if (DIGIT[c] === 1 || c === Ch.Star || c === Ch.Dollar)
    return { key: 'SEQUENCE-SET', set: takeSeqSet(cur) };
  const key = takeWord(cur, ALL_KEYS, 'a search key').toUpperCase();
  if (has(FLAG_KEYS, key)) return { key };
  cur.expectSp();
  if (has(STRING_KEYS, key)) return { key, value: takeAStringValue(cur) };
  if (has(DATE_KEYS, key)) return { key, date: takeSearchDate(cur) };
  switch (key) {
    case 'KEYWORD':
    case 'UNKEYWORD': {
      if (cur.peek() === Ch.Backslash) cur.fail('flag-keyword (an atom, not a system flag)');
      return { key, flag: takeFlag(cur) };
    }
    case 'HEADER': {
      const field = takeAStringValue(cur);
      cur.expectSp();
      return { key, field, value: takeAStringValue(cur) };
    }
    case 'LARGER':
    case 'SMALLER':
      return { key, size: cur.takeSafeNumber() };
    case 'OLDER':
    case 'YOUNGER':
      return { key, seconds: cur.takeNzNumber() };
    case 'UID':
      return { key, set: takeSeqSet(cur) };
    case 'NOT':
      return { key, operand: nested(cur, o) };
    case 'OR': {
      const left = nested(cur, o);
      cur.expectSp();
      return { key, left, right: nested(cur, o) };
    }
    case 'MODSEQ': {
      if (cur.peek() === Ch.DQuote) {
        const q = cur.takeQuoted();
        const name = textString(q, 0, q.length);
        cur.expectSp();
        const type = takeWord(
          cur,
          ['priv', 'shared', 'all'] as const,
          'entry-type-req (priv, shared or all)',
        );
        cur.expectSp();
        return { key, modseq: cur.takeNumber64(), entry: { name, type } };
      }
      return { key, modseq: cur.takeNumber64() };
    }
    case 'X-GM-MSGID':
    case 'X-GM-THRID':
      return { key, id: cur.takeNumber64() };
    case 'X-GM-LABELS':
      return {
        key,
        label: cur.peek() === Ch.Backslash ? takeFlag(cur) : mailboxValue(cur.takeAString(), o, false),
      };
    default: {
      const at = cur.pos;
      const id = takeAtomText(cur, 'objectid', OBJECTID_CHAR);
      if (id.length > 255) cur.fail('an objectid of at most 255 characters', at);
      return { key: key as 'EMAILID' | 'THREADID', id };
    }
  }
}

/** NOT / OR operands count against the same depth as parentheses. */
function nested(cur: Cursor, o: ValueOptions): SearchKey {
  if (++cur.depth > cur.maxDepth) cur.fail(`nesting of at most ${cur.maxDepth}`, cur.pos, 'DEPTH_EXCEEDED');
  const k = takeSearchKey(cur, o);
  cur.depth--;
  return k;
}

/** `search-key *(SP search-key)`. */
export function takeSearchKeys(cur: Cursor, o: ValueOptions): SearchKey[] {
  const keys = [takeSearchKey(cur, o)];
  while (cur.skipIf(Ch.Space)) keys.push(takeSearchKey(cur, o));
  return keys;
}

/** `SP "RETURN" SP "(" […] ")"` when present (the cursor stands on the SP). */
export function takeSearchReturn(cur: Cursor): SearchReturnOption[] | undefined {
  if (cur.peek() !== Ch.Space || !isWordAt(cur, 1, 'RETURN')) return undefined;
  cur.pos += 7;
  cur.expectSp();
  cur.enter();
  const opts: SearchReturnOption[] = [];
  if (cur.peek() !== Ch.RParen) {
    opts.push(takeWord(cur, SEARCH_RETURN_OPTIONS, 'a search return option'));
    while (cur.skipIf(Ch.Space)) opts.push(takeWord(cur, SEARCH_RETURN_OPTIONS, 'a search return option'));
  }
  cur.leave();
  return opts;
}

/** `charset = atom / quoted` */
export function takeCharset(cur: Cursor): string {
  if (cur.peek() === Ch.DQuote) {
    const b = cur.takeQuoted();
    return asciiString(b, 0, b.length);
  }
  return takeAtomText(cur, 'charset', ATOM_CHAR);
}

/** True when `word` (case-insensitive) stands `k` bytes after the cursor, as a whole atom. */
export function isWordAt(cur: Cursor, k: number, word: string): boolean {
  const save = cur.pos;
  cur.pos += k;
  const yes = cur.isKeyword(word);
  cur.pos = save;
  return yes;
}
