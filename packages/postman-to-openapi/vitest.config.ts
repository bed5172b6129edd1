import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI machines have 2 cores; whole-collection and fuzz tests need headroom beyond vitest's 5 s default.
    testTimeout: 30_000,
  },
});
