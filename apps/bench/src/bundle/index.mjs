// (4) Bundle size, min+gzip, with size-limit 12.1 (preset-small-lib: esbuild, minified, gzip).
// Ours: the checks the client package declares (packages/client/.size-limit.json, with its limits), run there.
// Reference: openapi-fetch alone, measured the same way from apps/bench/.size-limit.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fmt from '../lib/format.mjs';
import { runTimed, summarizeFailure } from '../lib/process.mjs';

const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function sizeLimit(cwd) {
  const result = await runTimed(join(benchRoot, 'node_modules/.bin/size-limit'), ['--json'], { cwd });
  const start = result.stdout.indexOf('[');
  if (start === -1) throw new Error(`size-limit in ${cwd} failed: ${summarizeFailure(result)}`);
  return JSON.parse(result.stdout.slice(start));
}

export async function benchBundle({ repoRoot, log }) {
  const clientDir = join(repoRoot, 'packages/client');
  const configFile = join(clientDir, '.size-limit.json');
  const [reference] = await sizeLimit(benchRoot);
  log(`bundle: ${reference.name} ${reference.size} B`);
  const referenceText = `${reference.name} ${fmt.kb(reference.size)}`;
  const notMeasured = (reason) => ({
    rows: [
      {
        measurement: 'Bundle: our client runtime',
        ours: 'not measured',
        reference: referenceText,
        ratio: '—',
        target: '—',
        status: `not measured: ${reason}`,
      },
    ],
    notes: [],
  });
  if (!existsSync(join(clientDir, 'dist/index.js'))) {
    return notMeasured('packages/client/dist missing (build @sunshine-openapi/client)');
  }
  if (!existsSync(configFile)) return notMeasured('packages/client/.size-limit.json missing');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  let results;
  try {
    results = await sizeLimit(clientDir);
  } catch (error) {
    return notMeasured(error.message);
  }
  const rows = results.map((result, index) => {
    const entry = config[index] ?? {};
    const withoutOpenapiFetch = (entry.ignore ?? []).includes('openapi-fetch');
    return {
      measurement: `Bundle: ${result.name}`,
      ours: `${fmt.kb(result.size)} min+gzip`,
      reference: withoutOpenapiFetch ? '—' : referenceText,
      ratio: withoutOpenapiFetch
        ? '—'
        : `${fmt.ratio(result.size / reference.size)} (+${fmt.kb(result.size - reference.size)})`,
      target: entry.limit ? `≤ ${entry.limit} (client's size-limit)` : '—',
      status: result.passed === undefined ? '—' : result.passed ? 'met' : '**missed**',
    };
  });
  log(`bundle: ${results.map((r) => `${r.name} ${r.size} B`).join('; ')}`);
  return {
    rows,
    notes: [
      'Bundle: size-limit 12.1 with preset-small-lib (esbuild, minified, gzip), kB = 1000 bytes. Ours = the ' +
        "checks and limits in packages/client/.size-limit.json (import `*` = every export); reference = openapi-fetch's " +
        'every export, measured the same way.',
    ],
  };
}
