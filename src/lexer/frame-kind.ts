/**
 * What kind of response a frame is, from its first bytes: the framer needs it to know whether a
 * `{n}` closing a line announces a literal (RFC 9051 §9: status responses and continuation
 * requests end in `text`, which may end in `}`; everything else may end in a literal).
 *
 * ```abnf
 * response-tagged = tag SP resp-cond-state CRLF
 * response-data   = "*" SP (resp-cond-state / resp-cond-bye / …) CRLF
 * resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
 * resp-cond-bye   = "BYE" SP resp-text
 * greeting        = "*" SP (resp-cond-auth / resp-cond-bye) CRLF   ; resp-cond-auth: OK / PREAUTH
 * continue-req    = "+" SP (resp-text / base64) CRLF
 * ```
 */
import { Ch, TAG_CHAR } from './chars.ts';

/** A frame's kind, as far as literal announcements go. */
export const enum Kind {
  Unknown = 0,
  General = 1,
  Status = 2,
  Continuation = 3,
}

function isWord(buf: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = buf[i + k];
    if (c === undefined || (c | 0x20) !== word.charCodeAt(k)) return false;
  }
  const after = buf[i + word.length];
  return (
    after === undefined || after === Ch.Space || after === Ch.Cr || after === Ch.Lf || after === Ch.LBracket
  );
}

const UNTAGGED_STATUS = ['ok', 'no', 'bad', 'bye', 'preauth'];
const TAGGED_STATUS = ['ok', 'no', 'bad'];

/** Index just after the tag (or "*") and the status word with its space, for a status line. */
export function statusTextStart(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (buf[i] === Ch.Star) i++;
  else while (i < end && TAG_CHAR[buf[i]!] === 1) i++;
  i++; // SP
  while (i < end && buf[i] !== Ch.Space && buf[i] !== Ch.LBracket && buf[i] !== Ch.Cr && buf[i] !== Ch.Lf)
    i++;
  if (buf[i] === Ch.Space) i++;
  return i - start;
}

/** Classifies a response by its first bytes (RFC 9051 `response-data`, `response-tagged`, `continue-req`). */
export function classifyHead(head: Uint8Array): Kind {
  if (head[0] === Ch.Plus) return Kind.Continuation;
  let i = 0;
  let words = TAGGED_STATUS;
  if (head[0] === Ch.Star) {
    i = 1;
    words = UNTAGGED_STATUS;
  } else {
    while (i < head.length && TAG_CHAR[head[i]!] === 1) i++;
    if (i === 0) return Kind.General;
  }
  if (head[i] !== Ch.Space) return Kind.General;
  i++;
  for (const w of words) if (isWord(head, i, w)) return Kind.Status;
  return Kind.General;
}
