import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/lexer, src/parser and src/bodystructure
// (`npm run mutate`, stryker.config.json): the files that test the decoder's layers directly.
// Most of these tests go through the framer and the cursor, so a lexer mutant runs nearly all of
// them: every file here costs time per mutant on a 2-core machine. Left out: the interop project
// (real servers), runtimes and package (they build dist/ or spawn Deno and Bun), the CLI (child
// processes; src/cli is not mutated), the timing ratios (bench-timing, hostile-mime), the
// 10-million-number cases (limits-big-mailbox), and the encoder, session, server, testing and
// mime suites, which test other layers and reach these only through them. Also left out, for
// time: the every-chunking checks of whole captures (fixtures, malformed-fixture, hostile*,
// streamed-bodies): each decodes a capture split at every position, seconds per mutant once
// instrumented; test/mutation holds known-answer cases for what only they covered.
//
// MUTATE_TESTS (comma-separated globs) narrows the test files for a run on one area, e.g.
// `MUTATE_TESTS='test/bodystructure/**/*.test.ts,test/mutation/bodystructure-*.test.ts'`:
// fewer files per mutant, and a score that can only be lower than with all of them.
const only = process.env.MUTATE_TESTS?.split(',').filter((g) => g !== '');

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Stryker switches mutants at run time: the modules need not be evaluated again per file.
    isolate: false,
    include: only ?? [
      'test/mutation/**/*.test.ts',
      'test/rfc/**/*.test.ts',
      'test/ext/**/*.test.ts',
      'test/quirks/**/*.test.ts',
      'test/bodystructure/**/*.test.ts',
      'test/framer.test.ts',
      'test/strings.test.ts',
      'test/numbers.test.ts',
      'test/errors.test.ts',
      'test/parser-fast-paths.test.ts',
      'test/fuzz-regressions.test.ts',
    ],
  },
});
