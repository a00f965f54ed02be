/**
 * PREVIEW: RFC 8970, and the forms from before it that Dovecot 2.3 still sends.
 *
 * ```abnf
 * msg-att-static =/ "PREVIEW" SP nstring                                   ; RFC 8970 §6
 * ; draft-ietf-extra-imap-fetch-preview (PREVIEW=FUZZY), before RFC 8970: quirk draftPreview
 * msg-att-static =/ "PREVIEW" SP "(" preview-alg SP nstring ")"
 * ; draft-ietf-extra-imap-fetch-snippet (SNIPPET=FUZZY; Dovecot 2.3.19 still answers
 * ; `FETCH n (SNIPPET)` with `SNIPPET (FUZZY "…")`, `SNIPPET (FUZZY {215}…)`, `SNIPPET (FUZZY NIL)`)
 * msg-att-static =/ "SNIPPET" SP "(" snippet-alg SP nstring ")"
 * preview-alg    = atom                                                   ; "FUZZY"
 * ```
 * The text is UTF-8 as bytes (quoted or literal, 8-bit safe): a view, decoded only by the user.
 * SNIPPET is its own (draft) attribute, advertised as such, so it is not a quirk; the draft
 * form of PREVIEW answers a command that asked for RFC 8970's PREVIEW, so it is.
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { atomString } from '../../lexer/strings.ts';
import type { FetchAttributes } from '../../model/fetch.ts';
import { registerFetchAttribute } from '../fetch.ts';

/** `"(" preview-alg SP nstring ")"` */
function takeAlgorithmForm(cur: Cursor, attrs: FetchAttributes): void {
  cur.enter();
  cur.takeRun(ATOM_CHAR, 'a preview algorithm (FUZZY)');
  const algorithm = atomString(cur.buf, cur.tokStart, cur.tokEnd);
  cur.expectSp();
  attrs.preview = cur.takeNString();
  attrs.previewAlgorithm = algorithm;
  cur.leave();
}

function takePreview(cur: Cursor, attrs: FetchAttributes): void {
  cur.expectSp();
  if (cur.peek() === Ch.LParen) {
    cur.quirk('draftPreview', cur.pos);
    takeAlgorithmForm(cur, attrs);
  } else {
    attrs.preview = cur.takeNString();
  }
}

function takeSnippet(cur: Cursor, attrs: FetchAttributes): void {
  cur.expectSp();
  takeAlgorithmForm(cur, attrs);
}

/** Plugs PREVIEW and SNIPPET into the FETCH dispatch. */
export function registerPreview(): void {
  registerFetchAttribute('PREVIEW', takePreview);
  registerFetchAttribute('SNIPPET', takeSnippet);
}
