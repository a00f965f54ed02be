/**
 * The short-response fast paths of the parser (status texts from a cache, STATUS items matched
 * in place, mailbox names remembered from the LIST before, sections remembered from the FETCH
 * before, views made without `subarray`): each gives what the general path gives.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type DecodeItem, parseResponse, ResponseDecoder } from '../src/index.ts';
import { registerResponseCode } from '../src/parser/resp-code.ts';

const enc = new TextEncoder();

function decodeAll(text: string, options: { asBuffer?: boolean; strict?: boolean } = {}): DecodeItem[] {
  const asBuffer = options.asBuffer === true;
  const dec = new ResponseDecoder({ strict: options.strict === true });
  const bytes = enc.encode(text);
  return [...dec.push(asBuffer ? Buffer.from(bytes) : bytes), ...dec.end()];
}

function one(line: string): Record<string, unknown> {
  return parseResponse(enc.encode(`${line}\r\n`)) as unknown as Record<string, unknown>;
}

describe('status texts', () => {
  test('a repeated text is the same string, key order text then code', () => {
    const items = decodeAll('A1 OK [READ-WRITE] Done.\r\nA2 OK [READ-WRITE] Done.\r\n* OK Done.\r\n');
    expect(items.map((i) => JSON.stringify(i))).toEqual([
      '{"type":"tagged","tag":"A1","status":"OK","text":"Done.","code":{"name":"READ-WRITE"}}',
      '{"type":"tagged","tag":"A2","status":"OK","text":"Done.","code":{"name":"READ-WRITE"}}',
      '{"type":"untagged","kind":"ok","text":"Done."}',
    ]);
  });

  test('a cached text followed by a NUL or a bare CR is still an error (strict mode)', () => {
    const items = decodeAll('A1 OK hello\r\nA2 OK hello\0\r\nA3 OK hello\rx\r\nA4 OK hello\r\n', {
      strict: true,
    });
    expect(items.map((i) => (i.type === 'error' ? i.error.expected : i.type))).toEqual([
      'tagged',
      'TEXT-CHAR (no NUL)',
      'CRLF',
      'tagged',
    ]);
  });

  test('8-bit text is UTF-8 and is not confused with a cached ASCII text', () => {
    expect(one('A1 NO Zürich').text).toBe('Zürich');
    expect(one('A1 NO Z\u00fcrich').text).toBe('Zürich');
  });

  fcTest.prop([fc.array(fc.stringMatching(/^[ -~]{0,70}$/), { minLength: 1, maxLength: 30 })])(
    'any run of texts reads back as sent',
    (texts) => {
      const lines = texts.map((t, k) => `T${k} BAD x${t}`);
      const items = decodeAll(lines.map((l) => `${l}\r\n`).join(''));
      expect(items.map((i) => (i.type === 'tagged' ? i.text : i.type))).toEqual(texts.map((t) => `x${t}`));
    },
  );

  test('status words in any case, tags of any length', () => {
    for (const [line, tag, status] of [
      ['a ok x', 'a', 'OK'],
      ['ABCDEFGH No x', 'ABCDEFGH', 'NO'],
      ['ABCDEFGHIJK bAd x', 'ABCDEFGHIJK', 'BAD'],
    ] as const) {
      const r = one(line);
      expect([r.tag, r.status]).toEqual([tag, status]);
    }
    expect(() => one('A1 OKAY x')).toThrow(/OK, NO or BAD/);
    expect(() => one('A1 BA x')).toThrow(/OK, NO or BAD/);
  });
});

describe('STATUS items', () => {
  test('names in any case; DELETED is not the start of DELETED-STORAGE; others kept raw', () => {
    const r = one(
      '* STATUS INBOX (messages 1 UidNext 2 DELETED 3 DELETED-STORAGE 4 DELETEDX 5 highestmodseq 0 size 9007199254740991)',
    );
    expect(r.attributes).toMatchObject({
      messages: 1,
      uidNext: 2,
      deleted: 3,
      deletedStorage: 4,
      highestModseq: 0n,
      size: 9007199254740991,
    });
    expect((r.attributes as { unknown: { name: string }[] }).unknown.map((u) => u.name)).toEqual([
      'DELETEDX',
    ]);
  });

  test('numbers out of range or malformed fail as before', () => {
    expect(() => one('* STATUS INBOX (MESSAGES 4294967296)')).toThrow(/32-bit/);
    expect(() => one('* STATUS INBOX (MESSAGES 99999999999)')).toThrow(/32-bit/);
    expect(() => one('* STATUS INBOX (UIDNEXT 0)')).toThrow(/nz-number/);
    expect(() => one('* STATUS INBOX (UIDNEXT 012)')).toThrow(/nz-number/);
    expect(() => one('* STATUS INBOX (SIZE 9007199254740992)')).toThrow(/2\^53/);
    expect(one('* STATUS INBOX (MESSAGES 0004294967)').attributes).toEqual({ messages: 4294967 });
    expect(one('* STATUS INBOX (HIGHESTMODSEQ 9223372036854775807)').attributes).toEqual({
      highestModseq: 9223372036854775807n,
    });
  });
});

describe('mailbox names and views', () => {
  test('the STATUS after its LIST names the same mailbox; raw bytes are views of each line', () => {
    const items = decodeAll(
      '* LIST (\\HasNoChildren) "/" Re&AOc-us\r\n* STATUS Re&AOc-us (MESSAGES 1)\r\n* STATUS "Re&AOc-us" (MESSAGES 2)\r\n',
    ) as unknown as { mailbox: string; mailboxRaw: Uint8Array }[];
    expect(items.map((i) => i.mailbox)).toEqual(['Reçus', 'Reçus', 'Reçus']);
    const [a, b] = items;
    expect(a!.mailboxRaw).not.toBe(b!.mailboxRaw);
    expect(b!.mailboxRaw.byteOffset).toBeGreaterThan(a!.mailboxRaw.byteOffset);
  });

  test('a Buffer chunk gives Buffer views, a Uint8Array chunk plain Uint8Array views', () => {
    const text = '* LIST () "/" "a b"\r\n* STATUS INBOX ()\r\n';
    for (const asBuffer of [false, true]) {
      const items = decodeAll(text, { asBuffer }) as unknown as { mailboxRaw: Uint8Array }[];
      for (const i of items) {
        expect(Buffer.isBuffer(i.mailboxRaw)).toBe(asBuffer);
        expect(i.mailboxRaw.buffer.byteLength).toBeGreaterThan(i.mailboxRaw.length);
      }
    }
  });

  test('known attributes as sent, special use case-insensitively', () => {
    const r = one('* LIST (\\hasnochildren \\Sent \\sent \\Important \\X) "/" x');
    expect(r.flags).toEqual(['\\hasnochildren', '\\Sent', '\\sent', '\\Important', '\\X']);
    expect(r.specialUse).toEqual(['\\Sent', '\\Sent', '\\Important']);
  });
});

describe('sections', () => {
  test('a repeated section gives equal values, never shared arrays', () => {
    const line = (n: number) => `* ${n} FETCH (BODY[HEADER.FIELDS (FROM TO)] {2}\r\nab)\r\n`;
    const items = decodeAll(line(1) + line(2)) as unknown as {
      attributes: { sections: { section: string; part: number[]; fields: string[] }[] };
    }[];
    const [a, b] = items.map((i) => i.attributes.sections[0]!);
    expect(b).toEqual(a);
    expect(b!.section).toBe('HEADER.FIELDS (FROM TO)');
    expect(b!.fields).not.toBe(a!.fields);
    expect(b!.part).not.toBe(a!.part);
  });

  test('the quirk of a zero part is counted every time, and the depth limit holds', () => {
    const dec = new ResponseDecoder();
    dec.push(enc.encode('* 1 FETCH (BODY[1.0] {0}\r\n)\r\n* 2 FETCH (BODY[1.0] {0}\r\n)\r\n'));
    expect(dec.quirks.get('zeroSectionPart')).toBe(2);
    decodeAll('* 1 FETCH (BODY[HEADER.FIELDS (A)] "x")\r\n');
    const shallow = new ResponseDecoder({ maxDepth: 1 });
    const out = shallow.push(enc.encode('* 1 FETCH (BODY[HEADER.FIELDS (A)] "x")\r\n'));
    expect(out[0]!.type === 'error' && out[0]!.error.code).toBe('DEPTH_EXCEEDED');
  });
});

describe('response codes', () => {
  test('a parser gets the code name upper-cased, however it was sent', () => {
    const seen: string[] = [];
    registerResponseCode('X-FAST-PATH', (_cur, name) => {
      seen.push(name);
      return { name: 'ALERT' };
    });
    one('* OK [X-FAST-PATH] a');
    one('* OK [x-fast-path] a');
    expect(seen).toEqual(['X-FAST-PATH', 'X-FAST-PATH']);
  });
});
