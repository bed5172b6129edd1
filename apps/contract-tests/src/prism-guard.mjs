// Runs Prism as a child and makes sure it never outlives whoever started this guard.
// The parent talks to us through stdin: when that pipe closes (parent exited, crashed or was
// SIGKILLed) or when we get SIGINT/SIGTERM, Prism is killed before we exit. PRISM_GUARD_CLEANUP names a
// folder (the spec snapshot) removed on the way out.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismEntry = require.resolve('@stoplight/prism-cli/dist/index.js');

const prism = spawn(process.execPath, [prismEntry, ...process.argv.slice(2)], {
  stdio: ['ignore', 'inherit', 'inherit'],
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  if (prism.exitCode === null && prism.signalCode === null) {
    prism.kill('SIGTERM');
    const hard = setTimeout(() => prism.kill('SIGKILL'), 1500);
    hard.unref();
    prism.once('exit', () => process.exit(code));
  } else {
    process.exit(code);
  }
}

process.stdin.on('data', () => {});
process.stdin.on('end', () => stop(0));
process.stdin.on('error', () => stop(0));
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
process.on('exit', () => {
  if (prism.exitCode === null && prism.signalCode === null) prism.kill('SIGKILL');
  const cleanup = process.env.PRISM_GUARD_CLEANUP;
  if (cleanup) rmSync(cleanup, { recursive: true, force: true });
});
prism.on('exit', (code, signal) => {
  if (!stopping) process.exit(code ?? (signal ? 1 : 0));
});
