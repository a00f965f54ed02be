/**
 * Framing (RFC 9051 §2.2, §4.3; RFC 7888; RFC 3516): lines and literals across any chunking,
 * the places where `{n}` is text, zero-copy views, and bare LF as a named quirk.
 */
import { describe, expect, test } from 'vitest';
import { type FetchResponse, parseResponse, ResponseDecoder } from '../src/index.ts';
import { bytes, chunked, decodeAllWays, decodeChunks, latin1, one, splitAt } from './helpers/decode.ts';

function fetchOf(item: unknown): FetchResponse {
  expect(item).toMatchObject({ type: 'untagged', kind: 'fetch' });
  return item as FetchResponse;
}

describe('literals', () => {
  test('{n} synchronising literal', () => {
    const f = fetchOf(one('* 1 FETCH (BODY[] {5}\r\nhello UID 7)\r\n'));
    expect(f.attributes.sections?.[0]?.value).toEqual(bytes('hello'));
    expect(f.attributes.uid).toBe(7);
  });

  test('{0} empty literal, then the line goes on', () => {
    const f = fetchOf(one('* 1 FETCH (BODY[TEXT] {0}\r\n UID 3)\r\n'));
    expect(f.attributes.sections?.[0]?.value).toEqual(new Uint8Array(0));
    expect(f.attributes.uid).toBe(3);
  });

  test('~{n} literal8 with NUL and 8-bit bytes', () => {
    const f = fetchOf(one(latin1('* 2 FETCH (BINARY[1] ~{6}\r\n\x00\x01\r\n\xff\xfe)\r\n')));
    expect(f.attributes.sections?.[0]).toMatchObject({ kind: 'binary', section: '1', part: [1] });
    expect(f.attributes.sections?.[0]?.value).toEqual(new Uint8Array([0, 1, 13, 10, 255, 254]));
  });

  test('{n+} in a response is quirk nonSyncLiteralInResponse; strict refuses it', () => {
    const input = '* 1 FETCH (BODY[] {2+}\r\nhi)\r\n';
    expect(fetchOf(one(input)).attributes.sections?.[0]?.value).toEqual(bytes('hi'));
    const [e] = decodeAllWays(bytes(input), { strict: true });
    expect(e).toMatchObject({
      type: 'error',
      error: { code: 'STRICT', quirk: 'nonSyncLiteralInResponse', offset: 20 },
    });
  });

  test('a literal counts bytes, not characters', () => {
    const body = 'Grüße 🎉'; // 8 characters, 13 bytes
    const b = bytes(body);
    const f = fetchOf(
      one(new Uint8Array([...bytes(`* 1 FETCH (BODY[] {${b.length}}\r\n`), ...b, ...bytes(')\r\n')])),
    );
    expect(new TextDecoder().decode(f.attributes.sections?.[0]?.value ?? undefined)).toBe(body);
  });

  test('a literal whose bytes look like IMAP lines stays one value', () => {
    const inner = '* 5 EXISTS\r\nA1 OK done\r\n{3}\r\n';
    const f = fetchOf(one(`* 1 FETCH (BODY[] {${inner.length}}\r\n${inner} UID 9)\r\n`));
    expect(new TextDecoder().decode(f.attributes.sections?.[0]?.value ?? undefined)).toBe(inner);
  });

  test('several literals in one response, each in the right attribute', () => {
    const f = fetchOf(
      one('* 1 FETCH (BODY[HEADER] {3}\r\nabc BODY[TEXT] {2}\r\nde RFC822.TEXT {1}\r\nf)\r\n'),
    );
    expect(
      f.attributes.sections?.map((s) => [s.section, new TextDecoder().decode(s.value ?? undefined)]),
    ).toEqual([
      ['HEADER', 'abc'],
      ['TEXT', 'de'],
    ]);
    expect(f.attributes.rfc822Text).toEqual(bytes('f'));
  });
});

describe('{n} where the grammar says text', () => {
  test('* OK hello {5} ends in text', () => {
    const items = decodeAllWays(bytes('* OK hello {5}\r\n* 3 EXISTS\r\n'));
    expect(items).toEqual([
      { type: 'untagged', kind: 'ok', text: 'hello {5}' },
      { type: 'untagged', kind: 'exists', count: 3 },
    ]);
  });

  test('A1 NO [ALERT] quota {3} ends in text', () => {
    const items = decodeAllWays(bytes('A1 NO [ALERT] quota {3}\r\nA2 OK x\r\n'));
    expect(items[0]).toEqual({
      type: 'tagged',
      tag: 'A1',
      status: 'NO',
      code: { name: 'ALERT' },
      text: 'quota {3}',
    });
    expect(items[1]).toMatchObject({ type: 'tagged', tag: 'A2' });
  });

  test('continuation text ending in {n} is text', () => {
    expect(decodeAllWays(bytes('+ send {12}\r\n* 1 EXISTS\r\n'))).toEqual([
      { type: 'continuation', text: 'send {12}' },
      { type: 'untagged', kind: 'exists', count: 1 },
    ]);
  });

  test('inside an open response code a literal is a literal', () => {
    const items = decodeAllWays(
      bytes('* NO [BADCHARSET ({5}\r\nUTF-8 "x]")] no such charset {2}\r\n* 1 EXISTS\r\n'),
    );
    expect(items[0]).toEqual({
      type: 'untagged',
      kind: 'no',
      code: { name: 'BADCHARSET', charsets: ['UTF-8', 'x]'] },
      text: 'no such charset {2}',
    });
    expect(items[1]).toEqual({ type: 'untagged', kind: 'exists', count: 1 });
  });

  test('a closed code before the text: {n} is text', () => {
    expect(decodeAllWays(bytes('* OK [UIDNEXT 5] next {9}\r\n'))).toEqual([
      { type: 'untagged', kind: 'ok', code: { name: 'UIDNEXT', value: 5 }, text: 'next {9}' },
    ]);
  });
});

describe('chunking', () => {
  const stream = bytes(
    '* 3 EXISTS\r\n* 1 FETCH (UID 4 BODY[] {10}\r\n0123456789 FLAGS (\\Seen))\r\n+ go\r\nA1 OK [UIDNEXT 9] done\r\n',
  );

  const literalStart = new TextDecoder().decode(stream).indexOf('}\r\n0123') + 3;

  test('any split gives the same responses', () => {
    const items = decodeAllWays(stream);
    expect(items.map((i) => i.type)).toEqual(['untagged', 'untagged', 'continuation', 'tagged']);
  });

  test('a literal inside one chunk is a view of that chunk', () => {
    const chunk = stream.slice();
    const [, f] = new ResponseDecoder().push(chunk);
    const v = fetchOf(f).attributes.sections?.[0]?.value;
    expect(v?.buffer).toBe(chunk.buffer);
    expect(v?.byteOffset).toBe(literalStart);
  });

  test('a literal that straddles chunks is one exact-size copy', () => {
    const at = literalStart + 4;
    const chunks = splitAt(stream, at);
    const items = decodeChunks(chunks);
    const v = fetchOf(items[1]).attributes.sections?.[0]?.value;
    expect(v).toEqual(bytes('0123456789'));
    expect(v?.buffer.byteLength).toBe(10);
  });

  test('the responses come out as soon as their last byte arrives', () => {
    const dec = new ResponseDecoder();
    const firstEnd = stream.indexOf(0x0a) + 1;
    expect(dec.push(stream.slice(0, firstEnd - 1))).toEqual([]);
    expect(dec.pending).toBe(true);
    expect(dec.push(stream.slice(firstEnd - 1, firstEnd))).toEqual([
      { type: 'untagged', kind: 'exists', count: 3 },
    ]);
    expect(dec.pending).toBe(false);
  });

  test('a literal announcement split between chunks', () => {
    const b = bytes('* 1 FETCH (BODY[] {12345}\r\n');
    const body = new Uint8Array(12345).fill(0x61);
    const all = new Uint8Array([...b, ...body, ...bytes(')\r\n')]);
    for (const p of [18, 19, 20, 21, 22, 23, 24, 25, 26]) {
      const items = decodeChunks(splitAt(all, p));
      expect(fetchOf(items[0]).attributes.sections?.[0]?.value?.length).toBe(12345);
    }
    expect(decodeChunks(chunked(all, 1))).toHaveLength(1);
  });
});

describe('line ends', () => {
  test('bare LF is tolerated as quirk bareLf and counted', () => {
    const dec = new ResponseDecoder();
    expect(dec.push(bytes('* 2 EXISTS\n* 1 FETCH (BODY[] {2}\nab)\n'))).toHaveLength(2);
    expect(dec.quirks.get('bareLf')).toBe(2);
  });

  test('strict mode refuses bare LF with STRICT and goes on', () => {
    const items = decodeAllWays(bytes('* 2 EXISTS\n* 3 EXISTS\r\n'), { strict: true });
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'STRICT', quirk: 'bareLf', offset: 0 } });
    expect(items[1]).toEqual({ type: 'untagged', kind: 'exists', count: 3 });
  });

  test('8-bit bytes in text are decoded as UTF-8, invalid ones replaced', () => {
    expect(one(latin1('* OK Gr\xc3\xbc\xc3\x9fe \xff\r\n'))).toEqual({
      type: 'untagged',
      kind: 'ok',
      text: 'Grüße \ufffd',
    });
  });
});

describe('parseResponse', () => {
  test('one complete response', () => {
    expect(parseResponse(bytes('* 5 RECENT\r\n'))).toEqual({ type: 'untagged', kind: 'recent', count: 5 });
  });

  test('an incomplete one is TRUNCATED', () => {
    expect(() => parseResponse(bytes('* 5 REC'))).toThrow(
      expect.objectContaining({ code: 'TRUNCATED', offset: 0 }),
    );
  });

  test('two responses are refused', () => {
    expect(() => parseResponse(bytes('* 5 RECENT\r\n* 1 EXISTS\r\n'))).toThrow(
      expect.objectContaining({ code: 'SYNTAX', offset: 12 }),
    );
  });
});

describe('flag lists', () => {
  test('a SP before ")" (iCloud, swift-nio-imap #481) is quirk spaceBeforeParen; strict refuses it', () => {
    const input = '* 1 FETCH (UID 4 FLAGS (\\Seen ))\r\n* 2 EXISTS\r\n';
    const items = decodeAllWays(bytes(input));
    expect(items[0]).toMatchObject({ attributes: { uid: 4, flags: ['\\Seen'] } });
    const strict = decodeAllWays(bytes(input), { strict: true });
    expect(strict[0]).toMatchObject({
      type: 'error',
      error: { code: 'STRICT', quirk: 'spaceBeforeParen', offset: input.indexOf(' ))') },
    });
    expect(strict[1]).toEqual({ type: 'untagged', kind: 'exists', count: 2 });
  });
});

describe('one-line responses (the framer fast path) next to lines that need the general path', () => {
  // Whole CRLF lines not ending in "}" are delivered straight from the chunk; everything else
  // (a literal, `{n}` that is text, a bare LF, an empty line, a line over the limit) is not.
  const input = [
    '* 1 EXISTS\r\n',
    '* 2 FETCH (UID 7 FLAGS (\\Seen))\r\n',
    '* 3 FETCH (BODY[] {2}\r\nhi)\r\n',
    '* OK ends in text {5}\r\n',
    '* 4 EXISTS\n',
    '\r\n',
    `* OK ${'x'.repeat(64)}\r\n`,
    'A1 OK done\r\n',
  ].join('');

  test('every chunking gives the same items, and the fast path keeps offsets and errors', () => {
    const items = decodeAllWays(bytes(input), { maxLineLength: 40 });
    expect(
      items.map((i) => (i.type === 'untagged' ? i.kind : i.type === 'error' ? i.error.code : i.type)),
    ).toEqual(['exists', 'fetch', 'fetch', 'ok', 'exists', 'SYNTAX', 'LINE_TOO_LONG', 'tagged']);
    expect(items[3]).toMatchObject({ text: 'ends in text {5}' });
    expect(items[5]).toMatchObject({ error: { offset: input.indexOf('\n\r\n') + 1 } });
    expect(items[6]).toMatchObject({ error: { offset: input.indexOf('* OK xxx') + 40 } });
    expect(items[7]).toMatchObject({ type: 'tagged', tag: 'A1', status: 'OK' });
  });
});

describe('texts of responses that straddle chunks', () => {
  test('are the same whatever the chunking, across many shared text buffers', () => {
    // 400 responses of 300-3,300 bytes in 1460-byte chunks: most straddle a boundary, and
    // their texts fill the 64 KiB shared buffers (src/lexer/alloc.ts textToFill) many times.
    const lines: string[] = [];
    for (let i = 1; i <= 400; i++) {
      lines.push(
        `* ${i} FETCH (UID ${i} PREVIEW "${String.fromCharCode(97 + (i % 26)).repeat(300 + ((i * 997) % 3000))}")\r\n`,
      );
    }
    const input = bytes(lines.join(''));
    const whole = decodeChunks([input]);
    const chunkedItems = decodeChunks(chunked(input, 1460));
    expect(chunkedItems).toHaveLength(400);
    expect(chunkedItems).toEqual(whole);
    const previews = chunkedItems.map((r) => fetchOf(r).attributes.preview?.length);
    expect(previews[9]).toBe(300 + ((10 * 997) % 3000));
  });

  test('views into a shared text buffer keep their bytes after later responses', () => {
    // Unknown responses keep their raw bytes as a view of the frame's text: read them only
    // after every response has been decoded, so that an overlap between texts would show.
    const lines: string[] = [];
    for (let i = 1; i <= 200; i++)
      lines.push(`* XNEWS ${String(i).padStart(4, '0')}${'z'.repeat(200 + ((i * 613) % 1500))}\r\n`);
    const items = decodeChunks(chunked(bytes(lines.join('')), 1460));
    expect(items).toHaveLength(200);
    items.forEach((item, k) => {
      expect(item).toMatchObject({ type: 'untagged', kind: 'unknown', name: 'XNEWS' });
      const raw = new TextDecoder().decode((item as { raw: Uint8Array }).raw);
      expect(raw).toBe(lines[k]!.slice('* XNEWS '.length, -2));
    });
  });
});
