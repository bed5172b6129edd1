import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packageDir } from '../src/paths.js';
import { pidAlive } from '../src/prism.js';

const require = createRequire(import.meta.url);
const miniSpec = join(packageDir, 'test/fixtures/mini.yaml');
const vitestBin = join(require.resolve('vitest/package.json'), '../vitest.mjs');
const work = mkdtempSync(join(tmpdir(), 'contract-lifecycle-'));
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

// Prism startup is slow on a loaded 2-core machine; these tests wait for it rather than time out.
describe('no Prism process outlives its run', { timeout: 60_000 }, () => {
  test.concurrent('a runner killed with SIGKILL takes Prism down with it', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(packageDir, 'test/fixtures/lifecycle/start-and-wait.ts'), miniSpec],
      { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    started.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0]!);
      });
      child.once('exit', () => reject(new Error(`the fixture exited before starting Prism: ${text}`)));
    });
    const { pids } = JSON.parse(line) as { pids: number[] };
    expect(pids.length).toBe(2);
    expect(pids.every(pidAlive)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntil(() => pids.every((pid) => !pidAlive(pid)), 8000), `still alive: ${pids}`).toBe(
      true,
    );
  });

  test.concurrent('a vitest run with a failing test, interrupted with SIGINT, leaves no Prism', async () => {
    const pidFile = join(work, 'inner-run.json');
    const child = spawn(
      process.execPath,
      [vitestBin, 'run', '--config', join(packageDir, 'test/fixtures/lifecycle/vitest.config.ts')],
      {
        cwd: packageDir,
        stdio: 'ignore',
        env: { ...process.env, CONTRACT_SPEC: miniSpec, LIFECYCLE_PID_FILE: pidFile },
      },
    );
    started.push(child);
    const exited = exitOf(child);
    expect(await waitUntil(() => existsSync(pidFile), 40_000), 'the inner run reached its test').toBe(true);
    const { pids, status } = JSON.parse(readFileSync(pidFile, 'utf8')) as { pids: number[]; status: number };
    expect(status, 'the inner run talked to its Prism').toBe(200);
    expect(pids.length, 'guard and Prism').toBe(2);
    expect(pids.every(pidAlive)).toBe(true);
    child.kill('SIGINT');
    const code = await exited;
    expect(code, 'the inner run did not succeed').not.toBe(0);
    expect(await waitUntil(() => pids.every((pid) => !pidAlive(pid)), 8000), `still alive: ${pids}`).toBe(
      true,
    );
  });
});
