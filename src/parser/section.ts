/**
 * ```abnf
 * section         = "[" [section-spec] "]"
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * header-list     = "(" header-fld-name *(SP header-fld-name) ")"
 * header-fld-name = astring
 * section-binary  = "[" [section-part] "]"          ; RFC 3516
 * ```
 */
import { Ch, DIGIT } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import type { SectionText } from '../model/fetch.ts';
import { takeAStringText } from './astring.ts';

/** A parsed section specifier. */
export interface Section {
  /** Canonical form, e.g. `1.2.HEADER.FIELDS (From To)`. */
  section: string;
  part: number[];
  text?: SectionText;
  fields?: string[];
}

const TEXTS: SectionText[] = ['HEADER.FIELDS.NOT', 'HEADER.FIELDS', 'HEADER', 'TEXT', 'MIME'];

/**
 * The last section read, by its bytes (`[` to `]`): a FETCH of many messages repeats one
 * section in every response (`BODY[HEADER.FIELDS (FROM TO SUBJECT DATE)]`), and comparing the
 * bytes costs less than reading the header list again. Kept only for a section read from the
 * text alone (no literal in its header list, no quirk); handed out as a fresh `Section` with
 * fresh arrays, so no two responses share one.
 */
const MEMO_MAX = 128;
const memoBytes = new Uint8Array(MEMO_MAX);
let memoLen = 0;
let memoBinary = false;
let memo: Section | undefined;

/** Reads `section` (`binary`: `section-binary`, parts only). The cursor stands on `[`. */
export function takeSection(cur: Cursor, binary: boolean): Section {
  const start = cur.pos;
  const buf = cur.buf;
  // The memo's header list took one "(" level: only where that level is allowed here too.
  if (memo !== undefined && memoBinary === binary && start + memoLen <= cur.end && cur.depth < cur.maxDepth) {
    let k = 0;
    while (k < memoLen && buf[start + k] === memoBytes[k]) k++;
    if (k === memoLen) {
      cur.pos = start + memoLen;
      return copySection(memo);
    }
  }
  const lit = cur.lit;
  const out = readSection(cur, binary);
  const n = cur.pos - start;
  if (n <= MEMO_MAX && cur.lit === lit && !out.part.includes(0)) {
    for (let k = 0; k < n; k++) memoBytes[k] = buf[start + k]!;
    memoLen = n;
    memoBinary = binary;
    memo = copySection(out);
  }
  return out;
}

/** A copy with its own arrays, keys in the order `readSection` sets them. */
function copySection(s: Section): Section {
  const out: Section = { section: s.section, part: s.part.slice() };
  if (s.text !== undefined) out.text = s.text;
  if (s.fields !== undefined) out.fields = s.fields.slice();
  return out;
}

function readSection(cur: Cursor, binary: boolean): Section {
  cur.expect(Ch.LBracket, '"["');
  const part: number[] = [];
  const out: Section = { section: '', part };
  // After "1.2." a section-text must follow; after "1.2" only "]".
  let dotted = false;
  while (DIGIT[cur.peek()] === 1) {
    const at = cur.pos;
    const n = cur.takeNumber();
    // Dovecot 2.3 echoes a requested `BODY[1.0]` as sent (with an empty literal).
    if (n === 0) cur.quirk('zeroSectionPart', at);
    part.push(n);
    dotted = cur.skipIf(Ch.Dot);
    if (!dotted) break;
    if (DIGIT[cur.peek()] !== 1) {
      if (binary) cur.fail('nz-number');
      break;
    }
  }
  let canonical = part.join('.');
  if (part.length > 0 && !dotted) {
    if (cur.peek() !== Ch.RBracket) cur.fail('"." or "]"');
  } else if (!binary && (dotted || cur.peek() !== Ch.RBracket)) {
    const text = takeSectionText(cur, part.length > 0);
    out.text = text;
    canonical += canonical === '' ? text : `.${text}`;
    if (text === 'HEADER.FIELDS' || text === 'HEADER.FIELDS.NOT') {
      cur.expectSp();
      const fields: string[] = [];
      cur.enter();
      do {
        fields.push(takeAStringText(cur));
      } while (cur.skipIf(Ch.Space));
      cur.leave();
      out.fields = fields;
      canonical += ` (${fields.join(' ')})`;
    }
  }
  cur.expect(Ch.RBracket, '"]" closing the section');
  out.section = canonical;
  return out;
}

function takeSectionText(cur: Cursor, afterPart: boolean): SectionText {
  for (const t of TEXTS) {
    if (cur.isKeyword(t) && (t !== 'MIME' || afterPart)) {
      cur.pos += t.length;
      return t;
    }
  }
  return cur.fail(
    afterPart ? 'HEADER, HEADER.FIELDS, TEXT or MIME' : 'a part number, HEADER, HEADER.FIELDS or TEXT',
  );
}
