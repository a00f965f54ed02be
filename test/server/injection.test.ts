/**
 * Nothing a value holds can end a line or start another response: a CR, LF or NUL goes only in a
 * literal (NUL only in `~{n}`), a text that cannot carry one is refused with the field named,
 * raw values must keep their line ends inside counted literals. Then a property: any response
 * with hostile strings put anywhere in it either is refused with an `ImapEncodeError` or decodes
 * as exactly one item, nothing left over.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ResponseDecoder } from '../../src/decoder.ts';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import type { Response } from '../../src/model/response.ts';
import { encodeResponse } from '../../src/server/response-encoder.ts';
import { response } from '../../src/testing/arbitrary-responses.ts';

const b = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (u: Uint8Array): string => String.fromCharCode(...u);

function refused(r: unknown, code: string, field: string): void {
  let err: unknown;
  try {
    encodeResponse(r as Response);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ImapEncodeError);
  expect({ code: (err as ImapEncodeError).code, field: (err as ImapEncodeError).field }).toEqual({
    code,
    field,
  });
}

const tagged = (text: string, extra: object = {}): unknown => ({
  type: 'tagged',
  tag: 'A1',
  status: 'OK',
  text,
  ...extra,
});

describe('refused values (code and field)', () => {
  test.each([
    ['CR LF in a tagged text', tagged('done\r\n* 1 EXPUNGE'), 'INVALID_TEXT', 'text'],
    ['LF alone', tagged('a\nb'), 'INVALID_TEXT', 'text'],
    ['CR alone', tagged('a\rb'), 'INVALID_TEXT', 'text'],
    ['NUL', tagged('a\0b'), 'INVALID_TEXT', 'text'],
    ['"[" first without a code', tagged('[ALERT] fake'), 'INVALID_TEXT', 'text'],
    [
      'CR LF in an untagged OK',
      { type: 'untagged', kind: 'bye', text: 'x\r\nA1 OK' },
      'INVALID_TEXT',
      'text',
    ],
    ['CR LF in a continuation', { type: 'continuation', text: 'go\r\n' }, 'INVALID_TEXT', 'text'],
    ['a lone surrogate', tagged('\ud800'), 'INVALID_UNICODE', 'text'],
    ['a tag with SP', { type: 'tagged', tag: 'A1 OK', status: 'OK', text: '' }, 'INVALID_TAG', 'tag'],
    ['a tag that is not a string', { type: 'tagged', tag: 7, status: 'OK', text: '' }, 'INVALID_TAG', 'tag'],
    ['a tag with "+"', { type: 'tagged', tag: '+', status: 'OK', text: '' }, 'INVALID_TAG', 'tag'],
    [
      'an unknown status',
      { type: 'tagged', tag: 'A', status: 'YES', text: '' },
      'INVALID_ARGUMENT',
      'status',
    ],
    [
      'a capability with CR LF',
      { type: 'untagged', kind: 'capability', capabilities: ['IMAP4\r\n'] },
      'INVALID_ATOM',
      'capabilities[0]',
    ],
    ['a flag with SP', { type: 'untagged', kind: 'flags', flags: ['\\Seen x'] }, 'INVALID_FLAG', 'flags[0]'],
    [
      '\\* outside PERMANENTFLAGS',
      { type: 'untagged', kind: 'flags', flags: ['\\*'] },
      'INVALID_FLAG',
      'flags[0]',
    ],
    [
      'a LIST attribute without "\\"',
      { type: 'untagged', kind: 'list', flags: ['Sent'], delimiter: '/', mailbox: 'a', mailboxRaw: b('a') },
      'INVALID_FLAG',
      'flags[0]',
    ],
    [
      'a NUL in a mailbox name',
      { type: 'untagged', kind: 'myrights', mailbox: 'a', mailboxRaw: b('a\0'), rights: 'l' },
      'NUL_IN_STRING',
      'mailboxRaw',
    ],
    [
      'a two-character delimiter',
      { type: 'untagged', kind: 'list', flags: [], delimiter: '//', mailbox: 'a', mailboxRaw: b('a') },
      'INVALID_ARGUMENT',
      'delimiter',
    ],
    [
      'a LF delimiter',
      { type: 'untagged', kind: 'list', flags: [], delimiter: '\n', mailbox: 'a', mailboxRaw: b('a') },
      'INVALID_ARGUMENT',
      'delimiter',
    ],
    [
      'a NUL in BODY[]',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: { sections: [{ kind: 'body', section: '', part: [], value: new Uint8Array([0]) }] },
      },
      'NUL_IN_STRING',
      'attributes.sections[0].value',
    ],
    [
      'a NUL in a subject',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: {
          envelope: {
            date: null,
            dateRaw: null,
            subject: 'a\0',
            from: null,
            sender: null,
            replyTo: null,
            to: null,
            cc: null,
            bcc: null,
            inReplyTo: null,
            messageId: null,
          },
        },
      },
      'NUL_IN_STRING',
      'attributes.envelope.subject',
    ],
    ['seq 0', { type: 'untagged', kind: 'fetch', seq: 0, attributes: { uid: 1 } }, 'INVALID_NUMBER', 'seq'],
    [
      'no FETCH attribute',
      { type: 'untagged', kind: 'fetch', seq: 1, attributes: {} },
      'INVALID_ARGUMENT',
      'attributes',
    ],
    [
      'an empty address list',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: {
          envelope: {
            date: null,
            dateRaw: null,
            subject: null,
            from: [],
            sender: null,
            replyTo: null,
            to: null,
            cc: null,
            bcc: null,
            inReplyTo: null,
            messageId: null,
          },
        },
      },
      'INVALID_ARGUMENT',
      'attributes.envelope.from',
    ],
    [
      'an address with a NIL host',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: {
          envelope: {
            date: null,
            dateRaw: null,
            subject: null,
            from: [{ name: null, adl: null, mailbox: 'x', host: null }],
            sender: null,
            replyTo: null,
            to: null,
            cc: null,
            bcc: null,
            inReplyTo: null,
            messageId: null,
          },
        },
      },
      'INVALID_ARGUMENT',
      'attributes.envelope.from[0].host',
    ],
    [
      'a bad INTERNALDATE text',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: { internalDateRaw: '30-Feb-2024 00:00:00 +0000' },
      },
      'INVALID_DATE',
      'attributes.internalDateRaw',
    ],
    [
      'a CR LF in a raw value outside a literal',
      { type: 'untagged', kind: 'unknown', name: 'XA', raw: b('a\r\n* 1 EXPUNGE') },
      'INVALID_ARGUMENT',
      'raw',
    ],
    [
      'a raw value ending like a literal announcement',
      { type: 'untagged', kind: 'unknown', name: 'XA', raw: b('a {5}') },
      'INVALID_ARGUMENT',
      'raw',
    ],
    [
      'a raw value ending like a LITERAL+ announcement',
      { type: 'untagged', kind: 'unknown', name: 'XA', raw: b('a {5+}') },
      'INVALID_ARGUMENT',
      'raw',
    ],
    [
      'a raw literal running past the value',
      { type: 'untagged', kind: 'unknown', name: 'XA', raw: b('{9}\r\nab') },
      'INVALID_ARGUMENT',
      'raw',
    ],
    [
      'a NUL in a {n} literal of a raw value',
      { type: 'untagged', kind: 'unknown', name: 'XA', raw: b('{1}\r\n\0') },
      'NUL_IN_STRING',
      'raw',
    ],
    [
      'a URL with a quote',
      tagged('t', { code: { name: 'REFERRAL', urls: ['imap://a"b'] } }),
      'INVALID_ARGUMENT',
      'code.urls[0]',
    ],
    [
      'a URL with an unmatched "]"',
      tagged('t', { code: { name: 'REFERRAL', urls: ['imap://a]'] } }),
      'INVALID_ARGUMENT',
      'code.urls[0]',
    ],
    [
      'an unknown code with an unmatched "]"',
      tagged('t', { code: { name: 'X-A', unknown: true, raw: 'a] b' } }),
      'INVALID_ARGUMENT',
      'code.raw',
    ],
    [
      'an unknown code with a "]" (the first one closes the code)',
      tagged('t', { code: { name: 'X-A', unknown: true, raw: '"a]"' } }),
      'INVALID_ARGUMENT',
      'code.raw',
    ],
    [
      'an unknown code with CR LF',
      tagged('t', { code: { name: 'X-A', unknown: true, raw: 'a\r\nb' } }),
      'INVALID_TEXT',
      'code.raw',
    ],
    [
      'a charset with 8-bit',
      tagged('t', { code: { name: 'BADCHARSET', charsets: ['é'] } }),
      'INVALID_ARGUMENT',
      'code.charsets[0]',
    ],
    [
      'an unknown STATUS item named like a known one',
      {
        type: 'untagged',
        kind: 'status',
        mailbox: 'a',
        mailboxRaw: b('a'),
        attributes: { unknown: [{ name: 'messages', raw: b('1') }] },
      },
      'INVALID_ARGUMENT',
      'attributes.unknown[0].name',
    ],
    [
      'one thread child',
      { type: 'untagged', kind: 'thread', threads: [{ ids: [1], children: [{ ids: [2], children: [] }] }] },
      'INVALID_ARGUMENT',
      'threads[0].children',
    ],
    [
      'an empty multipart',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: { body: { type: 'multipart', subtype: 'mixed', parts: [] } },
      },
      'INVALID_ARGUMENT',
      'attributes.body.parts',
    ],
    [
      'a text part without lines',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: {
          body: {
            type: 'text',
            subtype: 'plain',
            section: '1',
            params: [],
            id: null,
            description: null,
            encoding: '7bit',
            size: 1,
          },
        },
      },
      'INVALID_ARGUMENT',
      'attributes.body.lines',
    ],
    [
      'mixed METADATA entries',
      {
        type: 'untagged',
        kind: 'metadata',
        mailbox: '',
        mailboxRaw: b(''),
        entries: [{ entry: '/a', value: null }, { entry: '/b' }],
      },
      'INVALID_ARGUMENT',
      'entries[1].value',
    ],
    ['an unknown kind', { type: 'untagged', kind: 'nope' }, 'INVALID_ARGUMENT', 'kind'],
    ['not an object', null, 'INVALID_ARGUMENT', ''],
    [
      'a wrong shape deep inside (no TypeError escapes)',
      {
        type: 'untagged',
        kind: 'fetch',
        seq: 1,
        attributes: { sections: [{ kind: 'body', section: '', value: null }] },
      },
      'INVALID_ARGUMENT',
      'attributes.sections[0].part',
    ],
  ])('%s', (_what, r, code, field) => refused(r, code, field));

  test('a cyclic body structure is refused, not a stack overflow', () => {
    const part: Record<string, unknown> = { type: 'multipart', subtype: 'mixed' };
    part['parts'] = [part];
    refused(
      { type: 'untagged', kind: 'fetch', seq: 1, attributes: { bodyStructure: part } },
      'INVALID_ARGUMENT',
      expect.stringMatching(/^attributes\.bodyStructure(\.parts\[0\])+$/) as unknown as string,
    );
  });
});

describe('hostile values that have a form', () => {
  test('CR LF in a mailbox name, a header and a subject go as literals', () => {
    const wire = latin1(
      encodeResponse({
        type: 'untagged',
        kind: 'myrights',
        mailbox: 'a\r\n* 1 EXPUNGE',
        mailboxRaw: b('a\r\n* 1 EXPUNGE'),
        rights: 'l',
      }),
    );
    expect(wire).toBe('* MYRIGHTS {14}\r\na\r\n* 1 EXPUNGE l\r\n');
  });
  test('a text that ends like a literal announcement stays text (a status line has none)', () => {
    const wire = encodeResponse({ type: 'tagged', tag: 'A1', status: 'OK', text: 'x {5}' });
    const d = new ResponseDecoder({ strict: true });
    expect(d.push(wire)).toEqual([{ type: 'tagged', tag: 'A1', status: 'OK', text: 'x {5}' }]);
    expect(d.pending).toBe(false);
  }, 60_000);
});

/** Hostile strings, each one an attempt to end the line or start a response. */
const HOSTILE = [
  '\r\n* 1 EXPUNGE',
  'a\r\nA1 OK x',
  '\n',
  '\r',
  '\0',
  '{5}',
  '{5}\r\nabcde',
  '"',
  '\\',
  ']',
  ') x',
  '[ALERT]',
  '',
];

/** A copy of `v` with the string (or byte string) leaves picked by `pick` replaced by hostile ones. */
function mutate(v: unknown, pick: () => number): unknown {
  if (typeof v === 'string') {
    const k = pick();
    return k < HOSTILE.length ? `${v}${HOSTILE[k]}` : v;
  }
  if (v instanceof Uint8Array) {
    const k = pick();
    return k < HOSTILE.length ? b(`${latin1(v)}${HOSTILE[k]}`) : v;
  }
  if (Array.isArray(v)) return v.map((x) => mutate(x, pick));
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(v))
      out[key] = key === 'type' || key === 'kind' ? x : mutate(x, pick);
    return out;
  }
  return v;
}

describe('injection property', () => {
  fcTest.prop([response, fc.array(fc.nat({ max: 3 * HOSTILE.length }), { minLength: 1, maxLength: 64 })], {
    numRuns: 300,
  })(
    'hostile strings anywhere: refused, or exactly one response and nothing pending',
    (r, picks) => {
      let i = 0;
      const hostile = mutate(r, () => picks[i++ % picks.length]!) as Response;
      let wire: Uint8Array;
      try {
        wire = encodeResponse(hostile);
      } catch (e) {
        expect(e).toBeInstanceOf(ImapEncodeError);
        return;
      }
      const d = new ResponseDecoder();
      const items = d.push(wire.slice());
      expect(items).toHaveLength(1);
      expect(d.pending).toBe(false);
    },
    60_000,
  );
});
