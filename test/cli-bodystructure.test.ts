/** `imap-wire bodystructure`: --json (JSON Lines of the tree and plan), --plan, --budget, --capabilities. */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const FIXTURE = 'fixtures/dovecot-interop/bodystructure.s2c.bin';

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'bodystructure', ...args], {
    input,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string): Record<string, unknown>[] =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('imap-wire bodystructure', () => {
  test('--json: one object per FETCH, the tree as the typed model, no plan unless asked', () => {
    const r = run([FIXTURE, '--json']);
    expect(r.status).toBe(0);
    const all = lines(r.stdout);
    expect(all.length).toBeGreaterThan(30);
    const invite = all.find(
      (o) => o['subject'] === 'Invitation: Sprint planning @ Tue Aug 1, 2023 3pm - 4pm (CEST)',
    )!;
    expect(invite).toMatchObject({ seq: expect.any(Number), uid: expect.any(Number) });
    expect(invite['plan']).toBeUndefined();
    const tree = invite['bodyStructure'] as { type: string; parts: { parts: unknown[] }[] };
    expect(tree.type).toBe('multipart');
    expect(tree.parts[0]!.parts[0]).toMatchObject({
      section: '1.1',
      type: 'text',
      subtype: 'plain',
      encoding: 'base64',
      size: 122,
      params: [
        { name: 'charset', value: 'UTF-8' },
        { name: 'format', value: 'flowed' },
        { name: 'delsp', value: 'yes' },
      ],
    });
  });

  test('--json --plan --budget N: the plan beside the tree', () => {
    const r = run([FIXTURE, '--json', '--plan', '--budget', '202']);
    expect(r.status).toBe(0);
    const invite = lines(r.stdout).find((o) => String(o['subject']).startsWith('Invitation'))!;
    expect(invite['plan']).toEqual({
      items: ['BODY.PEEK[1.1]<0.98>'],
      text: {
        section: '1.1',
        item: 'BODY.PEEK[1.1]<0.98>',
        type: 'text',
        subtype: 'plain',
        encoding: 'base64',
        binary: false,
        charset: 'utf-8',
        size: 122,
        bytes: 98,
        partial: true,
        lineLength: 76,
        decodedBytes: 72,
        decodedExact: true,
        wholeBytes: 69,
      },
      attachments: [
        {
          section: '2',
          filename: 'invite.ics',
          type: 'application',
          subtype: 'ics',
          encoding: 'base64',
          size: 680,
        },
      ],
      bytes: 98,
    });
  });

  test('--plan for people: the text line says what the cut decodes to; --capabilities adds PREVIEW', () => {
    const r = run([FIXTURE, '--plan', '--budget', '202']);
    expect(r.status).toBe(0);
    const invite = r.stdout.slice(r.stdout.indexOf('"Invitation'));
    expect(invite).toContain('plan (98 of 202 octets): BODY.PEEK[1.1]<0.98>\n');
    expect(invite).toContain(
      'text 1.1: decode base64, then utf-8 (partial: 72 decoded octets, 69 sure to be whole characters)',
    );
    const p = run([FIXTURE, '--budget', '2048', '--capabilities', 'PREVIEW,BINARY']);
    expect(p.stdout).toContain('plan (603 of 2048 octets): PREVIEW BINARY.PEEK[1.1] BODY.PEEK[2.MIME]');
    // Without --plan or --budget, the tree alone.
    expect(run([FIXTURE]).stdout).not.toContain('plan (');
  });

  test('errors in --json mode are decode’s error objects; a wrong command line is exit 2', () => {
    const r = run(['-', '--json'], '* 1 FETCH (BODYSTRUCTURE (\r\n');
    expect(r.status).toBe(1);
    expect(lines(r.stdout)[0]).toMatchObject({
      type: 'error',
      code: expect.any(String),
      offset: expect.any(Number),
    });
    expect(run(['--budget', 'x']).status).toBe(2);
    expect(run(['--capabilities']).status).toBe(2);
    expect(run(['--help']).stdout).toContain('--json');
  });
});
