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

export {
  fetchItem as commandFetchItem,
  imapString as commandString,
  mailbox as commandMailbox,
  searchKey,
} from './arbitrary-command-values.ts';
export { command } from './arbitrary-commands.ts';
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
export {
  type Chunking,
  chunking,
  ONE_BYTE,
  randomCuts,
  splitAt,
  splitBySizes,
  TCP_SEGMENT_SIZES,
  tcpSegments,
  WHOLE,
} from './chunking.ts';
export {
  COMMAND_SENTINEL,
  type ContractOptions,
  type ContractReport,
  checkCommandContract,
  checkResponseContract,
  PARSE_ERROR_CODES,
  RESPONSE_SENTINEL,
} from './contract.ts';
export { type Expect, WORKLOADS, type Workload, type WorkloadGenerator } from './corpus/index.ts';
export { Rng } from './corpus/prng.ts';
export {
  type ClientStreams,
  type Expectation,
  FakeServer,
  FakeServerError,
  type FakeServerOptions,
  fakeServer,
  type Payload,
  type ReceivedCommand,
  type ScriptStep,
} from './fake-server.ts';
export {
  applyMutation,
  describeMutation,
  findAnnouncements,
  HOSTILE_BYTES,
  HUGE_COUNTS,
  MUTATION_GUARANTEES,
  MUTATION_KINDS,
  type Mutation,
  type MutationKind,
  type MutationLimits,
  mutation,
  randomMutation,
} from './mutator.ts';
