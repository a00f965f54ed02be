/**
 * New mail the economical way (issue #19, point 5): one FETCH of what a message list shows,
 * PREVIEW where the server has it (RFC 8970), else a partial fetch of the text part planned by
 * `planTextFetch` and decoded by `decodePartPrefix`. Never `BODY[]`.
 */
import { textParts } from '../bodystructure/find.ts';
import { type PlannedText, planTextFetch } from '../bodystructure/plan.ts';
import { decodePartPrefix } from '../mime/part-text.ts';
import type { FetchItem } from '../model/command-fetch.ts';
import type { FetchAttributes } from '../model/fetch.ts';
import type { MessageSummary } from './watch-events.ts';

/** RFC 8970 §3.1: a preview is at most 256 characters; a text-part preview is cut the same. */
const PREVIEW_CHARS = 256;

/**
 * The FETCH items of a new message's summary: `UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE`,
 * and `PREVIEW` when the server advertises it (RFC 8970 §3).
 *
 * @example
 * ```ts
 * summaryItems(['IMAP4rev1', 'PREVIEW']).map((i) => i.item);
 * // ['UID', 'FLAGS', 'RFC822.SIZE', 'ENVELOPE', 'BODYSTRUCTURE', 'PREVIEW']
 * ```
 */
export function summaryItems(capabilities: readonly string[]): FetchItem[] {
  const items: FetchItem[] = [
    { item: 'UID' },
    { item: 'FLAGS' },
    { item: 'RFC822.SIZE' },
    { item: 'ENVELOPE' },
    { item: 'BODYSTRUCTURE' },
  ];
  if (capabilities.includes('PREVIEW')) items.push({ item: 'PREVIEW' });
  return items;
}

/**
 * The summary a FETCH with {@link summaryItems} gave (`undefined` without a UID). The preview is
 * the server's when it sent one.
 */
export function summaryOf(a: FetchAttributes): MessageSummary | undefined {
  if (a.uid === undefined) return undefined;
  const s: MessageSummary = { uid: a.uid, flags: a.flags ?? [] };
  if (a.rfc822Size !== undefined) s.size = a.rfc822Size;
  if (a.envelope !== undefined) s.envelope = a.envelope;
  if (a.bodyStructure !== undefined) s.bodyStructure = a.bodyStructure;
  if (a.preview !== undefined && a.preview !== null) {
    s.preview = tidy(new TextDecoder('utf-8', { ignoreBOM: true }).decode(a.preview));
    s.previewSource = 'server';
  }
  return s;
}

/**
 * The partial fetch of the text part that stands in for PREVIEW: the plan (its `item` is the
 * FETCH item as text) and the item as a typed value; `undefined` when there is no text part.
 *
 * @example
 * ```ts
 * textPreviewFetch(summary, 1024, caps)?.fetch; // { item: 'BODY[]', section: { part: [1] }, peek: true, partial: { origin: 0, count: 1024 } }
 * ```
 */
export function textPreviewFetch(
  summary: MessageSummary,
  budget: number,
  capabilities: readonly string[],
): { plan: PlannedText; fetch: FetchItem } | undefined {
  const tree = summary.bodyStructure;
  if (tree === undefined) return undefined;
  const found = textParts(tree);
  const part = found.plain ?? found.html;
  if (part === undefined) return undefined;
  const plan = planTextFetch(part, { budget, capabilities });
  if (plan.bytes === 0) return undefined;
  const numbers = plan.section === '' ? [] : plan.section.split('.').map(Number);
  const partial = plan.partial ? { partial: { origin: 0, count: plan.bytes } } : {};
  const fetch: FetchItem = plan.binary
    ? { item: 'BINARY[]', part: numbers, peek: true, ...partial }
    : { item: 'BODY[]', ...(numbers.length > 0 && { section: { part: numbers } }), peek: true, ...partial };
  return { plan, fetch };
}

/**
 * The preview text from what the partial fetch gave: transfer and charset decoded (a cut
 * character left out), HTML tags dropped for an HTML part, whitespace made single spaces, at
 * most 256 characters.
 */
export function previewFromText(a: FetchAttributes, plan: PlannedText): string | undefined {
  const sec = a.sections?.find((s) => s.section === plan.section);
  if (sec === undefined || sec.value === null) return undefined;
  let text = decodePartPrefix(sec.value, plan).text;
  if (plan.subtype === 'html') text = text.replace(/<[^>]*>?/g, ' ').replace(/&nbsp;/g, ' ');
  return tidy(text);
}

function tidy(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > PREVIEW_CHARS ? t.slice(0, PREVIEW_CHARS) : t;
}
