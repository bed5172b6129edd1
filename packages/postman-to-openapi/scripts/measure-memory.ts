/**
 * Peak memory of the CLI against input size: `pnpm --filter @sunshine-openapi/postman-to-openapi measure:memory`.
 * Builds collections 1×…100× the shared one, converts each in a child process, prints a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { multiplyCollection } from '../test/support/big-collection.js';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, '..', 'dist', 'cli.js');
const source = JSON.parse(
  readFileSync(
    join(here, '..', '..', '..', 'spec', 'postman', 'sunshine-conversations-v2.postman_collection.json'),
    'utf8',
  ),
);
const dir = mkdtempSync(join(tmpdir(), 'p2o-memory-'));
console.log('times | input MB | output MB | peak RSS MB | seconds');
for (const times of [1, 10, 50, 100]) {
  const input = join(dir, `x${times}.json`);
  writeFileSync(input, JSON.stringify(multiplyCollection(source, times), null, 2));
  const out = join(dir, `x${times}.yaml`);
  const script = `const m = await import(${JSON.stringify(CLI)}); const t = performance.now();
    const code = await m.main(process.argv.slice(1));
    process.stderr.write('RSS_KB=' + process.resourceUsage().maxRSS + ' MS=' + Math.round(performance.now() - t) + '\\n');
    process.exit(code);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, input, '--out', out, '-q'], {
    encoding: 'utf8',
  });
  const m = /RSS_KB=(\d+) MS=(\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(r.stderr);
  const mb = (f: string) => (statSync(f).size / 1024 / 1024).toFixed(1);
  console.log(
    `${times}× | ${mb(input)} | ${mb(out)} | ${(Number(m[1]) / 1024).toFixed(0)} | ${(Number(m[2]) / 1000).toFixed(1)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
