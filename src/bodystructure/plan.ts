/**
 * The partial-fetch planner: what a client on a slow link fetches to show a message, instead
 * of `BODY[]`. Given the tree and a byte budget it returns the FETCH items for a preview of the
 * text (`BODY.PEEK[1.1]<0.2048>`) and for the MIME header of each attachment, with what is
 * needed to decode what comes back (transfer encoding, charset).
 */
import type { BodyStructure, SinglePartBody } from '../model/body.ts';
import { attachments, textParts } from './find.ts';
import { filename, mimeHeaderSection, param } from './walk.ts';

/** Options of {@link planFetch}. */
export interface FetchPlanOptions {
  /** Bytes the plan may ask for in all (default 16 KiB). */
  budget?: number;
  /** Prefer the HTML part over plain text for the preview (default: plain). */
  preferHtml?: boolean;
}

/** The text part to preview. */
export interface PlannedText {
  section: string;
  /** The FETCH item, e.g. `BODY.PEEK[1.1]<0.4096>`. */
  item: string;
  type: string;
  subtype: string;
  /** Content-Transfer-Encoding to undo (`base64`, `quoted-printable`, `7bit` …). */
  encoding: string;
  /** Charset to decode with after that (`us-ascii` for text without one, RFC 2046 §4.1.2). */
  charset: string;
  /** Size of the whole part in octets (encoded). */
  size: number;
  /** Octets the item asks for. */
  bytes: number;
  /** True when `bytes < size`: the preview is cut (a base64 cut is on a 4-octet boundary). */
  partial: boolean;
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
  text?: PlannedText;
  attachments: PlannedAttachment[];
  /** Octets the plan expects to receive (MIME headers estimated). */
  bytes: number;
}

/** A MIME part header's typical size (Content-Type, -Disposition, -Transfer-Encoding, -ID). */
const MIME_HEADER_ESTIMATE = 256;

/**
 * Plans the fetches that show a message within `budget` octets.
 *
 * @example
 * ```ts
 * planFetch(tree, { budget: 4096 }).items;
 * // ['BODY.PEEK[1.1]<0.3584>', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']
 * ```
 */
export function planFetch(root: BodyStructure, options: FetchPlanOptions = {}): FetchPlan {
  const budget = Math.max(0, Math.floor(options.budget ?? 16 * 1024));
  const found = textParts(root);
  const textPart = options.preferHtml ? (found.html ?? found.plain) : (found.plain ?? found.html);
  const atts = attachments(root);
  // Headers of attachments get at most half the budget; the text gets the rest.
  const headerBudget = Math.min(atts.length * MIME_HEADER_ESTIMATE, Math.floor(budget / 2));
  const plan: FetchPlan = { items: [], attachments: [], bytes: 0 };
  if (textPart !== undefined) {
    const text = planText(textPart, budget - headerBudget);
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

function planText(part: SinglePartBody, budget: number): PlannedText {
  let bytes = Math.min(part.size, Math.max(0, budget));
  // base64 decodes in groups of 4 octets; a cut elsewhere would leave a broken tail.
  if (part.encoding === 'base64' && bytes < part.size) bytes -= bytes % 4;
  const partial = bytes < part.size;
  const item = partial ? `BODY.PEEK[${part.section}]<0.${bytes}>` : `BODY.PEEK[${part.section}]`;
  return {
    section: part.section,
    item,
    type: part.type,
    subtype: part.subtype,
    encoding: part.encoding,
    charset: param(part.params, 'charset')?.toLowerCase() ?? (part.type === 'text' ? 'us-ascii' : 'utf-8'),
    size: part.size,
    bytes,
    partial,
  };
}
