/**
 * The partial-fetch planner: what a client on a slow link fetches to show a message, instead
 * of `BODY[]`. Given the tree and a byte budget it returns the FETCH items for a preview of the
 * text (`PREVIEW`, RFC 8970, when the server has it; `BODY.PEEK[1.1]<0.2048>`) and for the MIME
 * header of each attachment, with what is needed to decode what comes back (transfer
 * encoding, charset) and how much of it will be whole text.
 *
 * The planner sees the tree, not the bytes, so a cut is exact only as far as the tree tells:
 * - base64 (RFC 2045 §6.8) is cut after a multiple of 4 characters of the base64 alphabet, the
 *   CRLFs not counted. Where the line breaks are is an assumption: every line but the last
 *   holds 76 characters (the most §6.8 allows, and what encoders write), unless the part's
 *   line count (`body-fld-lines`) contradicts it, then the line length it implies;
 * - quoted-printable cannot be cut by the tree: where the `=XX` and soft line breaks fall is in
 *   the bytes. The decoders (`../mime/transfer.ts`) keep a cut `=X`, `=`-CR or trailing white
 *   space as their tail, so a prefix decodes to a prefix of the text whatever the cut; the
 *   same holds when the base64 assumption is wrong. The plan says what is certain.
 */
import { incompleteTailLimit } from '../mime/charset-stream.ts';
import type { BodyStructure, SinglePartBody } from '../model/body.ts';
import { attachments, textParts } from './find.ts';
import { filename, mimeHeaderSection, param } from './walk.ts';

/** Options of {@link planFetch}. */
export interface FetchPlanOptions {
  /** Bytes the plan may ask for in all (default 16 KiB). */
  budget?: number;
  /** Prefer the HTML part over plain text for the preview (default: plain). */
  preferHtml?: boolean;
  /**
   * The server's capabilities (any case). `PREVIEW` (RFC 8970) adds the `PREVIEW` item;
   * `BINARY` (RFC 3516) fetches a base64 or quoted-printable text part as `BINARY.PEEK[…]`,
   * decoded by the server, so the budget buys decoded octets.
   */
  capabilities?: Iterable<string>;
}

/** The text part to preview. */
export interface PlannedText {
  section: string;
  /** The FETCH item, e.g. `BODY.PEEK[1.1]<0.4096>` or `BINARY.PEEK[1.1]<0.4096>`. */
  item: string;
  type: string;
  subtype: string;
  /** The part's Content-Transfer-Encoding (`base64`, `quoted-printable`, `7bit` …). */
  encoding: string;
  /** True when the item is `BINARY`: the server undid `encoding`, only the charset is left. */
  binary: boolean;
  /** Charset to decode with after that (`us-ascii` for text without one, RFC 2046 §4.1.2). */
  charset: string;
  /** Size of the whole part in octets (encoded). */
  size: number;
  /** Octets the item asks for (decoded octets when `binary`). */
  bytes: number;
  /** True when the item asks for a prefix (`<0.N>`), not the whole part. */
  partial: boolean;
  /**
   * base64 only: the line length the cut assumed (characters between CRLFs; 0 for a part of
   * one line, with no break to skip).
   */
  lineLength?: number;
  /**
   * Octets the fetched data decodes to, transfer encoding undone: exact when `decodedExact`,
   * else at most (quoted-printable's `=XX` is 3 octets for 1; base64 padding; what BINARY gives).
   */
  decodedBytes: number;
  /** True when `decodedBytes` is known: identity encodings, a base64 cut whose lines are as assumed. */
  decodedExact: boolean;
  /**
   * Of `decodedBytes`, octets sure to be whole characters of the charset: all of them for a
   * whole part or a one-octet charset (ISO-8859-x, windows-125x, KOI8-R …), all but the last 3
   * for a UTF-8 prefix. Exact as `decodedBytes` is; `decodePartPrefix` counts what arrived.
   */
  wholeBytes: number;
}

/** An attachment, and the item for its MIME header when the budget allowed it. */
export interface PlannedAttachment {
  section: string;
  filename?: string;
  type: string;
  subtype: string;
  encoding: string;
  size: number;
  /** `BODY.PEEK[2.MIME]`: the part's own header (Content-Type, Content-Disposition …). */
  headerItem?: string;
}

/** The plan: FETCH items in the order to send them, and what each one is. */
export interface FetchPlan {
  items: string[];
  /** `PREVIEW` when the server has it (RFC 8970): the first item, what a message list shows. */
  preview?: string;
  text?: PlannedText;
  attachments: PlannedAttachment[];
  /** Octets the plan expects to receive (MIME headers and the preview estimated). */
  bytes: number;
}

/** A MIME part header's typical size (Content-Type, -Disposition, -Transfer-Encoding, -ID). */
const MIME_HEADER_ESTIMATE = 256;

/** RFC 8970 §3.1: a preview is at most 256 characters; counted as octets (mostly ASCII). */
const PREVIEW_ESTIMATE = 256;

/** RFC 2045 §6.8: "encoded lines must not be longer than 76 characters". */
const BASE64_LINE = 76;

/**
 * Plans the fetches that show a message within `budget` octets.
 *
 * With `PREVIEW` among the capabilities, `PREVIEW` comes first and is charged 256 octets;
 * the text fetch stays (the preview is what a list shows, the text what the opened message
 * shows first) and gets what is left of its share; a budget too small for both gets the
 * preview only.
 *
 * @example
 * ```ts
 * planFetch(tree, { budget: 4096 }).items;
 * // ['BODY.PEEK[1.1]<0.3582>', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']
 * planFetch(tree, { budget: 2048, capabilities: ['IMAP4rev2', 'PREVIEW'] }).items;
 * // ['PREVIEW', 'BODY.PEEK[1.1]<0.1280>', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']
 * ```
 */
export function planFetch(root: BodyStructure, options: FetchPlanOptions = {}): FetchPlan {
  const budget = Math.max(0, Math.floor(options.budget ?? 16 * 1024));
  const caps = new Set<string>();
  for (const c of options.capabilities ?? []) caps.add(c.toUpperCase());
  const found = textParts(root);
  const textPart = options.preferHtml ? (found.html ?? found.plain) : (found.plain ?? found.html);
  const atts = attachments(root);
  // Headers of attachments get at most half the budget; the text gets the rest.
  const headerBudget = Math.min(atts.length * MIME_HEADER_ESTIMATE, Math.floor(budget / 2));
  const plan: FetchPlan = { items: [], attachments: [], bytes: 0 };
  if (caps.has('PREVIEW') && textPart !== undefined) {
    plan.preview = 'PREVIEW';
    plan.items.push(plan.preview);
    plan.bytes += Math.min(PREVIEW_ESTIMATE, budget);
  }
  if (textPart !== undefined) {
    const text = planText(textPart, budget - headerBudget - plan.bytes, caps.has('BINARY'));
    if (text.bytes > 0) {
      plan.text = text;
      plan.items.push(text.item);
      plan.bytes += text.bytes;
    }
  }
  let left = budget - plan.bytes;
  for (const a of atts) {
    const entry: PlannedAttachment = {
      section: a.section,
      type: a.type,
      subtype: a.subtype,
      encoding: a.encoding,
      size: a.size,
    };
    const name = filename(a);
    if (name !== undefined) entry.filename = name;
    if (left >= MIME_HEADER_ESTIMATE) {
      entry.headerItem = `BODY.PEEK[${mimeHeaderSection(a, root)}]`;
      plan.items.push(entry.headerItem);
      left -= MIME_HEADER_ESTIMATE;
      plan.bytes += MIME_HEADER_ESTIMATE;
    }
    plan.attachments.push(entry);
  }
  return plan;
}

/**
 * Plans the fetch of one text part within `budget` octets (what {@link planFetch} does for the
 * text it picks), for a client that chose the part itself.
 *
 * @example
 * ```ts
 * planTextFetch(findSection(tree, '2') as SinglePartBody, { budget: 1024 }).item; // 'BODY.PEEK[2]<0.1024>'
 * ```
 */
export function planTextFetch(
  part: SinglePartBody,
  options: Pick<FetchPlanOptions, 'budget' | 'capabilities'> = {},
): PlannedText {
  let binary = false;
  for (const c of options.capabilities ?? []) if (c.toUpperCase() === 'BINARY') binary = true;
  return planText(part, Math.max(0, Math.floor(options.budget ?? 16 * 1024)), binary);
}

function planText(part: SinglePartBody, budget: number, hasBinary: boolean): PlannedText {
  const encoding = part.encoding;
  const charset =
    param(part.params, 'charset')?.toLowerCase() ?? (part.type === 'text' ? 'us-ascii' : 'utf-8');
  const tail = incompleteTailLimit(charset);
  const want = Math.max(0, budget);
  const base: Omit<
    PlannedText,
    'item' | 'bytes' | 'partial' | 'decodedBytes' | 'decodedExact' | 'wholeBytes'
  > = {
    section: part.section,
    type: part.type,
    subtype: part.subtype,
    encoding,
    binary: false,
    charset,
    size: part.size,
  };
  const whole = (n: number, exact: boolean, partial: boolean) => ({
    decodedBytes: n,
    decodedExact: exact,
    wholeBytes: partial ? Math.max(0, n - tail) : n,
  });
  if (encoding === 'base64' || encoding === 'quoted-printable') {
    if (hasBinary) {
      // RFC 3516 §4.2: a BINARY partial counts decoded octets; the decoded part is at most
      // 3/4 of a base64 part's octets and at most a quoted-printable part's.
      const most = encoding === 'base64' ? Math.floor((part.size * 3) / 4) : part.size;
      const bytes = Math.min(want, most);
      const partial = bytes < most;
      return {
        ...base,
        binary: true,
        item: partial ? `BINARY.PEEK[${part.section}]<0.${bytes}>` : `BINARY.PEEK[${part.section}]`,
        bytes,
        partial,
        ...whole(bytes, false, partial),
      };
    }
  }
  const bytes0 = Math.min(part.size, want);
  if (encoding === 'base64') {
    const { lineLength, confirmed } = base64LineLength(part);
    const partial = bytes0 < part.size;
    const bytes = partial ? base64Cut(bytes0, lineLength) : bytes0;
    const chars = alphabetChars(bytes, lineLength);
    return {
      ...base,
      item: itemFor(part, bytes, partial),
      bytes,
      partial,
      lineLength: Number.isFinite(lineLength) ? lineLength : 0,
      // The last quantum (in the last 4 characters, a CRLF and maybe one more) may end in
      // "=" padding, whose octets do not exist: a cut before it is exact.
      ...whole(Math.floor(chars / 4) * 3, confirmed && bytes <= part.size - 8, partial),
    };
  }
  const partial = bytes0 < part.size;
  const identity = encoding === '7bit' || encoding === '8bit' || encoding === 'binary';
  return {
    ...base,
    item: itemFor(part, bytes0, partial),
    bytes: bytes0,
    partial,
    ...whole(bytes0, identity, partial),
  };
}

function itemFor(part: SinglePartBody, bytes: number, partial: boolean): string {
  return partial ? `BODY.PEEK[${part.section}]<0.${bytes}>` : `BODY.PEEK[${part.section}]`;
}

/**
 * The line length of a base64 part: 76 unless its size and line count say otherwise, then the
 * multiple of 4 that they imply (`Infinity`: one line, no break to skip). `confirmed` when the
 * size and line count fit the length found. Servers count lines differently: Dovecot counts
 * the LFs (a part of two lines, the last without its CRLF, has 1), RFC 9051 text lines; both
 * are tried.
 */
function base64LineLength(part: SinglePartBody): { lineLength: number; confirmed: boolean } {
  const n = part.lines;
  if (n === undefined) return { lineLength: BASE64_LINE, confirmed: false };
  const counts = n === 0 ? [1] : [n, n + 1];
  if (counts.some((p) => fits(part.size, p, BASE64_LINE)))
    return { lineLength: BASE64_LINE, confirmed: true };
  for (const p of counts) {
    if (p === 1) return { lineLength: Number.POSITIVE_INFINITY, confirmed: true };
    const guess = Math.max(4, 4 * Math.round((part.size / p - 2) / 4));
    if (fits(part.size, p, guess)) return { lineLength: guess, confirmed: true };
  }
  return { lineLength: Math.max(4, 4 * Math.round((part.size / n - 2) / 4)), confirmed: false };
}

/** True when n lines of `len` characters (the last 1 to `len`, a CRLF after it or not) make `size`. */
function fits(size: number, n: number, len: number): boolean {
  return size > (n - 1) * (len + 2) && size <= n * (len + 2);
}

/** Base64 alphabet characters in the first `bytes` octets of lines of `len` characters and CRLF. */
function alphabetChars(bytes: number, len: number): number {
  if (!Number.isFinite(len)) return bytes;
  return Math.floor(bytes / (len + 2)) * len + Math.min(bytes % (len + 2), len);
}

/**
 * The longest prefix of at most `bytes` octets that holds a multiple of 4 alphabet
 * characters, ending on a character, not on the CRLF after it.
 */
function base64Cut(bytes: number, len: number): number {
  const chars = alphabetChars(bytes, len);
  const c4 = chars - (chars % 4);
  if (!Number.isFinite(len)) return c4;
  const full = Math.floor(c4 / len);
  const rest = c4 % len;
  return rest === 0 && full > 0 ? full * (len + 2) - 2 : full * (len + 2) + rest;
}
