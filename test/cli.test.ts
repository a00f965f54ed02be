/** `imap-wire decode`: JSON Lines as DESIGN.md describes, the same for every --chunk. */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const CLI = ['--import', 'tsx', 'src/cli/main.ts', 'decode'];

function run(
  args: string[],
  input?: string | Uint8Array,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Each test starts Node with tsx one or more times (~1 s each, several on a machine that runs
 * other suites beside this one): 5 s was too short there.
 */
const SPAWNS = { timeout: 60_000 };

const lines = (s: string): unknown[] =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

describe('imap-wire decode', SPAWNS, () => {
  test('prints one JSON object per response, with the DESIGN.md conventions', () => {
    const input = Buffer.concat([
      Buffer.from('* OK [UIDNEXT 5] hi\r\n* 1 FETCH (UID 7 MODSEQ (18446744073709551) BODY[] {4}\r\n'),
      Buffer.from([0xff, 0x00, 0x41, 0x42]),
      Buffer.from(' BODY[TEXT] "caf\xc3\xa9")\r\nA1 OK done\r\n* 12x EXISTS\r\n', 'latin1'),
    ]);
    const r = run(['-'], input);
    expect(r.status).toBe(1); // an error item was printed
    expect(lines(r.stdout)).toEqual([
      { type: 'untagged', kind: 'ok', code: { name: 'UIDNEXT', value: 5 }, text: 'hi' },
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: {
          uid: 7,
          modseq: '18446744073709551',
          sections: [
            { kind: 'body', section: '', part: [], value: { base64: '/wBBQg==' } },
            { kind: 'body', section: 'TEXT', part: [], text: 'TEXT', value: 'café' },
          ],
        },
      },
      { type: 'tagged', tag: 'A1', status: 'OK', text: 'done' },
      {
        type: 'error',
        code: 'SYNTAX',
        offset: input.length - 10,
        message: expect.stringContaining('SYNTAX'),
        excerpt: '* 12⟨here⟩x EXISTS\\r\\n',
      },
    ]);
  });

  test('the output is the same for every --chunk', () => {
    const whole = run(['fixtures/dovecot/dovecot-fetch.s2c.bin']);
    expect(whole.status).toBe(0);
    for (const n of ['1', '1460']) {
      expect(run(['fixtures/dovecot/dovecot-fetch.s2c.bin', '--chunk', n]).stdout).toBe(whole.stdout);
    }
  });

  test('--strict reports quirks as errors', () => {
    const r = run(['--strict'], 'A1 OK\r\n');
    expect(lines(r.stdout)).toEqual([
      expect.objectContaining({ type: 'error', code: 'STRICT', quirk: 'missingRespText' }),
    ]);
  });

  test('--help, and usage errors exit 2', () => {
    expect(execFileSync(process.execPath, [...CLI, '--help'], { encoding: 'utf8' })).toContain(
      'Usage: imap-wire decode',
    );
    expect(run(['--chunk', '0']).status).toBe(2);
    expect(run(['--bogus']).status).toBe(2);
  });
});

describe('imap-wire bodystructure', SPAWNS, () => {
  test('prints each tree with section numbers, sizes, file names and the plan', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'bodystructure',
        'fixtures/dovecot-interop/bodystructure.s2c.bin',
        '--budget',
        '2048',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const fwd = r.stdout.slice(r.stdout.indexOf('"Fwd: Contract draft v3"'));
    expect(
      fwd
        .split('\n')
        .slice(1, 9)
        .map((l) => l.trim().replace(/\s+/g, ' ')),
    ).toEqual([
      '(root) multipart/mixed (2 parts)',
      '1 text/plain 60 octets 7bit, 1 line',
      '2 message/rfc822 1355 octets 7bit, 37 lines',
      '(2.TEXT) multipart/mixed (2 parts)',
      '2.1 multipart/alternative (2 parts)',
      '2.1.1 text/plain 41 octets 7bit, 1 line',
      '2.1.2 text/html 55 octets 7bit, 1 line',
      '2.2 application/pdf 590 octets base64 "contract-v3.pdf"',
    ]);
    expect(fwd).toContain('plan (316 of 2048 octets): BODY.PEEK[1] BODY.PEEK[2.MIME]');
  });
});

describe('imap-wire: input files, --version', SPAWNS, () => {
  const main = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { input, encoding: 'utf8' });

  test.each([
    [['decode', 'no/such.bin'], 'imap-wire: cannot read no/such.bin: no such file\n'],
    [['decode', 'src'], 'imap-wire: cannot read src: is a directory\n'],
    [['bodystructure', 'no/such.bin'], 'imap-wire: cannot read no/such.bin: no such file\n'],
    [['encode', '@no/such.json'], 'imap-wire: cannot read no/such.json: no such file\n'],
  ])('%j: one line on stderr, exit 2 (not 1, which means an error item)', (args, message) => {
    const r = main(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
  });

  test('--version prints the version of package.json', () => {
    const r = main(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    expect(main(['-v']).stdout).toBe(r.stdout);
  });
});
