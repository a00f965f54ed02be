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

const lines = (s: string): unknown[] =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

describe('imap-wire decode', () => {
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
