/**
 * Known answers for the lexer's lookup structures: `KeywordTable` (keywords.ts), the byte-keyed
 * caches (text-cache.ts, string-cache.ts) and the byte helpers of chars.ts. A cache may only
 * return what was stored for exactly these bytes; a miss is always allowed.
 */
import { describe, expect, test } from 'vitest';
import { hexValue, lowerAscii } from '../../src/lexer/chars.ts';
import { KeywordTable } from '../../src/lexer/keywords.ts';
import { FNV_OFFSET, fnv1a, StringCache } from '../../src/lexer/string-cache.ts';
import { TextCache } from '../../src/lexer/text-cache.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('KeywordTable', () => {
  test('case-insensitive lookup of a byte range; undefined for other words', () => {
    const t = new KeywordTable<number>().add('EXISTS', 1).add('expunge', 2).add('X-GM-MSGID', 3);
    const b = ascii('* 3 Exists EXPUNGE x-gm-msgid EXIST EXISTSS');
    expect(t.get(b, 4, 10)).toBe(1);
    expect(t.get(b, 11, 18)).toBe(2);
    expect(t.get(b, 19, 29)).toBe(3);
    expect(t.get(b, 30, 35)).toBeUndefined();
    expect(t.get(b, 36, 43)).toBeUndefined();
    expect(t.get(b, 4, 4)).toBeUndefined();
  });

  test('add replaces the value of a keyword already there (any case)', () => {
    const t = new KeywordTable<string>().add('FLAGS', 'a').add('flags', 'b');
    expect(t.get(ascii('Flags'), 0, 5)).toBe('b');
  });

  test('words sharing length, first and last byte (one bucket) stay apart', () => {
    const t = new KeywordTable<number>().add('ABCD', 1).add('AXYD', 2).add('AXZD', 3);
    expect([t.get(ascii('abcd'), 0, 4), t.get(ascii('axyd'), 0, 4), t.get(ascii('axzd'), 0, 4)]).toEqual([
      1, 2, 3,
    ]);
    expect(t.get(ascii('aqqd'), 0, 4)).toBeUndefined();
  });

  test('a longer word in the same bucket is not a match for its prefix', () => {
    // Bucket (n × 7 + first × 31 + last) & 255, letters folded: "AB" and "ABCDEF?" are both 47.
    const t = new KeywordTable<number>().add('ABCDEF?', 1);
    expect(t.get(ascii('ab'), 0, 2)).toBeUndefined();
    expect(t.get(ascii('abcdef?'), 0, 7)).toBe(1);
  });

  test('an empty table and an empty range', () => {
    expect(new KeywordTable<number>().get(ascii('OK'), 0, 2)).toBeUndefined();
    expect(new KeywordTable<number>().add('', 7).get(ascii('x'), 1, 1)).toBe(7);
  });
});

describe('TextCache and StringCache', () => {
  test('a miss, a store, then a hit for the same bytes anywhere', () => {
    const c = new StringCache(4, 8);
    const a = ascii('xx\\Seen');
    expect(c.lookup(a, 2, 7)).toBeUndefined();
    expect(c.store(a, 2, 7, '\\Seen')).toBe('\\Seen');
    const b = ascii('\\Seen yy');
    expect(c.lookup(b, 0, 5)).toBe('\\Seen');
    expect(c.lookup(a, 2, 7)).toBe('\\Seen');
    // Same length, other bytes: a miss.
    expect(c.lookup(ascii('\\Sean'), 0, 5)).toBeUndefined();
    // A prefix: other length, a miss.
    expect(c.lookup(b, 0, 4)).toBeUndefined();
  });

  test('values up to width bytes are cached, longer ones never', () => {
    const c = new StringCache(4, 5);
    const five = ascii('abcde');
    c.lookup(five, 0, 5);
    c.store(five, 0, 5, 'abcde');
    expect(c.lookup(five, 0, 5)).toBe('abcde');
    const six = ascii('abcdef');
    expect(c.lookup(six, 0, 6)).toBeUndefined();
    c.store(six, 0, 6, 'abcdef');
    expect(c.lookup(six, 0, 6)).toBeUndefined();
    expect(c.lookup(five, 0, 5)).toBe('abcde');
  });

  test('TextCache: the newer entry wins its slot; the size rounds up to a power of two', () => {
    const c = new TextCache<number>(3, 4);
    const a = ascii('aa');
    const b = ascii('bb');
    c.set(a, 0, 2, 1, 10);
    c.set(b, 0, 2, 5, 20); // 5 & 3 = slot 1: the same slot in 4, another in 8
    expect(c.get(a, 0, 2, 1)).toBeUndefined();
    expect(c.get(b, 0, 2, 5)).toBe(20);
    // A negative hash picks a slot like its unsigned value.
    c.set(a, 0, 2, -1, 30);
    expect(c.get(a, 0, 2, 0xffffffff)).toBe(30);
    // A 5-byte value is not kept (width 4), and set still returns it.
    expect(c.set(ascii('ccccc'), 0, 5, 2, 40)).toBe(40);
    expect(c.get(ascii('ccccc'), 0, 5, 2)).toBeUndefined();
    expect(new TextCache<number>(1, 4).get(a, 0, 2, 0)).toBeUndefined();
    // Same slot, a key that is a prefix of the stored one: a miss.
    const p = new TextCache<number>(4, 4);
    p.set(ascii('abc'), 0, 3, 1, 50);
    expect(p.get(ascii('ab'), 0, 2, 1)).toBeUndefined();
    expect(p.get(ascii('xabc'), 1, 4, 1)).toBe(50);
  });

  test('TextCache: a key as wide as its slot leaves the next slot alone', () => {
    const c = new TextCache<string>(2, 2);
    c.set(ascii('cd'), 0, 2, 1, 'cd');
    c.set(ascii('abX'), 0, 2, 0, 'ab');
    expect(c.get(ascii('cd'), 0, 2, 1)).toBe('cd');
    expect(c.get(ascii('ab'), 0, 2, 0)).toBe('ab');
  });

  test('fnv1a: FNV-1a 32-bit over the range', () => {
    expect(fnv1a(ascii(''), 0, 0)).toBe(FNV_OFFSET);
    // Published FNV-1a 32-bit test vectors: "a" = 0xe40c292c, "foobar" = 0xbf9cf968.
    expect(fnv1a(ascii('xa'), 1, 2) >>> 0).toBe(0xe40c292c);
    expect(fnv1a(ascii('foobar'), 0, 6) >>> 0).toBe(0xbf9cf968);
  });
});

describe('chars.ts helpers', () => {
  test('lowerAscii folds A-Z only', () => {
    expect(
      ['A', 'Z', 'a', '@', '[', '0'].map((c) => String.fromCharCode(lowerAscii(c.charCodeAt(0)))),
    ).toEqual(['a', 'z', 'a', '@', '[', '0']);
  });

  test('hexValue: 0-9, a-f, A-F; -1 for the bytes around them', () => {
    expect(['0', '9', 'a', 'f', 'A', 'F'].map((c) => hexValue(c.charCodeAt(0)))).toEqual([
      0, 9, 10, 15, 10, 15,
    ]);
    // "/" is one below "0": "." tells a missing lower bound from a -1.
    expect(['.', ' ', '/', ':', '`', 'g', '@', 'G'].map((c) => hexValue(c.charCodeAt(0)))).toEqual([
      -1, -1, -1, -1, -1, -1, -1, -1,
    ]);
  });
});
