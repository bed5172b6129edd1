import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collection, folder, openApiErrors, req, runCli, tempDir } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));

function fixture(input: unknown, name = 'c.json'): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  return { dir, file };
}

const simple = collection([
  folder('Users', [req('List users', 'GET', 'https://api.x.io/users')]),
  req('Odd', 'GET', '{{url}}/odd'),
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('cli', () => {
  it('prints YAML to stdout by default and warnings (with folder paths) to stderr', async () => {
    const { file } = fixture(simple);
    const r = await runCli([file]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).paths['/users'].get.operationId).toBe('listUsers');
    expect(r.stderr).toBe(
      'warning: Odd: host {{url}} is an undefined variable; assumed to be the main server https://api.x.io\n',
    );
    expect((await runCli([file, '--quiet'])).stderr).toBe('');
  });

  it('writes --out atomically and never overwrites without --force', async () => {
    const { dir, file } = fixture(simple);
    const out = join(dir, 'out', 'openapi.yaml');
    expect((await runCli([file, '--out', out, '-q'])).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    writeFileSync(out, 'hand edited');
    const again = await runCli([file, '--out', out, '-q']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('hand edited');
    expect((await runCli([file, '--out', out, '--force', '-q'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(join(dir, 'out'))).toEqual(['openapi.yaml']);
  });

  it('writes --split and keeps every file inside the folder whatever the names', async () => {
    const hostile = collection([
      folder('../../escape', [req('../../../etc/passwd', 'GET', 'https://x.io/../../etc/passwd')]),
      folder('/abs', [req('/root/.ssh/id', 'GET', 'https://x.io/%2e%2e/%2F/abs/..%2f..')]),
      req('C:\\win', 'GET', 'https://x.io/{{..}}/:..', {}, [
        { name: '..', code: 200, body: '{"../x": {"a": 1, "b": 2}, "y": {"../x": {"a": 1, "b": 2}}}' },
      ]),
    ]);
    const { dir, file } = fixture(hostile);
    const out = join(dir, 'split');
    const r = await runCli([file, '--split', out, '-q']);
    expect(r.code).toBe(0);
    const files = walk(dir).map((f) => relative(dir, f));
    for (const f of files) expect(f === 'c.json' || f.startsWith('split/')).toBe(true);
    for (const f of walk(out)) expect(resolve(f).startsWith(resolve(out) + '/')).toBe(true);
    expect(existsSync(join(out, 'openapi.yaml'))).toBe(true);
  });

  it('refuses to replace a non-empty --split folder without --force', async () => {
    const { dir, file } = fixture(simple);
    const out = join(dir, 'spec');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.yaml'), 'x');
    const r = await runCli([file, '--split', out]);
    expect(r.code).toBe(2);
    expect(readdirSync(out)).toEqual(['keep.yaml']);
  });

  it('reads --env and --server', async () => {
    const { dir, file } = fixture(collection([req('A', 'GET', '{{host}}/a')]));
    const env = join(dir, 'env.json');
    writeFileSync(
      env,
      JSON.stringify({ name: 'prod', values: [{ key: 'host', value: 'https://prod.x.io', enabled: true }] }),
    );
    const r = await runCli([file, '--env', env, '--server', 'https://eu.x.io']);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).servers).toEqual([{ url: 'https://prod.x.io' }, { url: 'https://eu.x.io' }]);
  });

  it.each([
    [['--nope'], /unknown option/],
    [[], /missing required argument/],
    [['c.json', '--required', 'sometimes'], /sometimes/],
    [['c.json', '--server', 'ftp://x'], /not an http\(s\) URL/],
    [['c.json', '--max-size', '-3'], /positive number/],
    [['c.json', '--operation-id', 'nope'], /Request name=operationId/],
  ])('exits 2 with one line on bad usage %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"info": ', /c\.json at .*: not valid JSON/],
    [
      'a v1 collection',
      { name: 'x', order: [], requests: [] },
      /c\.json at \(document root\): this is a Postman v1 collection/,
    ],
    ['a missing request', { info: {}, item: [{ name: 'x' }] }, /c\.json at \/item\/0: item has neither/],
    [
      'an unknown body mode',
      { info: {}, item: [{ request: { url: 'x', body: { mode: 'soap' } } }] },
      /at \/item\/0\/request\/body\/mode: unknown body mode/,
    ],
    [
      'a cycle of variables',
      { info: {}, variable: [{ key: 'a', value: '{{a}}' }], item: [{ request: { url: '{{a}}/x' } }] },
      /at \/variable\/0\/value: variables reference each other/,
    ],
  ])(
    'exits 1 with one line naming the file and pointer for %s, touching no output',
    async (_what, input, message) => {
      const { dir, file } = fixture(input);
      const out = join(dir, 'out.yaml');
      const r = await runCli([file, '--out', out, '--split', join(dir, 'split')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual(['c.json']);
    },
  );

  it('refuses an oversized file with --max-size', async () => {
    const { file } = fixture(simple);
    const r = await runCli([file, '--max-size', '0.0001']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/above the .* limit; raise it with --max-size/);
  });

  it('output of the CLI validates as OpenAPI 3.1', async () => {
    const { file } = fixture(simple);
    expect(await openApiErrors(parse((await runCli([file])).stdout))).toBe('');
  });

  it('checks both outputs before writing either', async () => {
    const { dir, file } = fixture(simple);
    const out = join(dir, 'out.yaml');
    writeFileSync(out, 'keep');
    const r = await runCli([file, '--split', join(dir, 'split'), '--out', out]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['c.json', 'out.yaml']);
  });

  it('reports an unwritable output as a usage error', async () => {
    const { dir, file } = fixture(simple);
    writeFileSync(join(dir, 'blocker'), 'x');
    const r = await runCli([file, '--out', join(dir, 'blocker', 'out.yaml'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^postman-to-openapi: cannot write .*out\.yaml: E[A-Z]+\n$/);
  });

  it('the built bin converts a collection (run after build)', () => {
    const { file } = fixture(simple);
    const bin = join(here, '..', 'bin', 'postman-to-openapi.mjs');
    const r = spawnSync(process.execPath, [bin, file, '-q'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('openapi: 3.1.0\n')).toBe(true);
  });

  it('the bin launcher prints a one-line hint when dist is missing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(here, '..', 'bin', 'postman-to-openapi.mjs'), join(dir, 'bin', 'p.mjs'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'p.mjs'), 'x.json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /not built yet; run `pnpm --filter @sunshine-openapi\/postman-to-openapi build`/,
    );
  });
});
