/**
 * fast-check arbitraries of typed commands in the command parser's canonical form (what it
 * gives back); the values inside them come from arbitrary-values.ts.
 */
import fc from 'fast-check';
import { type Command, STATUS_ITEMS } from '../model/command.ts';
import { SORT_KEYS } from '../model/command-ext.ts';
import { NOTIFY_EVENTS, type NotifyEvent, type NotifyGroup } from '../model/command-notify.ts';
import {
  atom,
  bytes,
  clean,
  dateTime,
  fetchItem,
  flag,
  imapString,
  mailbox,
  modseq,
  modseqZ,
  nonEmpty,
  nz,
  opt,
  searchKey,
  seqSet,
  text,
  u32,
  uidSet,
  yes,
} from './arbitrary-command-values.ts';

const criteria = fc.array(searchKey, { minLength: 1, maxLength: 4 });
const returnOpts = opt(fc.subarray(['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'] as const).map((a) => [...a]));
const statusItems = fc.subarray([...STATUS_ITEMS], { minLength: 1 }).map((a) => [...a]);
const charset = fc.oneof(fc.constantFrom('UTF-8', 'US-ASCII', 'ISO-8859-1'), fc.constant('x y'));

const notifyEvent: fc.Arbitrary<NotifyEvent> = fc.constantFrom(...NOTIFY_EVENTS);
const notifyGroup: fc.Arbitrary<NotifyGroup> = fc.oneof(
  fc.record({
    filter: fc.constantFrom('selected', 'selected-delayed') as fc.Arbitrary<'selected'>,
    events: fc.option(
      fc.array(
        fc.oneof(
          notifyEvent,
          fc
            .array(fetchItem, { minLength: 1, maxLength: 3 })
            .map((fetch) => ({ event: 'MessageNew', fetch }) as NotifyEvent),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
  }),
  fc.record({
    filter: fc.constantFrom('inboxes', 'personal', 'subscribed') as fc.Arbitrary<'personal'>,
    events: fc.option(fc.array(notifyEvent, { minLength: 1, maxLength: 3 })),
  }),
  fc.record({
    filter: fc.constantFrom('subtree', 'mailboxes') as fc.Arbitrary<'subtree'>,
    mailboxes: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
    events: fc.option(fc.array(notifyEvent, { minLength: 1, maxLength: 3 })),
  }),
);

/** Every command, canonical. `binary`: the server has BINARY (APPEND may carry NUL). */
export function command(binary: boolean): fc.Arbitrary<Command> {
  const content = binary
    ? fc.uint8Array({ maxLength: 40 })
    : fc.oneof(
        text.map((s) => new TextEncoder().encode(s)),
        bytes,
      );
  return fc.oneof(
    fc
      .constantFrom(
        'CAPABILITY',
        'NOOP',
        'LOGOUT',
        'STARTTLS',
        'NAMESPACE',
        'IDLE',
        'CHECK',
        'CLOSE',
        'UNSELECT',
      )
      .map((name) => ({ name }) as Command),
    fc.record({ name: fc.constant('LOGIN'), username: imapString, password: imapString }),
    fc
      .record({ mechanism: atom, initialResponse: opt(fc.uint8Array({ maxLength: 30 })) })
      .map((r) => clean({ name: 'AUTHENTICATE', ...r }) as Command),
    fc.record({ name: fc.constant('ENABLE'), capabilities: fc.array(atom, { minLength: 1, maxLength: 3 }) }),
    fc.record({
      name: fc.constant('ID'),
      parameters: fc.option(
        fc.array(fc.record({ field: imapString, value: fc.option(imapString) }), { maxLength: 3 }),
      ),
    }),
    fc
      .record({
        name: fc.constantFrom('SELECT', 'EXAMINE'),
        mailbox,
        condstore: yes,
        qresync: opt(
          fc
            .record({
              uidValidity: nz,
              modseq,
              knownUids: opt(uidSet),
              seqMatch: opt(fc.record({ sequences: uidSet, uids: uidSet })),
            })
            .map(clean),
        ),
      })
      .map((r) => clean(r) as Command),
    fc
      .record({
        mailbox,
        specialUse: opt(
          fc.array(
            atom.map((a) => `\\${a}`),
            { maxLength: 3 },
          ),
        ),
      })
      .map((r) => clean({ name: 'CREATE', ...r }) as Command),
    fc.record({ name: fc.constantFrom('DELETE', 'SUBSCRIBE', 'UNSUBSCRIBE'), mailbox }),
    fc.record({ name: fc.constant('RENAME'), from: mailbox, to: mailbox }),
    fc
      .record({
        selection: opt(fc.subarray(['SUBSCRIBED', 'REMOTE', 'SPECIAL-USE'] as const).map((a) => [...a])),
        reference: mailbox,
        pattern: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })),
        return: opt(
          fc.array(
            fc.oneof(
              fc.constantFrom('SUBSCRIBED', 'CHILDREN', 'SPECIAL-USE'),
              statusItems.map((status) => ({ status })),
            ),
            { maxLength: 3 },
          ),
        ),
      })
      .map((r) => clean({ name: 'LIST', ...r }) as Command),
    fc.record({ name: fc.constant('LSUB'), reference: mailbox, pattern: text }),
    fc.record({ name: fc.constant('STATUS'), mailbox, items: statusItems }),
    fc
      .record({
        mailbox,
        messages: fc.array(
          fc.record({
            flags: opt(fc.array(flag, { maxLength: 3 })),
            date: opt(dateTime),
            content,
            binary: binary ? yes : fc.constant(undefined),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(
        (r) =>
          ({
            name: 'APPEND',
            mailbox: r.mailbox,
            messages: r.messages.map((m) =>
              clean({ ...m, binary: m.binary || (m.content as Uint8Array).includes(0) ? true : undefined }),
            ),
          }) as Command,
      ),
    fc.record({ uids: opt(seqSet) }).map((r) => clean({ name: 'EXPUNGE', ...r }) as Command),
    fc
      .record({ uid: yes, return: returnOpts, charset: opt(charset), criteria })
      .map((r) => clean({ name: 'SEARCH', ...r }) as Command),
    fc
      .record({
        uid: fc.boolean(),
        sequence: seqSet,
        items: fc.oneof(
          fc.constantFrom('ALL', 'FAST', 'FULL'),
          fetchItem,
          fc.array(fetchItem, { minLength: 1, maxLength: 4 }),
        ),
        changedSince: opt(modseq),
        vanished: yes,
      })
      .map(
        (r) =>
          clean({
            name: 'FETCH',
            ...r,
            uid: r.uid || undefined,
            vanished: r.uid && r.changedSince !== undefined ? r.vanished : undefined,
          }) as Command,
      ),
    fc
      .record({
        uid: yes,
        sequence: seqSet,
        operation: fc.constantFrom('replace', 'add', 'remove'),
        silent: yes,
        what: fc.oneof(
          fc.array(flag, { maxLength: 3 }).map((flags) => ({ flags })),
          fc
            .array(fc.oneof(mailbox, fc.constant('\\Important')), { maxLength: 3 })
            .map((labels) => ({ labels })),
        ),
        unchangedSince: opt(modseqZ),
      })
      .map(({ what, ...r }) => clean({ name: 'STORE', ...r, ...what }) as Command),
    fc
      .record({ name: fc.constantFrom('COPY', 'MOVE'), uid: yes, sequence: seqSet, mailbox })
      .map((r) => clean(r) as Command),
    fc.oneof(
      fc.constant({ name: 'NOTIFY', groups: null } as Command),
      fc
        .record({ status: yes, groups: fc.array(notifyGroup, { minLength: 1, maxLength: 3 }) })
        .map((r) => clean({ name: 'NOTIFY', ...r }) as Command),
    ),
    fc.record({ name: fc.constant('GETQUOTA'), root: imapString }),
    fc.record({ name: fc.constant('GETQUOTAROOT'), mailbox }),
    fc.record({
      name: fc.constant('SETQUOTA'),
      root: imapString,
      limits: fc.array(fc.record({ resource: atom, limit: fc.maxSafeNat() }), { maxLength: 3 }),
    }),
    fc
      .record({
        mailbox,
        entries: fc
          .oneof(nonEmpty, fc.array(nonEmpty, { minLength: 1, maxLength: 3 }))
          .filter((e) => !/[*%]/.test(String(e))),
        maxSize: opt(u32),
        depth: opt(fc.constantFrom('0', '1', 'infinity') as fc.Arbitrary<'0'>),
      })
      .map((r) => clean({ name: 'GETMETADATA', ...r }) as Command),
    fc
      .record({
        mailbox,
        entries: fc.array(
          fc.record({
            entry: nonEmpty.filter((e) => !/[*%]/.test(e)),
            value: fc.option(
              binary
                ? fc.oneof(
                    imapString,
                    fc.uint8Array({ maxLength: 10 }).map((b) => Uint8Array.from([0, ...b])),
                  )
                : imapString,
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map((r) => ({ name: 'SETMETADATA', ...r }) as Command),
    fc.constant({ name: 'COMPRESS', mechanism: 'DEFLATE' } as Command),
    fc
      .record({
        uid: yes,
        return: returnOpts,
        sort: fc.array(
          fc
            .record({
              key: fc.constantFrom(...SORT_KEYS),
              reverse: yes,
            })
            .map(clean),
          { minLength: 1, maxLength: 3 },
        ),
        charset,
        criteria,
      })
      .map((r) => clean({ name: 'SORT', ...r }) as Command),
    fc
      .record({
        uid: yes,
        algorithm: fc.oneof(fc.constantFrom('ORDEREDSUBJECT', 'REFERENCES'), atom),
        charset,
        criteria,
      })
      .map((r) => clean({ name: 'THREAD', ...r }) as Command),
  ) as fc.Arbitrary<Command>;
}
