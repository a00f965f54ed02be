/**
 * imap-wire: a streaming, zero-copy IMAP4rev1/IMAP4rev2 wire codec.
 *
 * @example
 * ```ts
 * import { ResponseDecoder } from 'imap-wire';
 * const dec = new ResponseDecoder();
 * socket.on('data', (chunk) => { for (const item of dec.push(chunk)) handle(item); });
 * ```
 * @packageDocumentation
 */

export {
  attachments,
  type InlineImage,
  inlineImages,
  type TextParts,
  textParts,
} from './bodystructure/find.ts';
export {
  type FetchPlan,
  type FetchPlanOptions,
  type PlannedAttachment,
  type PlannedText,
  planFetch,
} from './bodystructure/plan.ts';
export {
  filename,
  findSection,
  isMultipart,
  messageSections,
  mimeHeaderSection,
  param,
  type WalkEntry,
  walk,
} from './bodystructure/walk.ts';
// Decoding
export { type DecodeError, type DecodeItem, parseResponse, ResponseDecoder } from './decoder.ts';
// Errors
export { ImapParseError, type ImapParseErrorCode } from './errors.ts';
// MIME decoding
export { decodeCharset, decodeHeaderBytes, isKnownCharset } from './mime/charset.ts';
export { parseMailDate } from './mime/date.ts';
export { decodeEncodedWords } from './mime/encoded-words.ts';
// BODYSTRUCTURE and ENVELOPE
export type {
  BodyDisposition,
  BodyExtension,
  BodyParameter,
  BodyStructure,
  MultipartBody,
  SinglePartBody,
} from './model/body.ts';
export type { Address, AddressEntry, AddressGroup, Envelope } from './model/envelope.ts';
export type {
  BinarySize,
  BodySection,
  FetchAttributes,
  SectionText,
  UnknownAttribute,
} from './model/fetch.ts';
export type {
  AppendUidCode,
  BadCharsetCode,
  CapabilityCode,
  CopyUidCode,
  HighestModseqCode,
  ModifiedCode,
  NumberCode,
  PermanentFlagsCode,
  ResponseCode,
  SimpleCode,
  SimpleCodeName,
  UnknownCode,
} from './model/resp-code.ts';
// The model
export type {
  CapabilityResponse,
  ContinuationRequest,
  EnabledResponse,
  ExistsResponse,
  ExpungeResponse,
  FetchResponse,
  FlagsResponse,
  RecentResponse,
  Response,
  SearchResponse,
  Status,
  StatusUntagged,
  TaggedResponse,
  UnknownUntagged,
  UntaggedResponse,
} from './model/response.ts';
export type { SequenceRange, SequenceSet } from './model/sequence-set.ts';
export { DEFAULT_OPTIONS, type DecoderOptions, type ResolvedOptions } from './parser/options.ts';
export { QUIRKS, type QuirkName } from './parser/quirks.ts';
export { createDecoderStream, decodeChunks } from './streams.ts';
