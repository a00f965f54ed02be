/** Reading the command's input file: a file the user named that cannot be read is a usage problem. */
import { readFileSync } from 'node:fs';

/**
 * An input file that cannot be read (missing, a folder, no permission): printed as one line,
 * exit code 2, apart from exit code 1, which says that the input was read and held an error.
 */
export class InputError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/** Standard input, all of it. */
export function readStdin(): Uint8Array {
  return readBytes(0, 'standard input');
}

function readBytes(file: string | 0, name: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = typeof code === 'string' ? (REASONS[code] ?? code) : String(e);
    throw new InputError(`cannot read ${name}: ${reason}`);
  }
}

/** The bytes of `file`, or of standard input for `-` / no file. */
export function readInput(file: string | undefined, readStdin: () => Uint8Array): Uint8Array {
  return file === undefined || file === '-' ? readStdin() : readBytes(file, file);
}

/** The text of `file` as UTF-8 (see {@link readInput}). */
export function readInputText(file: string, readStdin: () => Uint8Array): string {
  return new TextDecoder().decode(readInput(file, readStdin));
}
