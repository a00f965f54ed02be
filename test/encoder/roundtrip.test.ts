/**
 * encode → parse round trip: for arbitrary typed commands (hostile strings included), the bytes
 * the encoder writes are read back by the command parser into the same value, under every
 * chunking, with and without LITERAL+ / BINARY / UTF8=ACCEPT.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CommandReader } from '../../src/command/reader.ts';
import { encodeCommand } from '../../src/encoder/command.ts';
import type { Command } from '../../src/model/command.ts';
import { command } from '../../src/testing/arbitrary-commands.ts';
import { bytes, canon, expected, expectSafe, serverView, wire } from './helpers.ts';

function readAll(
  wireBytes: Uint8Array,
  cuts: number[],
  utf8: boolean,
): { commands: unknown[]; literals: number; errors: unknown[] } {
  const reader = new CommandReader({ utf8 });
  const commands: unknown[] = [];
  const errors: unknown[] = [];
  let literals = 0;
  const points = [...new Set(cuts.map((c) => c % (wireBytes.length + 1)))].sort((a, b) => a - b);
  let prev = 0;
  const take = (items: Iterable<ReturnType<CommandReader['end']>[number]>) => {
    for (const it of items) {
      if (it.type === 'command') commands.push({ tag: it.tag, command: it.command });
      else if (it.type === 'literal') literals++;
      else errors.push(it);
    }
  };
  for (const p of [...points, wireBytes.length]) {
    take(reader.push(wireBytes.subarray(prev, p)));
    prev = p;
  }
  take(reader.end());
  return { commands, literals, errors };
}

const caps = fc.subarray(['LITERAL+', 'LITERAL-', 'BINARY']);

describe('encode → parse', () => {
  fcTest.prop(
    [
      fc.boolean().chain((binary) => fc.tuple(fc.constant(binary), command(binary))),
      caps,
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 6 }),
    ],
    { numRuns: 1000 },
  )(
    'gives the same command, under any chunking',
    ([binary, cmd], capabilities, utf8, cuts) => {
      const options = {
        tag: 'A1',
        capabilities: binary ? [...capabilities, 'BINARY'] : capabilities.filter((c) => c !== 'BINARY'),
        enabled: utf8 ? ['UTF8=ACCEPT'] : [],
      };
      const fragments = encodeCommand(cmd, options);
      expectSafe(fragments);
      const w = bytes(wire(fragments));
      expect(serverView(wire(fragments)).commands).toHaveLength(1);
      const r = readAll(w, cuts, utf8);
      expect(r.errors).toEqual([]);
      expect(r.commands).toHaveLength(1);
      expect(canon(r.commands[0])).toEqual(canon({ tag: 'A1', command: expected(cmd, utf8) }));
      // Every synchronising literal was announced to the server.
      expect(r.literals).toBe(
        fragments.filter((f) => f.type === 'literal' && (f.mode === 'sync' || f.mode === 'binary')).length,
      );
    },
    60_000,
  );

  fcTest.prop([
    fc.array(command(false), { minLength: 1, maxLength: 5 }),
    fc.array(fc.nat(), { maxLength: 10 }),
  ])('a stream of commands comes back in order, one per command', (cmds, cuts) => {
    const all = cmds.map((c, i) => wire(encodeCommand(c, { tag: `T${i}` }))).join('');
    const r = readAll(bytes(all), cuts, false);
    expect(r.errors).toEqual([]);
    expect(r.commands.map((c) => (c as { tag: string }).tag)).toEqual(cmds.map((_, i) => `T${i}`));
    expect(canon(r.commands.map((c) => (c as { command: unknown }).command))).toEqual(
      canon(cmds.map((c) => expected(c, false))),
    );
  });

  test('a 1-byte-per-push stream reads the same as a whole one', () => {
    const cmd: Command = {
      name: 'APPEND',
      mailbox: 'Entwürfe',
      messages: [
        { flags: ['\\Seen'], date: '1994-02-07T22:43:04-08:00', content: 'Subject: x\r\n\r\nhi\r\n' },
        { content: 'two' },
      ],
    };
    const w = bytes(wire(encodeCommand(cmd, { tag: 'A9' })));
    const one = readAll(w, [], false);
    const split = readAll(
      w,
      Array.from({ length: w.length }, (_, i) => i),
      false,
    );
    expect(split).toEqual(one);
    expect(canon(one.commands[0])).toEqual(canon({ tag: 'A9', command: cmd }));
    expect(one.literals).toBe(2);
  });
});
