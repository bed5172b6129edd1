import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const testDir = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.join(testDir, 'fixtures');

function wrap(part: any, version: string) {
  return { openapi: '3.1.0', info: { title: 'Fixture', version }, ...part };
}

/** A before/after pair from test/fixtures/diff/<name>.yaml, each wrapped into a full 3.1 document. */
export function loadPair(name: string, versions: [string, string] = ['1.0.0', '1.0.0']) {
  const raw = parse(readFileSync(path.join(fixturesDir, 'diff', `${name}.yaml`), 'utf8'));
  return { before: wrap(raw.before, versions[0]), after: wrap(raw.after, versions[1]) };
}
