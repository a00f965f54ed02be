/**
 * NAMESPACE: RFC 2342, as folded into RFC 9051 §7.3.5, with its extension data (RFC 4466,
 * RFC 5255 TRANSLATION).
 *
 * ```abnf
 * namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
 *                      ; personal, other users', shared
 * namespace          = nil / "(" 1*namespace-descr ")"
 * namespace-descr    = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
 *                      [namespace-response-extensions] ")"
 * namespace-response-extensions = *namespace-response-extension
 * namespace-response-extension  = SP string SP "(" string *(SP string) ")"
 * ```
 * Yahoo sends `(("" NIL)) NIL NIL` and Courier `(("INBOX." ".")) NIL (("#shared." ".")("shared." "."))`:
 * both valid.
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { textString } from '../../lexer/strings.ts';
import type { NamespaceDescription, NamespaceResponse } from '../../model/namespace.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { nameString, takeDelimiter } from '../mailbox.ts';

function takeText(cur: Cursor): string {
  const v = cur.takeString();
  return textString(v, 0, v.length);
}

/** `namespace-descr` */
function takeDescription(cur: Cursor): NamespaceDescription {
  cur.enter();
  const prefixRaw = cur.takeString();
  cur.expectSp();
  const d: NamespaceDescription = { prefix: nameString(prefixRaw), prefixRaw, delimiter: takeDelimiter(cur) };
  while (cur.skipIf(Ch.Space)) {
    const name = takeText(cur);
    cur.expectSp();
    const values: string[] = [];
    cur.enter();
    do values.push(takeText(cur));
    while (cur.skipIf(Ch.Space));
    cur.leave();
    (d.extensions ??= []).push({ name, values });
  }
  cur.leave();
  return d;
}

/** `namespace = nil / "(" 1*namespace-descr ")"` */
function takeNamespace(cur: Cursor): NamespaceDescription[] | null {
  if (cur.skipNil()) return null;
  const out: NamespaceDescription[] = [];
  cur.enter();
  do out.push(takeDescription(cur));
  while (cur.peek() === Ch.LParen);
  cur.leave();
  return out;
}

/** Reads the data after `* NAMESPACE`. */
export function takeNamespaceResponse(cur: Cursor): NamespaceResponse {
  cur.expectSp();
  const personal = takeNamespace(cur);
  cur.expectSp();
  const otherUsers = takeNamespace(cur);
  cur.expectSp();
  const shared = takeNamespace(cur);
  return { type: 'untagged', kind: 'namespace', personal, otherUsers, shared };
}

/** Plugs NAMESPACE into the dispatch. */
export function registerNamespace(registerUntagged: RegisterUntagged): void {
  registerUntagged('NAMESPACE', takeNamespaceResponse);
}
