/**
 * What a mail client reads from a message-list FETCH (issue #23): two consumers, written for every
 * adapter's own output, so that a parser that defers work (or hands out a token tree and leaves
 * the work to its user) pays for what a reader asks of it.
 *
 * - *list view* reads what a mail list shows: UID, flags, date, subject, first sender, whether
 *   there is an attachment (a part whose disposition is `attachment`), and the section of the
 *   text part to preview (the first text/plain, else text/html, outside attachments and
 *   encapsulated messages);
 * - *everything* reads every field of every envelope and body tree: a checksum over all strings
 *   (their lengths) and numbers (dates as their time).
 *
 * Both fold what they read into `Counts.checksum` so that no read can be optimised away. The
 * checksums of different libraries differ (their values differ: decoded or raw header text,
 * parameters as maps or lists), so they are not compared, only kept.
 *
 * The raw token trees (imapflow's protocol layer, emailjs-imap-handler) have no envelope or body
 * type: the consumer reads them by position, as the client built on them does (emailjs-imap-
 * client's `parseENVELOPE` / `parseBODYSTRUCTURE`), without RFC 2047 decoding (which would only
 * slow them further).
 */

export type Consumer = 'list' | 'all';

/** The workloads whose FETCH responses carry ENVELOPE and BODYSTRUCTURE: where consumers run. */
export const CONSUMER_WORKLOADS: readonly string[] = ['envelope-bodystructure'];

// ---------------------------------------------------------------------------------------------
// imap-wire: the typed model.

interface WireAddress {
  name: string | null;
  adl: string | null;
  mailbox: string | null;
  host: string | null;
  nameRaw?: Uint8Array;
  group?: string;
  members?: WireAddress[];
}
interface WireEnvelope {
  date: Date | null;
  dateRaw: string | null;
  subject: string | null;
  subjectRaw?: Uint8Array;
  from: WireAddress[] | null;
  sender: WireAddress[] | null;
  replyTo: WireAddress[] | null;
  to: WireAddress[] | null;
  cc: WireAddress[] | null;
  bcc: WireAddress[] | null;
  inReplyTo: string | null;
  messageId: string | null;
}
interface WireParam {
  name: string;
  value: string;
  charset?: string;
  language?: string;
}
type WireExt = string | number | null | WireExt[];
interface WireBody {
  type: string;
  subtype: string;
  section?: string;
  parts?: WireBody[];
  params?: WireParam[];
  id?: string | null;
  description?: string | null;
  encoding?: string;
  size?: number;
  lines?: number;
  md5?: string | null;
  disposition?: { type: string; params: WireParam[] } | null;
  language?: string[] | null;
  location?: string | null;
  extensions?: WireExt[];
  envelope?: WireEnvelope;
  body?: WireBody;
}
export interface WireAttributes {
  uid?: number;
  flags?: string[];
  envelope?: WireEnvelope;
  bodyStructure?: WireBody;
  body?: WireBody;
}

const len = (s: string | null | undefined): number => (s == null ? 0 : s.length);

export function wireList(a: WireAttributes): number {
  let sum = (a.uid ?? 0) + (a.flags?.length ?? 0);
  const env = a.envelope;
  if (env) {
    sum += (env.date?.getTime() ?? 0) % 1000;
    sum += len(env.subject);
    const first = env.from?.[0];
    if (first) sum += len(first.name) + len(first.mailbox) + len(first.host);
  }
  const root = a.bodyStructure ?? a.body;
  if (root) {
    if (wireHasAttachment(root)) sum++;
    sum += len(wireTextPart(root));
  }
  return sum;
}

function wireHasAttachment(node: WireBody): boolean {
  if (node.parts) {
    for (const p of node.parts) if (wireHasAttachment(p)) return true;
    return false;
  }
  return node.disposition?.type === 'attachment';
}

function wireTextPart(node: WireBody): string | undefined {
  let html: string | undefined;
  const visit = (n: WireBody): string | undefined => {
    if (n.parts) {
      for (const p of n.parts) {
        const s = visit(p);
        if (s !== undefined) return s;
      }
      return undefined;
    }
    if (n.type !== 'text' || n.disposition?.type === 'attachment') return undefined;
    if (n.subtype === 'plain') return n.section;
    if (n.subtype === 'html' && html === undefined) html = n.section;
    return undefined;
  };
  return visit(node) ?? html;
}

export function wireAll(a: WireAttributes): number {
  let sum = (a.uid ?? 0) + (a.flags?.length ?? 0);
  if (a.envelope) sum += wireEnvelope(a.envelope);
  const root = a.bodyStructure ?? a.body;
  if (root) sum += wireBody(root);
  return sum;
}

function wireEnvelope(e: WireEnvelope): number {
  let sum = ((e.date?.getTime() ?? 0) % 1000) + len(e.dateRaw) + len(e.subject) + (e.subjectRaw?.length ?? 0);
  sum += wireAddresses(e.from) + wireAddresses(e.sender) + wireAddresses(e.replyTo);
  sum += wireAddresses(e.to) + wireAddresses(e.cc) + wireAddresses(e.bcc);
  return sum + len(e.inReplyTo) + len(e.messageId);
}

function wireAddresses(list: WireAddress[] | null): number {
  if (!list) return 0;
  let sum = 0;
  for (const a of list) {
    if (a.members) {
      sum += len(a.group) + wireAddresses(a.members);
      continue;
    }
    sum += len(a.name) + len(a.adl) + len(a.mailbox) + len(a.host) + (a.nameRaw?.length ?? 0);
  }
  return sum;
}

function wireParams(list: WireParam[] | undefined): number {
  if (!list) return 0;
  let sum = 0;
  for (const p of list) sum += p.name.length + p.value.length + len(p.charset) + len(p.language);
  return sum;
}

function wireExt(x: WireExt): number {
  if (x === null) return 0;
  if (typeof x === 'number') return x % 1000;
  if (typeof x === 'string') return x.length;
  let sum = 0;
  for (const y of x) sum += wireExt(y);
  return sum;
}

function wireBody(n: WireBody): number {
  let sum = n.type.length + n.subtype.length + len(n.section) + wireParams(n.params);
  if (n.parts) for (const p of n.parts) sum += wireBody(p);
  sum += len(n.id) + len(n.description) + len(n.encoding) + ((n.size ?? 0) % 1000) + ((n.lines ?? 0) % 1000);
  sum += len(n.md5) + len(n.location);
  if (n.disposition) sum += n.disposition.type.length + wireParams(n.disposition.params);
  if (n.language) for (const l of n.language) sum += l.length;
  if (n.extensions) for (const x of n.extensions) sum += wireExt(x);
  if (n.envelope) sum += wireEnvelope(n.envelope);
  if (n.body) sum += wireBody(n.body);
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Typed peers whose values are plain objects with dictionaries (imapflow's formatMessageResponse,
// node-imap's envelope and body arrays): every value read, whatever its key.

/** Every string (length), number and Date under `v`. */
export function deepSum(v: unknown): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'string':
      return v.length;
    case 'number':
      return v % 1000;
    case 'boolean':
      return v ? 1 : 0;
    case 'bigint':
      return Number(v % 1000n);
    case 'object': {
      if (v instanceof Date) return v.getTime() % 1000;
      if (v instanceof Uint8Array) return v.length;
      let sum = 0;
      if (Array.isArray(v)) {
        for (const x of v) sum += deepSum(x);
        return sum;
      }
      if (v instanceof Set) {
        for (const x of v) sum += deepSum(x);
        return sum;
      }
      for (const k in v) sum += deepSum((v as Record<string, unknown>)[k]);
      return sum;
    }
    default:
      return 0;
  }
}

// imapflow formatMessageResponse(): envelope { date, subject, from: [{ name, address }] …},
// bodyStructure { part, type: 'text/plain', disposition, childNodes, … }.
interface FlowNode {
  part?: string;
  type: string;
  disposition?: string;
  childNodes?: FlowNode[];
}
export interface FlowMessage {
  uid?: number;
  flags?: Set<string>;
  envelope?: { date?: Date; subject?: string; from?: { name?: string; address?: string }[] };
  bodyStructure?: FlowNode;
}

export function flowList(m: FlowMessage): number {
  let sum = (m.uid ?? 0) + (m.flags?.size ?? 0);
  const env = m.envelope;
  if (env) {
    sum += (env.date?.getTime() ?? 0) % 1000;
    sum += len(env.subject);
    const first = env.from?.[0];
    if (first) sum += len(first.name) + len(first.address);
  }
  const root = m.bodyStructure;
  if (root) {
    let attachment = false;
    let plain: string | undefined;
    let html: string | undefined;
    const visit = (n: FlowNode): void => {
      if (n.childNodes && n.type.startsWith('multipart/')) {
        for (const c of n.childNodes) visit(c);
        return;
      }
      if (n.disposition === 'attachment') {
        attachment = true;
        return;
      }
      if (n.type === 'text/plain') plain ??= n.part ?? '1';
      else if (n.type === 'text/html') html ??= n.part ?? '1';
    };
    visit(root);
    if (attachment) sum++;
    sum += len(plain ?? html);
  }
  return sum;
}

export function flowAll(m: FlowMessage): number {
  return (m.uid ?? 0) + (m.flags?.size ?? 0) + deepSum(m.envelope) + deepSum(m.bodyStructure);
}

// node-imap: `text` of a FETCH: { uid, flags, envelope: { date, subject, from: [{ name, mailbox,
// host }] …}, bodystructure: [node, child…] } where a child is an array of the same shape.
interface NodeImapPart {
  partID?: string;
  type: string;
  subtype?: string;
  disposition?: { type: string } | null;
}
type NodeImapStruct = (NodeImapPart | NodeImapStruct)[];
export interface NodeImapFetch {
  uid?: number;
  flags?: string[];
  envelope?: {
    date?: Date | null;
    subject?: string | null;
    from?: { name?: string; mailbox?: string; host?: string }[] | null;
  };
  bodystructure?: NodeImapStruct;
}

export function nodeImapList(t: NodeImapFetch): number {
  let sum = (t.uid ?? 0) + (t.flags?.length ?? 0);
  const env = t.envelope;
  if (env) {
    sum += (env.date?.getTime() ?? 0) % 1000;
    sum += len(env.subject);
    const first = env.from?.[0];
    if (first) sum += len(first.name) + len(first.mailbox) + len(first.host);
  }
  const root = t.bodystructure;
  if (root) {
    let attachment = false;
    let plain: string | undefined;
    let html: string | undefined;
    const visit = (s: NodeImapStruct): void => {
      const head = s[0] as NodeImapPart;
      if (s.length > 1 || head.subtype === undefined) {
        for (let i = 1; i < s.length; i++) visit(s[i] as NodeImapStruct);
        return;
      }
      if (head.disposition?.type?.toLowerCase() === 'attachment') {
        attachment = true;
        return;
      }
      if (head.type === 'text' && head.subtype === 'plain') plain ??= head.partID;
      else if (head.type === 'text' && head.subtype === 'html') html ??= head.partID;
    };
    visit(root);
    if (attachment) sum++;
    sum += len(plain ?? html);
  }
  return sum;
}

export function nodeImapAll(t: NodeImapFetch): number {
  return (t.uid ?? 0) + (t.flags?.length ?? 0) + deepSum(t.envelope) + deepSum(t.bodystructure);
}

// ---------------------------------------------------------------------------------------------
// Raw token trees (imapflow protocol layer, emailjs-imap-handler): `{ type, value }` nodes, NIL as
// null, lists as arrays. The FETCH list alternates names and values.

export interface TreeNode {
  type: string;
  value: unknown;
}
export type Tree = TreeNode | Tree[] | null;

const str = (t: Tree | undefined): string | undefined => {
  if (t == null || Array.isArray(t)) return undefined;
  const v = t.value;
  return typeof v === 'string' ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined;
};
const slen = (t: Tree | undefined): number => {
  if (t == null || Array.isArray(t)) return 0;
  const v = t.value as string | Uint8Array;
  return v.length;
};

/** Reads the FETCH list `[name, value, name, value …]` of one response. */
export function treeFetch(list: Tree[], consumer: Consumer): number {
  let sum = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = str(list[i])?.toUpperCase();
    const value = list[i + 1];
    if (name === 'UID') sum += Number(str(value));
    else if (name === 'FLAGS' && Array.isArray(value)) sum += value.length;
    else if (name === 'ENVELOPE' && Array.isArray(value))
      sum += consumer === 'list' ? treeEnvList(value) : treeAll(value) + treeDate(value);
    else if ((name === 'BODYSTRUCTURE' || name === 'BODY') && Array.isArray(value))
      sum += consumer === 'list' ? treeBodyList(value) : treeAll(value);
  }
  return sum;
}

function treeDate(env: Tree[]): number {
  const date = str(env[0]);
  return date === undefined ? 0 : Date.parse(date) % 1000 || 0;
}

function treeEnvList(env: Tree[]): number {
  let sum = treeDate(env);
  sum += slen(env[1]);
  const from = env[2];
  const first = Array.isArray(from) ? from[0] : undefined;
  if (Array.isArray(first)) sum += slen(first[0]) + slen(first[2]) + slen(first[3]);
  return sum;
}

/** A one-part body: `[type, subtype, params, id, desc, enc, size, …]`; a multipart starts with a list. */
function treeBodyList(root: Tree[]): number {
  let attachment = false;
  let plain: string | undefined;
  let html: string | undefined;
  const visit = (n: Tree[], section: string): void => {
    if (Array.isArray(n[0])) {
      let k = 1;
      for (const c of n) {
        if (!Array.isArray(c)) break;
        visit(c, section ? `${section}.${k}` : String(k));
        k++;
      }
      return;
    }
    const type = str(n[0])?.toLowerCase();
    const subtype = str(n[1])?.toLowerCase();
    // md5 follows size (basic), lines (text), or envelope, body and lines (message).
    const md5At = type === 'text' ? 8 : type === 'message' && subtype === 'rfc822' ? 10 : 7;
    const dsp = n[md5At + 1];
    if (Array.isArray(dsp) && str(dsp[0])?.toLowerCase() === 'attachment') {
      attachment = true;
      return;
    }
    const s = section || '1';
    if (type === 'text' && subtype === 'plain') plain ??= s;
    else if (type === 'text' && subtype === 'html') html ??= s;
  };
  visit(root, '');
  return (attachment ? 1 : 0) + len(plain ?? html);
}

/** Every string (length) and number-like atom under a token tree. */
function treeAll(t: Tree): number {
  if (t === null) return 0;
  if (Array.isArray(t)) {
    let sum = 0;
    for (const x of t) sum += treeAll(x);
    return sum;
  }
  const v = t.value;
  if (t.type === 'ATOM' && typeof v === 'string') {
    const n = Number(v);
    return Number.isNaN(n) ? v.length : n % 1000;
  }
  return (v as string | Uint8Array).length;
}
