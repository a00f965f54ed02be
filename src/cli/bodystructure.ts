/** `imap-wire bodystructure [FILE|-] [--budget N]`: the MIME tree of each FETCH, for people. */
import { planFetch } from '../bodystructure/plan.ts';
import { filename, isMultipart, walk } from '../bodystructure/walk.ts';
import { ResponseDecoder } from '../decoder.ts';
import type { BodyStructure } from '../model/body.ts';
import { UsageError } from './decode.ts';
import { readInput } from './input.ts';

export const BODYSTRUCTURE_HELP = `Usage: imap-wire bodystructure [FILE|-] [--budget N]

Reads the bytes an IMAP server sent (FILE, or standard input) and, for every FETCH response with
a BODYSTRUCTURE (or BODY), prints the tree: section number, type/subtype, size in octets,
encoding, file name; then the partial-fetch plan for a preview within N octets (default 16384).

  --budget N  octets the plan may fetch
  --help      this text`;

function describe(node: BodyStructure): string {
  if (isMultipart(node)) return `${node.type}/${node.subtype} (${node.parts.length} parts)`;
  const name = filename(node);
  const lines = node.lines === undefined ? '' : `, ${node.lines} line${node.lines === 1 ? '' : 's'}`;
  return `${node.type}/${node.subtype} ${node.size} octets ${node.encoding}${lines}${name === undefined ? '' : ` "${name}"`}`;
}

/** Runs the command; returns the exit code. */
export function runBodystructure(
  args: string[],
  write: (s: string) => void,
  readStdin: () => Uint8Array,
): number {
  let file: string | undefined;
  let budget = 16 * 1024;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      write(`${BODYSTRUCTURE_HELP}\n`);
      return 0;
    } else if (a === '--budget') {
      budget = Number(args[++i]);
      if (!Number.isSafeInteger(budget) || budget < 0)
        throw new UsageError('--budget needs a non-negative integer');
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
      write(`! ${item.error.code} at ${item.error.offset}: ${item.error.excerpt}\n`);
      continue;
    }
    if (item.type !== 'untagged' || item.kind !== 'fetch') continue;
    const tree = item.attributes.bodyStructure ?? item.attributes.body;
    if (tree === undefined) continue;
    const uid = item.attributes.uid === undefined ? '' : ` UID ${item.attributes.uid}`;
    const subject = item.attributes.envelope?.subject;
    write(`* ${item.seq}${uid}${subject ? ` "${subject}"` : ''}\n`);
    for (const { node, parent, depth } of walk(tree)) {
      // A multipart without a number: the root, or the body of message/rfc822 part N (N.TEXT).
      const label = node.section ?? (parent === undefined ? '(root)' : `(${parent.section}.TEXT)`);
      write(`  ${'  '.repeat(depth)}${label.padEnd(8)} ${describe(node)}\n`);
    }
    const plan = planFetch(tree, { budget });
    write(`  plan (${plan.bytes} of ${budget} octets): ${plan.items.join(' ') || '(nothing)'}\n`);
    if (plan.text) {
      write(
        `    text ${plan.text.section}: decode ${plan.text.encoding}, then ${plan.text.charset}${plan.text.partial ? ' (partial)' : ''}\n`,
      );
    }
  }
  return errors > 0 ? 1 : 0;
}
