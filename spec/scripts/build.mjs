// Build the spec: lint spec/openapi.yaml (errors fail the build), then bundle it into one document
// written to dist/openapi.yaml and dist/openapi.json. Outputs are written to a temp folder and
// renamed into place, so a failed build never leaves a half-written file behind.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { formatProblem, lastErrorLine, lint, runRedocly, specDir } from './redocly.mjs';

const ROOT = 'openapi.yaml';

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

function main() {
  if (!existsSync(path.join(specDir, ROOT))) {
    fail(
      `spec/${ROOT} not found; derive it with the importer (pnpm spec:import … --split spec) or restore it.`,
    );
  }

  let result;
  try {
    result = lint([ROOT]);
  } catch (err) {
    fail(`${err.message} (check spec/redocly.yaml and spec/rules/)`);
  }
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.errors > 0) {
    fail(
      `redocly lint found ${result.errors} error(s) and ${result.warnings} warning(s) in spec/${ROOT}; ` +
        'fix them (pnpm --filter @sunshine-openapi/spec lint shows details).',
    );
  }

  const distDir = path.join(specDir, 'dist');
  const tmpDir = path.join(distDir, `.tmp-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  try {
    const tmpYaml = path.join(tmpDir, 'openapi.yaml');
    const bundled = runRedocly(['bundle', ROOT, '--config', 'redocly.yaml', '--output', tmpYaml]);
    if (bundled.status !== 0 || !existsSync(tmpYaml)) {
      fail(`redocly bundle failed: ${lastErrorLine(bundled.stderr)}`);
    }
    const document = parse(readFileSync(tmpYaml, 'utf8'));
    const tmpJson = path.join(tmpDir, 'openapi.json');
    writeFileSync(tmpJson, `${JSON.stringify(document, null, 2)}\n`);
    renameSync(tmpYaml, path.join(distDir, 'openapi.yaml'));
    renameSync(tmpJson, path.join(distDir, 'openapi.json'));
    const operations = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.keys(item).filter((k) =>
        ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(k),
      ),
    ).length;
    console.log(
      `spec build: lint ok (${result.warnings} warning(s)); bundled ${operations} operations into ` +
        'spec/dist/openapi.yaml and spec/dist/openapi.json',
    );
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  const message =
    err instanceof BuildError ? err.message : `unexpected ${err?.name ?? 'error'}: ${err?.message}`;
  console.error(`spec build failed: ${message}`);
  process.exitCode = 1;
}
