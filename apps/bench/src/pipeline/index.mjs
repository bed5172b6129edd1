// (5) Pipeline: cold `pnpm build` (no turbo cache, no outputs) and warm `pnpm build` (full cache hit), wall time.
// Runs in a copy of the working tree (without node_modules, .turbo and build outputs) so the checkout
// and its cache are never touched; the copy stays for the contract suite and is removed at the end.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as fmt from '../lib/format.mjs';
import { summarizeFailure as failure, runTimed } from '../lib/process.mjs';
import { median } from '../lib/stats.mjs';
import { turboProfileTop } from './turbo-profile.mjs';

const WARM_RUNS = { full: 5, quick: 2 };
const WARM_TARGET_MS = 1500;
// Never copied: installs, turbo caches, build outputs, test reports.
const EXCLUDED = new Set([
  'node_modules',
  '.turbo',
  'dist',
  'generated',
  '.test-results',
  'test-artifacts',
  'coverage',
  'BENCHMARKS.md',
]);

function copyTree(from, to) {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      if (source === join(from, 'tmp')) return false; // git-ignored scratch folder at the root
      const name = basename(source);
      return !EXCLUDED.has(name) && !name.endsWith('.tsbuildinfo') && !name.endsWith('.tmp');
    },
  });
}

function cacheSummary(output) {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  return match ? { cached: Number(match[1]), total: Number(match[2]) } : null;
}

export async function benchPipeline(ctx) {
  const { quick, repoRoot, log } = ctx;
  const rows = [];
  const notes = [];
  const clone = mkdtempSync(join(tmpdir(), 'bench-clone-'));
  ctx.cleanups.push(() => rmSync(clone, { recursive: true, force: true }));
  copyTree(repoRoot, clone);
  log(`pipeline: copied the working tree to ${clone}; installing offline`);
  // Serialised with the other pnpm installs on this machine (house rule), when flock exists.
  const installArgs = ['install', '--offline', '--frozen-lockfile', '--reporter=append-only'];
  const install = existsSync('/usr/bin/flock')
    ? await runTimed('/usr/bin/flock', ['/tmp/pnpm.lock', 'pnpm', ...installArgs], { cwd: clone })
    : await runTimed('pnpm', installArgs, { cwd: clone });
  if (install.code !== 0) throw new Error(`pnpm install --offline in the copy failed: ${failure(install)}`);
  log(`pipeline: install ${fmt.seconds(install.wallMs)}; cold build`);

  const cold = await runTimed('pnpm', ['build'], { cwd: clone, timeoutMs: 300_000 });
  const coldCache = cacheSummary(cold.stdout);
  log(`pipeline: cold build ${fmt.seconds(cold.wallMs)} (exit ${cold.code})`);
  if (cold.code !== 0) {
    rows.push({
      measurement: 'Pipeline: cold `pnpm build`',
      ours: `failed after ${fmt.seconds(cold.wallMs)}`,
      reference: '—',
      ratio: '—',
      target: '—',
      status: `not measured: build failed: ${failure(cold)}`,
    });
    return { rows, notes };
  }
  ctx.builtClone = clone;
  ctx.coldBuildMs = cold.wallMs;

  const warm = [];
  let lastCache = null;
  for (let i = 0; i < WARM_RUNS[quick ? 'quick' : 'full']; i++) {
    const result = await runTimed('pnpm', ['build'], { cwd: clone });
    if (result.code !== 0) throw new Error(`warm pnpm build failed: ${failure(result)}`);
    warm.push(result.wallMs);
    lastCache = cacheSummary(result.stdout);
  }
  const warmMs = median(warm);
  const fullHit = lastCache && lastCache.cached === lastCache.total;
  log(`pipeline: warm build ${fmt.seconds(warmMs)} (${lastCache?.cached}/${lastCache?.total} cached)`);
  rows.push({
    measurement: 'Pipeline: cold `pnpm build` (no turbo cache, no outputs)',
    ours: `${fmt.seconds(cold.wallMs)} wall${coldCache ? ` · ${coldCache.total} tasks` : ''}`,
    reference: '—',
    ratio: '—',
    target: '—',
    status: '—',
  });
  const warmMissed = warmMs > WARM_TARGET_MS || !fullHit;
  rows.push({
    measurement: 'Pipeline: warm `pnpm build` (unchanged tree)',
    ours: `${fmt.seconds(warmMs)} wall · ${lastCache ? `${lastCache.cached}/${lastCache.total} cached` : 'cache summary not found'}`,
    reference: '—',
    ratio: `${fmt.ratio(cold.wallMs / warmMs, 0)} faster than cold`,
    target: `≤ ${WARM_TARGET_MS / 1000} s, full cache hit`,
    status: warmMissed ? '**missed**' : 'met',
  });
  notes.push(
    `Pipeline: measured in a fresh copy of the working tree (offline \`pnpm install\` took ${fmt.seconds(install.wallMs)}, ` +
      `not counted); warm = median of ${warm.length} runs (${warm.map((v) => fmt.seconds(v)).join(', ')}).`,
  );
  if (warmMissed) {
    // Where the warm time goes: pnpm's own start-up, turbo's start-up, turbo's hashing + log replay.
    const turbo = join(clone, 'node_modules/.bin/turbo');
    const pnpmVersion = await runTimed('pnpm', ['--version'], { cwd: clone });
    const turboVersion = await runTimed(turbo, ['--version'], { cwd: clone });
    const turboRun = await runTimed(turbo, ['run', 'build'], { cwd: clone });
    const turboQuiet = await runTimed(turbo, ['run', 'build', '--output-logs=none'], { cwd: clone });
    const profileFile = join(clone, '.turbo-profile.json');
    await runTimed(turbo, ['run', 'build', `--profile=${profileFile}`], { cwd: clone });
    let spans = [];
    try {
      spans = turboProfileTop(profileFile).spans;
    } catch {}
    notes.push(
      `Warm build target missed${fullHit ? '' : ' (not a full cache hit)'} — breakdown on the same copy: ` +
        `\`pnpm --version\` ${fmt.seconds(pnpmVersion.wallMs)} (pnpm start-up, paid by every \`pnpm build\`), ` +
        `\`turbo --version\` ${fmt.seconds(turboVersion.wallMs)}, \`turbo run build\` directly ` +
        `${fmt.seconds(turboRun.wallMs)}, with \`--output-logs=none\` ${fmt.seconds(turboQuiet.wallMs)} ` +
        '(the rest is turbo hashing the inputs of every task and restoring outputs).',
    );
    if (spans.length) {
      notes.push(
        'Warm build: turbo --profile, total time per span (nested spans overlap): ' +
          spans.map((span) => `${span.name} ${fmt.ms(span.ms)}`).join(', ') +
          '.',
      );
    }
  }
  return { rows, notes };
}
