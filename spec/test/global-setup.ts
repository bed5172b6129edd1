// Bundles the spec once for the whole test run (instead of once per test file) and hands the
// parsed document's location to the test files through vitest's provide/inject.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { parse } from 'yaml';
import { lastErrorLine, runRedocly } from '../scripts/redocly.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    specBundleFile: string;
  }
}

let dir: string | undefined;

export function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), 'spec-bundle-'));
  const out = path.join(dir, 'openapi.yaml');
  const res = runRedocly(['bundle', 'openapi.yaml', '--config', 'redocly.yaml', '--output', out]);
  if (res.status !== 0)
    throw new Error(`redocly bundle of spec/openapi.yaml failed: ${lastErrorLine(res.stderr)}`);
  const jsonFile = path.join(dir, 'openapi.json');
  writeFileSync(jsonFile, JSON.stringify(parse(readFileSync(out, 'utf8'))));
  project.provide('specBundleFile', jsonFile);
}

export function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
