/**
 * Sender and Reply-To that repeat From byte for byte (RFC 3501 §7.4.2: the server fills them
 * from From) are parsed once and copied: same values, separate objects, quirks still counted.
 */
import { describe, expect, test } from 'vitest';
import { type Envelope, type FetchResponse, ResponseDecoder } from '../../src/index.ts';
import { bytes, decodeAllWays } from '../helpers/decode.ts';

function envelope(lists: [string, string, string], dec = new ResponseDecoder()): Envelope {
  const input = `* 1 FETCH (ENVELOPE (NIL "s" ${lists.join(' ')} NIL NIL NIL NIL "<id@x>"))\r\n`;
  const items = decodeAllWays(bytes(input));
  const [f] = dec.push(bytes(input));
  expect(items[0]).toEqual(f);
  return (f as FetchResponse).attributes.envelope!;
}

const FROM = '(("=?UTF-8?Q?J=C3=BCrgen?=" NIL "j" "x.org")("Bo" NIL "bo" "y.org"))';

describe('Sender and Reply-To equal to From', () => {
  test('equal values, separate arrays and objects', () => {
    const env = envelope([FROM, FROM, FROM]);
    expect(env.sender).toEqual(env.from);
    expect(env.replyTo).toEqual(env.from);
    expect(env.from![0]).toMatchObject({ name: 'Jürgen', mailbox: 'j', host: 'x.org' });
    expect(env.sender).not.toBe(env.from);
    expect(env.sender![0]).not.toBe(env.from![0]);
    (env.sender![0] as { name: string }).name = 'changed';
    expect(env.from![0]).toMatchObject({ name: 'Jürgen' });
    expect(env.replyTo![0]).toMatchObject({ name: 'Jürgen' });
    // The raw bytes of the encoded name are kept on the copies too.
    expect(new TextDecoder().decode((env.replyTo![0] as { nameRaw: Uint8Array }).nameRaw)).toBe(
      '=?UTF-8?Q?J=C3=BCrgen?=',
    );
  });

  test('a list one byte apart is parsed on its own', () => {
    const other = FROM.replace('"bo"', '"bp"');
    const env = envelope([FROM, other, FROM]);
    expect(env.sender![1]).toMatchObject({ mailbox: 'bp' });
    expect(env.replyTo![1]).toMatchObject({ mailbox: 'bo' });
  });

  test('groups are copied with their own member arrays', () => {
    const g = '((NIL NIL "team" NIL)(NIL NIL "a" "x.org")(NIL NIL NIL NIL))';
    const env = envelope([g, g, 'NIL']);
    expect(env.sender).toEqual([
      { group: 'team', members: [{ name: null, adl: null, mailbox: 'a', host: 'x.org' }] },
    ]);
    expect((env.sender![0] as { members: unknown[] }).members).not.toBe(
      (env.from![0] as { members: unknown[] }).members,
    );
    expect(env.replyTo).toBeNull();
  });

  test('a From with a literal, or with quirk spaceBetweenAddresses, is read three times (quirk counted 3 times)', () => {
    const spaced = '(("A" NIL "a" "x.org") ("B" NIL "b" "x.org"))';
    const dec = new ResponseDecoder();
    const env = envelope([spaced, spaced, spaced], dec);
    expect(env.replyTo).toEqual(env.from);
    expect(dec.quirks.get('spaceBetweenAddresses')).toBe(3);

    const lit = '(({3}\r\nAna NIL "a" "x.org"))';
    const env2 = envelope([lit, lit, lit]);
    expect(env2.sender).toEqual([{ name: 'Ana', adl: null, mailbox: 'a', host: 'x.org' }]);
    expect(env2.replyTo).toEqual(env2.sender);
  });
});

describe('addresses seen before (the whole-address cache)', () => {
  const fetch = (to: string, options?: { maxDepth?: number }) => {
    const input = `* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL ${to} NIL NIL NIL NIL))\r\n`;
    return new ResponseDecoder(options).push(bytes(input))[0]!;
  };
  const to = (item: unknown) => (item as FetchResponse).attributes.envelope!.to!;

  test('the same bytes again: equal values, new objects, nameRaw a copy each time', () => {
    const list = '(("=?UTF-8?Q?Zo=C3=AB?=" NIL "zoe" "x.org")("A \\"B\\"" NIL "ab" "y.org"))';
    const first = to(fetch(list));
    const again = to(fetch(list));
    expect(again).toEqual(first);
    expect(again[0]).toMatchObject({ name: 'Zoë', mailbox: 'zoe', host: 'x.org' });
    expect(again[1]).toMatchObject({ name: 'A "B"', mailbox: 'ab' });
    expect(again[0]).not.toBe(first[0]);
    const raw = (a: unknown) => (a as { nameRaw: Uint8Array }).nameRaw;
    expect(raw(again[0])).not.toBe(raw(first[0]));
    raw(again[0])[0] = 0x58;
    expect(new TextDecoder().decode(raw(to(fetch(list))[0]))).toBe('=?UTF-8?Q?Zo=C3=AB?=');
  });

  test('groups from cached addresses still open and close', () => {
    const list = '((NIL NIL "team" NIL)("A" NIL "a" "x.org")(NIL NIL NIL NIL))';
    to(fetch(list));
    expect(to(fetch(list))).toEqual([
      { group: 'team', members: [{ name: 'A', adl: null, mailbox: 'a', host: 'x.org' }] },
    ]);
  });

  test('an address at the depth limit is refused even when its bytes are cached', () => {
    const list = '(("A" NIL "a" "x.org"))';
    to(fetch(list));
    // FETCH ( ENVELOPE ( list ( address ( : the address is at depth 4.
    expect(fetch(list, { maxDepth: 3 })).toMatchObject({ type: 'error', error: { code: 'DEPTH_EXCEEDED' } });
    expect(to(fetch(list, { maxDepth: 4 }))).toHaveLength(1);
  });

  test('a malformed address is not cached: its error comes back every time', () => {
    const bad = '(("A\\x" NIL "a" "x.org"))';
    for (let i = 0; i < 2; i++)
      expect(fetch(bad)).toMatchObject({ type: 'error', error: { code: 'SYNTAX' } });
  });
});
