import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles spec/openapi.yaml once per run and shares it with every test file.
    globalSetup: ['test/global-setup.ts'],
  },
});
