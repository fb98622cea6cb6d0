import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test is limited by the clock: each is bounded by the work it does (pages, runs of a
    // property, characters read), so a busy machine slows the suite but never fails it. A test
    // that hangs is ended by CI's own time limit.
    testTimeout: 0,
    hookTimeout: 0,
  },
});
