/**
 * Untagged responses: the dispatch tables, by name (`* NAME …`) and by number (`* 5 NAME …`).
 *
 * ```abnf
 * response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
 *                 capability-data / enable-data) CRLF
 * mailbox-data  = "FLAGS" SP flag-list / "LIST" SP mailbox-list / "ESEARCH" … /
 *                 "STATUS" SP mailbox SP "(" [status-att-list] ")" / number SP "EXISTS" /
 *                 number SP "RECENT" / "SEARCH" …
 * message-data  = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
 * ```
 * An extension adds a response with {@link registerUntagged} or {@link registerNumberedUntagged};
 * anything unregistered is kept as `kind: 'unknown'` with its raw bytes.
 */
import { type ErrorStatus, ImapParseError } from '../errors.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { KeywordTable } from '../lexer/keywords.ts';
import type { StatusUntagged, UntaggedResponse } from '../model/response.ts';
import { takeCapabilities } from './capability.ts';
import { installExtensions } from './extensions.ts';
import { takeFetch } from './fetch.ts';
import { takeFlagList } from './flags.ts';
import { takeRespTextInto } from './resp-text.ts';
import { takeSearch } from './search.ts';

/** Parses the data after `* NAME`; the cursor stands right after the name. Must stop at the CRLF. */
export type UntaggedParser = (cur: Cursor) => UntaggedResponse;
/** Parses the data after `* n NAME`. */
export type NumberedUntaggedParser = (cur: Cursor, n: number, at: number) => UntaggedResponse;

/** `* NAME …` handlers. */
export const untaggedByName = new KeywordTable<UntaggedParser>();
/** `* n NAME …` handlers. */
export const untaggedByNumber = new KeywordTable<NumberedUntaggedParser>();

/** Plugs an untagged response `* NAME …` into the dispatch. */
export function registerUntagged(name: string, parse: UntaggedParser): void {
  untaggedByName.add(name, parse);
}

/** Plugs an untagged response `* n NAME …` into the dispatch. */
export function registerNumberedUntagged(name: string, parse: NumberedUntaggedParser): void {
  untaggedByNumber.add(name, parse);
}

for (const kind of ['ok', 'no', 'bad', 'bye', 'preauth'] as const) {
  const status = kind.toUpperCase() as ErrorStatus;
  // `text` first, `code` after it: the key order of the model (no RespText object, no spread).
  // In strict mode an error keeps the status: a client still learns that the server says BYE.
  registerUntagged(kind, (cur) => {
    try {
      return takeRespTextInto<StatusUntagged>(cur, { type: 'untagged', kind, text: '' });
    } catch (e) {
      throw e instanceof ImapParseError ? e.withResponse(undefined, status) : e;
    }
  });
}
registerUntagged('CAPABILITY', (cur) => ({
  type: 'untagged',
  kind: 'capability',
  capabilities: takeCapabilities(cur),
}));
registerUntagged('ENABLED', (cur) => ({
  type: 'untagged',
  kind: 'enabled',
  capabilities: takeCapabilities(cur),
}));
registerUntagged('FLAGS', (cur) => {
  cur.expectSp();
  return { type: 'untagged', kind: 'flags', flags: takeFlagList(cur) };
});
registerUntagged('SEARCH', takeSearch);

registerNumberedUntagged('EXISTS', (_cur, count) => ({ type: 'untagged', kind: 'exists', count }));
registerNumberedUntagged('RECENT', (_cur, count) => ({ type: 'untagged', kind: 'recent', count }));
registerNumberedUntagged('EXPUNGE', (cur, seq, at) => {
  if (seq === 0) cur.fail('nz-number (not 0)', at);
  return { type: 'untagged', kind: 'expunge', seq };
});
registerNumberedUntagged('FETCH', (cur, seq, at) => {
  if (seq === 0) cur.fail('nz-number (not 0)', at);
  return takeFetch(cur, seq);
});

// Last, so that the tables above exist: STATUS, LIST, ESEARCH … from parser/ext/.
installExtensions(registerUntagged);
