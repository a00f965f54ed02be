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
import { ImapParseError } from '../errors.ts';
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
import { takeRespTextInto, takeText } from './resp-text.ts';
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
  const frame = cur.frame!;
  // A CR that is a literal's last byte stays in (finalLineEnd).
  const end = Math.max(start, cur.finalLineEnd());
  cur.lit = frame.literals.length;
  cur.pos = end;
  const r: UntaggedResponse = {
    type: 'untagged',
    kind: 'unknown',
    name,
    raw: wireBytes(frame, start, end),
  };
  if (n !== undefined) r.number = n;
  return r;
}

/**
 * A tagged completion. An error after the tag carries the tag (and the status, once read):
 * whatever went wrong, the client waiting for that tag learns that its command is over.
 */
function takeTagged(cur: Cursor): TaggedResponse {
  cur.takeRun(TAG_CHAR, 'tag, "*" or "+"');
  const tag = tagString(cur.buf, cur.tokStart, cur.tokEnd);
  let status: Status | undefined;
  try {
    cur.expectSp();
    status = takeStatus(cur);
    return takeRespTextInto<TaggedResponse>(cur, { type: 'tagged', tag, status, text: '' });
  } catch (e) {
    throw e instanceof ImapParseError ? e.withResponse(tag, status) : e;
  }
}

/**
 * A tag's string: tags are short (`A12`, `a0042`) and each is new, so one fixed-arity
 * `fromCharCode` (a flat string) up to 8 bytes instead of pieces joined.
 */
function tagString(buf: Uint8Array, s: number, e: number): string {
  const f = String.fromCharCode;
  switch (e - s) {
    case 1:
      return f(buf[s]!);
    case 2:
      return f(buf[s]!, buf[s + 1]!);
    case 3:
      return f(buf[s]!, buf[s + 1]!, buf[s + 2]!);
    case 4:
      return f(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!);
    case 5:
      return f(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!);
    case 6:
      return f(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!, buf[s + 5]!);
    case 7:
      return f(buf[s]!, buf[s + 1]!, buf[s + 2]!, buf[s + 3]!, buf[s + 4]!, buf[s + 5]!, buf[s + 6]!);
    case 8:
      return f(
        buf[s]!,
        buf[s + 1]!,
        buf[s + 2]!,
        buf[s + 3]!,
        buf[s + 4]!,
        buf[s + 5]!,
        buf[s + 6]!,
        buf[s + 7]!,
      );
    default:
      return asciiString(buf, s, e);
  }
}

/** `"OK" / "NO" / "BAD"`, case-insensitive, followed by a byte that cannot continue an atom. */
function takeStatus(cur: Cursor): Status {
  const buf = cur.buf;
  const p = cur.pos;
  const end = cur.end;
  if (p + 2 <= end) {
    const a = buf[p]! | 0x20;
    const b = buf[p + 1]! | 0x20;
    const after2 = p + 2 < end ? ATOM_CHAR[buf[p + 2]!] : 0;
    if (a === 0x6f && b === 0x6b && after2 !== 1) {
      cur.pos = p + 2;
      return 'OK';
    }
    if (a === 0x6e && b === 0x6f && after2 !== 1) {
      cur.pos = p + 2;
      return 'NO';
    }
    if (a === 0x62 && b === 0x61 && p + 3 <= end && (buf[p + 2]! | 0x20) === 0x64) {
      if (p + 3 === end || ATOM_CHAR[buf[p + 3]!] !== 1) {
        cur.pos = p + 3;
        return 'BAD';
      }
    }
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
