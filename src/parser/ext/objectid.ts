/**
 * OBJECTID: RFC 8474 (EMAILID and THREADID FETCH items, the MAILBOXID code; the STATUS item is
 * in status.ts).
 *
 * ```abnf
 * msg-att-static      =/ fetch-emailid-resp / fetch-threadid-resp
 * fetch-emailid-resp  = "EMAILID" SP "(" objectid ")"
 * fetch-threadid-resp = "THREADID" SP ( "(" objectid ")" / nil )   ; NIL: not in a thread
 * resp-text-code      =/ "MAILBOXID" SP "(" objectid ")"
 * objectid            = 1*255(ALPHA / DIGIT / "_" / "-")
 * ```
 */
import { OBJECTID_CHAR } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { asciiString } from '../../lexer/strings.ts';
import { registerFetchAttribute } from '../fetch.ts';
import { registerResponseCode } from '../resp-code.ts';

const MAX_OBJECTID = 255;

/** Reads `"(" objectid ")"`. */
export function takeObjectId(cur: Cursor): string {
  cur.enter();
  cur.takeRun(OBJECTID_CHAR, 'an objectid (letters, digits, "_", "-")');
  if (cur.tokEnd - cur.tokStart > MAX_OBJECTID)
    cur.fail('an objectid of at most 255 characters', cur.tokStart);
  const id = asciiString(cur.buf, cur.tokStart, cur.tokEnd);
  cur.leave();
  return id;
}

/** Plugs EMAILID, THREADID and the MAILBOXID code into the dispatch. */
export function registerObjectId(): void {
  registerFetchAttribute('EMAILID', (cur, attrs) => {
    cur.expectSp();
    attrs.emailId = takeObjectId(cur);
  });
  registerFetchAttribute('THREADID', (cur, attrs) => {
    cur.expectSp();
    attrs.threadId = cur.skipNil() ? null : takeObjectId(cur);
  });
  registerResponseCode('MAILBOXID', (cur) => {
    cur.expectSp();
    return { name: 'MAILBOXID', id: takeObjectId(cur) };
  });
}
