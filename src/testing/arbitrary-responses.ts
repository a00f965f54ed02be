/**
 * fast-check arbitraries of every typed response the decoder knows (the Response model),
 * valid by construction and in the decoder's canonical form: `encodeResponse` then decoding
 * gives the same value back (see arbitrary-response-values.ts for the values inside).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { response } from 'imap-wire/testing';
 * fc.assert(fc.property(response(), (r) => deepEqual(parseResponse(encodeResponse(r)), r)));
 * ```
 */
import fc from 'fast-check';
import type { SpecialUse } from '../model/list.ts';
import { type ResponseCode, SIMPLE_CODE_NAMES, type SimpleCodeName } from '../model/resp-code.ts';
import type {
  ContinuationRequest,
  Response,
  StatusUntagged,
  TaggedResponse,
  UntaggedResponse,
} from '../model/response.ts';
import type { Thread } from '../model/search.ts';
import type { StatusAttributes } from '../model/status.ts';
import { decodeBase64 } from '../parser/base64.ts';
import { mailboxName, nameString } from '../parser/mailbox.ts';
import { fetchAttributes } from './arbitrary-fetch.ts';
import {
  anyText,
  atom,
  binaryBytes,
  bytesOf,
  delimiter,
  extValue,
  flag,
  mailbox,
  mailboxBytes,
  modseq,
  number64,
  nz,
  objectId,
  rawValue,
  respText,
  safeNumber,
  sequenceSet,
  u32,
  upperAtom,
  xName,
} from './arbitrary-response-values.ts';

// ---- response codes --------------------------------------------------------------------------

const SIMPLE_CODES: readonly SimpleCodeName[] = SIMPLE_CODE_NAMES;

const url = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'abz019:/.;=?&%-_~@!$'.split('')), minLength: 1, maxLength: 16 }),
    fc.option(fc.constantFrom('[2001:db8::1]', '[x]', 'é'), { nil: undefined }),
  )
  .map(([a, b]) => (b === undefined ? a : `imap://${b}/${a}`));

const unknownCodeRaw = fc
  .array(
    fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', ' ', '(', ')', '{', '}', '5', '\\', '\t', 'é', '😀'),
        maxLength: 6,
      }),
      // No "]": the first one closes the code (RFC 9051 resp-text-code; the parser and framer).
      fc.constantFrom('[a', '[[b c', '"q"', '"\\"[x"', '{5}'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));

/** Any response code, in the decoder's form. */
export const responseCode: fc.Arbitrary<ResponseCode> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SIMPLE_CODES).map((name) => ({ name })) },
  fc
    .array(
      fc.oneof(
        atom,
        fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', ']', '[', '-', '{', '}'), maxLength: 8 }),
      ),
      {
        maxLength: 3,
      },
    )
    .map((charsets) => ({ name: 'BADCHARSET' as const, charsets })),
  fc
    .array(upperAtom, { maxLength: 4 })
    .map((capabilities) => ({ name: 'CAPABILITY' as const, capabilities })),
  fc.array(flag(true), { maxLength: 4 }).map((flags) => ({ name: 'PERMANENTFLAGS' as const, flags })),
  fc
    .tuple(fc.constantFrom('UIDNEXT', 'UIDVALIDITY', 'UNSEEN') as fc.Arbitrary<'UIDNEXT'>, nz)
    .map(([name, value]) => ({
      name,
      value,
    })),
  modseq.map((value) => ({ name: 'HIGHESTMODSEQ' as const, value })),
  sequenceSet(true).map((set) => ({ name: 'MODIFIED' as const, set })),
  fc
    .tuple(nz, sequenceSet(false))
    .map(([uidValidity, uids]) => ({ name: 'APPENDUID' as const, uidValidity, uids })),
  fc.tuple(nz, sequenceSet(false), sequenceSet(false)).map(([uidValidity, source, destination]) => ({
    name: 'COPYUID' as const,
    uidValidity,
    source,
    destination,
  })),
  fc
    .array(upperAtom, { minLength: 1, maxLength: 3 })
    .map((events) => ({ name: 'BADEVENT' as const, events })),
  fc.oneof(
    fc
      .tuple(fc.constantFrom('LONGENTRIES', 'MAXSIZE') as fc.Arbitrary<'MAXSIZE'>, u32)
      .map(([item, value]) => ({
        name: 'METADATA' as const,
        item,
        value,
      })),
    (fc.constantFrom('TOOMANY', 'NOPRIVATE') as fc.Arbitrary<'TOOMANY'>).map((item) => ({
      name: 'METADATA' as const,
      item,
    })),
  ),
  fc.array(url, { minLength: 1, maxLength: 3 }).map((urls) => ({ name: 'REFERRAL' as const, urls })),
  objectId.map((id) => ({ name: 'MAILBOXID' as const, id })),
  fc
    .tuple(
      upperAtom.map((a) => `X-${a}`),
      fc.option(unknownCodeRaw, { nil: undefined }),
    )
    .map(([name, raw]) =>
      raw === undefined ? { name, unknown: true as const } : { name, unknown: true as const, raw },
    ),
);

// ---- status responses ------------------------------------------------------------------------

const tag = fc.string({
  unit: fc.constantFrom(..."AZaz09.-_!#$&'^`|~]".split('')),
  minLength: 1,
  maxLength: 8,
});

/** `tag SP ("OK" / "NO" / "BAD") SP resp-text`. */
export const taggedResponse: fc.Arbitrary<TaggedResponse> = fc
  .record({
    tag,
    status: fc.constantFrom('OK', 'NO', 'BAD') as fc.Arbitrary<'OK'>,
    code: fc.option(responseCode, { nil: undefined }),
  })
  .chain(({ tag: t, status, code }) =>
    respText(code !== undefined).map((text) => {
      const r: TaggedResponse = { type: 'tagged', tag: t, status, text };
      if (code !== undefined) r.code = code;
      return r;
    }),
  );

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function toBase64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** `"+" SP (resp-text / base64)`, with `base64` as the decoder derives it. */
export const continuationRequest: fc.Arbitrary<ContinuationRequest> = fc.oneof(
  fc.option(responseCode, { nil: undefined }).chain((code) =>
    respText(code !== undefined).map((text) => {
      const r: ContinuationRequest = { type: 'continuation', text };
      if (code !== undefined) r.code = code;
      else {
        const b = decodeBase64(bytesOf(text), 0, bytesOf(text).length);
        if (b !== undefined) r.base64 = b;
      }
      return r;
    }),
  ),
  binaryBytes.map((b): ContinuationRequest => ({ type: 'continuation', text: toBase64(b), base64: b })),
);

/** `* OK|NO|BAD|BYE|PREAUTH [code] text`. */
export const statusUntagged: fc.Arbitrary<StatusUntagged> = fc
  .record({
    kind: fc.constantFrom('ok', 'no', 'bad', 'bye', 'preauth') as fc.Arbitrary<'ok'>,
    code: fc.option(responseCode, { nil: undefined }),
  })
  .chain(({ kind, code }) =>
    respText(code !== undefined).map((text) => {
      const r: StatusUntagged = { type: 'untagged' as const, kind, text };
      if (code !== undefined) r.code = code;
      return r;
    }),
  );

// ---- mailbox data ----------------------------------------------------------------------------

const SPECIAL_USE: SpecialUse[] = [
  '\\All',
  '\\Archive',
  '\\Drafts',
  '\\Flagged',
  '\\Junk',
  '\\Sent',
  '\\Trash',
  '\\Important',
];

const listFlag = fc.oneof(
  fc.constantFrom(
    '\\HasNoChildren',
    '\\HasChildren',
    '\\Noselect',
    '\\Subscribed',
    '\\Marked',
    '\\sent',
    '\\TRASH',
  ),
  fc.constantFrom(...SPECIAL_USE),
  atom.map((a) => `\\${a}`),
);

const statusAttributes: fc.Arbitrary<StatusAttributes> = fc.record(
  {
    messages: u32,
    recent: u32,
    uidNext: nz,
    uidValidity: nz,
    unseen: u32,
    deleted: u32,
    size: safeNumber,
    deletedStorage: safeNumber,
    highestModseq: number64,
    appendLimit: fc.option(u32, { nil: null }),
    mailboxId: objectId,
    unknown: fc.array(fc.record({ name: xName, raw: rawValue }), { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);

function thread(): fc.Arbitrary<Thread> {
  return fc.letrec<{ thread: Thread }>((tie) => ({
    thread: fc.oneof(
      { depthSize: 'small' },
      fc.array(nz, { minLength: 1, maxLength: 4 }).map((ids) => ({ ids, children: [] })),
      fc
        .tuple(fc.array(nz, { maxLength: 3 }), fc.array(tie('thread'), { minLength: 2, maxLength: 3 }))
        .map(([ids, children]) => ({ ids, children })),
    ),
  })).thread;
}

/** Every untagged response. */
export const untaggedResponse: fc.Arbitrary<UntaggedResponse> = fc.oneof(
  { weight: 3, arbitrary: statusUntagged },
  fc
    .array(upperAtom, { maxLength: 5 })
    .map((capabilities) => ({ type: 'untagged' as const, kind: 'capability' as const, capabilities })),
  fc
    .array(upperAtom, { maxLength: 3 })
    .map((capabilities) => ({ type: 'untagged' as const, kind: 'enabled' as const, capabilities })),
  fc
    .array(flag(), { maxLength: 5 })
    .map((flags) => ({ type: 'untagged' as const, kind: 'flags' as const, flags })),
  u32.map((count) => ({ type: 'untagged' as const, kind: 'exists' as const, count })),
  u32.map((count) => ({ type: 'untagged' as const, kind: 'recent' as const, count })),
  nz.map((seq) => ({ type: 'untagged' as const, kind: 'expunge' as const, seq })),
  fc
    .record({ ids: fc.array(nz, { maxLength: 5 }), modseq }, { requiredKeys: ['ids'] })
    .map((r) => ({ type: 'untagged' as const, kind: 'search' as const, ...r })),
  {
    weight: 6,
    arbitrary: fc
      .tuple(nz, fetchAttributes)
      .map(([seq, attributes]) => ({ type: 'untagged' as const, kind: 'fetch' as const, seq, attributes })),
  },
  fc
    .tuple(mailbox, statusAttributes)
    .map(([m, attributes]) => ({ type: 'untagged' as const, kind: 'status' as const, ...m, attributes })),
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          kind: fc.constantFrom('list', 'lsub', 'xlist') as fc.Arbitrary<'list'>,
          flags: fc.array(listFlag, { maxLength: 4 }),
          delimiter,
          mailbox,
          old: mailboxBytes,
          childInfo: fc.array(upperAtom, { minLength: 1, maxLength: 2 }),
          extended: fc.array(
            fc.record({
              tag: anyText.filter((t) => !/^(oldname|childinfo)$/i.test(t)),
              value: extValue,
            }),
            { minLength: 1, maxLength: 2 },
          ),
        },
        { requiredKeys: ['kind', 'flags', 'delimiter', 'mailbox'] },
      )
      .map(({ kind, flags, delimiter: d, mailbox: m, old, childInfo, extended }) => {
        const uses = flags.flatMap((f) => SPECIAL_USE.filter((u) => u.toLowerCase() === f.toLowerCase()));
        return {
          type: 'untagged' as const,
          kind,
          flags,
          ...(uses.length > 0 ? { specialUse: uses } : {}),
          delimiter: d,
          ...m,
          ...(old !== undefined ? { oldName: mailboxName(old), oldNameRaw: old } : {}),
          ...(childInfo !== undefined ? { childInfo } : {}),
          ...(extended !== undefined ? { extended } : {}),
        };
      }),
  },
  fc.tuple(namespace(), namespace(), namespace()).map(([personal, otherUsers, shared]) => ({
    type: 'untagged' as const,
    kind: 'namespace' as const,
    personal,
    otherUsers,
    shared,
  })),
  fc
    .record(
      {
        tag: anyText,
        uid: fc.boolean(),
        min: nz,
        max: nz,
        all: sequenceSet(true),
        count: u32,
        modseq,
        partial: fc
          .tuple(nz, nz, fc.boolean(), fc.option(sequenceSet(true), { nil: null }))
          .map(([start, end, neg, results]) =>
            neg ? { start: -start, end: -end, results } : { start, end, results },
          ),
        unknown: fc.array(fc.record({ name: xName, value: extValue }), { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: ['uid'] },
    )
    .map((r) => ({ type: 'untagged' as const, kind: 'esearch' as const, ...r })),
  fc
    .record({ ids: fc.array(nz, { maxLength: 5 }), modseq }, { requiredKeys: ['ids'] })
    .map((r) => ({ type: 'untagged' as const, kind: 'sort' as const, ...r })),
  fc
    .array(thread(), { maxLength: 3 })
    .map((threads) => ({ type: 'untagged' as const, kind: 'thread' as const, threads })),
  fc
    .tuple(fc.boolean(), sequenceSet(false))
    .map(([earlier, uids]) => ({ type: 'untagged' as const, kind: 'vanished' as const, earlier, uids })),
  fc
    .option(
      fc.array(fc.record({ name: anyText, value: fc.option(anyText, { nil: null }) }), { maxLength: 3 }),
      { nil: null },
    )
    .map((params) => ({ type: 'untagged' as const, kind: 'id' as const, params })),
  fc
    .tuple(
      anyText,
      fc.array(fc.record({ name: upperAtom, usage: safeNumber, limit: safeNumber }), { maxLength: 3 }),
    )
    .map(([root, resources]) => ({ type: 'untagged' as const, kind: 'quota' as const, root, resources })),
  fc
    .tuple(mailbox, fc.array(anyText, { maxLength: 3 }))
    .map(([m, roots]) => ({ type: 'untagged' as const, kind: 'quotaroot' as const, ...m, roots })),
  fc
    .tuple(
      mailbox,
      fc.oneof(
        fc.array(fc.record({ entry: anyText, value: fc.option(binaryBytes, { nil: null }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(
          anyText.map((entry) => ({ entry })),
          { minLength: 1, maxLength: 3 },
        ),
      ),
    )
    .map(([m, entries]) => ({ type: 'untagged' as const, kind: 'metadata' as const, ...m, entries })),
  fc
    .tuple(mailbox, fc.array(fc.record({ identifier: anyText, rights: rights() }), { maxLength: 3 }))
    .map(([m, entries]) => ({ type: 'untagged' as const, kind: 'acl' as const, ...m, entries })),
  fc
    .tuple(mailbox, anyText, rights(), fc.array(rights(), { maxLength: 3 }))
    .map(([m, identifier, required, optional]) => ({
      type: 'untagged' as const,
      kind: 'listrights' as const,
      ...m,
      identifier,
      required,
      optional,
    })),
  fc
    .tuple(mailbox, rights())
    .map(([m, r]) => ({ type: 'untagged' as const, kind: 'myrights' as const, ...m, rights: r })),
  fc
    .array(anyText, { minLength: 1, maxLength: 3 })
    .map((languages) => ({ type: 'untagged' as const, kind: 'language' as const, languages })),
  fc
    .record(
      { comparator: anyText, matching: fc.array(anyText, { minLength: 1, maxLength: 3 }) },
      { requiredKeys: ['comparator'] },
    )
    .map((r) => ({ type: 'untagged' as const, kind: 'comparator' as const, ...r })),
  fc
    .record(
      { name: xName, number: u32, raw: fc.array(rawValue, { maxLength: 3 }) },
      { requiredKeys: ['name', 'raw'] },
    )
    .map(({ raw, ...r }) => ({
      type: 'untagged' as const,
      kind: 'unknown' as const,
      ...r,
      raw: joinRaw(raw),
    })),
);

/** `rights`: lower-case letters and digits (RFC 4314), possibly none (`""`). */
function rights(): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...'lrswipkxtecda0129'.split('')), maxLength: 8 });
}

/** A NAMESPACE namespace: NIL or descriptions. */
function namespace() {
  return fc.option(
    fc.array(
      fc
        .record(
          {
            prefix: fc.oneof(mailboxBytes, fc.constantFrom('', 'INBOX.', 'Shared/', '#news.').map(bytesOf)),
            delimiter,
            extensions: fc.array(
              fc.record({ name: anyText, values: fc.array(anyText, { minLength: 1, maxLength: 2 }) }),
              { minLength: 1, maxLength: 2 },
            ),
          },
          { requiredKeys: ['prefix', 'delimiter'] },
        )
        .map(({ prefix, delimiter: d, extensions }) => ({
          prefix: nameString(prefix),
          prefixRaw: prefix,
          delimiter: d,
          ...(extensions !== undefined ? { extensions } : {}),
        })),
      { minLength: 1, maxLength: 2 },
    ),
    { nil: null },
  );
}

/** Raw values joined by SP: the bytes after an unknown response's name. */
function joinRaw(values: Uint8Array[]): Uint8Array {
  const parts: number[] = [];
  values.forEach((v, i) => {
    if (i > 0) parts.push(0x20);
    parts.push(...v);
  });
  return new Uint8Array(parts);
}

/** Any response: tagged, untagged or a continuation request. */
export const response: fc.Arbitrary<Response> = fc.oneof(
  { weight: 2, arbitrary: taggedResponse },
  { weight: 1, arbitrary: continuationRequest },
  { weight: 8, arbitrary: untaggedResponse },
);

/** Every response kind by name, for suites that want each one covered. */
export const RESPONSE_KINDS = [
  'tagged',
  'continuation',
  'ok',
  'no',
  'bad',
  'bye',
  'preauth',
  'capability',
  'enabled',
  'flags',
  'exists',
  'recent',
  'expunge',
  'search',
  'fetch',
  'status',
  'list',
  'lsub',
  'xlist',
  'namespace',
  'esearch',
  'sort',
  'thread',
  'vanished',
  'id',
  'quota',
  'quotaroot',
  'metadata',
  'acl',
  'listrights',
  'myrights',
  'language',
  'comparator',
  'unknown',
] as const;
