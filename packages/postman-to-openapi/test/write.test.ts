import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { insideDir, writeFileAtomic, writeTreeAtomic } from '../src/write.js';
import { tempDir } from './helpers.js';

describe('atomic writes', () => {
  it('writes a file and refuses to overwrite it without force', () => {
    const dir = tempDir();
    const file = join(dir, 'sub', 'out.yaml');
    writeFileAtomic(file, 'one');
    expect(() => writeFileAtomic(file, 'two')).toThrow(UsageError);
    expect(readFileSync(file, 'utf8')).toBe('one');
    writeFileAtomic(file, 'two', true);
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.yaml']);
  });

  it('replaces a folder tree only with force, leaving no temp folders behind', () => {
    const root = tempDir();
    const dir = join(root, 'spec');
    writeTreeAtomic(
      dir,
      new Map([
        ['openapi.yaml', 'a'],
        ['paths/x.yaml', 'b'],
      ]),
    );
    expect(() => writeTreeAtomic(dir, new Map([['openapi.yaml', 'c']]))).toThrow(/pass --force/);
    expect(readFileSync(join(dir, 'openapi.yaml'), 'utf8')).toBe('a');
    writeTreeAtomic(dir, new Map([['openapi.yaml', 'c']]), true);
    expect(readdirSync(dir)).toEqual(['openapi.yaml']);
    expect(readdirSync(root)).toEqual(['spec']);
  });

  it('writes into an existing empty folder', () => {
    const dir = tempDir();
    writeTreeAtomic(dir, new Map([['a.yaml', 'x']]));
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('refuses relative names that escape the folder, leaving the target untouched', () => {
    const root = tempDir();
    const dir = join(root, 'out');
    for (const bad of ['../evil.yaml', '/etc/evil.yaml', 'paths/../../evil.yaml', '..']) {
      expect(() => insideDir(dir, bad)).toThrow(UsageError);
      expect(() =>
        writeTreeAtomic(
          dir,
          new Map([
            ['ok.yaml', 'x'],
            [bad, 'y'],
          ]),
        ),
      ).toThrow(UsageError);
    }
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses to write a file over a folder or a tree over a file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => writeFileAtomic(join(dir, 'd'), 'x', true)).toThrow(/is a directory/);
    expect(() => writeTreeAtomic(join(dir, 'f'), new Map(), true)).toThrow(/not a folder/);
  });
});
