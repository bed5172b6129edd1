// (6) Contract suite: wall time of `pnpm --filter @sunshine-openapi/contract-tests test`, Prism start included.
// Runs in the built copy from the pipeline step when there is one, else in the checkout.
import { stripVTControlCharacters } from 'node:util';
import * as fmt from '../lib/format.mjs';
import { runTimed, summarizeFailure } from '../lib/process.mjs';
import { median } from '../lib/stats.mjs';

const RUNS = { full: 3, quick: 1 };
// Stop repeating once this much time went into the suite (keeps `pnpm bench` under 5 minutes).
const BUDGET_MS = 45_000;

function counts(output) {
  // vitest's summary line, e.g. "Tests  41 passed | 2 failed (43)"
  const line = stripVTControlCharacters(output)
    .split('\n')
    .find((l) => /^\s*Tests\s+\d/.test(l));
  return line ? line.trim().replace(/\s+/g, ' ') : null;
}

export async function benchContract({ quick, repoRoot, builtClone, log }) {
  const cwd = builtClone ?? repoRoot;
  const samples = [];
  let summary = null;
  let failed = null;
  for (let i = 0; i < RUNS[quick ? 'quick' : 'full']; i++) {
    const result = await runTimed('pnpm', ['--filter', '@sunshine-openapi/contract-tests', 'test'], {
      cwd,
      timeoutMs: 240_000,
    });
    summary = counts(result.stdout + result.stderr);
    samples.push(result.wallMs);
    if (result.code !== 0) {
      failed = summary ?? summarizeFailure(result);
      break;
    }
    if (samples.reduce((a, b) => a + b, 0) > BUDGET_MS) break;
  }
  const ms = median(samples);
  log(`contract: ${fmt.seconds(ms)} (${summary ?? 'no summary'})`);
  return {
    rows: [
      {
        measurement: 'Contract suite: client vs Prism mock (Prism start included)',
        ours: `${fmt.seconds(ms)} wall${summary ? ` · ${summary}` : ''}`,
        reference: '—',
        ratio: '—',
        target: '—',
        status: failed ? `suite failed: ${failed}` : '—',
      },
    ],
    notes: [
      `Contract suite: \`pnpm --filter @sunshine-openapi/contract-tests test\` in ${builtClone ? 'the built copy' : 'the checkout'}, ` +
        `median of ${samples.length} run(s) (${samples.map((v) => fmt.seconds(v)).join(', ')}).`,
    ],
  };
}
