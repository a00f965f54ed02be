/**
 * The edges of modified UTF-7 decoding (src/parser/mutf7.ts, RFC 3501 §5.1.3) that
 * test/ext/mutf7.test.ts leaves between its cases: the first and last code unit of each range
 * the decoder tells apart (printable ASCII, high and low surrogates), the printable bytes that
 * stand for themselves, and a name read from the middle of a buffer.
 */
import { expect, test } from 'vitest';
import { decodeMutf7 } from '../../src/parser/mutf7.ts';
import { latin1 } from '../helpers/decode.ts';

function mutf7(s: string): string | undefined {
  const b = latin1(s);
  return decodeMutf7(b, 0, b.length);
}

test.each([
  ['&AB8-', '\u001f'], // below printable ASCII: encoded
  ['&AH8-', '\u007f'], // DEL: encoded
  ['&1,8-', '\ud7ff'], // below the high surrogates
  ['&4AA-', '\ue000'], // above the low surrogates
  ['&2D3eAA-', '😀'], // D83D DE00
  ['&2ADcAA-', '\u{10000}'], // D800 DC00: the first pair
  ['&2,,f,w-', '\u{10ffff}'], // DBFF DFFF
  ['&AOc-&-', 'ç&'], // a shift, then "&-" (not a second shift)
  [' ~', ' ~'], // 0x20 and 0x7E stand for themselves
])('%s decodes', (wire, name) => {
  expect(mutf7(wire)).toBe(name);
});

test.each([
  ['&ACA-', 'SP in base64'],
  ['&AH4-', '"~" in base64'],
  ['&3AA-', 'a lone DC00'],
  ['&3,8-', 'a lone DFFF'],
  ['&2,8-', 'a lone DBFF'],
  ['&2D0A6Q-', 'D83D then 00E9: a high surrogate without its low one'],
  ['&2D3gAA-', 'D83D then E000: just above the low surrogates'],
  ['&A-', 'a run of 6 bits: no code unit'],
  ['&AOc', 'a run without its "-"'],
  ['&AO.c-', 'a byte outside the alphabet'],
  ['\x7f', 'DEL as a byte'],
  ['\x1f', 'a control byte'],
])('%s is not modified UTF-7 (%s)', (wire) => {
  expect(mutf7(wire)).toBeUndefined();
});

test('a name in the middle of a buffer; longer than the reused unit buffer', () => {
  const b = latin1('xx&AOc-yy');
  expect(decodeMutf7(b, 2, 7)).toBe('ç');
  expect(decodeMutf7(b, 2, 6)).toBeUndefined();
  expect(decodeMutf7(latin1('a&-'), 0, 2)).toBeUndefined();
  const long = `${'a'.repeat(300)}&ZeVnLIqe-`;
  expect(mutf7(long)).toBe(`${'a'.repeat(300)}日本語`);
});
