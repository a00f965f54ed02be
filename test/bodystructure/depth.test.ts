/** Deep trees: bounded by maxDepth with a clean error, and never a stack overflow. */
import { expect, test } from 'vitest';
import { type BodyStructure, type FetchResponse, ResponseDecoder, walk } from '../../src/index.ts';
import { bytes } from '../helpers/decode.ts';

const ENV = '(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)';

/** n message/rfc822 parts, each the body of the one before, around a text part. */
function nested(n: number): Uint8Array {
  const open = `("message" "rfc822" NIL NIL NIL "7bit" 10 ${ENV} `;
  const text = '("text" "plain" NIL NIL NIL "7bit" 1 1)';
  return bytes(`* 1 FETCH (BODYSTRUCTURE ${open.repeat(n)}${text}${' 1)'.repeat(n)})\r\n* 2 EXISTS\r\n`);
}

test('10,000 nested message/rfc822 parts: DEPTH_EXCEEDED by default, then the next response', () => {
  const items = new ResponseDecoder().push(nested(10_000));
  expect(items[0]).toMatchObject({ type: 'error', error: { code: 'DEPTH_EXCEEDED' } });
  expect(items[1]).toEqual({ type: 'untagged', kind: 'exists', count: 2 });
});

test('10,000 nested message/rfc822 parts within a raised maxDepth: parsed without recursion, numbered 1.1.1…', () => {
  const items = new ResponseDecoder({ maxDepth: 50_000 }).push(nested(10_000));
  expect(items).toHaveLength(2);
  const tree = (items[0] as FetchResponse).attributes.bodyStructure as BodyStructure;
  let last: BodyStructure = tree;
  let count = 0;
  for (const { node } of walk(tree)) {
    last = node;
    count++;
  }
  expect(count).toBe(10_001);
  expect(last.type).toBe('text');
  expect(last.section).toBe(`1${'.1'.repeat(10_000)}`);
});

test('100,000 nested multiparts in BODY: DEPTH_EXCEEDED, no stack overflow', () => {
  const n = 100_000;
  const input = bytes(
    `* 1 FETCH (BODY ${'('.repeat(n)}("text" "plain" NIL NIL NIL "7bit" 1 1)${' "mixed")'.repeat(n)})\r\n`,
  );
  const [e] = new ResponseDecoder({ maxDepth: 200_000 }).push(input);
  expect(e).toMatchObject({ type: 'untagged', kind: 'fetch' });
  const [d] = new ResponseDecoder().push(input);
  expect(d).toMatchObject({ type: 'error', error: { code: 'DEPTH_EXCEEDED', offset: 16 + 255 } });
});
