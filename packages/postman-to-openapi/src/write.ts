import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  );
}

/** Best-effort removal of a temporary file or folder. */
function cleanup(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing left to clean, or nothing we can do
  }
}

function failure(what: string, err: unknown): UsageError {
  if (err instanceof UsageError) return err;
  return new UsageError(
    `cannot write ${what}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
  );
}

/** Throws a UsageError when `file` cannot be (over)written. */
export function assertCanWriteFile(file: string, force = false): void {
  const target = resolve(file);
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory())
    throw new UsageError(`${file} is a directory; --out expects a file path`);
  if (!force) throw new UsageError(`${file} already exists; pass --force to overwrite it`);
}

/** Throws a UsageError when `dir` cannot be replaced by a new tree. */
export function assertCanWriteTree(dir: string, force = false): void {
  const target = resolve(dir);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new UsageError(`${dir} exists and is not a folder; --split expects a folder`);
  if (readdirSync(target).length > 0 && !force) {
    throw new UsageError(`${dir} already exists and is not empty; pass --force to replace it`);
  }
}

/** Write a file atomically (temp file + rename). Refuses to replace an existing file unless `force`. */
export function writeFileAtomic(file: string, text: string, force = false): void {
  const target = resolve(file);
  assertCanWriteFile(file, force);
  const tmp = tempName(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (err) {
    cleanup(tmp);
    throw failure(file, err);
  }
}

/** Resolve `rel` inside `dir`, refusing anything that would land outside it. */
export function insideDir(dir: string, rel: string): string {
  if (isAbsolute(rel) || rel.includes('\0'))
    throw new UsageError(`refusing to write ${JSON.stringify(rel)} outside ${dir}`);
  const target = resolve(dir, rel);
  const r = relative(dir, target);
  if (r === '' || r.startsWith('..') || isAbsolute(r) || r.split(sep).includes('..')) {
    throw new UsageError(`refusing to write ${JSON.stringify(rel)} outside ${dir}`);
  }
  return target;
}

/**
 * Write a set of files as a new folder atomically: everything goes to a temporary sibling folder,
 * which then replaces `dir`. An existing non-empty `dir` is only replaced with `force`.
 */
export function writeTreeAtomic(dir: string, files: Map<string, string>, force = false): void {
  const target = resolve(dir);
  assertCanWriteTree(dir, force);
  const exists = existsSync(target);
  const tmp = tempName(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    mkdirSync(tmp);
    for (const [rel, text] of files) {
      const file = insideDir(tmp, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    if (exists) {
      const old = tempName(target);
      renameSync(target, old);
      try {
        renameSync(tmp, target);
      } catch (err) {
        renameSync(old, target);
        throw err;
      }
      cleanup(old);
    } else {
      renameSync(tmp, target);
    }
  } catch (err) {
    cleanup(tmp);
    throw failure(dir, err);
  }
}
