#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli.js (built by `pnpm --filter @sunshine-openapi/postman-to-openapi build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'postman-to-openapi: not built yet; run `pnpm --filter @sunshine-openapi/postman-to-openapi build` first\n',
  );
  process.exit(2);
}
// A closed pipe (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
