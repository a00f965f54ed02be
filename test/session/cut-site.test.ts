/**
 * Where a chaos-proxy cut fell (test/interop/cut-site.ts), from hand-made tails.
 */
import { describe, expect, it } from 'vitest';
import { cutSite } from '../interop/cut-site.ts';

const t = (up: string, down: string) => ({
  upTail: Buffer.from(up, 'latin1'),
  downTail: Buffer.from(down, 'latin1'),
});

describe('cutSite', () => {
  it.each([
    [
      'inside a literal',
      t('A7 FETCH 3 (UID ENVELOPE)\r\n', '* 3 FETCH (UID 9 ENVELOPE ("d" {12}\r\nGr\xfc\xdfe'),
      'literal',
    ],
    [
      'after a whole literal, in the line that follows',
      t('A7 FETCH 3 (UID ENVELOPE)\r\n', '* 3 FETCH (ENVELOPE ({3}\r\nabc NIL'),
      'fetch',
    ],
    [
      'a literal announced inside another literal does not count',
      t('A1 FETCH 1 BODY[]\r\n', '* 1 FETCH (BODY[] {10}\r\n{99}\r\nabcd)\r\n'),
      'fetch',
    ],
    ['inside IDLE', t('A5 IDLE\r\n', '+ idling\r\n* 4 EXISTS\r\n'), 'idle'],
    ['after DONE', t('A5 IDLE\r\nDONE\r\n', '+ idling\r\n'), 'idle'],
    [
      'inside a QRESYNC SELECT',
      t('A4 SELECT "soak-a" (QRESYNC (1 9 1:20))\r\n', '* 20 EXISTS\r\n* VANISHED (EARLIER) 3'),
      'resync',
    ],
    [
      'inside the full diff',
      t('A4 SELECT x\r\nA5 UID FETCH 1:* (FLAGS)\r\n', '* 1 FETCH (UID 1 FLAGS ())'),
      'resync',
    ],
    ['inside LOGIN', t('A2 LOGIN carol <redacted>\r\n', ''), 'login'],
    ['before a greeting', t('', ''), 'login'],
    ['between answered commands', t('A3 NOOP\r\n', 'A3 OK done\r\n'), 'other'],
  ])('%s', (_, tails, site) => {
    expect(cutSite(tails)).toBe(site);
  });
});
