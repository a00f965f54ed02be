/**
 * Issue #23, condition (a): the grammar of ENVELOPE and BODYSTRUCTURE is checked when the response
 * is decoded. A malformed one inside a long FETCH is an error item then (under every chunking:
 * whole, one byte per push, split anywhere), the responses around it are whole, and nothing is
 * left to throw when a field of a good response is read later.
 */
import { describe, expect, test } from 'vitest';
import { asJson, bytes, decodeAllWays } from './helpers/decode.ts';
import { canonical } from './helpers/tree-golden.ts';

const ADDR = '("Carol Danvers" NIL "carol" "example.org")';
const GOOD_ENV = `("Sun, 05 Dec 2020 01:19:37 +0000" "Quarterly report" (${ADDR}) (${ADDR}) (${ADDR}) ((NIL NIL "team" NIL)${ADDR}(NIL NIL NIL NIL)) NIL NIL NIL "<a@b>")`;
const GOOD_BODY =
  '(("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 120 3 NIL NIL NIL NIL)("application" "pdf" ("name" {9}\r\nreport.pd) NIL NIL "base64" 4096 NIL ("attachment" ("filename*0*" "utf-8\'\'r%C3%A9" "filename*1*" "port.pdf")) NIL NIL) "mixed" ("boundary" "b1") NIL NIL NIL)';

/** A long FETCH: flags, dates, labels and a 2 KB literal around the envelope and the body. */
function fetch(seq: number, env: string, body: string): string {
  const filler = 'x'.repeat(2000);
  return `* ${seq} FETCH (UID ${seq + 100} FLAGS (\\Seen $Label1 $Label2) RFC822.SIZE 88123 INTERNALDATE "21-Jul-2023 14:14:03 +0000" BODY[HEADER.FIELDS (X-SPAM)] {${filler.length}}\r\n${filler} ENVELOPE ${env} BODYSTRUCTURE ${body} MODSEQ (12345))\r\n`;
}

const MALFORMED_ENVELOPES: [string, string][] = [
  ['a number for the subject', GOOD_ENV.replace('"Quarterly report"', '42')],
  ['an address of three fields', GOOD_ENV.replace(`((NIL NIL "team" NIL)`, '((NIL "team" NIL)')],
  ['an unclosed address list', GOOD_ENV.replace(` NIL NIL NIL "<a@b>")`, ` NIL NIL NIL "<a@b>"`)],
  ['an atom for the date', GOOD_ENV.replace('"Sun, 05 Dec 2020 01:19:37 +0000"', 'Sunday')],
  ['two SP between fields', GOOD_ENV.replace('+0000" "Quarterly', '+0000"  "Quarterly')],
  [
    'a string where a list goes',
    GOOD_ENV.replace(`(${ADDR}) (${ADDR}) (${ADDR})`, `"from" (${ADDR}) (${ADDR})`),
  ],
];

const MALFORMED_BODIES: [string, string][] = [
  ['a non-number size', GOOD_BODY.replace('"7bit" 120', '"7bit" many')],
  ['a missing subtype', GOOD_BODY.replace(' "mixed" (', ' (')],
  ['an odd parameter list', GOOD_BODY.replace('("charset" "utf-8")', '("charset")')],
  ['a disposition without a list', GOOD_BODY.replace('("attachment" (', '("attachment" "x" (')],
];

describe.each([
  ...MALFORMED_ENVELOPES.map(([what, env]) => ({ what: `ENVELOPE with ${what}`, env, body: GOOD_BODY })),
  ...MALFORMED_BODIES.map(([what, body]) => ({ what: `BODYSTRUCTURE with ${what}`, env: GOOD_ENV, body })),
])('$what', ({ env, body }) => {
  test('is an error item at decode time, whatever the chunking; the responses around it are whole', () => {
    const wire = bytes(
      `${fetch(1, GOOD_ENV, GOOD_BODY)}${fetch(2, env, body)}${fetch(3, GOOD_ENV, GOOD_BODY)}A1 OK done\r\n`,
    );
    const items = decodeAllWays(wire, {}, 96);
    expect(
      items.map((i) => (i.type === 'error' ? 'error' : i.type === 'untagged' ? i.kind : i.type)),
    ).toEqual(['fetch', 'error', 'fetch', 'tagged']);
    const [err] = asJson([items[1]!]) as { code: string; offset: number }[];
    expect(err!.code).toBe('SYNTAX');
    // The error points inside the second response, at or after its ENVELOPE.
    const second = wire.indexOf(0x2a, 10);
    expect(err!.offset).toBeGreaterThan(second);
    // The good responses read whole, every field, without a throw.
    for (const i of [items[0]!, items[2]!]) {
      expect(() => canonical(i)).not.toThrow();
      if (i.type === 'untagged' && i.kind === 'fetch') {
        expect(i.attributes.envelope?.from?.[0]).toMatchObject({ mailbox: 'carol' });
        expect(i.attributes.bodyStructure?.type).toBe('multipart');
      }
    }
  });
});
