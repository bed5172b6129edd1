import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, freePort, testDir } from './helpers.js';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('the Prism mock', () => {
  it('does not outlive a watcher that is killed with SIGKILL', async () => {
    const port = await freePort();
    const mockModule = path.join(testDir, '..', 'dist', 'dev', 'mock.js');
    const spec = path.join(fixturesDir, 'mock-spec.json');
    // A stand-in watcher: starts the mock, says so, then idles until killed.
    const owner = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { PrismMock } = await import(${JSON.stringify(mockModule)});
         await new PrismMock(${port}).restart(${JSON.stringify(spec)});
         console.log('up');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        owner.stdout.on('data', (d) => String(d).includes('up') && resolve());
        owner.once('exit', (code) => reject(new Error(`owner exited early (${code})`)));
      });
      expect(await portOpen(port)).toBe(true);
      owner.kill('SIGKILL');
      await expect.poll(() => portOpen(port), { timeout: 10_000, interval: 200 }).toBe(false);
    } finally {
      owner.kill('SIGKILL');
    }
  });
});
