// Runs Prism as a child that cannot outlive the watcher: the watcher holds our stdin open, so when
// it exits for any reason (even SIGKILL) the pipe closes and we take Prism down with us.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const prism = spawn(process.execPath, [prismBin, ...process.argv.slice(2)], {
  stdio: ['ignore', 'inherit', 'inherit'],
});

let exiting = false;
function shutdown(code: number): void {
  if (exiting) return;
  exiting = true;
  if (prism.exitCode !== null || prism.signalCode !== null) process.exit(code);
  prism.once('exit', () => process.exit(code));
  prism.kill('SIGTERM');
  setTimeout(() => prism.kill('SIGKILL'), 2000).unref();
}

process.stdin.resume();
process.stdin.on('end', () => shutdown(0));
process.stdin.on('error', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
prism.on('exit', (code) => {
  if (!exiting) process.exit(code ?? 1);
});
