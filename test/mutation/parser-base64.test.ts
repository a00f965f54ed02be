/**
 * Known answers for `decodeBase64` (src/parser/base64.ts): RFC 9051 §9 `base64` (groups of 4,
 * an optional `base64-terminal` with one or two "="), the RFC 4648 §10 test vectors, and the
 * shapes that are not base64 by that grammar.
 */
import { expect, test } from 'vitest';
import { decodeBase64 } from '../../src/parser/base64.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

function decoded(s: string): string | undefined {
  const out = decodeBase64(ascii(s), 0, s.length);
  return out === undefined ? undefined : String.fromCharCode(...out);
}

test.each([
  ['', ''],
  ['Zg==', 'f'],
  ['Zm8=', 'fo'],
  ['Zm9v', 'foo'],
  ['Zm9vYg==', 'foob'],
  ['Zm9vYmE=', 'fooba'],
  ['Zm9vYmFy', 'foobar'],
  ['+/+/', '\xfb\xff\xbf'],
  ['AAAA', '\0\0\0'],
])('RFC 4648 §10: %s → %s', (b64, text) => {
  expect(decoded(b64)).toBe(text);
});

test.each([
  ['Zg=', 'not a multiple of 4'],
  ['Zm9vY', 'not a multiple of 4'],
  ['Zm!v', 'a byte outside the alphabet'],
  ['Zm9-', 'the URL-safe alphabet'],
  ['Zg==Zg==', '"=" before the last group'],
  ['Z===', 'three "="'],
  ['====', 'only padding'],
  ['Zm=v', '"=" inside the last group'],
])('%s is not base64 (%s)', (b64) => {
  expect(decoded(b64)).toBeUndefined();
});

test('a range of a larger buffer', () => {
  const b = ascii('x Zm9vYg== y');
  expect(String.fromCharCode(...decodeBase64(b, 2, 10)!)).toBe('foob');
  expect(String.fromCharCode(...decodeBase64(b, 2, 6)!)).toBe('foo');
  expect(decodeBase64(b, 2, 2)).toEqual(new Uint8Array(0));
  // An empty range right after "=": the "=" is not part of it.
  const eq = ascii('Zg==');
  expect(decodeBase64(eq, 4, 4)).toEqual(new Uint8Array(0));
});
