#!/usr/bin/env node
try {
  await import('../dist/cli/spec-diff.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('/dist/cli/')) throw err;
  console.error('spec-tools is not built; run `pnpm --filter @sunshine-openapi/spec-tools build` first.');
  process.exitCode = 2;
}
