/**
 * METADATA: RFC 5464 (the response and its response codes).
 *
 * ```abnf
 * metadata-resp  = "METADATA" SP mailbox SP (entry-values / entry-list)
 *                  ; empty mailbox name ("") for server metadata
 * entry-values   = "(" entry-value *(SP entry-value) ")"
 * entry-value    = entry SP value
 * entry-list     = entry *(SP entry)       ; unsolicited: the entries that changed
 * entry          = astring                 ; slash-separated path, e.g. /private/comment
 * value          = nstring / literal8
 * resp-text-code =/ "METADATA" SP ("LONGENTRIES" SP number / "MAXSIZE" SP number /
 *                  "TOOMANY" / "NOPRIVATE")
 * ```
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { textString } from '../../lexer/strings.ts';
import type { MetadataEntry, MetadataResponse } from '../../model/metadata.ts';
import type { MetadataCode } from '../../model/resp-code.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { mailboxName } from '../mailbox.ts';
import { registerResponseCode } from '../resp-code.ts';

function takeEntryName(cur: Cursor): string {
  const v = cur.takeAString();
  return textString(v, 0, v.length);
}

/** Reads the data after `* METADATA`. */
export function takeMetadata(cur: Cursor): MetadataResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  cur.expectSp();
  const entries: MetadataEntry[] = [];
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    do {
      const entry = takeEntryName(cur);
      cur.expectSp();
      const value = cur.peek() === Ch.Tilde ? cur.takeLiteral(true) : cur.takeNString();
      entries.push({ entry, value });
    } while (cur.skipIf(Ch.Space));
    cur.leave();
  } else {
    do entries.push({ entry: takeEntryName(cur) });
    while (cur.skipIf(Ch.Space));
  }
  return { type: 'untagged', kind: 'metadata', mailbox: mailboxName(mailboxRaw), mailboxRaw, entries };
}

/** `"METADATA" SP (…)` inside a response code. */
function takeMetadataCode(cur: Cursor): MetadataCode {
  cur.expectSp();
  for (const item of ['LONGENTRIES', 'MAXSIZE'] as const) {
    if (cur.isKeyword(item)) {
      cur.pos += item.length;
      cur.expectSp();
      return { name: 'METADATA', item, value: cur.takeNumber() };
    }
  }
  for (const item of ['TOOMANY', 'NOPRIVATE'] as const) {
    if (cur.isKeyword(item)) {
      cur.pos += item.length;
      return { name: 'METADATA', item };
    }
  }
  return cur.fail('LONGENTRIES, MAXSIZE, TOOMANY or NOPRIVATE');
}

/** Plugs METADATA (response and code) into the dispatch. */
export function registerMetadata(registerUntagged: RegisterUntagged): void {
  registerUntagged('METADATA', takeMetadata);
  registerResponseCode('METADATA', takeMetadataCode);
}
