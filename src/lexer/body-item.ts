/**
 * Which FETCH body item a literal announcement belongs to, read from the bytes before it: what
 * the framer needs to stream a large body (issue #20) before the response is complete.
 *
 * ```abnf
 * response-data  = "*" SP (… / message-data) CRLF
 * message-data   = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
 * msg-att-static =/ "BODY" section ["<" number ">"] SP nstring
 *                 / "BINARY" section-binary ["<" number ">"] SP (nstring / literal8)   ; RFC 3516
 *                 / "RFC822" ["." ("HEADER" / "TEXT")] SP nstring                        ; RFC 3501
 * ```
 *
 * Only the common shape is recognised: the item name, its section and origin on the line of the
 * announcement. Anything else (a section that holds a literal itself, a name split by a literal)
 * is not streamed and is delivered whole as before; the answer depends on the bytes alone, never
 * on the chunking.
 */
import { Ch, DIGIT } from './chars.ts';

/** What a streamed body is, as announced. */
export interface BodyItemInfo {
  /** The message's sequence number. */
  seq: number;
  item: 'BODY' | 'BINARY' | 'RFC822' | 'RFC822.HEADER' | 'RFC822.TEXT';
  /** The section as sent, between the brackets (`""` for `BODY[]` and the RFC822 items). */
  section: string;
  /** `<origin>` of a partial fetch. */
  origin?: number;
  /** Whether it is a `~{n}` literal8. */
  binary: boolean;
}

/** How far back from a `]` the `[` of its section is looked for. */
const SECTION_MAX = 8192;

function wordBefore(buf: Uint8Array, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let k = 0; k < word.length; k++) {
    const c = buf[start + k]!;
    const w = word.charCodeAt(k);
    // Case folded for letters only (`RFC822.TEXT` has digits and a dot).
    if (c !== w && !(w >= 0x41 && w <= 0x5a && (c & 0xdf) === w)) return false;
  }
  // The name begins an attribute: after "(" or SP.
  const before = buf[start - 1];
  return before === Ch.LParen || before === Ch.Space;
}

function ascii(buf: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/** `* nz-number FETCH (` at the start of `head`: the sequence number, or -1. */
function fetchSeq(head: Uint8Array): number {
  if (head[0] !== Ch.Star || head[1] !== Ch.Space) return -1;
  let i = 2;
  let seq = 0;
  if (head[i] === Ch.Zero) return -1;
  while (i < head.length && DIGIT[head[i]!] === 1 && i < 12) seq = seq * 10 + (head[i++]! - Ch.Zero);
  if (i === 2 || seq > 0xffffffff || head[i] !== Ch.Space) return -1;
  i++;
  for (const c of 'FETCH') if ((head[i++]! & 0xdf) !== c.charCodeAt(0)) return -1;
  return head[i] === Ch.Space && head[i + 1] === Ch.LParen ? seq : -1;
}

/**
 * The body item whose value the literal announced at `line[brace]` (its `{`) is, or `null`.
 * `head` holds the response's first bytes (at least its `* n FETCH (`).
 */
export function fetchBodyItem(head: Uint8Array, line: Uint8Array, brace: number): BodyItemInfo | null {
  const seq = fetchSeq(head);
  if (seq < 0) return null;
  let i = brace - 1;
  const binary = line[i] === Ch.Tilde;
  if (binary) i--;
  if (line[i] !== Ch.Space) return null;
  i--;
  let origin: number | undefined;
  if (line[i] === Ch.Gt) {
    let v = 0;
    let scale = 1;
    let j = i - 1;
    while (j >= 0 && DIGIT[line[j]!] === 1 && i - j <= 10) {
      v += (line[j]! - Ch.Zero) * scale;
      scale *= 10;
      j--;
    }
    if (j === i - 1 || line[j] !== Ch.Lt || v > 0xffffffff) return null;
    origin = v;
    i = j - 1;
  }
  if (line[i] === Ch.RBracket) {
    for (let j = i - 1; j >= 0 && i - j <= SECTION_MAX; j--) {
      if (line[j] !== Ch.LBracket) continue;
      const item = wordBefore(line, j, 'BODY') ? 'BODY' : wordBefore(line, j, 'BINARY') ? 'BINARY' : null;
      if (item === null) continue;
      if (binary && item !== 'BINARY') return null;
      const info: BodyItemInfo = { seq, item, section: ascii(line, j + 1, i), binary };
      if (origin !== undefined) info.origin = origin;
      return info;
    }
    return null;
  }
  if (origin !== undefined || binary) return null;
  for (const item of ['RFC822.HEADER', 'RFC822.TEXT', 'RFC822'] as const)
    if (wordBefore(line, i + 1, item)) return { seq, item, section: '', binary };
  return null;
}
