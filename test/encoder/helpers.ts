/** Test-only helpers for the encoder suites: wire text of fragments, and the safety invariants. */
import { expect } from 'vitest';
import { encodeCommand } from '../../src/encoder/command.ts';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import type { Fragment } from '../../src/encoder/fragment.ts';
import type { EncodeOptions } from '../../src/encoder/options.ts';
import { formatSequenceSet } from '../../src/encoder/sequence-set.ts';
import type { Command } from '../../src/model/command.ts';

/** Bytes as a string, one char per byte (latin1), so any byte is visible and comparable. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

/** UTF-8 bytes of text. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Bytes of a latin1 string (each char one byte). */
export function bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** All fragments joined: exactly what goes on the wire. */
export function wire(fragments: readonly Fragment[]): string {
  return fragments.map((f) => latin1(f.bytes)).join('');
}

/** The fragment kinds: `line`, `literal:sync:5` … */
export function shape(fragments: readonly Fragment[]): string[] {
  return fragments.map((f) => (f.type === 'line' ? 'line' : `literal:${f.mode}:${f.bytes.length}`));
}

/** Encodes with a default tag and checks the invariants before returning. */
export function enc(cmd: Command, options: Partial<EncodeOptions> = {}): Fragment[] {
  const f = encodeCommand(cmd, { tag: 'A1', ...options });
  expectSafe(f);
  return f;
}

const ANNOUNCE = /(~?)\{(\d+)(\+?)\}\r\n$/;

/**
 * The invariants a server's framer relies on: lines and literals alternate, starting and ending
 * with a line; every line ends in CRLF and holds no other CR, LF or NUL; a line before a literal
 * ends with that literal's announcement (count = its byte length, mode matching); the last line
 * announces nothing; a non-binary literal holds no NUL.
 */
export function expectSafe(fragments: readonly Fragment[]): void {
  expect(fragments.length % 2).toBe(1);
  fragments.forEach((f, i) => {
    if (i % 2 === 0) {
      expect(f.type).toBe('line');
      const s = latin1(f.bytes);
      expect(s.endsWith('\r\n')).toBe(true);
      expect(/[\r\n\0]/.test(s.slice(0, -2))).toBe(false);
      const m = ANNOUNCE.exec(s);
      const next = fragments[i + 1];
      if (next === undefined) {
        expect(m).toBeNull();
      } else {
        expect(m).not.toBeNull();
        expect(next.type).toBe('literal');
        if (next.type !== 'literal' || m === null) return;
        expect(Number(m[2])).toBe(next.bytes.length);
        const binary = next.mode === 'binary' || next.mode === 'binary-nonsync';
        const nonsync = next.mode === 'nonsync' || next.mode === 'binary-nonsync';
        expect(m[1] === '~').toBe(binary);
        expect(m[3] === '+').toBe(nonsync);
        if (!binary) expect(next.bytes.includes(0)).toBe(false);
      }
    } else {
      expect(f.type).toBe('literal');
    }
  });
}

/** Expects `cmd` to encode to exactly `expected` (literal bytes included), tag from the text. */
export function expectWire(cmd: Command, expected: string, options: Partial<EncodeOptions> = {}): Fragment[] {
  const tag = expected.slice(0, expected.indexOf(' '));
  const f = enc(cmd, { tag, ...options });
  expect(wire(f)).toBe(expected);
  return f;
}

/**
 * What a server's framer sees in the bytes of a client: commands, each a line that may announce
 * literals (`{n}`, `{n+}`, `~{n}`, `~{n+}`) whose bytes it then takes by count. Returns each
 * command's text (literals included) and whether the bytes ended exactly at a command's end.
 * Written independently of the encoder, from RFC 9051 §2.2 and §4.3.
 */
export function serverView(wireText: string): { commands: string[]; clean: boolean } {
  const commands: string[] = [];
  let i = 0;
  let current = '';
  while (i < wireText.length) {
    const lf = wireText.indexOf('\n', i);
    if (lf < 0) return { commands, clean: false };
    const line = wireText.slice(i, lf + 1);
    current += line;
    i = lf + 1;
    const m = /~?\{(\d+)\+?\}\r?\n$/.exec(line);
    if (m === null) {
      commands.push(current);
      current = '';
      continue;
    }
    const n = Number(m[1]);
    if (i + n > wireText.length) return { commands, clean: false };
    current += wireText.slice(i, i + n);
    i += n;
  }
  return { commands, clean: current === '' };
}

const hex = (b: Uint8Array): string => Array.from(b, (c) => c.toString(16).padStart(2, '0')).join('');

/** Strings and bytes compared as bytes, bigints as text: the parser gives text where it can. */
export function canon(v: unknown): unknown {
  if (typeof v === 'string') return `s:${hex(utf8(v))}`;
  if (v instanceof Uint8Array) return `s:${hex(v)}`;
  if (typeof v === 'bigint') return `n:${v}`;
  if (typeof v === 'number') return `n:${v}`;
  if (Array.isArray(v)) return v.map(canon);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== false) out[k] = canon(x);
    return out;
  }
  return v;
}

const isInbox = (m: unknown): boolean => typeof m === 'string' && m.toUpperCase() === 'INBOX';
const SETS = new Set(['sequence', 'uids', 'set', 'knownUids', 'sequences']);

function nonAscii(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(nonAscii);
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return false;
  const k = v as Record<string, unknown>;
  for (const f of ['value', 'field']) {
    const s = k[f];
    if (typeof s === 'string' && [...s].some((ch) => ch.charCodeAt(0) > 0x7f)) return true;
  }
  return ['operand', 'left', 'right', 'operands'].some((f) => nonAscii(k[f]));
}

function walk(v: unknown, key: string): unknown {
  if (SETS.has(key) && v !== undefined && (typeof v !== 'object' || Array.isArray(v)))
    return formatSequenceSet(v);
  if (typeof v === 'number' && key === 'uids') return String(v);
  if (Array.isArray(v)) return v.map((x) => walk(x, key === 'seqMatch' ? '' : key));
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof Date) return v;
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = walk(x, k);
  if (o['item'] === 'BODY[]' && o['section'] === undefined) o['section'] = {};
  if (typeof o['date'] === 'string' && o['date'].endsWith('Z')) o['date'] = `${o['date'].slice(0, -1)}+00:00`;
  return o;
}

/**
 * The value the command parser gives for a command the encoder was given: sequence sets as
 * text, BODY[] with its section, the INBOX rule, SEARCH's added CHARSET.
 */
export function expected(cmd: Command, utf8 = false): Command {
  const c = walk(structuredClone(cmd), '') as Record<string, unknown>;
  for (const f of ['mailbox', 'from', 'to', 'reference']) if (isInbox(c[f])) c[f] = 'INBOX';
  if (c['name'] === 'NOTIFY' && Array.isArray(c['groups'])) {
    for (const g of c['groups'] as { mailboxes?: unknown[] }[]) {
      if (g.mailboxes) g.mailboxes = g.mailboxes.map((m) => (isInbox(m) ? 'INBOX' : m));
    }
  }
  if (c['name'] === 'SEARCH' && c['charset'] === undefined && !utf8 && nonAscii(c['criteria']))
    c['charset'] = 'UTF-8';
  if (c['name'] === 'APPEND') {
    for (const m of c['messages'] as { content: unknown; binary?: boolean }[]) {
      if (m.binary !== true && typeof m.content !== 'string' && (m.content as Uint8Array).includes(0))
        m.binary = true;
      if (typeof m.content === 'string' && m.content.includes('\0')) m.binary = true;
    }
  }
  return c as unknown as Command;
}

/** `"CODE field"` of the ImapEncodeError that `fn` throws, or `"no error"`. */
export function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImapEncodeError) return `${e.code} ${e.field}`;
    throw e;
  }
  return 'no error';
}
