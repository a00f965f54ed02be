/** `imap-wire encode`: JSON in, fragments out. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeWatched, reviveCommand, runEncode } from '../../src/cli/encode.ts';
import { resolveContext } from '../../src/encoder/options.ts';
import { EXTENSION_CASES, EXTENSION_CASES_2, RFC3501_CASES } from './cases.ts';

function run(args: string[], stdin = ''): { code: number; out: string; err: string; raw: Uint8Array[] } {
  let out = '';
  let err = '';
  const raw: Uint8Array[] = [];
  const code = runEncode(
    args,
    (s) => {
      if (typeof s === 'string') out += s;
      else raw.push(s);
    },
    () => new TextEncoder().encode(stdin),
    (s) => {
      err += s;
    },
  );
  return { code, out, err, raw };
}

describe('imap-wire encode', () => {
  test('prints lines and literal markers', () => {
    const r = run([
      '{"name":"APPEND","mailbox":"INBOX","messages":[{"flags":["\\\\Seen"],"content":"hello"}]}',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('C: A1 APPEND INBOX (\\Seen) {5}\n[literal sync 5 bytes]\nC: \n');
  });

  test('reads an array from stdin, numbers tags, follows --capabilities and --literals', () => {
    const r = run(
      ['-', '--capabilities', 'IMAP4rev1 LITERAL+', '--literals'],
      '[{"name":"LOGIN","username":"fred","password":"a\\r\\nb"},{"name":"NOOP","tag":"z9"},{"name":"NOOP"}]',
    );
    expect(r.out).toBe(
      'C: A1 LOGIN fred {4+}\n[literal nonsync 4 bytes]\na\\r\\nb\nC: \nC: z9 NOOP\nC: A2 NOOP\n',
    );
  });

  test('bigints from decimal strings, bytes from {"base64"}, --tag, --enabled', () => {
    const r = run([
      '{"name":"FETCH","uid":true,"sequence":"1:*","items":[{"item":"FLAGS"}],"changedSince":"9223372036854775807"}',
      '--tag',
      'T1',
    ]);
    expect(r.out).toBe('C: T1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 9223372036854775807)\n');
    expect(reviveCommand({ key: 'X-GM-MSGID', id: '1278455344230334865' })).toEqual({
      key: 'X-GM-MSGID',
      id: 1278455344230334865n,
    });
    expect(reviveCommand({ key: 'EMAILID', id: '123' })).toEqual({ key: 'EMAILID', id: '123' });
    expect(reviveCommand({ content: { base64: '/wA=' } })).toEqual({ content: new Uint8Array([0xff, 0]) });
    const u = run(['{"name":"SELECT","mailbox":"Entwürfe"}', '--enabled', 'UTF8=ACCEPT']);
    expect(u.out).toBe('C: A1 SELECT "Entw\\xc3\\xbcrfe"\n');
    expect(run(['{"name":"SELECT","mailbox":"Entwürfe"}']).out).toBe('C: A1 SELECT Entw&APw-rfe\n');
  });

  test('--raw writes the wire bytes', () => {
    const r = run(['--raw', '{"name":"LOGIN","username":"u","password":"p q"}']);
    expect(new TextDecoder().decode(r.raw[0])).toBe('A1 LOGIN u "p q"\r\n');
  });

  test('an encode error: code and field on stderr, exit 1; bad JSON or options: usage, exit 2', () => {
    const e = run(['{"name":"ENABLE","capabilities":["X\\r\\nA2 LOGOUT"]}']);
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/INVALID_ATOM in capabilities\[0\]/);
    expect(e.out).toBe('');
    expect(run(['{bad']).code).toBe(2);
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['{"name":"NOOP"}', '--tag']).code).toBe(2);
    expect(run(['{"name":"APPEND","mailbox":"x","messages":[{"content":{"base64":"!!"}}]}']).code).toBe(2);
  });

  test('a BOM before the JSON (stdin or @file) is dropped; one inside a string is kept', () => {
    const json = '{"name":"LOGIN","username":"u","password":"\ufeffpw"}';
    const expected = 'C: A1 LOGIN u {5}\n[literal sync 5 bytes]\n\\xef\\xbb\\xbfpw\nC: \n';
    expect(run(['-', '--literals'], `\ufeff${json}`).out).toBe(expected);
    const dir = mkdtempSync(join(tmpdir(), 'imap-wire-cli-'));
    try {
      const file = join(dir, 'cmd.json');
      writeFileSync(file, `\ufeff${json}`);
      expect(run([`@${file}`, '--literals']).out).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  // Starts Node with tsx: slow on a loaded machine.
  test('--help, and the real command dispatches to it', { timeout: 60_000 }, () => {
    expect(run(['--help']).out).toMatch(/Usage: imap-wire encode/);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'encode', '{"name":"CAPABILITY"}'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('C: A1 CAPABILITY\n');
  });

  test('a field the encoder does not read is refused by name, and nothing is printed', () => {
    const body = run([
      '{"name":"FETCH","sequence":"1","items":[{"item":"BODY","peek":true,"section":"1.2"}]}',
    ]);
    expect(body.code).toBe(1);
    expect(body.out).toBe('');
    expect(body.err).toMatch(/command 1: unknown field items\[0\]\.peek/);
    const bogus = run(['[{"name":"NOOP"},{"name":"NOOP","bogus":1}]']);
    expect(bogus.code).toBe(1);
    expect(bogus.out).toBe('');
    expect(bogus.err).toMatch(/command 2: unknown field bogus/);
    expect(run(['{"name":"SEARCH","criteria":[{"key":"SUBJECT","value":"x","not":true}]}']).err).toMatch(
      /unknown field criteria\[0\]\.not/,
    );
    expect(run(['{"name":"LOGIN","username":"u","password":"p","tag":"X1"}']).out).toBe('C: X1 LOGIN u p\n');
  });

  test('every known-answer command uses all of its fields (no false refusals)', () => {
    const ctx = resolveContext({});
    for (const [name, cmd] of [...RFC3501_CASES, ...EXTENSION_CASES, ...EXTENSION_CASES_2]) {
      expect([name, encodeWatched(cmd, 'A1', ctx).unknown]).toEqual([name, undefined]);
    }
  });
});
