/**
 * Section numbers (RFC 9051 §6.4.5, RFC 3501 §6.4.5 "BODY[<section>]"):
 *
 * - a message that is not multipart has one part, `1`;
 * - the children of a multipart are `1`, `2`, … below the multipart's own number; the root
 *   multipart has no number;
 * - the body of a message/rfc822 (or message/global) part `N` is `N.1` when it is not
 *   multipart; when it is, its children are `N.1`, `N.2`, … and the encapsulated multipart
 *   itself adds no level (it is `N.TEXT`).
 *
 * Every JavaScript parser we measured numbers the body of a single-part message/rfc822 part as
 * `N+1` or `N`; this is the rule the server applies (checked against Dovecot by the interop tests).
 */
import type { BodyStructure, MultipartBody, SinglePartBody } from '../model/body.ts';

function isMultipart(node: BodyStructure): node is MultipartBody {
  return node.type === 'multipart' && 'parts' in node;
}

/** Numbers every node of a tree in place (iteratively: trees may be deep). */
export function assignSections(root: BodyStructure): void {
  // Work items: a node and the number it gets ('' for "none", i.e. a root multipart).
  const work: [BodyStructure, string][] = [[root, isMultipart(root) ? '' : '1']];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const [node, section] = item;
    if (isMultipart(node)) {
      if (section === '') delete node.section;
      else node.section = section;
      childrenOf(node, section, work);
    } else {
      node.section = section;
      encapsulated(node, work);
    }
  }
}

function childrenOf(node: MultipartBody, prefix: string, work: [BodyStructure, string][]): void {
  for (let i = node.parts.length - 1; i >= 0; i--) {
    work.push([node.parts[i]!, prefix === '' ? `${i + 1}` : `${prefix}.${i + 1}`]);
  }
}

/** The body of a message/rfc822 part: children at N.1 … (multipart) or N.1 itself. */
function encapsulated(part: SinglePartBody, work: [BodyStructure, string][]): void {
  const body = part.body;
  if (body === undefined) return;
  if (isMultipart(body)) {
    delete body.section;
    childrenOf(body, part.section, work);
  } else work.push([body, `${part.section}.1`]);
}
