import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // No test is timed (speed is the bench's business); a loaded CI machine must not
          // fail the 1-byte-chunk and 10-million-number cases on the default 5 s.
          testTimeout: 60_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/interop/**'],
        },
      },
      {
        test: {
          name: 'interop',
          include: ['test/interop/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
