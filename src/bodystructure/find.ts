/**
 * What a mail client looks for in a tree: the text to show, the attachments, the inline images.
 *
 * The rules follow RFC 2046 (alternative: the last alternative the client can show is the
 * best; related: the root is the first part unless `start` names another), RFC 2183
 * (disposition) and RFC 2387 (related, Content-ID references). Encapsulated messages
 * (message/rfc822) are attachments: their text is not the message's text.
 */
import type { BodyStructure, SinglePartBody } from '../model/body.ts';
import { filename, isMultipart, param } from './walk.ts';

/** The text parts of a message: the best plain and the best HTML part, either may be absent. */
export interface TextParts {
  plain?: SinglePartBody;
  html?: SinglePartBody;
}

function isText(n: BodyStructure, subtype: string): n is SinglePartBody {
  return !isMultipart(n) && n.type === 'text' && n.subtype === subtype;
}

function isAttachmentLike(n: SinglePartBody): boolean {
  return (
    n.disposition?.type === 'attachment' || (n.disposition?.type !== 'inline' && filename(n) !== undefined)
  );
}

/**
 * The parts that can hold the message's own text, in section order: not the body of a
 * message/rfc822 part (a forwarded message), not the non-root parts of a multipart/related
 * (RFC 2387: the root is the first part unless `start` names another), only the first part of
 * a multipart/signed (RFC 1847), nothing of multipart/encrypted.
 */
function* ownParts(root: BodyStructure): Generator<SinglePartBody, void, undefined> {
  const stack: BodyStructure[] = [root];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (!isMultipart(n)) {
      yield n;
      continue;
    }
    let parts = n.parts;
    if (n.subtype === 'related') {
      const start = param(n.params, 'start');
      const r = parts.find((p) => start !== undefined && !isMultipart(p) && p.id === start) ?? parts[0];
      parts = r === undefined ? [] : [r];
    } else if (n.subtype === 'signed') parts = parts.slice(0, 1);
    else if (n.subtype === 'encrypted') parts = [];
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  }
}

/**
 * The plain-text and HTML parts to show: the first of each among the message's own parts that
 * is not an attachment. In a multipart/alternative both are found; a client shows the one it
 * prefers.
 *
 * @example
 * ```ts
 * const { plain, html } = textParts(tree); // plain?.section === '1.1'
 * ```
 */
export function textParts(root: BodyStructure): TextParts {
  const out: TextParts = {};
  for (const n of ownParts(root)) {
    if (isAttachmentLike(n)) continue;
    if (isText(n, 'plain')) out.plain ??= n;
    else if (isText(n, 'html')) out.html ??= n;
  }
  return out;
}

/**
 * The attachments: parts with an `attachment` disposition, parts with a file name that are not
 * inline, and forwarded messages — but not the inline images of a multipart/related.
 *
 * @example
 * ```ts
 * attachments(tree).map((p) => [p.section, filename(p)]); // [['2', 'Q3 report.pdf']]
 * ```
 */
export function attachments(root: BodyStructure): SinglePartBody[] {
  const out: SinglePartBody[] = [];
  const text = textParts(root);
  const work: BodyStructure[] = [root];
  for (let n = work.shift(); n !== undefined; n = work.shift()) {
    if (isMultipart(n)) {
      work.unshift(...n.parts.filter((p) => !(n.subtype === 'related' && isInlineImage(p))));
      continue;
    }
    if (n === text.plain || n === text.html) continue;
    if (n.type === 'message' && n.body !== undefined) out.push(n);
    else if (isAttachmentLike(n) || (n.type !== 'text' && n.type !== 'multipart' && n !== root)) out.push(n);
  }
  return out;
}

function isInlineImage(n: BodyStructure): n is SinglePartBody {
  return !isMultipart(n) && n.type === 'image' && n.id !== null && n.disposition?.type !== 'attachment';
}

/** An inline image and the Content-ID that HTML refers to it by (`cid:` without `<>`). */
export interface InlineImage {
  contentId: string;
  part: SinglePartBody;
}

/**
 * Images with a Content-ID that an HTML part can show inline (`<img src="cid:…">`).
 *
 * @example
 * ```ts
 * inlineImages(tree); // [{ contentId: 'logo@example.com', part: { section: '1.2', … } }]
 * ```
 */
export function inlineImages(root: BodyStructure): InlineImage[] {
  const out: InlineImage[] = [];
  const work: BodyStructure[] = [root];
  for (let n = work.shift(); n !== undefined; n = work.shift()) {
    if (isMultipart(n)) {
      work.unshift(...n.parts);
      continue;
    }
    if (isInlineImage(n)) out.push({ contentId: n.id!.replace(/^<|>$/g, ''), part: n });
  }
  return out;
}
