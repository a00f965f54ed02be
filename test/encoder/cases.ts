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

export { EXTENSION_CASES } from './cases-extensions.ts';
export { EXTENSION_CASES_2 } from './cases-extensions-2.ts';
