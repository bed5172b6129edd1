import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots } from '../src/diff/base.js';
import { classifyChanges } from '../src/diff/classify.js';
import { checkGate } from '../src/diff/gate.js';
import { formatReport } from '../src/diff/report.js';
import { isBreakingBump } from '../src/diff/version.js';
import { repoLayout } from '../src/paths.js';
import { bundleSpec } from '../src/redocly.js';
import { fixturesDir, loadPair, testDir } from './helpers.js';

const bin = path.join(testDir, '..', 'bin', 'spec-diff.mjs');

describe('version bumps', () => {
  it.each([
    ['1.0.0', '2.0.0', true],
    ['1.4.2', '1.5.0', false],
    ['1.4.2', '1.4.3', false],
    ['0.1.0', '0.2.0', true],
    ['0.1.0', '0.1.1', false],
    ['0.3.0', '1.0.0', true],
    ['2.0.0', '1.9.0', false],
    ['1.0.0', 'not-a-version', false],
  ])('%s → %s is breaking: %s', (from, to, expected) => {
    expect(isBreakingBump(from, to)).toBe(expected);
  });
});

describe('the breaking-change gate', () => {
  const removed = loadPair('operation-removed');
  const classification = classifyChanges(removed.before, removed.after);

  it('fails on a breaking change without a bump', () => {
    const gate = checkGate({
      classification,
      baseVersion: '1.0.0',
      specVersion: '1.0.0',
      clientVersion: '1.0.0',
    });
    expect(gate.ok).toBe(false);
    expect(gate.reason).toContain('pnpm changeset');
  });

  it('fails when only a minor bump announces a breaking change on 1.x', () => {
    expect(
      checkGate({ classification, baseVersion: '1.0.0', specVersion: '1.1.0', clientVersion: '1.1.0' }).ok,
    ).toBe(false);
  });

  it('passes when info.version or the client major was bumped', () => {
    expect(
      checkGate({ classification, baseVersion: '1.0.0', specVersion: '2.0.0', clientVersion: '2.0.0' }).ok,
    ).toBe(true);
    expect(
      checkGate({ classification, baseVersion: '1.0.0', specVersion: '1.0.0', clientVersion: '2.0.0' }).ok,
    ).toBe(true);
  });

  it('passes non-breaking changes without a bump', () => {
    const added = loadPair('operation-added');
    const c = classifyChanges(added.before, added.after);
    expect(
      checkGate({ classification: c, baseVersion: '1.0.0', specVersion: '1.0.0', clientVersion: '1.0.0' }).ok,
    ).toBe(true);
  });

  it('prints groups in plain language', () => {
    const text = formatReport({
      baseLabel: 'base.json',
      baseVersion: '1.0.0',
      currentLabel: 'current.json',
      currentVersion: '1.0.0',
      classification,
      gate: checkGate({ classification, baseVersion: '1.0.0', specVersion: '1.0.0', clientVersion: '1.0.0' }),
    });
    expect(text).toContain(
      'Breaking changes (1):\n  DELETE /v2/apps/{appId} (deleteApp)\n    ✗ operation removed',
    );
    expect(text).toMatch(/^FAIL: 1 breaking change/m);
  });
});

describe('spec:diff CLI', () => {
  let tmp: string;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    INIT_CWD: '',
  };
  const run = (args: string[], cwd = tmp) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...env, INIT_CWD: cwd } });

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-diff-test-'));
    writeFileSync(path.join(tmp, 'pnpm-workspace.yaml'), 'packages: []\n');
    writeFileSync(path.join(tmp, 'client.json'), JSON.stringify({ version: '1.0.0' }));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function writePair(name: string, versions: [string, string]) {
    const pair = loadPair(name, versions);
    writeFileSync(path.join(tmp, 'before.json'), JSON.stringify(pair.before));
    writeFileSync(path.join(tmp, 'after.json'), JSON.stringify(pair.after));
  }

  it('exits 1 and lists a breaking change made without a version bump', () => {
    writePair('parameter-became-required', ['1.0.0', '1.0.0']);
    const res = run([
      'before.json',
      '--current',
      'after.json',
      '--client-package',
      'client.json',
      '--root',
      '.',
    ]);
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toContain('Breaking changes (1):');
    expect(res.stdout).toContain('query parameter `page[after]` became required');
  });

  it('exits 0 once info.version carries a major bump', () => {
    writePair('parameter-became-required', ['1.0.0', '2.0.0']);
    const res = run([
      'before.json',
      '--current',
      'after.json',
      '--client-package',
      'client.json',
      '--root',
      '.',
    ]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^OK: 1 breaking change\(s\), announced/m);
  });

  it('uses the latest snapshot in spec/releases when no base is given', () => {
    writePair('operation-removed', ['1.0.0', '1.0.0']);
    mkdirSync(path.join(tmp, 'spec', 'releases'), { recursive: true });
    const { before } = loadPair('operation-removed', ['1.2.0', '1.0.0']);
    writeFileSync(
      path.join(tmp, 'spec', 'releases', 'openapi-0.9.0.json'),
      JSON.stringify({ ...before, paths: {} }),
    );
    writeFileSync(path.join(tmp, 'spec', 'releases', 'openapi-1.2.0.json'), JSON.stringify(before));
    const res = run(['--current', 'after.json', '--client-package', 'client.json', '--root', '.']);
    expect(res.stdout).toContain('with spec/releases/openapi-1.2.0.json (1.2.0)');
    expect(res.stdout).toContain('operation removed');
    expect(res.status).toBe(1);
    rmSync(path.join(tmp, 'spec'), { recursive: true });
  });

  it('compares with the spec bundled from a git ref', async () => {
    const repo = path.join(tmp, 'repo');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'pnpm-workspace.yaml'), 'packages: []\n');
    cpSync(path.join(fixturesDir, 'dev-spec'), path.join(repo, 'spec'), { recursive: true });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    expect(git('commit', '-q', '-m', 'base').status).toBe(0);
    // After the commit: the 404 response is dropped and a query parameter added.
    const file = path.join(repo, 'spec', 'paths', 'v2_apps_{appId}.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/ {4}'404':\n {6}description: No such app.\n/, ''),
    );
    const doc = await bundleSpec(path.join(repo, 'spec', 'openapi.yaml'));
    mkdirSync(path.join(repo, 'spec', 'dist'));
    writeFileSync(path.join(repo, 'spec', 'dist', 'openapi.json'), JSON.stringify(doc));
    const res = run(['main', '--root', '.', '--client-package', '../client.json'], repo);
    expect(res.stdout).toContain('with git main (1.0.0)');
    expect(res.stdout).toContain('response 404 removed');
    expect(res.status).toBe(1);
  });

  it('names a bad base in one line (exit 2)', () => {
    const res = run(['no-such-ref-or-file', '--current', 'after.json', '--root', '.']);
    expect(res.status).toBe(2);
    expect(res.stderr.trim()).toMatch(
      /^spec:diff: 'no-such-ref-or-file' is neither a snapshot file nor a git ref/,
    );
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the repository spec against its last release', () => {
  it('has no breaking change unless info.version or the client major was bumped', () => {
    const layout = repoLayout();
    const latest = listSnapshots(layout.releasesDir).at(-1);
    expect(latest, `no release snapshot in ${layout.releasesDir}`).toBeDefined();
    const base = JSON.parse(readFileSync(latest!.file, 'utf8'));
    const current = JSON.parse(readFileSync(layout.bundledJson, 'utf8'));
    const clientVersion = JSON.parse(readFileSync(layout.clientPackageJson, 'utf8')).version;
    const classification = classifyChanges(base, current);
    const gate = checkGate({
      classification,
      baseVersion: base.info?.version,
      specVersion: current.info?.version,
      clientVersion,
    });
    const report = formatReport({
      baseLabel: path.relative(layout.root, latest!.file),
      baseVersion: base.info?.version,
      currentLabel: 'spec/dist/openapi.json',
      currentVersion: current.info?.version,
      classification,
      gate,
    });
    expect(gate.ok, report).toBe(true);
  });
});
