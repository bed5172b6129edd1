import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots } from '../src/diff/base.js';
import { repoLayout } from '../src/paths.js';
import { readSpecVersion, setSpecVersion, storeSnapshot } from '../src/release/sync.js';

const SPEC = `# The root file.
openapi: 3.1.0
info:
  title: Fixture
  # kept in step with @sunshine-openapi/client
  version: "0.1.0"
  description: |
    version: 9.9.9 is text, not the version.
paths: {}
`;

describe('syncing info.version', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-release-test-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('changes only the version value, keeping quotes and comments', () => {
    const file = path.join(tmp, 'openapi.yaml');
    writeFileSync(file, SPEC);
    expect(setSpecVersion(file, '0.2.0')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(SPEC.replace('version: "0.1.0"', 'version: "0.2.0"'));
    expect(readSpecVersion(file)).toBe('0.2.0');
    expect(setSpecVersion(file, '0.2.0')).toBe(false);
  });

  it('stores a snapshot once and refuses to overwrite a released one with other content', () => {
    const bundled = path.join(tmp, 'openapi.json');
    const releases = path.join(tmp, 'releases');
    writeFileSync(
      bundled,
      JSON.stringify({ openapi: '3.1.0', info: { title: 'x', version: '0.2.0' }, paths: {} }),
    );
    const first = storeSnapshot({ bundledJson: bundled, releasesDir: releases, version: '0.2.0' });
    expect(first.changed).toBe(true);
    expect(listSnapshots(releases).map((s) => s.version)).toEqual(['0.2.0']);
    expect(storeSnapshot({ bundledJson: bundled, releasesDir: releases, version: '0.2.0' }).changed).toBe(
      false,
    );
    writeFileSync(
      bundled,
      JSON.stringify({ openapi: '3.1.0', info: { title: 'y', version: '0.2.0' }, paths: {} }),
    );
    expect(() => storeSnapshot({ bundledJson: bundled, releasesDir: releases, version: '0.2.0' })).toThrow(
      /already exists/,
    );
    expect(() => storeSnapshot({ bundledJson: bundled, releasesDir: releases, version: '0.3.0' })).toThrow(
      /says info.version 0.2.0/,
    );
  });
});

describe('the repository release state', () => {
  const layout = repoLayout();
  const clientVersion: string = JSON.parse(readFileSync(layout.clientPackageJson, 'utf8')).version;

  it('info.version in spec/openapi.yaml equals the client package version', () => {
    expect(readSpecVersion(layout.specEntry)).toBe(clientVersion);
  });

  it('the bundled spec carries the same version', () => {
    expect(JSON.parse(readFileSync(layout.bundledJson, 'utf8')).info.version).toBe(clientVersion);
  });

  it('the client CHANGELOG has an entry for the current version', () => {
    expect(existsSync(layout.clientChangelog)).toBe(true);
    const text = readFileSync(layout.clientChangelog, 'utf8');
    expect(text).toMatch(new RegExp(`^## ${clientVersion.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('a release snapshot exists for the current version', () => {
    expect(listSnapshots(layout.releasesDir).map((s) => s.version)).toContain(clientVersion);
  });
});
