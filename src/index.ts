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

// Decoding
export {
  type BodyStream,
  createStreamingDecoderStream,
  type StreamingDecoderOptions,
} from './body-stream.ts';
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
  planTextFetch,
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
// Reading commands (the server side)
export { type CommandParserOptions, type ParsedCommand, parseCommand } from './command/parse.ts';
export { type CommandItem, CommandReader, type CommandReaderOptions } from './command/reader.ts';
export {
  type DecodeError,
  type DecodeItem,
  parseResponse,
  ResponseDecoder,
  type StreamItem,
  StreamingResponseDecoder,
} from './decoder.ts';
// Drivers (driver/hooks.ts, driver/web-driver.ts: the clock and timers live here, not in session/; the Node driver is in imap-wire/node) and
// the mailbox state tracker (session/mailbox-tracker.ts)
export type { DriverHandle, DriverHooks } from './driver/hooks.ts';
export {
  type DeflateCodec,
  type OpenSessionOptions,
  openSession,
  runMachine,
  type WebDriverOptions,
  type WebTransport,
} from './driver/web-driver.ts';
// Encoding commands
export { encodeAuthenticateCancel, encodeAuthenticateResponse, encodeIdleDone } from './encoder/auth.ts';
export { COMMAND_NAMES, CommandEncoder, type EncodedCommand, encodeCommand } from './encoder/command.ts';
export { formatDateTime, formatSearchDate } from './encoder/date-time.ts';
export { ImapEncodeError, type ImapEncodeErrorCode } from './encoder/errors.ts';
export {
  type Fragment,
  isSyncLiteral,
  type LineFragment,
  type LiteralFragment,
  type LiteralMode,
  toBytes,
} from './encoder/fragment.ts';
export { decodeModifiedUtf7, encodeModifiedUtf7 } from './encoder/mutf7.ts';
export type { EncodeOptions } from './encoder/options.ts';
export { compressUids, formatSequenceSet, type SequenceSetRules } from './encoder/sequence-set.ts';
export { checkTag, TagGenerator } from './encoder/tag.ts';
// Errors
export { type ErrorStatus, ImapParseError, type ImapParseErrorCode } from './errors.ts';
// MIME decoding
export { decodeCharset, decodeHeaderBytes, isKnownCharset } from './mime/charset.ts';
export {
  type CharsetStreamDecoder,
  createCharsetDecoder,
  incompleteTailLimit,
  wholeCharacterLength,
} from './mime/charset-stream.ts';
export { parseMailDate } from './mime/date.ts';
export { decodeEncodedWords } from './mime/encoded-words.ts';
export { decodePartPrefix, type FetchedPart, type PartText } from './mime/part-text.ts';
export { createTransferDecoder, decodeTransfer, type TransferDecoder } from './mime/transfer.ts';
// The extension responses (parser/ext/)
export type { AclEntry, AclResponse, ListRightsResponse, MyRightsResponse } from './model/acl.ts';
// BODYSTRUCTURE and ENVELOPE
export type {
  BodyDisposition,
  BodyExtension,
  BodyParameter,
  BodyStructure,
  MultipartBody,
  SinglePartBody,
} from './model/body.ts';
export type { BodyStreamEnd, BodyStreamItem, BodyStreamPiece, BodyStreamStart } from './model/body-stream.ts';
// The command model
export type {
  AppendCommand,
  AppendMessage,
  AuthenticateCommand,
  Command,
  CommandName,
  CompressCommand,
  CopyCommand,
  CreateCommand,
  EnableCommand,
  ExpungeCommand,
  FetchCommand,
  GetMetadataCommand,
  GetQuotaCommand,
  GetQuotaRootCommand,
  IdCommand,
  ImapString,
  ListCommand,
  ListReturnOption,
  ListSelectOption,
  LoginCommand,
  LsubCommand,
  MailboxCommand,
  MailboxName,
  NotifyCommand,
  QresyncParameters,
  RenameCommand,
  SearchCommand,
  SelectCommand,
  SeqNumber,
  SequenceItem,
  SequenceSetInput,
  SetMetadataCommand,
  SetQuotaCommand,
  SimpleCommand,
  SortCommand,
  SortKey,
  StatusCommand,
  StatusItem,
  StoreCommand,
  ThreadCommand,
} from './model/command.ts';
export type {
  FetchItem,
  FetchMacro,
  FetchPartial,
  FetchSection,
  FetchSimpleItemName,
} from './model/command-fetch.ts';
export type {
  NotifyEvent,
  NotifyEventName,
  NotifyFilter,
  NotifyGroup,
} from './model/command-notify.ts';
export type {
  SearchDateKeyName,
  SearchFlagKeyName,
  SearchKey,
  SearchReturnOption,
  SearchStringKeyName,
} from './model/command-search.ts';
export type { Address, AddressEntry, AddressGroup, Envelope } from './model/envelope.ts';
export type {
  BinarySize,
  BodySection,
  FetchAttributes,
  SectionText,
  UnknownAttribute,
} from './model/fetch.ts';
export type { ComparatorResponse, LanguageResponse } from './model/i18n.ts';
export type { IdParam, IdResponse } from './model/id.ts';
export type {
  ListExtendedItem,
  ListResponse,
  LsubResponse,
  MailboxList,
  SpecialUse,
  XlistResponse,
} from './model/list.ts';
export type { MetadataEntry, MetadataResponse } from './model/metadata.ts';
export type { NamespaceDescription, NamespaceExtension, NamespaceResponse } from './model/namespace.ts';
export type { QuotaResource, QuotaResponse, QuotaRootResponse } from './model/quota.ts';
export type {
  AppendUidCode,
  BadCharsetCode,
  BadEventCode,
  CapabilityCode,
  CopyUidCode,
  HighestModseqCode,
  MailboxIdCode,
  MetadataCode,
  ModifiedCode,
  NumberCode,
  PermanentFlagsCode,
  ReferralCode,
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
export type {
  EsearchPartial,
  EsearchResponse,
  EsearchUnknownItem,
  SortResponse,
  Thread,
  ThreadResponse,
} from './model/search.ts';
export type { SequenceRange, SequenceSet } from './model/sequence-set.ts';
export type { StatusAttributes, StatusResponse, UnknownStatusItem } from './model/status.ts';
export type { ExtValue } from './model/tagged-ext.ts';
export type { VanishedResponse } from './model/vanished.ts';
export { DEFAULT_OPTIONS, type DecoderOptions, type ResolvedOptions } from './parser/options.ts';
export { QUIRKS, type QuirkName } from './parser/quirks.ts';
export { sequenceSetPairs } from './parser/sequence-set.ts';
// Encoding responses (the server side, and test doubles)
export {
  encodeResponse,
  encodeResponseFragments,
  type ResponseEncodeOptions,
  ResponseEncoder,
} from './server/response-encoder.ts';
// Session: the client connection and the push-mail watcher as state machines without I/O
// (session/; the drivers that run them: imap-wire/node, and the web-streams driver)
export { type BackoffOptions, backoffDelay } from './session/backoff.ts';
export {
  ClientSession,
  type ClientSessionOptions,
  type Completion,
  type CompletionStatus,
  isLegal,
  type SendOptions,
  type SessionEvent,
  SessionState,
  SessionStateError,
  type Transition,
  transition,
} from './session/client-session.ts';
export type {
  ExpungeEvent,
  FlagsEvent,
  InconsistentEvent,
  MailboxChangeEvent,
  MailboxEvent,
  NewMessageEvent,
  ResetEvent,
  SyncedEvent,
} from './session/events.ts';
export type { ConnectionMachine, DriverAction } from './session/machine.ts';
export {
  type MailboxSnapshot,
  MailboxTracker,
  type TrackedMessage,
  type TrackerState,
} from './session/mailbox-tracker.ts';
export { summaryItems } from './session/new-mail.ts';
export type { SyncStrategy } from './session/resync.ts';
export { type SaslCredentials, saslErrorResponse, saslInitialResponse } from './session/sasl.ts';
export { SessionClient } from './session/session-client.ts';
export { chooseStrategy, qresyncParameters, uidRangesText } from './session/snapshot.ts';
export type { MessageSummary, PushMode, WatchEvent, WatcherOptions } from './session/watch-events.ts';
export { Watcher } from './session/watcher.ts';
export { createDecoderStream, decodeChunks } from './streams.ts';
