/**
 * REFERRAL: RFC 2221 (LOGIN-REFERRALS) and RFC 2193 (MAILBOX-REFERRALS).
 *
 * ```abnf
 * resp-text-code =/ "REFERRAL" 1*(SP url)      ; url = an IMAP URL (RFC 5092)
 * ```
 * A URL runs to the next SP or to the "]" closing the code; brackets inside it are balanced,
 * so `imap://[2001:db8::1]/INBOX` stays whole.
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { textString } from '../../lexer/strings.ts';
import type { ReferralCode } from '../../model/resp-code.ts';
import { registerResponseCode } from '../resp-code.ts';

function takeUrl(cur: Cursor): string {
  const buf = cur.buf;
  const start = cur.pos;
  let i = start;
  let brackets = 0;
  while (i < cur.end) {
    const c = buf[i]!;
    if (c === Ch.Space || c === Ch.Cr || c === Ch.Lf) break;
    if (c === Ch.LBracket) brackets++;
    else if (c === Ch.RBracket) {
      if (brackets === 0) break;
      brackets--;
    }
    i++;
  }
  if (i === start) cur.fail('an IMAP URL');
  cur.pos = i;
  return textString(buf, start, i);
}

function takeReferral(cur: Cursor): ReferralCode {
  const urls: string[] = [];
  cur.expectSp();
  do urls.push(takeUrl(cur));
  while (cur.skipIf(Ch.Space));
  return { name: 'REFERRAL', urls };
}

/** Plugs the REFERRAL code into the dispatch. */
export function registerReferral(): void {
  registerResponseCode('REFERRAL', takeReferral);
}
