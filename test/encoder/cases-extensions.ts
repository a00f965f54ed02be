/** The extension RFCs' known answers (typed command, exact bytes); see cases.ts. */
import type { Command } from '../../src/model/command.ts';

export const EXTENSION_CASES: [string, Command, string][] = [
  // RFC 4959 SASL-IR
  [
    'RFC 4959 §3 initial response',
    { name: 'AUTHENTICATE', mechanism: 'PLAIN', initialResponse: 'test\0test\0test' },
    'A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n',
  ],
  [
    'RFC 4959 §3 empty initial response',
    { name: 'AUTHENTICATE', mechanism: 'EXTERNAL', initialResponse: '' },
    'A01 AUTHENTICATE EXTERNAL =\r\n',
  ],
  [
    'RFC 4959 §3 no initial response',
    { name: 'AUTHENTICATE', mechanism: 'PLAIN' },
    'A01 AUTHENTICATE PLAIN\r\n',
  ],
  // RFC 5161 ENABLE
  [
    'RFC 5161 §4',
    { name: 'ENABLE', capabilities: ['CONDSTORE', 'X-GOOD-IDEA'] },
    't2 ENABLE CONDSTORE X-GOOD-IDEA\r\n',
  ],
  ['RFC 5161 §4', { name: 'ENABLE', capabilities: ['CONDSTORE'] }, 'a1 ENABLE CONDSTORE\r\n'],
  // RFC 2971 ID
  [
    'RFC 2971 §3.1',
    {
      name: 'ID',
      parameters: [
        { field: 'name', value: 'sodr' },
        { field: 'version', value: '19.34' },
        { field: 'vendor', value: 'Pink Floyd Music Limited' },
      ],
    },
    'a023 ID ("name" "sodr" "version" "19.34" "vendor" "Pink Floyd Music Limited")\r\n',
  ],
  ['RFC 2971 §3.1 NIL', { name: 'ID', parameters: null }, 'a042 ID NIL\r\n'],
  // RFC 2342 NAMESPACE, RFC 3691 UNSELECT, RFC 2177 IDLE, RFC 4978 COMPRESS
  ['RFC 2342 §5', { name: 'NAMESPACE' }, 'A001 NAMESPACE\r\n'],
  ['RFC 2342 §5 CREATE', { name: 'CREATE', mailbox: 'INBOX.Sent Mail' }, 'A002 CREATE "INBOX.Sent Mail"\r\n'],
  [
    'RFC 2342 §5 LIST',
    { name: 'LIST', reference: '', pattern: 'Other Users/%' },
    'A002 LIST "" "Other Users/%"\r\n',
  ],
  ['RFC 3691 §3', { name: 'UNSELECT' }, 'A341 UNSELECT\r\n'],
  ['RFC 2177 §3', { name: 'IDLE' }, 'A002 IDLE\r\n'],
  ['RFC 4978 §5', { name: 'COMPRESS', mechanism: 'DEFLATE' }, 'c COMPRESS DEFLATE\r\n'],
  // RFC 5258 LIST-EXTENDED, RFC 5819 LIST-STATUS, RFC 6154 SPECIAL-USE
  [
    'RFC 5258 §5.1',
    { name: 'LIST', selection: ['SUBSCRIBED'], reference: '', pattern: '*' },
    'A02 LIST (SUBSCRIBED) "" *\r\n',
  ],
  [
    'RFC 5258 §5.3',
    { name: 'LIST', selection: [], reference: '', pattern: '%', return: ['CHILDREN'] },
    'A03 LIST () "" % RETURN (CHILDREN)\r\n',
  ],
  [
    'RFC 5258 §5.4',
    { name: 'LIST', selection: ['REMOTE'], reference: '', pattern: '%', return: ['CHILDREN'] },
    'A04 LIST (REMOTE) "" % RETURN (CHILDREN)\r\n',
  ],
  [
    'RFC 5258 §5.6',
    { name: 'LIST', selection: ['REMOTE'], reference: '', pattern: '*', return: ['SUBSCRIBED'] },
    'A06 LIST (REMOTE) "" * RETURN (SUBSCRIBED)\r\n',
  ],
  [
    'RFC 5258 §5.7',
    { name: 'LIST', reference: '', pattern: ['INBOX', 'Drafts', 'Sent/%'] },
    'BBB LIST "" (INBOX Drafts Sent/%)\r\n',
  ],
  [
    'RFC 5258 §5.8',
    {
      name: 'LIST',
      selection: ['SUBSCRIBED', 'RECURSIVEMATCH'],
      reference: '',
      pattern: 'foo',
      return: ['CHILDREN'],
    },
    'a3 LIST (SUBSCRIBED RECURSIVEMATCH) "" foo RETURN (CHILDREN)\r\n',
  ],
  [
    'RFC 5258 §5.9',
    { name: 'LIST', selection: ['REMOTE'], reference: '', pattern: '*' },
    'a1 LIST (REMOTE) "" *\r\n',
  ],
  ['RFC 5258 §5.9', { name: 'LIST', selection: [], reference: '', pattern: '%' }, 'a2 LIST () "" %\r\n'],
  [
    'RFC 5258 §5.9',
    { name: 'LIST', reference: '', pattern: ['%', 'music/rock'] },
    'a3.1 LIST "" (% music/rock)\r\n',
  ],
  [
    'RFC 5819 §5',
    { name: 'LIST', reference: '', pattern: '%', return: [{ status: ['MESSAGES', 'UNSEEN'] }] },
    'A01 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))\r\n',
  ],
  [
    'RFC 6154 §5.3',
    { name: 'CREATE', mailbox: 'MySpecial', specialUse: ['\\Drafts', '\\Sent'] },
    't1 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n',
  ],
  [
    'RFC 6154 §5.1',
    { name: 'LIST', selection: ['SPECIAL-USE'], reference: '', pattern: '*' },
    't1 LIST (SPECIAL-USE) "" *\r\n',
  ],
  [
    'RFC 6154 §5.2',
    { name: 'LIST', reference: '', pattern: '%', return: ['SPECIAL-USE'] },
    't2 LIST "" % RETURN (SPECIAL-USE)\r\n',
  ],
  // RFC 4731 ESEARCH (and RFC 9051 §6.4.4)
  [
    'RFC 4731 §3.1 (RFC 9051 §6.4.4)',
    {
      name: 'SEARCH',
      return: ['MIN', 'COUNT'],
      criteria: [
        { key: 'FLAGGED' },
        { key: 'SINCE', date: '1994-02-01' },
        { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
      ],
    },
    'A282 SEARCH RETURN (MIN COUNT) FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"\r\n',
  ],
  [
    'RFC 4731 §3.1 RETURN ()',
    {
      name: 'SEARCH',
      return: [],
      criteria: [
        { key: 'FLAGGED' },
        { key: 'SINCE', date: '1994-02-01' },
        { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
      ],
    },
    'A283 SEARCH RETURN () FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"\r\n',
  ],
  [
    'RFC 4731 §3.1',
    { name: 'SEARCH', return: ['MIN'], criteria: [{ key: 'UNSEEN' }] },
    'A284 SEARCH RETURN (MIN) UNSEEN\r\n',
  ],
  [
    'RFC 4731 §3.1',
    { name: 'SEARCH', uid: true, return: ['MIN', 'MAX'], criteria: [{ key: 'SEQUENCE-SET', set: '1:5000' }] },
    'A285 UID SEARCH RETURN (MIN MAX) 1:5000\r\n',
  ],
  [
    'RFC 4731 §3.1',
    { name: 'SEARCH', return: ['COUNT'], criteria: [{ key: 'DELETED' }] },
    'A286 SEARCH RETURN (COUNT) DELETED\r\n',
  ],
  [
    'RFC 4731 §3.2',
    {
      name: 'SEARCH',
      return: ['MIN', 'MAX'],
      criteria: [{ key: 'MODSEQ', entry: { name: '/flags/\\draft', type: 'all' }, modseq: 620162338n }],
    },
    'a3 SEARCH RETURN (MIN MAX) MODSEQ "/flags/\\\\draft" all 620162338\r\n',
  ],
  // RFC 5032 WITHIN
  [
    'RFC 5032 §4',
    { name: 'SEARCH', criteria: [{ key: 'UNSEEN' }, { key: 'YOUNGER', seconds: 259200 }] },
    'a1 SEARCH UNSEEN YOUNGER 259200\r\n',
  ],
];
