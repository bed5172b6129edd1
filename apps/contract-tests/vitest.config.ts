import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// CONTRACT_CLIENT_DIR points the suite at another build of the client package (e.g. one generated from an
// older spec, for the mismatch experiment); by default the workspace package is used.
const clientDir = process.env.CONTRACT_CLIENT_DIR;

export default defineConfig({
  resolve: clientDir
    ? { alias: { '@sunshine-openapi/client': resolve(clientDir, 'dist/index.js') } }
    : undefined,
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Operations run as concurrent tests against the one Prism; keep the fan-out modest for 2-core CI.
    maxConcurrency: 8,
    // Two workers even on 2 cores (vitest would pick 1): the lifecycle and proxy files mostly wait on child
    // processes, so they overlap with the CPU-bound files instead of adding to the wall time.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
