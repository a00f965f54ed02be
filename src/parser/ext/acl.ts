/**
 * ACL: RFC 4314 (ACL, LISTRIGHTS, MYRIGHTS responses).
 *
 * ```abnf
 * acl-data        = "ACL" SP mailbox *(SP identifier SP rights)
 * listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)
 * myrights-data   = "MYRIGHTS" SP mailbox SP rights
 * identifier      = astring
 * rights          = astring     ; only lowercase ASCII letters and digits are allowed
 * ```
 * Rights are kept as sent (Dovecot's LISTRIGHTS starts with `""`: nothing always granted).
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { atomString, textString } from '../../lexer/strings.ts';
import type { AclEntry, AclResponse, ListRightsResponse, MyRightsResponse } from '../../model/acl.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { mailboxName } from '../mailbox.ts';

function takeIdentifier(cur: Cursor): string {
  const v = cur.takeAString();
  return textString(v, 0, v.length);
}

/** `rights`: short and repeated, so from the atom cache. */
function takeRights(cur: Cursor): string {
  const v = cur.takeAString();
  return atomString(v, 0, v.length);
}

/** Reads the data after `* ACL`. */
export function takeAcl(cur: Cursor): AclResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  const entries: AclEntry[] = [];
  while (cur.skipIf(Ch.Space)) {
    const identifier = takeIdentifier(cur);
    cur.expectSp();
    entries.push({ identifier, rights: takeRights(cur) });
  }
  return { type: 'untagged', kind: 'acl', mailbox: mailboxName(mailboxRaw), mailboxRaw, entries };
}

/** Reads the data after `* LISTRIGHTS`. */
export function takeListRights(cur: Cursor): ListRightsResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  cur.expectSp();
  const identifier = takeIdentifier(cur);
  cur.expectSp();
  const required = takeRights(cur);
  const optional: string[] = [];
  while (cur.skipIf(Ch.Space)) optional.push(takeRights(cur));
  return {
    type: 'untagged',
    kind: 'listrights',
    mailbox: mailboxName(mailboxRaw),
    mailboxRaw,
    identifier,
    required,
    optional,
  };
}

/** Reads the data after `* MYRIGHTS`. */
export function takeMyRights(cur: Cursor): MyRightsResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  cur.expectSp();
  return {
    type: 'untagged',
    kind: 'myrights',
    mailbox: mailboxName(mailboxRaw),
    mailboxRaw,
    rights: takeRights(cur),
  };
}

/** Plugs ACL, LISTRIGHTS and MYRIGHTS into the dispatch. */
export function registerAcl(registerUntagged: RegisterUntagged): void {
  registerUntagged('ACL', takeAcl);
  registerUntagged('LISTRIGHTS', takeListRights);
  registerUntagged('MYRIGHTS', takeMyRights);
}
