/**
 * `imap-wire bodystructure [FILE|-] [--json] [--plan] [--budget N] [--capabilities LIST]`: the
 * MIME tree of each FETCH, for people or as JSON Lines, with the partial-fetch plan on demand.
 */
import { type FetchPlan, planFetch } from '../bodystructure/plan.ts';
import { filename, isMultipart, walk } from '../bodystructure/walk.ts';
import { ResponseDecoder } from '../decoder.ts';
import type { BodyStructure } from '../model/body.ts';
import { UsageError } from './decode.ts';
import { readInput } from './input.ts';
import { itemToJson, toJsonValue } from './json.ts';

export const BODYSTRUCTURE_HELP = `Usage: imap-wire bodystructure [FILE|-] [--json] [--plan] [--budget N] [--capabilities LIST]

Reads the bytes an IMAP server sent (FILE, or standard input) and, for every FETCH response with
a BODYSTRUCTURE (or BODY), prints the tree: section number, type/subtype, size in octets,
encoding, file name; with --plan, the partial-fetch plan for a preview within N octets.

  --json               one JSON object per FETCH (JSON Lines): "seq", "uid", "subject",
                       "bodyStructure" (the typed model, as "imap-wire decode" prints it) and,
                       with --plan, "plan"; errors as "imap-wire decode" prints them
  --plan               add the plan: the FETCH items, and for the text how to decode it and how
                       many decoded octets the cut gives (base64 cut on whole quanta)
  --budget N           octets the plan may fetch (default 16384; implies --plan)
  --capabilities LIST  the server's capabilities, comma-separated (PREVIEW adds the PREVIEW
                       item, BINARY fetches a base64 or quoted-printable text as BINARY)
  --help               this text`;

function describe(node: BodyStructure): string {
  if (isMultipart(node)) return `${node.type}/${node.subtype} (${node.parts.length} parts)`;
  const name = filename(node);
  const lines = node.lines === undefined ? '' : `, ${node.lines} line${node.lines === 1 ? '' : 's'}`;
  return `${node.type}/${node.subtype} ${node.size} octets ${node.encoding}${lines}${name === undefined ? '' : ` "${name}"`}`;
}

function describePlan(plan: FetchPlan, budget: number): string {
  let out = `  plan (${plan.bytes} of ${budget} octets): ${plan.items.join(' ') || '(nothing)'}\n`;
  const t = plan.text;
  if (t !== undefined) {
    const undo = t.binary ? `BINARY (the server undoes ${t.encoding})` : `decode ${t.encoding}`;
    const cut = t.partial
      ? ` (partial: ${t.decodedExact ? '' : 'at most '}${t.decodedBytes} decoded octets, ${t.wholeBytes} sure to be whole characters)`
      : '';
    out += `    text ${t.section}: ${undo}, then ${t.charset}${cut}\n`;
  }
  return out;
}

/** Runs the command; returns the exit code. */
export function runBodystructure(
  args: string[],
  write: (s: string) => void,
  readStdin: () => Uint8Array,
): number {
  let file: string | undefined;
  let budget = 16 * 1024;
  let withPlan = false;
  let json = false;
  let capabilities: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      write(`${BODYSTRUCTURE_HELP}\n`);
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--plan') withPlan = true;
    else if (a === '--budget') {
      budget = Number(args[++i]);
      withPlan = true;
      if (!Number.isSafeInteger(budget) || budget < 0)
        throw new UsageError('--budget needs a non-negative integer');
    } else if (a === '--capabilities') {
      const list = args[++i];
      if (list === undefined) throw new UsageError('--capabilities needs a comma-separated list');
      capabilities = list.split(',').filter((c) => c !== '');
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError('only one FILE');
  }
  const bytes = readInput(file, readStdin);
  const dec = new ResponseDecoder();
  let errors = 0;
  for (const item of [...dec.push(bytes), ...dec.end()]) {
    if (item.type === 'error') {
      errors++;
      if (json) write(`${JSON.stringify(itemToJson(item))}\n`);
      else write(`! ${item.error.code} at ${item.error.offset}: ${item.error.excerpt}\n`);
      continue;
    }
    if (item.type !== 'untagged' || item.kind !== 'fetch') continue;
    const tree = item.attributes.bodyStructure ?? item.attributes.body;
    if (tree === undefined) continue;
    const uid = item.attributes.uid;
    const subject = item.attributes.envelope?.subject;
    const plan = withPlan ? planFetch(tree, { budget, capabilities }) : undefined;
    if (json) {
      write(`${JSON.stringify(toJsonValue({ seq: item.seq, uid, subject, bodyStructure: tree, plan }))}\n`);
      continue;
    }
    write(`* ${item.seq}${uid === undefined ? '' : ` UID ${uid}`}${subject ? ` "${subject}"` : ''}\n`);
    for (const { node, parent, depth } of walk(tree)) {
      // A multipart without a number: the root, or the body of message/rfc822 part N (N.TEXT).
      const label = node.section ?? (parent === undefined ? '(root)' : `(${parent.section}.TEXT)`);
      write(`  ${'  '.repeat(depth)}${label.padEnd(8)} ${describe(node)}\n`);
    }
    if (plan !== undefined) write(describePlan(plan, budget));
  }
  return errors > 0 ? 1 : 0;
}
