#!/usr/bin/env node
// Serves the built site on 127.0.0.1:8080 (sirv) and a Prism mock of the bundled spec on 127.0.0.1:4010,
// the URL the code samples fall back to. Ports can be changed with DOCS_PORT and MOCK_PORT. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(packageDir, 'package.json'));
const docsPort = process.env.DOCS_PORT ?? '8080';
const mockPort = process.env.MOCK_PORT ?? '4010';
const spec = path.join(packageDir, 'dist', 'reference', 'openapi.yaml');

function binOf(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return path.join(path.dirname(manifestPath), bin);
}

if (!existsSync(path.join(packageDir, 'dist', 'index.html')) || !existsSync(spec)) {
  console.error(
    'docs: dist/ is not built: run `pnpm build` (or `pnpm --filter @sunshine-openapi/docs build`) first',
  );
  process.exit(1);
}

const children = [
  spawn(
    process.execPath,
    [binOf('sirv-cli', 'sirv'), 'dist', '--quiet', '--host', '127.0.0.1', '--port', docsPort],
    {
      cwd: packageDir,
      stdio: 'inherit',
    },
  ),
  spawn(
    process.execPath,
    [binOf('@stoplight/prism-cli', 'prism'), 'mock', spec, '--host', '127.0.0.1', '--port', mockPort],
    {
      cwd: packageDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  ),
];
console.log(
  `docs: site on http://127.0.0.1:${docsPort}  ·  mock API on http://127.0.0.1:${mockPort}  (Ctrl+C stops both)`,
);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) console.error(`docs: a server stopped (exit ${code}); stopping the other one`);
    stop(code ?? 1);
  });
}
