/** The extension RFCs' known answers (typed command, exact bytes); see cases.ts. */
import type { Command } from '../../src/model/command.ts';

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
