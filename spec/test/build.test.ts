// The build script (scripts/build.mjs), run in a throw-away copy of the spec folder: a clean spec
// bundles to dist/openapi.{yaml,json}; a spec with lint errors or no root file fails with one clear
// line and leaves existing dist files untouched.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(specDir, 'test/fixtures/rules');
const sandboxes: string[] = [];

function sandbox(root?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spec-build-'));
  sandboxes.push(dir);
  for (const part of ['scripts', 'rules', 'redocly.yaml'])
    cpSync(path.join(specDir, part), path.join(dir, part), { recursive: true });
  symlinkSync(path.join(specDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (root) {
    cpSync(path.join(fixtures, root), path.join(dir, 'openapi.yaml'));
    cpSync(path.join(fixtures, 'shared'), path.join(dir, 'shared'), { recursive: true });
  }
  return dir;
}

function build(dir: string) {
  const res = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  return {
    status: res.status,
    stdout: res.stdout,
    stderrLines: res.stderr.trim().split('\n').filter(Boolean),
  };
}

afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

describe('spec build script', { timeout: 30_000 }, () => {
  it('bundles a clean spec into matching dist/openapi.yaml and dist/openapi.json', () => {
    const dir = sandbox('good.yaml');
    const res = build(dir);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/bundled 3 operations/);
    const yamlDoc = parse(readFileSync(path.join(dir, 'dist/openapi.yaml'), 'utf8'));
    const jsonDoc = JSON.parse(readFileSync(path.join(dir, 'dist/openapi.json'), 'utf8'));
    expect(jsonDoc).toEqual(yamlDoc);
    expect(JSON.stringify(jsonDoc)).not.toContain('.yaml'); // every file $ref was inlined by the bundler
    expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['openapi.json', 'openapi.yaml']);
  });

  it('fails on lint errors with one summary line and keeps the previous bundle', () => {
    const dir = sandbox('operation-id-camel-case.yaml');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist/openapi.yaml'), 'previous bundle\n');
    const res = build(dir);
    expect(res.status).toBe(1);
    expect(res.stderrLines.at(-1)).toMatch(/^spec build failed: redocly lint found \d+ error\(s\)/);
    expect(res.stderrLines.some((l) => l.includes('sunshine/operation-id-camel-case'))).toBe(true);
    expect(readFileSync(path.join(dir, 'dist/openapi.yaml'), 'utf8')).toBe('previous bundle\n');
    expect(existsSync(path.join(dir, 'dist/openapi.json'))).toBe(false);
  });

  it('fails with a single line when openapi.yaml is missing', () => {
    const dir = sandbox();
    const res = build(dir);
    expect(res.status).toBe(1);
    expect(res.stderrLines).toHaveLength(1);
    expect(res.stderrLines[0]).toMatch(/^spec build failed: spec\/openapi\.yaml not found/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
