/**
 * The SEARCH / SORT / THREAD charset (issue #17, finding 8): `charset = atom / quoted` (RFC 3501
 * §9, RFC 9051 §9), never a literal. One that needs quoting and is longer than a quoted string
 * may be (1024 bytes) used to go out as a literal, which CommandReader then refused; it is now
 * an ImapEncodeError. Shorter ones are quoted and read back.
 */
import { describe, expect, test } from 'vitest';
import { CommandReader } from '../../src/command/reader.ts';
import { encodeCommand } from '../../src/encoder/command.ts';
import type { Command } from '../../src/model/command.ts';
import { bytes, code, expectSafe, wire } from './helpers.ts';

const COMMANDS: [string, (charset: string) => Command][] = [
  ['SEARCH', (charset) => ({ name: 'SEARCH', charset, criteria: [{ key: 'ALL' }] })],
  ['SORT', (charset) => ({ name: 'SORT', sort: [{ key: 'DATE' }], charset, criteria: [{ key: 'ALL' }] })],
  ['THREAD', (charset) => ({ name: 'THREAD', algorithm: 'REFERENCES', charset, criteria: [{ key: 'ALL' }] })],
];

const CAPABILITIES = ['SORT', 'THREAD=REFERENCES'];

/** The command the encoder writes, read back by CommandReader (which fails on a literal charset). */
function readBack(cmd: Command): { wire: string; charset: unknown } {
  const fragments = encodeCommand(cmd, { tag: 'A1', capabilities: CAPABILITIES });
  expectSafe(fragments);
  const items = [...new CommandReader().push(bytes(wire(fragments)))];
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (item.type !== 'command') throw new Error(`read back as ${item.type}`);
  return { wire: wire(fragments), charset: (item.command as { charset?: unknown }).charset };
}

describe.each(COMMANDS)('%s charset', (_, make) => {
  test('needing quotes and over 1024 bytes: INVALID_ATOM in charset, no literal', () => {
    expect(
      code(() => encodeCommand(make(`${'x'.repeat(1024)} `), { tag: 'A1', capabilities: CAPABILITIES })),
    ).toBe('INVALID_ATOM charset');
    expect(code(() => encodeCommand(make(`x y${'z'.repeat(5000)}`), { tag: 'A1' }))).toBe(
      'INVALID_ATOM charset',
    );
  });

  test('needing quotes, up to 1024 bytes: quoted, and read back', () => {
    for (const charset of ['x y', 'a"b\\c', `x ${'y'.repeat(1022)}`, `${'"'.repeat(1024)}`]) {
      const r = readBack(make(charset));
      expect(r.wire).not.toMatch(/\{\d+\+?\}\r\n/);
      expect(r.charset).toBe(charset);
    }
    expect(readBack(make('x y')).wire).toContain(' "x y" ');
  });

  test('an atom of any length stays an atom (the grammar allows it)', () => {
    const charset = `UTF-8${'x'.repeat(2000)}`;
    const r = readBack(make(charset));
    expect(r.wire).toContain(` ${charset} `);
    expect(r.charset).toBe(charset);
  });
});
