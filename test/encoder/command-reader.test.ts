/**
 * CommandReader, the server side's stream: synchronising literals surfaced before their bytes,
 * refusals, continuation answers (AUTHENTICATE, IDLE), limits with their codes, and recovery
 * after a malformed command.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type CommandItem, CommandReader } from '../../src/command/reader.ts';
import { bytes } from './helpers.ts';

function summary(items: Iterable<CommandItem>): unknown[] {
  return [...items].map((it) => {
    if (it.type === 'command') return `${it.tag} ${it.command.name}`;
    if (it.type === 'literal') return `literal ${it.tag} ${it.size}${it.binary ? ' binary' : ''}`;
    if (it.type === 'error') return `error ${it.tag} ${it.error.code} @${it.error.offset}`;
    if (it.type === 'authenticate') return `authenticate ${String.fromCharCode(...it.data)}`;
    return it.type;
  });
}

describe('CommandReader', () => {
  test('a synchronising literal is announced before its bytes arrive', () => {
    const r = new CommandReader();
    expect(summary(r.push(bytes('A1 LOGIN {5}\r\n')))).toEqual(['literal A1 5']);
    const [item] = [...r.push(bytes('fred1 secret\r\n'))];
    expect(item).toEqual({
      type: 'command',
      tag: 'A1',
      command: { name: 'LOGIN', username: 'fred1', password: 'secret' },
    });
    expect(summary(r.push(bytes('A2 APPEND x ~{3}\r\n')))).toEqual(['literal A2 3 binary']);
    expect(summary(r.push(bytes('a\0b\r\n')))).toEqual(['A2 APPEND']);
  });

  test('non-synchronising literals need no answer', () => {
    const r = new CommandReader();
    expect(summary(r.push(bytes('A1 LOGIN {5+}\r\nfred1 {6+}\r\nsecret\r\nA2 NOOP\r\n')))).toEqual([
      'A1 LOGIN',
      'A2 NOOP',
    ]);
  });

  test('a refused literal drops its command; the client starts a new one', () => {
    const r = new CommandReader();
    const items: unknown[] = [];
    for (const it of r.push(bytes('A1 APPEND x {999999}\r\n'))) {
      items.push(it.type);
      if (it.type === 'literal') r.rejectLiteral();
    }
    expect(items).toEqual(['literal']);
    expect(summary(r.push(bytes('A2 NOOP\r\n')))).toEqual(['A2 NOOP']);
  });

  test('LITERAL_TOO_LARGE: a sync literal is never sent, a non-sync one is skipped', () => {
    const r = new CommandReader({ maxLiteralSize: 10 });
    expect(summary(r.push(bytes('A1 APPEND x {11}\r\nA2 NOOP\r\n')))).toEqual([
      'error A1 LITERAL_TOO_LARGE @12',
      'A2 NOOP',
    ]);
    expect(summary(r.push(bytes('A3 APPEND x {11+}\r\n0123456789A (x) {2+}\r\nab\r\nA4 NOOP\r\n')))).toEqual([
      'error A3 LITERAL_TOO_LARGE @39',
      'A4 NOOP',
    ]);
    // The limit is on all of a command's literals together.
    expect(summary(r.push(bytes('A5 LOGIN {6+}\r\nabcdef {6+}\r\nghijkl\r\nA6 NOOP\r\n')))[0]).toMatch(
      /error A5 LITERAL_TOO_LARGE/,
    );
  });

  test('LINE_TOO_LONG, in one chunk or many, and the next command is read', () => {
    const long = `A1 LOGIN ${'x'.repeat(100)} y\r\nA2 NOOP\r\n`;
    const one = summary(new CommandReader({ maxLineLength: 40 }).push(bytes(long)));
    expect(one).toEqual(['error A1 LINE_TOO_LONG @40', 'A2 NOOP']);
    const r = new CommandReader({ maxLineLength: 40 });
    const split: unknown[] = [];
    for (const c of long) split.push(...summary(r.push(bytes(c))));
    expect(split).toEqual(one);
    // An overlong line that announces a non-sync literal: the literal is skipped, not read as commands.
    const lit = `A3 LOGIN ${'x'.repeat(100)} {9+}\r\nA9 LOGOUT\r\nA4 NOOP\r\n`;
    expect(summary(new CommandReader({ maxLineLength: 40 }).push(bytes(lit)))).toEqual([
      'error A3 LINE_TOO_LONG @40',
      'A4 NOOP',
    ]);
  });

  test('a malformed command is an error with its tag; reading goes on', () => {
    const r = new CommandReader();
    expect(summary(r.push(bytes('a FROB\r\nb NOOP\r\nc LOGIN {3}\r\n')))).toEqual([
      'error a SYNTAX @2',
      'b NOOP',
      'literal c 3',
    ]);
    expect(summary(r.push(bytes('abc\r\n')))).toEqual(['error c SYNTAX @32']);
    expect(summary(r.push(bytes('\r\nd NOOP\r\n')))).toEqual(['error null SYNTAX @34', 'd NOOP']);
    expect(summary(r.push(bytes('e NOOP\nf NOOP\r\n')))).toEqual(['error e SYNTAX @50', 'f NOOP']);
    expect(summary(r.push(bytes('g LOGIN {99999999999999999999}\r\nh NOOP\r\n')))).toEqual([
      'error g BAD_LITERAL_COUNT @67',
      'h NOOP',
    ]);
  });

  test('AUTHENTICATE: continuation answers as base64, "*" cancels', () => {
    const r = new CommandReader();
    const seen: unknown[] = [];
    const input = 'A1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\n';
    for (const it of r.push(bytes(input))) {
      seen.push(...summary([it]));
      // The server sends "+" and then expects an answer, in the middle of the same chunk.
      if (it.type === 'command') r.expect('authenticate');
    }
    expect(seen).toEqual(['A1 AUTHENTICATE', 'authenticate test\0test\0test']);
    r.expect('authenticate');
    expect(summary(r.push(bytes('*\r\n')))).toEqual(['authenticate-cancel']);
    r.expect('authenticate');
    expect(summary(r.push(bytes('\r\n')))).toEqual(['authenticate ']);
    r.expect('authenticate');
    expect(summary(r.push(bytes('not base64!\r\nA2 NOOP\r\n')))).toEqual([
      'error null SYNTAX @50',
      'A2 NOOP',
    ]);
  });

  test('IDLE: DONE after expect("idle"), any case; without expect it is no command', () => {
    const r = new CommandReader();
    const seen: unknown[] = [];
    for (const it of r.push(bytes('A1 IDLE\r\ndone\r\nA2 NOOP\r\n'))) {
      seen.push(...summary([it]));
      if (it.type === 'command' && it.command.name === 'IDLE') r.expect('idle');
    }
    expect(seen).toEqual(['A1 IDLE', 'done', 'A2 NOOP']);
    expect(summary(r.push(bytes('DONE\r\n')))).toEqual(['error null SYNTAX @28']);
    r.expect('idle');
    expect(summary(r.push(bytes('A3 NOOP\r\n')))).toEqual(['error null SYNTAX @30']);
  });

  test('end(): TRUNCATED inside a command, nothing after a complete one', () => {
    const r = new CommandReader();
    expect(summary(r.push(bytes('A1 NOOP\r\nA2 LOGIN {5}\r\nab')))).toEqual(['A1 NOOP', 'literal A2 5']);
    expect(summary(r.end())).toEqual(['error A2 TRUNCATED @25']);
    expect(summary(r.end())).toEqual([]);
    expect(summary(new CommandReader().end())).toEqual([]);
  });

  test('an unconsumed iterator leaves its bytes to the next push', () => {
    const r = new CommandReader();
    const it = r.push(bytes('A1 NOOP\r\nA2 NOOP\r\n'));
    expect(it.next().value).toMatchObject({ tag: 'A1' });
    expect(summary(r.push(bytes('A3 NOOP\r\n')))).toEqual(['A2 NOOP', 'A3 NOOP']);
  });

  test('utf8 switches mailbox names to UTF-8', () => {
    const r = new CommandReader();
    const a = [...r.push(bytes('A1 SELECT &AOk-\r\n'))][0];
    expect(a).toMatchObject({ command: { mailbox: 'é' } });
    r.utf8 = true;
    expect(r.utf8).toBe(true);
    const b = [...r.push(bytes('A2 SELECT "\xc3\xa9"\r\n'))][0];
    expect(b).toMatchObject({ command: { mailbox: 'é' } });
  });

  test('a literal inside one chunk is a view of it (zero-copy)', () => {
    const chunk = bytes('A1 APPEND x {5}\r\nhello\r\n');
    const items = [...new CommandReader().push(chunk)];
    const cmd = items.find((i) => i.type === 'command');
    const content =
      cmd?.type === 'command' && cmd.command.name === 'APPEND' ? cmd.command.messages[0]!.content : null;
    expect(content).toBeInstanceOf(Uint8Array);
    expect((content as Uint8Array).buffer).toBe(chunk.buffer);
  });
});

/** Bytes that look like commands: tags, names, literals (good and bad), CR, LF, NUL, 8-bit. */
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'A1 ',
        'a ',
        'LOGIN ',
        'SELECT ',
        'FETCH 1 ',
        'UID ',
        'SEARCH ',
        'APPEND x ',
        'NOOP',
        'IDLE',
        'DONE',
      ),
      fc.constantFrom(
        '{3}',
        '{3+}',
        '~{2}',
        '{0}',
        '{99999999999999999999}',
        '"a b"',
        '(',
        ')',
        '[',
        ']',
        '*',
        '%',
        '\\',
      ),
      fc.constantFrom('\r\n', '\n', '\r', '\0', ' ', 'é', 'x', '1:*', 'BODY[]<0.5>'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => bytes(parts.join('')));

describe('CommandReader properties', () => {
  fcTest.prop([noise, fc.array(fc.nat(), { maxLength: 8 }), fc.boolean()])(
    'any bytes: only items (no exception), and the same items whatever the chunking',
    (input, cuts, expectLines) => {
      const run = (points: number[]): unknown[] => {
        const r = new CommandReader({ maxLineLength: 64, maxLiteralSize: 1000 });
        const out: unknown[] = [];
        let prev = 0;
        for (const p of [...points, input.length]) {
          for (const it of r.push(input.subarray(prev, p))) {
            out.push(...summary([it]));
            if (expectLines && it.type === 'command')
              r.expect(it.command.name === 'IDLE' ? 'idle' : 'authenticate');
          }
          prev = p;
        }
        out.push(...summary(r.end()));
        return out;
      };
      const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
      expect(run(points)).toEqual(run([]));
      expect(run(Array.from({ length: input.length }, (_, i) => i))).toEqual(run([]));
    },
  );
});
