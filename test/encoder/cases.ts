/** The known-answer tables (RFC examples as typed commands and their exact bytes), shared by the
 * encoder suites and the command parser's. */
import type { Command } from '../../src/model/command.ts';

export const RFC3501_CASES: [string, Command, string][] = [
  ['§6.1.1 CAPABILITY (RFC 9051 §6.1.1)', { name: 'CAPABILITY' }, 'abcd CAPABILITY\r\n'],
  ['§6.1.2 NOOP (RFC 9051 §6.1.2)', { name: 'NOOP' }, 'a002 NOOP\r\n'],
  ['§6.1.3 LOGOUT (RFC 9051 §6.1.3)', { name: 'LOGOUT' }, 'A023 LOGOUT\r\n'],
  ['§6.2.1 STARTTLS (RFC 9051 §6.2.1)', { name: 'STARTTLS' }, 'a002 STARTTLS\r\n'],
  [
    '§6.2.1 LOGIN after STARTTLS',
    { name: 'LOGIN', username: 'joe', password: 'password' },
    'a004 LOGIN joe password\r\n',
  ],
  ['§6.2.2 AUTHENTICATE', { name: 'AUTHENTICATE', mechanism: 'GSSAPI' }, 'A001 AUTHENTICATE GSSAPI\r\n'],
  [
    '§6.2.3 LOGIN (RFC 9051 §6.2.3)',
    { name: 'LOGIN', username: 'SMITH', password: 'SESAME' },
    'a001 LOGIN SMITH SESAME\r\n',
  ],
  ['§6.3.1 SELECT (RFC 9051 §6.3.2)', { name: 'SELECT', mailbox: 'INBOX' }, 'A142 SELECT INBOX\r\n'],
  [
    '§6.3.2 EXAMINE (RFC 9051 §6.3.3)',
    { name: 'EXAMINE', mailbox: 'blurdybloop' },
    'A932 EXAMINE blurdybloop\r\n',
  ],
  ['§6.3.3 CREATE', { name: 'CREATE', mailbox: 'owatagusiam/' }, 'A003 CREATE owatagusiam/\r\n'],
  [
    '§6.3.3 CREATE below',
    { name: 'CREATE', mailbox: 'owatagusiam/blurdybloop' },
    'A004 CREATE owatagusiam/blurdybloop\r\n',
  ],
  ['§6.3.4 DELETE', { name: 'DELETE', mailbox: 'blurdybloop' }, 'A683 DELETE blurdybloop\r\n'],
  ['§6.3.4 DELETE foo/bar', { name: 'DELETE', mailbox: 'foo/bar' }, 'A685 DELETE foo/bar\r\n'],
  [
    '§6.3.5 RENAME',
    { name: 'RENAME', from: 'blurdybloop', to: 'sarasoop' },
    'A683 RENAME blurdybloop sarasoop\r\n',
  ],
  [
    '§6.3.5 RENAME INBOX',
    { name: 'RENAME', from: 'INBOX', to: 'old-mail' },
    'Z433 RENAME INBOX old-mail\r\n',
  ],
  [
    '§6.3.6 SUBSCRIBE',
    { name: 'SUBSCRIBE', mailbox: '#news.comp.mail.mime' },
    'A002 SUBSCRIBE #news.comp.mail.mime\r\n',
  ],
  [
    '§6.3.7 UNSUBSCRIBE',
    { name: 'UNSUBSCRIBE', mailbox: '#news.comp.mail.mime' },
    'A002 UNSUBSCRIBE #news.comp.mail.mime\r\n',
  ],
  ['§6.3.4 LIST "" *', { name: 'LIST', reference: '', pattern: '*' }, 'A682 LIST "" *\r\n'],
  ['§6.3.4 LIST "" %', { name: 'LIST', reference: '', pattern: '%' }, 'A86 LIST "" %\r\n'],
  ['§6.3.8 LIST "" ""', { name: 'LIST', reference: '', pattern: '' }, 'A101 LIST "" ""\r\n'],
  [
    '§6.3.8 LIST #news…',
    { name: 'LIST', reference: '#news.comp.mail.misc', pattern: '' },
    'A102 LIST #news.comp.mail.misc ""\r\n',
  ],
  [
    '§6.3.8 LIST /usr/staff/jones',
    { name: 'LIST', reference: '/usr/staff/jones', pattern: '' },
    'A103 LIST /usr/staff/jones ""\r\n',
  ],
  ['§6.3.8 LIST ~/Mail/ %', { name: 'LIST', reference: '~/Mail/', pattern: '%' }, 'A202 LIST ~/Mail/ %\r\n'],
  [
    '§6.3.10 STATUS (RFC 9051 §6.3.11)',
    { name: 'STATUS', mailbox: 'blurdybloop', items: ['UIDNEXT', 'MESSAGES'] },
    'A042 STATUS blurdybloop (UIDNEXT MESSAGES)\r\n',
  ],
  ['§6.4.1 CHECK', { name: 'CHECK' }, 'FXXZ CHECK\r\n'],
  ['§6.4.2 CLOSE', { name: 'CLOSE' }, 'A341 CLOSE\r\n'],
  ['§6.4.3 EXPUNGE', { name: 'EXPUNGE' }, 'A202 EXPUNGE\r\n'],
  [
    '§6.4.4 SEARCH',
    {
      name: 'SEARCH',
      criteria: [
        { key: 'FLAGGED' },
        { key: 'SINCE', date: '1994-02-01' },
        { key: 'NOT', operand: { key: 'FROM', value: 'Smith' } },
      ],
    },
    'A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM "Smith"\r\n',
  ],
  [
    '§6.4.4 SEARCH TEXT',
    { name: 'SEARCH', criteria: [{ key: 'TEXT', value: 'string not in mailbox' }] },
    'A283 SEARCH TEXT "string not in mailbox"\r\n',
  ],
  [
    '§6.4.5 FETCH (RFC 9051 §6.4.5)',
    {
      name: 'FETCH',
      sequence: '2:4',
      items: [
        { item: 'FLAGS' },
        { item: 'BODY[]', section: { text: 'HEADER.FIELDS', fields: ['DATE', 'FROM'] } },
      ],
    },
    'A654 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)])\r\n',
  ],
  [
    '§6.4.6 STORE (RFC 9051 §6.4.6)',
    { name: 'STORE', sequence: '2:4', operation: 'add', flags: ['\\Deleted'] },
    'A003 STORE 2:4 +FLAGS (\\Deleted)\r\n',
  ],
  [
    '§6.4.7 COPY (RFC 9051 §6.4.7)',
    { name: 'COPY', sequence: '2:4', mailbox: 'MEETING' },
    'A003 COPY 2:4 MEETING\r\n',
  ],
  [
    '§6.4.8 UID FETCH',
    { name: 'FETCH', uid: true, sequence: [[4827313, 4828442]], items: { item: 'FLAGS' } },
    'A999 UID FETCH 4827313:4828442 FLAGS\r\n',
  ],
  [
    '§7.1.5 COPY',
    { name: 'COPY', sequence: '3:200', mailbox: 'blurdybloop' },
    'A223 COPY 3:200 blurdybloop\r\n',
  ],
];

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

export const EXTENSION_CASES_2: [string, Command, string][] = [
  // RFC 7162 CONDSTORE / QRESYNC (the examples of RFC 4551 and RFC 5162 it took over)
  [
    'RFC 7162 §3.1.8 (RFC 4551)',
    { name: 'SELECT', mailbox: 'INBOX', condstore: true },
    'A142 SELECT INBOX (CONDSTORE)\r\n',
  ],
  [
    'RFC 7162 §3.1.3 example 3 (RFC 4551)',
    {
      name: 'STORE',
      uid: true,
      sequence: '6,4,8',
      unchangedSince: 12121230045n,
      operation: 'add',
      silent: true,
      flags: ['\\Deleted'],
    },
    'a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n',
  ],
  [
    'RFC 7162 §3.1.3 example 4',
    {
      name: 'STORE',
      sequence: '*',
      unchangedSince: 12121230045n,
      operation: 'add',
      silent: true,
      flags: ['\\Deleted', '$Processed'],
    },
    'a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)\r\n',
  ],
  [
    'RFC 7162 §3.1.3 example 5',
    {
      name: 'STORE',
      sequence: 1,
      unchangedSince: 12121230045n,
      operation: 'remove',
      silent: true,
      flags: ['\\Deleted'],
    },
    'c101 STORE 1 (UNCHANGEDSINCE 12121230045) -FLAGS.SILENT (\\Deleted)\r\n',
  ],
  [
    'RFC 7162 §3.1.3 example 8',
    { name: 'STORE', sequence: 12, unchangedSince: 0n, operation: 'add', silent: true, flags: ['$MDNSent'] },
    'a102 STORE 12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)\r\n',
  ],
  [
    'RFC 7162 §3.1.4.1',
    { name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }], changedSince: 12345n },
    's100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n',
  ],
  [
    'RFC 7162 §3.1.5',
    { name: 'FETCH', sequence: '1:3', items: [{ item: 'MODSEQ' }] },
    'a FETCH 1:3 (MODSEQ)\r\n',
  ],
  [
    'RFC 7162 §3.1.5 SEARCH MODSEQ',
    {
      name: 'SEARCH',
      criteria: [{ key: 'MODSEQ', entry: { name: '/flags/\\draft', type: 'all' }, modseq: 620162338n }],
    },
    'a SEARCH MODSEQ "/flags/\\\\draft" all 620162338\r\n',
  ],
  [
    'RFC 7162 §3.1.5 OR NOT MODSEQ',
    {
      name: 'SEARCH',
      criteria: [
        {
          key: 'OR',
          left: { key: 'NOT', operand: { key: 'MODSEQ', modseq: 720162338n } },
          right: { key: 'LARGER', size: 50000 },
        },
      ],
    },
    't SEARCH OR NOT MODSEQ 720162338 LARGER 50000\r\n',
  ],
  [
    'RFC 7162 §3.1.6',
    { name: 'STATUS', mailbox: 'blurdybloop', items: ['UIDNEXT', 'MESSAGES', 'HIGHESTMODSEQ'] },
    'A042 STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)\r\n',
  ],
  [
    'RFC 7162 §3.2.5.2 (RFC 5162)',
    {
      name: 'SELECT',
      mailbox: 'INBOX',
      qresync: { uidValidity: 67890007, modseq: 20050715194045000n, knownUids: '41,43:211,214:541' },
    },
    'A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\r\n',
  ],
  [
    'RFC 7162 §3.2.5.2 seq-match-data',
    {
      name: 'SELECT',
      mailbox: 'INBOX',
      qresync: {
        uidValidity: 67890007,
        modseq: 90060115194045000n,
        knownUids: [[1, 29997]],
        seqMatch: {
          sequences: [5000, 7500, 9000, [9990, 9999]],
          uids: '15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997',
        },
      },
    },
    'B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 ' +
      '15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))\r\n',
  ],
  [
    'RFC 7162 §3.2.10 (RFC 5162 §9)',
    {
      name: 'SELECT',
      mailbox: 'INBOX',
      qresync: { uidValidity: 3857529045, modseq: 20010715194032001n, knownUids: '1:198' },
    },
    'A142 SELECT INBOX (QRESYNC (3857529045 20010715194032001 1:198))\r\n',
  ],
  [
    'RFC 7162 §3.2.6 VANISHED',
    {
      name: 'FETCH',
      uid: true,
      sequence: '300:500',
      items: [{ item: 'FLAGS' }],
      changedSince: 12345n,
      vanished: true,
    },
    's100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n',
  ],
  // RFC 4315 UIDPLUS, RFC 6851 MOVE
  ['RFC 4315 §2.1', { name: 'EXPUNGE', uids: '3000:3002' }, 'A003 UID EXPUNGE 3000:3002\r\n'],
  [
    'RFC 4315 §3',
    { name: 'COPY', uid: true, sequence: '305:310', mailbox: 'meeting' },
    'A005 UID COPY 305:310 meeting\r\n',
  ],
  [
    "RFC 6851 MOVE, after RFC 3501 §6.4.7's COPY example",
    { name: 'MOVE', sequence: '2:4', mailbox: 'MEETING' },
    'A003 MOVE 2:4 MEETING\r\n',
  ],
  [
    'RFC 6851 §4.4 UID MOVE',
    { name: 'MOVE', uid: true, sequence: '42:69', mailbox: 'foo' },
    'a UID MOVE 42:69 foo\r\n',
  ],
  // RFC 5256 SORT / THREAD
  [
    'RFC 5256 §3 SORT',
    {
      name: 'SORT',
      sort: [{ key: 'SUBJECT' }],
      charset: 'UTF-8',
      criteria: [{ key: 'SINCE', date: '1994-02-01' }],
    },
    'A282 SORT (SUBJECT) UTF-8 SINCE 1-Feb-1994\r\n',
  ],
  [
    'RFC 5256 §3 SORT REVERSE',
    {
      name: 'SORT',
      sort: [{ key: 'SUBJECT' }, { key: 'DATE', reverse: true }],
      charset: 'UTF-8',
      criteria: [{ key: 'ALL' }],
    },
    'A283 SORT (SUBJECT REVERSE DATE) UTF-8 ALL\r\n',
  ],
  [
    'RFC 5256 §3 SORT TEXT',
    {
      name: 'SORT',
      sort: [{ key: 'SUBJECT' }],
      charset: 'US-ASCII',
      criteria: [{ key: 'TEXT', value: 'not in mailbox' }],
    },
    'A284 SORT (SUBJECT) US-ASCII TEXT "not in mailbox"\r\n',
  ],
  [
    'RFC 5256 §3 THREAD (the RFC writes the month MAR; the encoder Mar)',
    {
      name: 'THREAD',
      algorithm: 'ORDEREDSUBJECT',
      charset: 'UTF-8',
      criteria: [{ key: 'SINCE', date: '2000-03-05' }],
    },
    'A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-Mar-2000\r\n',
  ],
  [
    'RFC 5256 §3 THREAD TEXT',
    {
      name: 'THREAD',
      algorithm: 'ORDEREDSUBJECT',
      charset: 'US-ASCII',
      criteria: [{ key: 'TEXT', value: 'gewp' }],
    },
    'A284 THREAD ORDEREDSUBJECT US-ASCII TEXT "gewp"\r\n',
  ],
  [
    'RFC 5267 §4.2 UID SORT RETURN ()',
    {
      name: 'SORT',
      uid: true,
      return: [],
      sort: [{ key: 'DATE', reverse: true }],
      charset: 'UTF-8',
      criteria: [{ key: 'UNDELETED' }, { key: 'UNKEYWORD', flag: '$Junk' }],
    },
    'E01 UID SORT RETURN () (REVERSE DATE) UTF-8 UNDELETED UNKEYWORD $Junk\r\n',
  ],
  // RFC 5464 METADATA
  [
    'RFC 5464 §4.2',
    { name: 'GETMETADATA', mailbox: '', entries: '/shared/comment' },
    'a GETMETADATA "" /shared/comment\r\n',
  ],
  [
    'RFC 5464 §4.2 (the RFC quotes "INBOX")',
    { name: 'GETMETADATA', mailbox: 'INBOX', entries: ['/shared/comment', '/private/comment'] },
    'a GETMETADATA INBOX (/shared/comment /private/comment)\r\n',
  ],
  [
    'RFC 5464 §4.2.1 (options first, as the ABNF has them)',
    {
      name: 'GETMETADATA',
      mailbox: 'INBOX',
      maxSize: 1024,
      entries: ['/shared/comment', '/private/comment'],
    },
    'a GETMETADATA (MAXSIZE 1024) INBOX (/shared/comment /private/comment)\r\n',
  ],
  [
    'RFC 5464 §4.2.2',
    { name: 'GETMETADATA', mailbox: 'INBOX', depth: '1', entries: ['/private/filters/values'] },
    'a GETMETADATA (DEPTH 1) INBOX (/private/filters/values)\r\n',
  ],
  [
    'RFC 5464 §4.3 NIL',
    { name: 'SETMETADATA', mailbox: 'INBOX', entries: [{ entry: '/private/comment', value: null }] },
    'a SETMETADATA INBOX (/private/comment NIL)\r\n',
  ],
  [
    'RFC 5464 §4.3 two entries',
    {
      name: 'SETMETADATA',
      mailbox: 'INBOX',
      entries: [
        { entry: '/private/comment', value: 'My new comment' },
        { entry: '/shared/comment', value: 'This one is for you!' },
      ],
    },
    'a SETMETADATA INBOX (/private/comment "My new comment" /shared/comment "This one is for you!")\r\n',
  ],
  // RFC 2087 QUOTA (RFC 9208 §4 keeps the commands)
  [
    'RFC 2087 §4.1',
    { name: 'SETQUOTA', root: '', limits: [{ resource: 'STORAGE', limit: 512 }] },
    'A001 SETQUOTA "" (STORAGE 512)\r\n',
  ],
  ['RFC 2087 §4.2', { name: 'GETQUOTA', root: '' }, 'A003 GETQUOTA ""\r\n'],
  ['RFC 2087 §4.3', { name: 'GETQUOTAROOT', mailbox: 'INBOX' }, 'A003 GETQUOTAROOT INBOX\r\n'],
  // RFC 5465 NOTIFY
  [
    'RFC 5465 §5 (lower-case keywords in the RFC)',
    {
      name: 'NOTIFY',
      groups: [
        { filter: 'mailboxes', mailboxes: ['INBOX'], events: ['MessageNew', 'MessageExpunge'] },
        { filter: 'personal', events: ['SubscriptionChange'] },
      ],
    },
    'a NOTIFY SET (mailboxes INBOX (MessageNew MessageExpunge)) (personal (SubscriptionChange))\r\n',
  ],
  [
    'RFC 5465 §5 selected with fetch attributes',
    {
      name: 'NOTIFY',
      groups: [
        {
          filter: 'selected',
          events: [{ event: 'MessageNew', fetch: [{ item: 'UID' }, { item: 'FLAGS' }] }, 'MessageExpunge'],
        },
        { filter: 'personal', events: ['MessageNew', 'FlagChange', 'MessageExpunge'] },
      ],
    },
    'a NOTIFY SET (selected (MessageNew (UID FLAGS) MessageExpunge)) (personal (MessageNew FlagChange MessageExpunge))\r\n',
  ],
  [
    'RFC 5465 §3.1 STATUS (the RFC example lacks the events parentheses the ABNF requires)',
    {
      name: 'NOTIFY',
      status: true,
      groups: [
        {
          filter: 'selected',
          events: [
            {
              event: 'MessageNew',
              fetch: [
                { item: 'UID' },
                {
                  item: 'BODY[]',
                  peek: true,
                  section: { text: 'HEADER.FIELDS', fields: ['from', 'to', 'subject'] },
                },
              ],
            },
            'MessageExpunge',
          ],
        },
        { filter: 'subtree', mailboxes: ['Lists'], events: ['MessageNew'] },
      ],
    },
    'b NOTIFY SET STATUS (selected (MessageNew (UID BODY.PEEK[HEADER.FIELDS (from to subject)]) MessageExpunge)) (subtree Lists (MessageNew))\r\n',
  ],
  ['RFC 5465 §3.1 NONE', { name: 'NOTIFY', groups: null }, 'a NOTIFY NONE\r\n'],
  // RFC 3516 BINARY, RFC 8970 PREVIEW, RFC 8474 OBJECTID
  [
    'RFC 3516 §4.2 FETCH items, written from the ABNF',
    {
      name: 'FETCH',
      sequence: 1,
      items: [
        { item: 'BINARY[]', peek: true, part: [1, 2], partial: { origin: 0, count: 1024 } },
        { item: 'BINARY.SIZE', part: [1] },
        { item: 'BINARY[]' },
      ],
    },
    'a FETCH 1 (BINARY.PEEK[1.2]<0.1024> BINARY.SIZE[1] BINARY[])\r\n',
  ],
  [
    'RFC 8970 PREVIEW (LAZY), written from the ABNF',
    { name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'UID' }, { item: 'PREVIEW', lazy: true }] },
    'A1 UID FETCH 1:* (UID PREVIEW (LAZY))\r\n',
  ],
  [
    'RFC 8474 EMAILID THREADID, written from the ABNF',
    { name: 'FETCH', sequence: '1:*', items: [{ item: 'EMAILID' }, { item: 'THREADID' }] },
    'A1 FETCH 1:* (EMAILID THREADID)\r\n',
  ],
];
