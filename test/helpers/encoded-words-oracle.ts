/**
 * The RFC 2047 decoder as it was written first, on strings (commit 87a70ea): slow and plain, kept
 * as the oracle the byte-level decoder in src/mime/encoded-words.ts is checked against.
 * Differences on purpose: `=XY` needs two hex digits (here `parseInt` takes `=4g` as 4), and a
 * charset with control characters is no charset, and encoded-text is printable ASCII only
 * (RFC 2047 §2; the first version let tabs and 8-bit bytes through).
 */
import { decodeCharset } from '../../src/mime/charset.ts';
import { decodeBase64 } from '../../src/parser/base64.ts';

interface Word {
  start: number;
  end: number;
  charset: string;
  encoding: 'b' | 'q';
  text: string;
}

/** Finds the encoded word starting at `i` (at "=?"), or undefined. */
function wordAt(s: string, i: number): Word | undefined {
  const q1 = s.indexOf('?', i + 2);
  if (q1 < 0) return undefined;
  const q2 = q1 + 2;
  if (s[q2] !== '?') return undefined;
  const enc = s[q1 + 1]?.toLowerCase();
  if (enc !== 'b' && enc !== 'q') return undefined;
  const close = s.indexOf('?=', q2 + 1);
  if (close < 0) return undefined;
  const text = s.slice(q2 + 1, close);
  if (/[^\x21-\x3e\x40-\x7e]/.test(text)) return undefined;
  let charset = s.slice(i + 2, q1);
  const star = charset.indexOf('*');
  if (star >= 0) charset = charset.slice(0, star);
  if (charset === '' || /[\s"(),/:;<=>@[\\\]]/.test(charset)) return undefined;
  return { start: i, end: close + 2, charset: charset.toLowerCase(), encoding: enc, text };
}

function wordBytes(w: Word): Uint8Array | undefined {
  if (w.encoding === 'b') {
    const t = w.text;
    const bytes = new Uint8Array(t.length);
    for (let k = 0; k < t.length; k++) bytes[k] = t.charCodeAt(k);
    // Unpadded base64 is common; pad it.
    const padded =
      bytes.length % 4 === 0
        ? bytes
        : new Uint8Array([
            ...bytes,
            ...'==='
              .slice(0, 4 - (bytes.length % 4))
              .split('')
              .map(() => 0x3d),
          ]);
    return decodeBase64(padded, 0, padded.length);
  }
  const out: number[] = [];
  const t = w.text;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x5f) out.push(0x20);
    else if (c === 0x3d) {
      const h = Number.parseInt(t.slice(k + 1, k + 3), 16);
      if (Number.isNaN(h) || k + 2 >= t.length) return undefined;
      out.push(h);
      k += 2;
    } else out.push(c & 0xff);
  }
  return new Uint8Array(out);
}

/** The string-based RFC 2047 decoder imap-wire had before the byte decoder (the oracle). */
export function decodeEncodedWordsOracle(s: string): string {
  if (!s.includes('=?')) return s;
  let out = '';
  let i = 0;
  let pendingWs = '';
  // Bytes of a run of adjacent words in one charset, decoded when the run ends.
  let runBytes: number[] = [];
  let runCharset = '';
  let runText = '';
  const flush = (): void => {
    if (runText === '') return;
    const decoded = decodeCharset(new Uint8Array(runBytes), runCharset);
    out += decoded ?? runText;
    runBytes = [];
    runText = '';
    runCharset = '';
  };
  while (i < s.length) {
    const at = s.indexOf('=?', i);
    if (at < 0) break;
    const w = wordAt(s, at);
    if (w === undefined) {
      flush();
      out += pendingWs + s.slice(i, at + 2);
      pendingWs = '';
      i = at + 2;
      continue;
    }
    const between = s.slice(i, at);
    const adjacent = runText !== '' && /^[ \t\r\n]*$/.test(between);
    const bytes = wordBytes(w);
    if (bytes === undefined) {
      flush();
      out += pendingWs + between + s.slice(w.start, w.end);
      pendingWs = '';
      i = w.end;
      continue;
    }
    if (!adjacent || w.charset !== runCharset) {
      flush();
      if (!adjacent) out += between;
    }
    runCharset = w.charset;
    for (const b of bytes) runBytes.push(b);
    runText += s.slice(w.start, w.end);
    i = w.end;
  }
  flush();
  return out + s.slice(i);
}
