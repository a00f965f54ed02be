/**
 * Walking a BODYSTRUCTURE tree: iteratively (trees may be deep), in section order, with the
 * helpers a client needs to name what it fetches.
 */
import type { BodyParameter, BodyStructure, MultipartBody, SinglePartBody } from '../model/body.ts';

/**
 * True for multipart nodes.
 *
 * @example
 * ```ts
 * if (isMultipart(tree)) console.log(tree.parts.length);
 * ```
 */
export function isMultipart(node: BodyStructure): node is MultipartBody {
  return node.type === 'multipart' && 'parts' in node;
}

/** A node met during a walk, with its parent and depth (the root has depth 0). */
export interface WalkEntry {
  node: BodyStructure;
  parent: BodyStructure | undefined;
  depth: number;
}

/**
 * Every node, parents before children, in section order; the body of a message/rfc822 part
 * comes right after the part.
 *
 * @example
 * ```ts
 * for (const { node, depth } of walk(tree)) console.log(' '.repeat(depth), node.section, node.type);
 * ```
 */
export function* walk(root: BodyStructure): Generator<WalkEntry, void, undefined> {
  const stack: WalkEntry[] = [{ node: root, parent: undefined, depth: 0 }];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    yield e;
    const n = e.node;
    if (isMultipart(n)) {
      for (let i = n.parts.length - 1; i >= 0; i--)
        stack.push({ node: n.parts[i]!, parent: n, depth: e.depth + 1 });
    } else if (n.body !== undefined) stack.push({ node: n.body, parent: n, depth: e.depth + 1 });
  }
}

/**
 * The node with this section number (`'2.1'`), or `undefined`.
 *
 * @example
 * ```ts
 * findSection(tree, '2.1')?.type; // 'text'
 * ```
 */
export function findSection(root: BodyStructure, section: string): BodyStructure | undefined {
  for (const { node } of walk(root)) if (node.section === section) return node;
  return undefined;
}

/**
 * A parameter's value by (case-insensitive) name.
 *
 * @example
 * ```ts
 * param(part.params, 'charset'); // 'utf-8'
 * ```
 */
export function param(params: BodyParameter[] | undefined, name: string): string | undefined {
  const n = name.toLowerCase();
  return params?.find((p) => p.name === n)?.value;
}

/**
 * The part's file name: Content-Disposition `filename`, else Content-Type `name`.
 *
 * @example
 * ```ts
 * filename(part); // 'Q3 report.pdf'
 * ```
 */
export function filename(part: BodyStructure): string | undefined {
  return (
    param(part.disposition?.params, 'filename') ??
    (isMultipart(part) ? undefined : param(part.params, 'name'))
  );
}

/**
 * The section specifier of a part's MIME header (RFC 9051 §6.4.5): `N.MIME`; for part `1` of
 * a message that is not multipart that header is the message header, `HEADER`.
 *
 * @example
 * ```ts
 * mimeHeaderSection(part); // '2.MIME'
 * ```
 */
export function mimeHeaderSection(part: SinglePartBody, root: BodyStructure): string {
  return part === root ? 'HEADER' : `${part.section}.MIME`;
}

/**
 * For a message/rfc822 part: the sections of the encapsulated message's header and text
 * (`N.HEADER`, `N.TEXT`).
 *
 * @example
 * ```ts
 * messageSections(forwarded); // { header: '2.HEADER', text: '2.TEXT' }
 * ```
 */
export function messageSections(part: SinglePartBody): { header: string; text: string } | undefined {
  if (part.type !== 'message' || part.body === undefined) return undefined;
  return { header: `${part.section}.HEADER`, text: `${part.section}.TEXT` };
}
