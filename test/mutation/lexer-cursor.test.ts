/**
 * Known answers for the token reader (src/lexer/cursor.ts) on bare byte ranges: values, where
 * the cursor stops, and for refusals the error `code`, `offset` and `expected`. Grammar from
 * RFC 9051 §9 (`number`, `nz-number`, `number64`, `quoted`, `astring`, `nstring`, `nil`) and
 * RFC 7162 §7 (`mod-sequence-value`). Several cases put bytes after `end` (the cursor's end is
 * not the buffer's) to pin that a read stops at `end`.
 */
import { describe, expect, test } from 'vitest';
import { ImapParseError } from '../../src/errors.ts';
import { Cursor } from '../../src/lexer/cursor.ts';
import { fnv1a } from '../../src/lexer/string-cache.ts';

function latin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A cursor over `s` (latin1), its end `end` bytes in (default: all of it), at `pos`. */
function cur(s: string, pos = 0, end = s.length): Cursor {
  const c = new Cursor();
  c.buf = latin1(s);
  c.pos = pos;
  c.end = end;
  return c;
}

function refusal(f: () => unknown): { code: string; offset: number; expected: string } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ImapParseError)) throw e;
    return { code: e.code, offset: e.offset, expected: e.expected };
  }
  throw new Error('no error');
}

const syntax = (offset: number, expected: string) => ({ code: 'SYNTAX', offset, expected });
const range = (offset: number, expected: string) => ({ code: 'NUMBER_RANGE', offset, expected });

describe('number (RFC 9051 §9: unsigned 32-bit)', () => {
  test('values and where the cursor stops', () => {
    const c = cur('4294967295 x');
    expect(c.takeNumber()).toBe(4294967295);
    expect(c.pos).toBe(10);
    expect(cur('0000000001').takeNumber()).toBe(1);
    const short = cur('12345', 0, 2);
    expect(short.takeNumber()).toBe(12);
    expect(short.pos).toBe(2);
    // Lengths count from the number's start, not from the buffer's.
    const later = cur('A 123456789 ', 2);
    expect(later.takeNumber()).toBe(123456789);
    expect(later.pos).toBe(11);
  });

  test('refusals: no digit, past 2^32 - 1, more than 10 digits', () => {
    expect(refusal(() => cur('x').takeNumber())).toEqual(syntax(0, 'number'));
    expect(refusal(() => cur('1', 0, 0).takeNumber())).toEqual(syntax(0, 'number'));
    expect(refusal(() => cur('A 4294967296', 2).takeNumber())).toEqual(range(2, 'a 32-bit number'));
    expect(refusal(() => cur('00000000001').takeNumber())).toEqual(range(0, 'a 32-bit number'));
  });

  test('nz-number: digit-nz first', () => {
    expect(cur('10').takeNzNumber()).toBe(10);
    expect(refusal(() => cur('x 0', 2).takeNzNumber())).toEqual(syntax(2, 'nz-number (digit-nz first)'));
    expect(refusal(() => cur('007').takeNzNumber())).toEqual(syntax(0, 'nz-number (digit-nz first)'));
  });
});

describe('number64 (RFC 9051 §9) and mod-sequence-value (RFC 7162 §7)', () => {
  test('takeSafeNumber: exact up to 2^53 - 1, by the short path and the long one', () => {
    expect(cur('999999999999999)').takeSafeNumber()).toBe(999999999999999);
    const c = cur('1234567890123456 ');
    expect(c.takeSafeNumber()).toBe(1234567890123456);
    expect(c.pos).toBe(16);
    expect(cur('9007199254740991').takeSafeNumber()).toBe(9007199254740991);
    const short = cur('1234567890123456', 0, 15);
    expect(short.takeSafeNumber()).toBe(123456789012345);
    expect(short.pos).toBe(15);
    const cut = cur('12345', 0, 2);
    expect(cut.takeSafeNumber()).toBe(12);
    expect(cut.pos).toBe(2);
    const later = cur('SIZE 123456789012 ', 5);
    expect(later.takeSafeNumber()).toBe(123456789012);
    expect(later.pos).toBe(17);
    expect(refusal(() => cur('9007199254740992').takeSafeNumber())).toEqual(range(0, 'a number below 2^53'));
    expect(refusal(() => cur('x').takeSafeNumber())).toEqual(syntax(0, 'number'));
  });

  test('takeNumber64: two exact halves above 15 digits, at most 2^63 - 1 and 20 digits', () => {
    expect(cur('999999999999999').takeNumber64()).toBe(999999999999999n);
    expect(cur('1000000000000001').takeNumber64()).toBe(1000000000000001n);
    expect(cur('9223372036854775807').takeNumber64()).toBe(9223372036854775807n);
    expect(cur('09223372036854775807').takeNumber64()).toBe(9223372036854775807n);
    const short = cur('12345678901234567', 0, 16);
    expect(short.takeNumber64()).toBe(1234567890123456n);
    expect(short.pos).toBe(16);
    const later = cur('MODSEQ 12345678901234567 ', 7);
    expect(later.takeNumber64()).toBe(12345678901234567n);
    expect(later.pos).toBe(24);
    expect(refusal(() => cur('9223372036854775808').takeNumber64())).toEqual(range(0, 'a 63-bit number'));
    expect(refusal(() => cur('000000000000000000001').takeNumber64())).toEqual(range(0, 'a 63-bit number'));
    expect(refusal(() => cur(' ').takeNumber64())).toEqual(syntax(0, 'number'));
  });

  test('takeModSeq: not 0', () => {
    expect(cur('5').takeModSeq()).toBe(5n);
    expect(refusal(() => cur('(0)', 1).takeModSeq())).toEqual(syntax(1, 'mod-sequence-value (not 0)'));
  });
});

describe('quoted, string, astring, nstring (RFC 9051 §9)', () => {
  test('quoted: a view without escapes, a copy with them', () => {
    const c = cur('"abc" ');
    expect(String.fromCharCode(...c.takeQuoted())).toBe('abc');
    expect([c.tokStart, c.tokEnd, c.pos]).toEqual([1, 4, 5]);
    const e = cur('"a\\"b\\\\c"');
    expect(String.fromCharCode(...e.takeQuoted())).toBe('a"b\\c');
    expect(e.pos).toBe(9);
  });

  test('quoted: refusals with the offset of the offending byte', () => {
    expect(refusal(() => cur('"abc').takeQuoted())).toEqual(syntax(4, 'closing DQUOTE'));
    expect(refusal(() => cur('"abc"', 0, 4).takeQuoted())).toEqual(syntax(4, 'closing DQUOTE'));
    expect(refusal(() => cur('"a\\x"').takeQuoted())).toEqual(syntax(3, 'quoted-special after "\\"'));
    expect(refusal(() => cur('"a\rb"').takeQuoted())).toEqual(syntax(2, 'QUOTED-CHAR (no CR, LF or NUL)'));
    expect(refusal(() => cur('"a\0b"').takeQuoted())).toEqual(syntax(2, 'QUOTED-CHAR (no CR, LF or NUL)'));
  });

  test('string, nstring, astring', () => {
    expect(refusal(() => cur('abc').takeString())).toEqual(syntax(0, 'string (quoted or literal)'));
    expect(cur('NIL').takeNString()).toBeNull();
    const n = cur('nil)');
    expect(n.takeNString()).toBeNull();
    expect(n.pos).toBe(3);
    expect(refusal(() => cur('NILS').takeNString())).toEqual(syntax(0, 'string (quoted or literal)'));
    const a = cur('a]b c');
    expect(String.fromCharCode(...a.takeAString())).toBe('a]b');
    expect(a.pos).toBe(3);
    expect(String.fromCharCode(...cur('"x y"').takeAString())).toBe('x y');
    expect(refusal(() => cur('(').takeAString())).toEqual(syntax(0, 'astring'));
  });

  test('takeNStringRange: 0 a range, 1 tokBytes, -1 NIL', () => {
    const r = cur('"abc"');
    expect(r.takeNStringRange()).toBe(0);
    expect([r.tokStart, r.tokEnd, r.pos]).toEqual([1, 4, 5]);
    const e = cur('"a\\"b"');
    expect(e.takeNStringRange()).toBe(1);
    expect(String.fromCharCode(...e.tokBytes)).toBe('a"b');
    expect(cur('NIL').takeNStringRange()).toBe(-1);
    expect(refusal(() => cur('12').takeNStringRange())).toEqual(
      syntax(0, 'nstring (quoted, literal or NIL)'),
    );
    expect(refusal(() => cur('NIL').takeStringRange())).toEqual(syntax(0, 'string (quoted or literal)'));
    expect(cur('"q"').takeStringRange()).toBe(0);
  });

  test('takeNStringScanned: hash, OR of the bytes and "=" in the same pass', () => {
    const s = '"a=\xe9"';
    const c = cur(s);
    expect(c.takeNStringScanned()).toBe(0);
    expect([c.tokStart, c.tokEnd, c.pos]).toEqual([1, 4, 5]);
    expect(c.tokHash).toBe(fnv1a(latin1(s), 1, 4));
    expect([c.tokBits, c.tokEq]).toEqual([0x61 | 0x3d | 0xe9, true]);
    const plain = cur('"ab"');
    plain.takeNStringScanned();
    expect([plain.tokBits, plain.tokEq]).toEqual([0x63, false]);
    // With an escape the facts come from the unescaped bytes.
    const esc = cur('"\\\\="');
    expect(esc.takeNStringScanned()).toBe(1);
    expect(esc.tokHash).toBe(fnv1a(latin1('\\='), 0, 2));
    expect([esc.tokBits, esc.tokEq, esc.pos]).toEqual([0x5c | 0x3d, true, 5]);
    const nil = cur('NIL');
    expect(nil.takeNStringScanned()).toBe(-1);
    // An unterminated string within `end` is refused even if a DQUOTE follows past it.
    expect(refusal(() => cur('"ab"', 0, 3).takeNStringScanned())).toEqual(syntax(3, 'closing DQUOTE'));
  });
});

describe('single bytes, keywords, line ends', () => {
  test('peek, peekAt, expect, expectSp and skipIf stop at end', () => {
    const c = cur('ab', 0, 1);
    expect([c.peek(), c.peekAt(0), c.peekAt(1)]).toEqual([0x61, 0x61, -1]);
    c.pos = 1;
    expect(c.peek()).toBe(-1);
    expect(c.skipIf(0x62)).toBe(false);
    expect(refusal(() => c.expect(0x62, '"b"'))).toEqual(syntax(1, '"b"'));
    expect(refusal(() => cur('a ', 1, 1).expectSp())).toEqual(syntax(1, 'SP'));
    expect(refusal(() => cur('ax').expectSp())).toEqual(syntax(0, 'SP'));
    const s = cur(' (');
    s.expectSp();
    expect(s.skipIf(0x28)).toBe(true);
    expect(s.pos).toBe(2);
    const x = cur('x');
    expect(x.skipIf(0x28)).toBe(false);
    expect(x.pos).toBe(0);
  });

  test('isKeyword: case-insensitive, followed by a byte that is not ATOM-CHAR, within end', () => {
    expect(cur('fEtCh (').isKeyword('FETCH')).toBe(true);
    expect(cur('FETCH').isKeyword('FETCH')).toBe(true);
    expect(cur('FETCHED').isKeyword('FETCH')).toBe(false);
    expect(cur('FETC').isKeyword('FETCH')).toBe(false);
    expect(cur('FETCHX', 0, 5).isKeyword('FETCH')).toBe(true);
    expect(cur('FETCH', 0, 4).isKeyword('FETCH')).toBe(false);
    // Only letters fold: "[" is not "{".
    expect(cur('[').isKeyword('{')).toBe(false);
    const k = cur('OK ');
    k.expectKeyword('ok');
    expect(k.pos).toBe(2);
    expect(refusal(() => cur('NO ').expectKeyword('OK'))).toEqual(syntax(0, 'OK'));
    expect(cur('nil').skipNil()).toBe(true);
    expect(cur('NILX').skipNil()).toBe(false);
    expect(cur('NOT').skipNil()).toBe(false);
  });

  test('atoms: a run of at least one byte', () => {
    const c = cur('abc def');
    c.takeAtom();
    expect([c.tokStart, c.tokEnd, c.pos]).toEqual([0, 3, 3]);
    expect(refusal(() => cur('x (', 2).takeAtom())).toEqual(syntax(2, 'atom'));
    const short = cur('abcdef', 0, 2);
    short.takeAtom();
    expect(short.tokEnd).toBe(2);
  });

  test('isEol, expectEnd, skipTrailingSpace', () => {
    expect([cur('\r').isEol(), cur('\n').isEol(), cur(' ').isEol(), cur('').isEol()]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const crlf = cur('\r\n');
    crlf.expectEnd();
    expect(crlf.pos).toBe(2);
    const lf = cur('\n');
    lf.expectEnd();
    expect(lf.pos).toBe(1);
    expect(refusal(() => cur('\rx').expectEnd())).toEqual(syntax(0, 'CRLF'));
    expect(refusal(() => cur('x\n').expectEnd())).toEqual(syntax(0, 'CRLF'));
    expect(refusal(() => cur(' \r\n').expectEnd())).toEqual(syntax(0, 'CRLF'));
    expect(refusal(() => cur('\r\nX').expectEnd())).toEqual(syntax(2, 'end of response'));
    const seen: [string, number][] = [];
    const t = cur('a \r\n', 1);
    t.quirk = (name, at) => seen.push([name, at]);
    expect(t.skipTrailingSpace()).toBe(true);
    expect(t.pos).toBe(2);
    expect(seen).toEqual([['trailingSpace', 1]]);
    expect(cur(' \n').skipTrailingSpace()).toBe(true);
    expect(cur(' x').skipTrailingSpace()).toBe(false);
    expect(cur('x\r\n').skipTrailingSpace()).toBe(false);
    expect(cur('  \r\n').skipTrailingSpace()).toBe(false);
  });

  test('enter and leave count the depth against maxDepth (DEPTH_EXCEEDED at the "(")', () => {
    const c = cur('()(((');
    c.maxDepth = 2;
    c.enter();
    expect(c.depth).toBe(1);
    c.leave();
    expect(c.depth).toBe(0);
    c.enter();
    c.enter();
    expect(refusal(() => c.enter())).toEqual({
      code: 'DEPTH_EXCEEDED',
      offset: 4,
      expected: 'nesting of at most 2',
    });
    expect(refusal(() => cur('x').leave())).toEqual(syntax(0, '")"'));
  });
});

describe('errors and positions', () => {
  test('an error past the end shows the excerpt up to the end', () => {
    const c = cur('ab');
    expect(refusal(() => c.fail('x', 5))).toEqual(syntax(5, 'x'));
    expect(() => c.fail('x', 5)).toThrow(expect.objectContaining({ excerpt: 'ab⟨here⟩' }));
  });

  test('quirkAtOffset: the offset is seen during the hook, then cleared', () => {
    const c = cur('');
    const seen: number[] = [];
    c.quirk = (_name, at) => seen.push(c.offsetOf(at));
    c.quirkAtOffset('nulInLiteral', 1234);
    expect(seen).toEqual([1234]);
    expect(c.quirkOffset).toBe(-1);
    expect(c.offsetOf(-1)).toBe(-1);
    expect(c.offsetOf(7)).toBe(7);
  });

  test('finalLineEnd: the CR of a final CRLF, else the last byte', () => {
    expect(cur('ab\r\n').finalLineEnd()).toBe(2);
    expect(cur('ab\n').finalLineEnd()).toBe(2);
    expect(cur('\n').finalLineEnd()).toBe(0);
  });
});
