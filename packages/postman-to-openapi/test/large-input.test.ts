import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { multiplyCollection } from './support/big-collection.js';
import { SHARED_COLLECTION, tempDir } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', 'dist', 'cli.js');
const COLLECTION = SHARED_COLLECTION;

describe('large input', () => {
  it('converts a collection 50× the shared one with bounded memory', () => {
    expect(
      existsSync(CLI),
      'build the package first (pnpm --filter @sunshine-openapi/postman-to-openapi build)',
    ).toBe(true);
    const dir = tempDir();
    const input = join(dir, 'big.json');
    writeFileSync(
      input,
      JSON.stringify(multiplyCollection(JSON.parse(readFileSync(COLLECTION, 'utf8')), 50), null, 2),
    );
    const inputMb = statSync(input).size / 1024 / 1024;
    const out = join(dir, 'big.yaml');
    // Run in a child process so its peak RSS is its own.
    const script = `const m = await import(${JSON.stringify(CLI)});
      const code = await m.main(process.argv.slice(1));
      process.stderr.write('RSS_KB=' + process.resourceUsage().maxRSS + '\\n');
      process.exit(code);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, input, '--out', out, '-q'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const rssMb = Number(/RSS_KB=(\d+)/.exec(r.stderr)![1]) / 1024;
    console.info(`large input: ${inputMb.toFixed(1)} MB in, peak RSS ${rssMb.toFixed(0)} MB`);
    expect(inputMb).toBeGreaterThan(20);
    // Bounded: a small multiple of the input plus the runtime's own baseline.
    expect(rssMb).toBeLessThan(inputMb * 8 + 256);
    const text = readFileSync(out, 'utf8');
    expect(text.match(/^ {6}operationId: /gm)).toHaveLength(68 * 50);
  }, 120_000);
});
