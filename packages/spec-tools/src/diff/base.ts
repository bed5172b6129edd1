import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { UserError } from '../io.js';
import type { RepoLayout } from '../paths.js';
import { bundleSpec } from '../redocly.js';
import { parseVersion } from './version.js';

export interface LoadedSpec {
  /** How the spec was found, for the report: `spec/releases/openapi-0.2.0.json`, `git main`. */
  label: string;
  doc: any;
}

const SNAPSHOT = /^openapi-(\d+\.\d+\.\d+.*)\.json$/;

function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return a.localeCompare(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch || a.localeCompare(b);
}

/** Stored release snapshots, oldest first: `[{ version, file }]`. */
export function listSnapshots(releasesDir: string): Array<{ version: string; file: string }> {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .map((name) => ({ name, m: SNAPSHOT.exec(name) }))
    .filter((e) => e.m)
    .map((e) => ({ version: e.m![1]!, file: path.join(releasesDir, e.name) }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

export function snapshotPath(releasesDir: string, version: string): string {
  return path.join(releasesDir, `openapi-${version}.json`);
}

function readSpecFile(file: string, shown: string): any {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`cannot read ${shown}; check the path.`);
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new UserError(
      `${shown} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]}).`,
    );
  }
}

/** The bundled current spec (spec/dist/openapi.json), which `pnpm --filter @sunshine-openapi/spec build` writes. */
export function loadCurrent(file: string, root: string): LoadedSpec {
  const shown = displayPath(root, file);
  if (!existsSync(file)) {
    const fix = file.endsWith(path.join('spec', 'dist', 'openapi.json'))
      ? 'build it with `pnpm --filter @sunshine-openapi/spec build`'
      : 'check the path';
    throw new UserError(`${shown} not found; ${fix}.`);
  }
  return { label: shown, doc: readSpecFile(file, shown) };
}

function git(root: string, args: string[], input?: Buffer) {
  return spawnSync('git', args, { cwd: root, maxBuffer: 512 * 1024 * 1024, input });
}

/** Bundles `spec/openapi.yaml` as it is at git `ref` (read-only: `git archive` into a temp folder). */
export async function loadFromGit(ref: string, layout: RepoLayout): Promise<LoadedSpec> {
  const resolved = git(layout.root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (resolved.status !== 0) {
    throw new UserError(
      `'${ref}' is neither a snapshot file nor a git ref; pass e.g. spec/releases/openapi-<version>.json or a branch/tag/commit.`,
    );
  }
  const specRel = path.relative(layout.root, layout.specDir).split(path.sep).join('/');
  const entryRel = path.relative(layout.specDir, layout.specEntry);
  const has = git(layout.root, ['cat-file', '-e', `${ref}:${specRel}/${entryRel}`]);
  if (has.status !== 0) {
    throw new UserError(`git ref '${ref}' has no ${specRel}/${entryRel}; pick a ref that contains the spec.`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-diff-base-'));
  try {
    const tar = git(layout.root, ['archive', '--format=tar', ref, specRel]);
    if (tar.status !== 0)
      throw new UserError(`git archive ${ref} failed: ${String(tar.stderr).trim().split('\n')[0]}`);
    const untar = spawnSync('tar', ['-x', '-C', tmp], { input: tar.stdout, maxBuffer: 512 * 1024 * 1024 });
    if (untar.status !== 0)
      throw new Error(`could not unpack the spec at ${ref}: ${String(untar.stderr).trim()}`);
    const entry = path.join(tmp, specRel, entryRel);
    const config = path.join(tmp, specRel, 'redocly.yaml');
    let doc: any;
    try {
      doc = await bundleSpec(entry, existsSync(config) ? config : undefined);
    } catch {
      // The ref's lint plugins may not load outside the repo; bundling does not need them.
      doc = await bundleSpec(entry);
    }
    return { label: `git ${ref}`, doc };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Resolves the `base` argument of spec:diff: nothing → the latest snapshot in spec/releases/,
 * an existing file → that snapshot, anything else → a git ref.
 */
export async function loadBase(
  base: string | undefined,
  layout: RepoLayout,
  cwd = process.cwd(),
): Promise<LoadedSpec> {
  if (!base) {
    const latest = listSnapshots(layout.releasesDir).at(-1);
    if (!latest) {
      throw new UserError(
        `no release snapshot in ${path.relative(layout.root, layout.releasesDir) || layout.releasesDir}/; pass a git ref or a snapshot file (pnpm spec:diff main).`,
      );
    }
    return { label: path.relative(layout.root, latest.file), doc: readSpecFile(latest.file, latest.file) };
  }
  for (const candidate of [path.resolve(cwd, base), path.resolve(layout.root, base)]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep)) {
      const shown = displayPath(layout.root, candidate);
      return { label: shown, doc: readSpecFile(candidate, shown) };
    }
  }
  return loadFromGit(base, layout);
}

/** Repo-relative for files inside the repo, absolute otherwise. */
function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
