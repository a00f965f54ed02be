/**
 * One typed response → its line(s), mirroring `parser/response.ts` and `parser/untagged.ts`.
 *
 * ```abnf
 * response-tagged = tag SP resp-cond-state CRLF
 * resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
 * resp-text       = ["[" resp-text-code "]" SP] [text]          ; RFC 9051
 * continue-req    = "+" SP (resp-text / base64) CRLF
 * response-data   = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
 *                   capability-data / enable-data) CRLF
 * mailbox-data    = "FLAGS" SP flag-list / number SP "EXISTS" / number SP "RECENT" /
 *                   "SEARCH" *(SP nz-number) [SP search-sort-mod-seq] / …
 * message-data    = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
 * ```
 * The SP after the status word is always written, also before an empty text (RFC 9051 makes the
 * text optional, not the SP; `A1 OK` alone is a quirk for the decoder). A continuation whose
 * `text` is empty and whose `base64` holds bytes is written as their base64.
 */

import { ImapEncodeError } from '../encoder/errors.ts';
import { describe, type Writer } from '../encoder/writer.ts';
import { ATOM_CHAR, TAG_CHAR } from '../lexer/chars.ts';
import type { ResponseCode } from '../model/resp-code.ts';
import type { ContinuationRequest, Response, TaggedResponse, UntaggedResponse } from '../model/response.ts';
import { writeAcl, writeListRights, writeMyRights } from './ext/acl.ts';
import { writeEsearch } from './ext/esearch.ts';
import { writeComparator, writeLanguage } from './ext/i18n.ts';
import { writeIdResponse } from './ext/id.ts';
import { writeMailboxList } from './ext/list.ts';
import { writeMetadata } from './ext/metadata.ts';
import { writeNamespaceResponse } from './ext/namespace.ts';
import { writeQuota, writeQuotaRoot } from './ext/quota.ts';
import { writeIds, writeSort, writeThreadResponse } from './ext/sort-thread.ts';
import { writeStatusResponse } from './ext/status.ts';
import { writeVanished } from './ext/vanished.ts';
import { writeFetch } from './fetch.ts';
import { writeResponseCode } from './resp-code.ts';
import { invalid, writeAtom, writeAtoms, writeFlagList, writeRaw, writeText } from './values.ts';

/** Writes one response, without its final CRLF. */
export function writeResponse(w: Writer, r: Response): void {
  if (r === null || typeof r !== 'object') throw invalid('', `expected a response, got ${describe(r)}`);
  switch (r.type) {
    case 'tagged':
      writeTagged(w, r);
      return;
    case 'continuation':
      writeContinuation(w, r);
      return;
    case 'untagged':
      w.raw('* ');
      writeUntagged(w, r);
      return;
    default:
      throw invalid(
        'type',
        `expected 'tagged', 'untagged' or 'continuation', got ${describe((r as { type?: unknown }).type)}`,
      );
  }
}

/** `SP resp-text`: `[code] SP` when there is a code, then the text. */
function writeRespText(w: Writer, code: ResponseCode | undefined, text: unknown): void {
  w.sp();
  if (code !== undefined) {
    writeResponseCode(w, code, 'code');
    w.sp();
  }
  writeText(w, text, 'text', code !== undefined);
}

function writeTagged(w: Writer, r: TaggedResponse): void {
  if (typeof r.tag !== 'string' || !w.atomText(r.tag, TAG_CHAR))
    throw new ImapEncodeError('INVALID_TAG', 'tag', `${describe(r.tag)} is not 1*<ASTRING-CHAR except "+">`);
  w.sp();
  if (r.status !== 'OK' && r.status !== 'NO' && r.status !== 'BAD')
    throw invalid('status', `expected OK, NO or BAD, got ${describe(r.status)}`);
  w.raw(r.status);
  writeRespText(w, r.code, r.text);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64, padded (RFC 9051 `base64`). */
function base64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return out;
}

function writeContinuation(w: Writer, r: ContinuationRequest): void {
  w.byte(0x2b);
  if (r.code === undefined && r.text === '' && r.base64 instanceof Uint8Array && r.base64.length > 0) {
    w.sp().raw(base64(r.base64));
    return;
  }
  writeRespText(w, r.code, r.text);
}

const STATUS_WORD = { ok: 'OK', no: 'NO', bad: 'BAD', bye: 'BYE', preauth: 'PREAUTH' } as const;

function writeUntagged(w: Writer, r: UntaggedResponse): void {
  switch (r.kind) {
    case 'ok':
    case 'no':
    case 'bad':
    case 'bye':
    case 'preauth':
      w.raw(STATUS_WORD[r.kind]);
      writeRespText(w, r.code, r.text);
      return;
    case 'capability':
      w.raw('CAPABILITY');
      writeAtoms(w, r.capabilities, 'capabilities');
      return;
    case 'enabled':
      w.raw('ENABLED');
      writeAtoms(w, r.capabilities, 'capabilities');
      return;
    case 'flags':
      w.raw('FLAGS ');
      writeFlagList(w, r.flags, 'flags');
      return;
    case 'exists':
      w.number(r.count, 'count').raw(' EXISTS');
      return;
    case 'recent':
      w.number(r.count, 'count').raw(' RECENT');
      return;
    case 'expunge':
      w.number(r.seq, 'seq', true).raw(' EXPUNGE');
      return;
    case 'search':
      w.raw('SEARCH');
      writeIds(w, r.ids, r.modseq);
      return;
    case 'fetch':
      writeFetch(w, r);
      return;
    case 'status':
      writeStatusResponse(w, r);
      return;
    case 'list':
      writeMailboxList(w, 'LIST', r);
      return;
    case 'lsub':
      writeMailboxList(w, 'LSUB', r);
      return;
    case 'xlist':
      writeMailboxList(w, 'XLIST', r);
      return;
    case 'namespace':
      writeNamespaceResponse(w, r);
      return;
    case 'esearch':
      writeEsearch(w, r);
      return;
    case 'sort':
      writeSort(w, r);
      return;
    case 'thread':
      writeThreadResponse(w, r);
      return;
    case 'vanished':
      writeVanished(w, r);
      return;
    case 'id':
      writeIdResponse(w, r);
      return;
    case 'quota':
      writeQuota(w, r);
      return;
    case 'quotaroot':
      writeQuotaRoot(w, r);
      return;
    case 'metadata':
      writeMetadata(w, r);
      return;
    case 'acl':
      writeAcl(w, r);
      return;
    case 'listrights':
      writeListRights(w, r);
      return;
    case 'myrights':
      writeMyRights(w, r);
      return;
    case 'language':
      writeLanguage(w, r);
      return;
    case 'comparator':
      writeComparator(w, r);
      return;
    case 'unknown':
      if (r.number !== undefined) w.number(r.number, 'number').sp();
      writeAtom(w, r.name, 'name', ATOM_CHAR);
      if (!(r.raw instanceof Uint8Array)) throw invalid('raw', "expected the response's bytes");
      if (r.raw.length === 0) return;
      w.sp();
      writeRaw(w, r.raw, 'raw', true);
      return;
    default:
      throw invalid('kind', `no untagged response ${describe((r as { kind?: unknown }).kind)}`);
  }
}
