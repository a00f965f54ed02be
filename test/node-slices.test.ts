/**
 * Strings from 16 bytes on come from Node's `latin1Slice` / `utf8Slice` (src/lexer/node-slices.ts);
 * without Node's `Buffer` (a browser, Deno without the Node globals) the same functions build
 * them in JavaScript. Both give the same strings.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import * as slicesWithNode from '../src/lexer/node-slices.ts';
import * as withNode from '../src/lexer/strings.ts';
import * as utf8WithNode from '../src/lexer/utf8.ts';

type Strings = typeof withNode;
type Utf8 = typeof utf8WithNode;

let plain: Strings;
let utf8Plain: Utf8;
let slicesPlain: typeof slicesWithNode;

beforeAll(async () => {
  vi.stubGlobal('Buffer', undefined);
  vi.resetModules();
  plain = await import('../src/lexer/strings.ts');
  utf8Plain = await import('../src/lexer/utf8.ts');
  slicesPlain = await import('../src/lexer/node-slices.ts');
  vi.unstubAllGlobals();
});
afterAll(() => {
  vi.resetModules();
});

describe('native and JavaScript string building', () => {
  test('with Buffer the native copies are there; without it they are not', () => {
    expect(typeof slicesWithNode.latin1Slice).toBe('function');
    expect(typeof slicesWithNode.utf8Slice).toBe('function');
    expect(slicesPlain.latin1Slice).toBeUndefined();
    expect(slicesPlain.utf8Slice).toBeUndefined();
  });

  fcTest.prop([fc.uint8Array({ minLength: 0, maxLength: 90 }), fc.nat(3)], { numRuns: 1500 })(
    'asciiString: the same string for every byte, both ways, inside a larger buffer',
    (b, pad) => {
      const buf = new Uint8Array(b.length + 2 * pad).fill(0x7e);
      buf.set(b, pad);
      const s = withNode.asciiString(buf, pad, pad + b.length);
      expect(s).toBe(plain.asciiString(buf, pad, pad + b.length));
      expect(s).toBe(String.fromCharCode(...b));
    },
  );

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean()], { numRuns: 1500 })(
    'utf8Strict and textString: the same string both ways, with and without a BOM (kept)',
    (text, bom) => {
      const s = bom ? `\ufeff${text}` : text;
      const b = new TextEncoder().encode(s);
      expect(utf8WithNode.utf8Strict(b, 0, b.length)).toBe(s);
      expect(utf8Plain.utf8Strict(b, 0, b.length)).toBe(s);
      expect(withNode.textString(b, 0, b.length)).toBe(s);
      expect(plain.textString(b, 0, b.length)).toBe(s);
    },
  );

  test('invalid UTF-8 from 16 bytes on: undefined from utf8Strict, U+FFFD from textString', () => {
    const b = new Uint8Array([...new TextEncoder().encode('Grüße aus Zürich'), 0xff, 0x41]);
    expect(utf8WithNode.utf8Strict(b, 0, b.length)).toBeUndefined();
    expect(withNode.textString(b, 0, b.length)).toBe('Grüße aus Zürich\ufffdA');
  });

  test('a Node Buffer in: the same strings as from a Uint8Array', () => {
    const text = 'Réunion à Zürich — Quarterly planning';
    const u = new TextEncoder().encode(text);
    expect(withNode.textString(Buffer.from(u), 0, u.length)).toBe(text);
    expect(withNode.asciiString(Buffer.from('Message-ID: <a@b.example>'), 0, 25)).toBe(
      'Message-ID: <a@b.example>',
    );
  });
});
