/**
 * Header text (ENVELOPE subjects and names, BODYSTRUCTURE descriptions and parameter values)
 * from the bytes of one `nstring`: raw 8-bit decoded (UTF-8 when valid, RFC 6532; else
 * windows-1252), then RFC 2047 encoded words — in one scan of the bytes, and without a string
 * for the raw form unless the caller keeps it.
 */
import { fnv1a, type StringCache } from '../lexer/string-cache.ts';
import { asciiString } from '../lexer/strings.ts';
import { utf8Strict } from '../lexer/utf8.ts';
import { cp1252String } from './charset.ts';
import { Between, decodeEncodedWordsRange, hasEncodedWord } from './encoded-words.ts';

let changed = false;

/**
 * True when the last {@link headerText} differs from its bytes read as ASCII (8-bit bytes, or
 * an encoded word decoded): then the model keeps the raw bytes beside the value.
 */
export function headerTextChanged(): boolean {
  return changed;
}

/**
 * `buf[start, end)` as header text. With a `cache`, values seen before (display names, hosts,
 * parameter values repeat across a folder) come from it, bytes as the key.
 */
export function headerText(buf: Uint8Array, start: number, end: number, cache: StringCache | null): string {
  let bits = 0;
  let eq = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    bits |= c;
    if (c === 0x3d) eq = true;
  }
  return headerTextScanned(buf, start, end, bits, eq, cache === null ? 0 : fnv1a(buf, start, end), cache);
}

/**
 * {@link headerText} with the facts of the bytes already gathered while the cursor scanned
 * them (`Cursor.takeNStringScanned`): the OR of the bytes, whether "=" occurs, their hash.
 */
export function headerTextScanned(
  buf: Uint8Array,
  start: number,
  end: number,
  bits: number,
  eq: boolean,
  hash: number,
  cache: StringCache | null,
): string {
  const high = bits >= 0x80;
  const words = eq && hasEncodedWord(buf, start, end);
  if (!high && !words) {
    changed = false;
    if (cache === null) return asciiString(buf, start, end);
    return (
      cache.lookupHashed(buf, start, end, hash) ?? cache.store(buf, start, end, asciiString(buf, start, end))
    );
  }
  let value = cache?.lookupHashed(buf, start, end, hash);
  if (value === undefined) {
    value = decode(buf, start, end, high, words);
    if (cache !== null) cache.store(buf, start, end, value);
  }
  changed = high || !sameAsAscii(value, buf, start, end);
  return value;
}

function decode(buf: Uint8Array, start: number, end: number, high: boolean, words: boolean): string {
  if (!high) return decodeEncodedWordsRange(buf, start, end, Between.Ascii);
  const utf8 = utf8Strict(buf, start, end);
  if (!words) return utf8 ?? cp1252String(buf, start, end);
  return decodeEncodedWordsRange(buf, start, end, utf8 === undefined ? Between.Cp1252 : Between.Utf8);
}

function sameAsAscii(value: string, buf: Uint8Array, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}
