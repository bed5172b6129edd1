import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sizeLimit = `${packageDir}node_modules/size-limit/bin.js`;

describe('size budget (.size-limit.json, min+gzip)', () => {
  it('dist/ is built (run `pnpm --filter @sunshine-openapi/client build` first)', () => {
    expect(existsSync(`${packageDir}/dist/index.js`)).toBe(true);
  });

  it('our code ≤ 5 kB and the whole runtime with openapi-fetch ≤ 8 kB', async () => {
    const { stdout } = await run(process.execPath, [sizeLimit, '--json'], { cwd: packageDir }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const results = JSON.parse(stdout) as {
      name: string;
      passed: boolean;
      size: number;
      sizeLimit: number;
    }[];
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) {
      expect(r.size, `${r.name}: ${r.size} B > ${r.sizeLimit} B`).toBeLessThanOrEqual(r.sizeLimit);
      expect(r.passed).toBe(true);
    }
  }, 60_000);
});
