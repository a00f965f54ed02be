/**
 * PREVIEW and SNIPPET (src/parser/ext/preview.ts): RFC 8970 examples, Dovecot 2.3.19 answers
 * (captured on 127.0.0.1 with the project's corpus: `FETCH 1:2 (PREVIEW)`, `FETCH 1:2 (SNIPPET)`,
 * `FETCH 3 (SNIPPET (LAZY=FUZZY))`), the draft PREVIEW form, refusals.
 */
import { describe, test } from 'vitest';
import type { FetchAttributes, FetchResponse } from '../../src/index.ts';
import { latin1 } from '../helpers/decode.ts';
import { bytes, expectDecoded, expectOne, expectQuirk, expectRefused } from '../helpers/ext.ts';

function fetch(seq: number, attributes: FetchAttributes): FetchResponse {
  return { type: 'untagged', kind: 'fetch', seq, attributes };
}

/** `{n}\r\n` and the UTF-8 bytes of `s`. */
function literal(s: string): string {
  return `{${bytes(s).length}}\r\n${s}`;
}

const HI =
  'Hi Alice, are you free for lunch on Thursday? The new place on Main Street opened last week and I heard good things. Cheers, Bob';
// 215 octets: Dovecot cuts the preview at a byte count, here inside "Zeilenlänge".
const HALLO =
  'Hallo Alice, hier sind die Zahlen für das Treffen: Umsatz 12.345 €, Marge 17 %. Grüße aus Köln — und danke für die schnelle Antwort! 🎉 Ein sehr langer Satz, der absichtlich über die übliche Zeilenläng';

describe('known answers', () => {
  test('RFC 8970 §4 example: PREVIEW quoted and NIL', () => {
    expectDecoded(
      '* 1 FETCH (UID 6 PREVIEW "Preview text")\r\n* 2 FETCH (UID 7 PREVIEW NIL)\r\n* 3 FETCH (PREVIEW "")\r\n',
      [
        fetch(1, { uid: 6, preview: bytes('Preview text') }),
        fetch(2, { uid: 7, preview: null }),
        fetch(3, { preview: bytes('') }),
      ],
    );
  });

  test('Dovecot 2.3.19 FETCH (PREVIEW): quoted, and a literal when the text is 8-bit', () => {
    expectDecoded(`* 1 FETCH (PREVIEW "${HI}")\r\n* 2 FETCH (PREVIEW ${literal(HALLO)})\r\n`, [
      fetch(1, { preview: bytes(HI) }),
      fetch(2, { preview: bytes(HALLO) }),
    ]);
  });

  test('Dovecot 2.3.19 FETCH (SNIPPET): the draft SNIPPET=FUZZY form, quoted, literal and NIL', () => {
    expectDecoded(
      `* 1 FETCH (SNIPPET (FUZZY "${HI}"))\r\n* 2 FETCH (SNIPPET (FUZZY ${literal(HALLO)}))\r\n` +
        '* 3 FETCH (SNIPPET (FUZZY NIL))\r\n',
      [
        fetch(1, { preview: bytes(HI), previewAlgorithm: 'FUZZY' }),
        fetch(2, { preview: bytes(HALLO), previewAlgorithm: 'FUZZY' }),
        fetch(3, { preview: null, previewAlgorithm: 'FUZZY' }),
      ],
    );
  });

  test('8-bit bytes that are not UTF-8 stay exactly as sent', () => {
    expectOne(latin1('* 4 FETCH (PREVIEW {3}\r\n\xe9t\xe9)\r\n'), fetch(4, { preview: latin1('\xe9t\xe9') }));
  });

  test('escapes in a quoted preview', () => {
    expectOne('* 5 FETCH (PREVIEW "say \\"hi\\" \\\\o/")\r\n', fetch(5, { preview: bytes('say "hi" \\o/') }));
  });

  test('beside other attributes, before and after', () => {
    expectOne(
      '* 13 FETCH (UID 88 PREVIEW "Hi Bob" FLAGS (\\Seen))\r\n',
      fetch(13, { uid: 88, preview: bytes('Hi Bob'), flags: ['\\Seen'] }),
    );
  });
});

describe('quirks', () => {
  test('draftPreview: PREVIEW (FUZZY "…") from Dovecot releases with only PREVIEW=FUZZY', () => {
    expectQuirk(
      '* 1 FETCH (PREVIEW (FUZZY "Hi Bob"))\r\n',
      fetch(1, { previewAlgorithm: 'FUZZY', preview: bytes('Hi Bob') }),
      'draftPreview',
      19,
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('PREVIEW with an atom', () => {
    expectRefused('* 1 FETCH (PREVIEW hello)\r\n', 'SYNTAX', 19);
  });
  test('SNIPPET without the algorithm list', () => {
    expectRefused('* 1 FETCH (SNIPPET "x")\r\n', 'SYNTAX', 19);
  });
  test('SNIPPET with the algorithm but no text', () => {
    expectRefused('* 1 FETCH (SNIPPET (FUZZY))\r\n', 'SYNTAX', 25);
  });
  test('an unterminated quoted preview', () => {
    expectRefused('* 1 FETCH (PREVIEW "abc)\r\n', 'SYNTAX', 24);
  });
});
