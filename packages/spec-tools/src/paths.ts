import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The monorepo root: the nearest folder above this package holding pnpm-workspace.yaml. */
export function findRepoRoot(start = here): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
}

/** Well-known locations in the repo, all derived from the root so tests can point them elsewhere. */
export function repoLayout(root = findRepoRoot()) {
  const specDir = path.join(root, 'spec');
  return {
    root,
    specDir,
    specEntry: path.join(specDir, 'openapi.yaml'),
    specConfig: path.join(specDir, 'redocly.yaml'),
    bundledJson: path.join(specDir, 'dist', 'openapi.json'),
    releasesDir: path.join(specDir, 'releases'),
    clientPackageJson: path.join(root, 'packages', 'client', 'package.json'),
    clientChangelog: path.join(root, 'packages', 'client', 'CHANGELOG.md'),
    docsDist: path.join(root, 'apps', 'docs', 'dist'),
  };
}

export type RepoLayout = ReturnType<typeof repoLayout>;
