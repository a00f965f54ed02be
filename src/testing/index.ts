/**
 * `imap-wire/testing`: what other projects' test suites import. fast-check is an optional peer
 * dependency of this entry; the main entry (`imap-wire`) never imports it.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { response } from 'imap-wire/testing';
 * import { encodeResponse, parseResponse } from 'imap-wire';
 * fc.assert(fc.property(response, (r) => isDeepStrictEqual(parseResponse(encodeResponse(r)), r)));
 * ```
 */

export { fetchAttributes } from './arbitrary-fetch.ts';
export {
  address,
  bodyStructure,
  envelope,
  extValue,
  flag,
  mailbox,
  mailboxBytes,
  rawValue,
  respText,
  sequenceSet,
  xName,
} from './arbitrary-response-values.ts';
export {
  continuationRequest,
  RESPONSE_KINDS,
  response,
  responseCode,
  statusUntagged,
  taggedResponse,
  untaggedResponse,
} from './arbitrary-responses.ts';
