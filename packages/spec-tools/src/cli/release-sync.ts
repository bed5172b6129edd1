import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import { readJson, UserError } from '../io.js';
import { repoLayout } from '../paths.js';
import { readSpecVersion, setSpecVersion, storeSnapshot } from '../release/sync.js';
import { runMain } from './run.js';

const program = new Command('release-sync')
  .description(
    'After `changeset version`: copy the client version into info.version of spec/openapi.yaml, ' +
      'rebuild the spec and store the release snapshot spec/releases/openapi-<version>.json',
  )
  .option('--no-build', 'do not rebuild the spec (use the existing spec/dist/openapi.json)')
  .option('--force', 'replace an existing snapshot of the same version (only for unpublished versions)')
  .option('--check', 'only check that info.version equals the client version; change nothing')
  .showHelpAfterError();

runMain('release-sync', async () => {
  program.parse();
  const opts = program.opts<{ build: boolean; force?: boolean; check?: boolean }>();
  const layout = repoLayout();
  const rel = (f: string) => path.relative(layout.root, f);
  const version: string | undefined = readJson(layout.clientPackageJson).version;
  if (!version) throw new UserError(`${rel(layout.clientPackageJson)} has no version field.`);
  if (opts.check) {
    const specVersion = readSpecVersion(layout.specEntry);
    if (specVersion !== version) {
      console.error(
        `release-sync: info.version ${specVersion} in ${rel(layout.specEntry)} differs from client ${version}; run it without --check.`,
      );
      return 1;
    }
    console.log(`release-sync: info.version and client are both ${version}.`);
    return 0;
  }
  const changed = setSpecVersion(layout.specEntry, version);
  console.log(
    `release-sync: info.version ${changed ? 'set to' : 'already'} ${version} in ${rel(layout.specEntry)}`,
  );
  if (opts.build) {
    const res = spawnSync('pnpm', ['--filter', '@sunshine-openapi/spec', 'build'], {
      cwd: layout.root,
      stdio: 'inherit',
    });
    if (res.status !== 0)
      throw new UserError('the spec build failed; fix the errors above, then run release-sync again.');
  }
  const snap = storeSnapshot({
    bundledJson: layout.bundledJson,
    releasesDir: layout.releasesDir,
    version,
    force: opts.force,
  });
  console.log(`release-sync: snapshot ${rel(snap.file)} ${snap.changed ? 'stored' : 'already up to date'}`);
  return 0;
});
