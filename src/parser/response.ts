/**
 * One complete response → its typed value.
 *
 * ```abnf
 * response       = *(continue-req / response-data) response-done
 * continue-req   = "+" SP (resp-text / base64) CRLF
 * response-data  = "*" SP (…) CRLF
 * response-tagged = tag SP resp-cond-state CRLF
 * resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
 * tag            = 1*<any ASTRING-CHAR except "+">
 * ```
 * (RFC 9051 §9; the decoder yields each of these as it completes.)
 */
import { ATOM_CHAR, Ch, DIGIT, TAG_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { wireBytes } from '../lexer/frame.ts';
import { asciiString, atomString } from '../lexer/strings.ts';
import type {
  ContinuationRequest,
  Response,
  Status,
  TaggedResponse,
  UntaggedResponse,
} from '../model/response.ts';
import { decodeBase64 } from './base64.ts';
import { takeResponseCode } from './resp-code.ts';
import { takeRespText, takeText } from './resp-text.ts';
import { untaggedByName, untaggedByNumber } from './untagged.ts';

/** Parses the frame the cursor was reset to. Throws `ImapParseError` on malformed input. */
export function takeResponse(cur: Cursor): Response {
  const c = cur.peek();
  let r: Response;
  if (c === Ch.Star) r = takeUntagged(cur);
  else if (c === Ch.Plus) r = takeContinuation(cur);
  else r = takeTagged(cur);
  cur.expectEnd();
  return r;
}

function takeUntagged(cur: Cursor): UntaggedResponse {
  cur.pos++;
  cur.expectSp();
  if (DIGIT[cur.peek()] === 1) {
    const at = cur.pos;
    const n = cur.takeNumber();
    cur.expectSp();
    cur.takeRun(ATOM_CHAR, 'response name (EXISTS, RECENT, EXPUNGE, FETCH …)');
    const parse = untaggedByNumber.get(cur.buf, cur.tokStart, cur.tokEnd);
    if (parse !== undefined) return parse(cur, n, at);
    return unknownUntagged(cur, n);
  }
  cur.takeRun(ATOM_CHAR, 'response name');
  const parse = untaggedByName.get(cur.buf, cur.tokStart, cur.tokEnd);
  if (parse !== undefined) return parse(cur);
  return unknownUntagged(cur, undefined);
}

/** Keeps an unregistered response: its name and the exact bytes up to the CRLF. */
function unknownUntagged(cur: Cursor, n: number | undefined): UntaggedResponse {
  const name = atomString(cur.buf, cur.tokStart, cur.tokEnd);
  if (cur.peek() === Ch.Space) cur.pos++;
  const start = cur.pos;
  // Everything up to the final line end belongs to it; literals in between are taken whole.
  let end = cur.end - 1;
  if (end > start && cur.buf[end - 1] === Ch.Cr) end--;
  cur.lit = cur.frame!.literals.length;
  cur.pos = end;
  const r: UntaggedResponse = {
    type: 'untagged',
    kind: 'unknown',
    name,
    raw: wireBytes(cur.frame!, start, end),
  };
  if (n !== undefined) r.number = n;
  return r;
}

function takeTagged(cur: Cursor): TaggedResponse {
  cur.takeRun(TAG_CHAR, 'tag, "*" or "+"');
  const tag = asciiString(cur.buf, cur.tokStart, cur.tokEnd);
  cur.expectSp();
  const status = takeStatus(cur);
  const rt = takeRespText(cur);
  const r: TaggedResponse = { type: 'tagged', tag, status, text: rt.text };
  if (rt.code !== undefined) r.code = rt.code;
  return r;
}

function takeStatus(cur: Cursor): Status {
  if (cur.isKeyword('OK')) {
    cur.pos += 2;
    return 'OK';
  }
  if (cur.isKeyword('NO')) {
    cur.pos += 2;
    return 'NO';
  }
  if (cur.isKeyword('BAD')) {
    cur.pos += 3;
    return 'BAD';
  }
  return cur.fail('OK, NO or BAD');
}

function takeContinuation(cur: Cursor): ContinuationRequest {
  cur.pos++;
  if (cur.isEol()) {
    cur.quirk('emptyContinuation', cur.pos);
    return { type: 'continuation', text: '' };
  }
  cur.expectSp();
  const r: ContinuationRequest = { type: 'continuation', text: '' };
  if (cur.peek() === Ch.LBracket) {
    r.code = takeResponseCode(cur);
    if (cur.isEol()) return r;
    cur.expectSp();
  }
  const start = cur.pos;
  r.text = takeText(cur);
  if (r.code === undefined) {
    const b = decodeBase64(cur.buf, start, cur.pos);
    if (b !== undefined) r.base64 = b;
  }
  return r;
}
