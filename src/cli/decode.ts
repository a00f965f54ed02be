/** `imap-wire decode [FILE|-] [--chunk N] [--strict] [--pretty]` */
import { ResponseDecoder } from '../decoder.ts';
import { readInput } from './input.ts';
import { itemToJson } from './json.ts';

export const DECODE_HELP = `Usage: imap-wire decode [FILE|-] [--chunk N] [--strict] [--pretty]

Reads the bytes an IMAP server sent (FILE, or standard input for "-" or no FILE) and prints one
JSON object per response, in order (JSON Lines). Errors are objects with "type":"error", "code",
"offset", "message" and "excerpt"; decoding goes on after them.

  --chunk N   push the input in chunks of N bytes (default: all at once); the output is the same
  --strict    refuse every tolerated server deviation (quirk) with a STRICT error
  --pretty    for people: long byte strings abbreviated, a summary at the end
  --help      this text

Exit code 1 when an error item was printed, 2 on a usage error or an input file that cannot
be read.`;

/** Parses arguments and runs; returns the exit code (1 if any error item was printed). */
export function runDecode(args: string[], write: (s: string) => void, readStdin: () => Uint8Array): number {
  let file: string | undefined;
  let chunk = 0;
  let strict = false;
  let pretty = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      write(`${DECODE_HELP}\n`);
      return 0;
    } else if (a === '--strict') strict = true;
    else if (a === '--pretty') pretty = true;
    else if (a === '--chunk') {
      chunk = Number(args[++i]);
      if (!Number.isSafeInteger(chunk) || chunk < 1) throw new UsageError('--chunk needs a positive integer');
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError('only one FILE');
  }
  const bytes = readInput(file, readStdin);
  const dec = new ResponseDecoder({ strict });
  let errors = 0;
  let count = 0;
  const emit = (items: ReturnType<ResponseDecoder['push']>): void => {
    for (const item of items) {
      if (item.type === 'error') errors++;
      count++;
      write(`${JSON.stringify(itemToJson(item, pretty ? { maxBytes: 72 } : {}))}\n`);
    }
  };
  const step = chunk > 0 ? chunk : Math.max(bytes.length, 1);
  for (let i = 0; i < bytes.length; i += step) emit(dec.push(bytes.subarray(i, i + step)));
  emit(dec.end());
  if (pretty) {
    const quirks = [...dec.quirks].map(([q, n]) => `${q} ×${n}`).join(', ');
    write(
      `# ${bytes.length} bytes → ${count - errors} responses, ${errors} errors${quirks ? `; quirks tolerated: ${quirks}` : ''}\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}
