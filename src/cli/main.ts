#!/usr/bin/env node
/** The `imap-wire` command. */
import { readFileSync } from 'node:fs';
import { BODYSTRUCTURE_HELP, runBodystructure } from './bodystructure.ts';
import { CORPUS_HELP, runCorpus } from './corpus.ts';
import { DECODE_HELP, runDecode, UsageError } from './decode.ts';
import { runEncode } from './encode.ts';
import { InputError, readStdin } from './input.ts';
import { runWatch } from './watch.ts';
import { WATCH_HELP } from './watch-format.ts';

/** The package's version: package.json is two levels up from the cli folder, in the sources and in dist alike. */
function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version);
}

const HELP = `Usage: imap-wire <command> [options]

Commands:
  decode [FILE|-] [--chunk N] [--strict] [--pretty]   server bytes → JSON Lines, one response each
  bodystructure [FILE|-] [--json] [--plan] [--budget N]
                                                      the MIME tree of each FETCH, and a fetch plan
  encode [JSON|-]                                     a command as JSON → its wire form, fragments marked
  corpus --workload W [--seed N] [--scale K] [--out F] benchmark traffic + what a decoder must count
  watch --host H [--port P] [--tls|--starttls] --user U [--mailbox M ...] [--json]
                                                      push mail: every change as it happens

Options:
  --help, -h      this text
  --version, -v   the version of imap-wire

Run "imap-wire <command> --help" for a command's options. Exit codes: 0 done, 1 an error item
was printed (or a command could not be encoded), 2 a usage error or an input file that cannot be
read.`;

function main(argv: string[]): number | Promise<number> {
  const [cmd, ...rest] = argv;
  const write = (s: string): void => {
    process.stdout.write(s);
  };
  try {
    switch (cmd) {
      case 'decode':
        return runDecode(rest, write, readStdin);
      case 'encode':
        return runEncode(rest);
      case 'bodystructure':
        return runBodystructure(rest, write, readStdin);
      case 'watch':
        return runWatch({
          argv: rest,
          env: process.env,
          readFile: (p) => readFileSync(p, 'utf8'),
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
          onInterrupt: (stop) => {
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
            return () => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
            };
          },
        }).catch((e: unknown) => usage(e, cmd));
      case 'corpus':
        return runCorpus(
          rest,
          (s) => process.stdout.write(s),
          (s) => process.stderr.write(s),
        );
      case '--version':
      case '-v':
      case 'version':
        write(`${version()}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        write(`${HELP}\n`);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${cmd}`);
    }
  } catch (e) {
    return usage(e, cmd);
  }
}

/** An input or usage error: one line (and the command's help) on standard error; else rethrown. */
function usage(e: unknown, cmd: string | undefined): number {
  if (e instanceof InputError) {
    process.stderr.write(`imap-wire: ${e.message}\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    const help =
      cmd === 'decode'
        ? DECODE_HELP
        : cmd === 'bodystructure'
          ? BODYSTRUCTURE_HELP
          : cmd === 'corpus'
            ? CORPUS_HELP
            : cmd === 'watch'
              ? WATCH_HELP
              : HELP;
    process.stderr.write(`imap-wire: ${e.message}\n\n${help}\n`);
    return 2;
  }
  throw e;
}

// A closed pipe (`imap-wire decode f | head`) ends the output, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const code = main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
else
  code.then(
    (c) => process.exit(c),
    (e: unknown) => {
      process.stderr.write(`imap-wire: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
