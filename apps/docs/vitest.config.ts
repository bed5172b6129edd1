import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Each file starts its own servers on free ports, so files may run side by side.
    fileParallelism: true,
  },
});
