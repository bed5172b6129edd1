import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/errors.js';
import { parseJsonText, readJsonFile } from '../src/load.js';
import { tempDir } from './helpers.js';

function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('loading input', () => {
  it('parses JSON with a byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('reports where broken JSON stops, as a JSON pointer with line and column', () => {
    const e = errorOf(() =>
      parseJsonText('{"info": {"name": "x"},\n "item": [ {"name": "a", } ]}', 'c.json'),
    );
    expect(e.pointer).toBe('/item/0');
    expect(e.toLine()).toMatch(/^c\.json at \/item\/0: not valid JSON \(.* at line 2, column \d+\)$/);
  });

  it('reports truncated and empty files', () => {
    expect(errorOf(() => parseJsonText('{"info": {"na', 'c.json')).message).toMatch(/not valid JSON/);
    expect(errorOf(() => parseJsonText('   ', 'c.json')).message).toMatch(/empty/);
  });

  it('refuses files above the size limit before reading them', () => {
    const dir = tempDir();
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify({ pad: 'x'.repeat(5000) }));
    const e = errorOf(() => readJsonFile(file, 1024));
    expect(e.toLine()).toMatch(/big\.json at \(document root\): file is 4\.9 KB, above the 1\.0 KB limit/);
  });

  it('refuses a 1 GB file with the default limit (sparse file, nothing read)', () => {
    const dir = tempDir();
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 1024 ** 3 + 1);
    expect(errorOf(() => readJsonFile(file)).toLine()).toMatch(
      /huge\.json at \(document root\): file is 1\.0 GB, above the 256\.0 MB limit/,
    );
    rmSync(file);
  });

  it('names missing files and folders', () => {
    const dir = tempDir();
    expect(errorOf(() => readJsonFile(join(dir, 'nope.json'))).message).toMatch(/file not found/);
    expect(errorOf(() => readJsonFile(dir)).message).toMatch(/not a regular file/);
  });
});
