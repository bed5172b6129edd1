import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertCollection } from '@sunshine-openapi/postman-to-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoLayout } from '../src/paths.js';
import { collectionRequests, POSTMAN_V21_SCHEMA, specToPostman } from '../src/postman/export.js';
import { collectionFingerprint, specFingerprint } from '../src/postman/fingerprint.js';
import { testDir } from './helpers.js';

const layout = repoLayout();
const bin = path.join(testDir, '..', 'bin', 'spec-postman.mjs');
const readSpec = () => JSON.parse(readFileSync(layout.bundledJson, 'utf8'));

/** Drops what Postman cannot carry back (response names become status texts) to compare requests. */
function requestShape(fp: Record<string, any>) {
  return Object.fromEntries(
    Object.entries(fp).map(([name, r]) => [
      name,
      { ...r, responses: r.responses.map((s: string) => s.split(' ')[0]) },
    ]),
  );
}

describe('Postman round trip: collection → spec → collection → spec', () => {
  let spec0: any;
  let c1: any;
  let s1: any;
  let c2: any;
  let s2: any;

  beforeAll(async () => {
    spec0 = readSpec();
    c1 = await specToPostman(spec0);
    s1 = convertCollection(c1, { source: 'collection 1' }).document;
    c2 = await specToPostman(s1);
    s2 = convertCollection(c2, { source: 'collection 2' }).document;
  });

  it('exports every operation of the spec as a v2.1 request', () => {
    expect(c1.info.schema).toBe(POSTMAN_V21_SCHEMA);
    const operations = Object.keys(specFingerprint(spec0));
    expect(operations.length).toBeGreaterThan(0);
    expect(collectionRequests(c1)).toHaveLength(operations.length);
  });

  it('the first import keeps every operation, parameter and response example of the spec', () => {
    const f0 = specFingerprint(spec0);
    const f1 = specFingerprint(s1);
    expect(Object.keys(f1).sort()).toEqual(Object.keys(f0).sort());
    for (const [key, op] of Object.entries<any>(f0)) {
      expect(f1[key].params, key).toEqual(op.params);
      expect(Object.keys(f1[key].responses).sort(), key).toEqual(Object.keys(op.responses).sort());
      for (const [code, count] of Object.entries<number>(op.responses)) {
        expect(f1[key].responses[code], `${key} ${code}`).toBeGreaterThanOrEqual(Math.min(count, 1));
      }
    }
  });

  it('the second pass loses no operation, parameter or example', () => {
    expect(specFingerprint(s2)).toEqual(specFingerprint(s1));
    const examples = (fp: Record<string, any>) =>
      Object.values<any>(fp).reduce(
        (n, op) =>
          n +
          Object.values<number>(op.requestBody).reduce((a, b) => a + b, 0) +
          Object.values<number>(op.responses).reduce((a, b) => a + b, 0),
        0,
      );
    expect(examples(specFingerprint(s1))).toBeGreaterThan(0);
  });

  it('the second collection has the same requests, parameters and example responses', () => {
    expect(requestShape(collectionFingerprint(c2))).toEqual(requestShape(collectionFingerprint(c1)));
  });

  it('is deterministic: the same spec gives the same collection', async () => {
    const random = Math.random;
    expect(JSON.stringify(await specToPostman(spec0))).toBe(JSON.stringify(c1));
    // the seeded generator is only lent to the converter
    expect(Math.random).toBe(random);
  });
});

describe('spec:postman CLI', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-postman-test-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the collection to --out and leaves no temp file', () => {
    const out = path.join(tmp, 'sunshine.postman_collection.json');
    const res = spawnSync(process.execPath, [bin, '--out', out], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/wrote \d+ requests/);
    const collection = JSON.parse(readFileSync(out, 'utf8'));
    expect(collection.info.schema).toBe(POSTMAN_V21_SCHEMA);
    expect(collectionRequests(collection).length).toBe(Object.keys(specFingerprint(readSpec())).length);
    expect(readdirSync(tmp)).toEqual(['sunshine.postman_collection.json']);
  });

  it('names the bad input in one line and writes nothing', () => {
    const missingDir = path.join(tmp, 'nope', 'c.json');
    const res = spawnSync(process.execPath, [bin, '--out', missingDir], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('does not exist');
    const badSpec = spawnSync(
      process.execPath,
      [bin, '--out', path.join(tmp, 'x.json'), '--spec', path.join(tmp, 'missing.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(badSpec.status).toBe(2);
    expect(badSpec.stderr).toContain('missing.json');
    expect(existsSync(path.join(tmp, 'x.json'))).toBe(false);
  });
});
