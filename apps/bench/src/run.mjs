// `pnpm bench`: runs every measurement, prints one markdown table and writes it to BENCHMARKS.md (repo root).
// Flags: --quick (few iterations, for development), --only=importer,codegen,client,bundle,pipeline,contract,
//        --no-write (print only).
import { renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

const SECTIONS = {
  importer: async () => (await import('./importer/index.mjs')).benchImporter,
  codegen: async () => (await import('./codegen/index.mjs')).benchCodegen,
  client: async () => (await import('./client/index.mjs')).benchClient,
  bundle: async () => (await import('./bundle/index.mjs')).benchBundle,
  pipeline: async () => (await import('./pipeline/index.mjs')).benchPipeline,
  contract: async () => (await import('./contract/index.mjs')).benchContract,
};

function parseArgs(argv) {
  const options = { quick: false, write: true, only: Object.keys(SECTIONS) };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--no-write') options.write = false;
    else if (arg.startsWith('--only=')) {
      options.only = arg.slice('--only='.length).split(',').filter(Boolean);
      const unknown = options.only.filter((name) => !(name in SECTIONS));
      if (unknown.length) {
        console.error(
          `bench: unknown section "${unknown.join(', ')}"; choose from ${Object.keys(SECTIONS).join(', ')}`,
        );
        process.exit(2);
      }
    } else {
      console.error(`bench: unknown flag "${arg}"; use --quick, --only=a,b or --no-write`);
      process.exit(2);
    }
  }
  return options;
}

const escapeCell = (value) =>
  String(value ?? '')
    .replaceAll('|', '\\|')
    .replaceAll('\n', ' ');

function renderTable(rows) {
  const columns = ['Measurement', 'Ours', 'Reference', 'Ratio', 'Target', 'Status'];
  const keys = ['measurement', 'ours', 'reference', 'ratio', 'target', 'status'];
  const lines = [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${keys.map((key) => escapeCell(row[key])).join(' | ')} |`);
  return lines.join('\n');
}

function machineHeader(startedAt, wallMs, quick, loadAtStart) {
  const cpuList = cpus();
  const model = cpuList[0]?.model?.trim() || 'unknown CPU';
  return [
    '# Benchmarks',
    '',
    `Run ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} · Node ${process.version} · ${model} · ` +
      `${cpuList.length} cores · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · ${process.platform}/${process.arch}` +
      ` · load average at start ${loadAtStart.toFixed(2)} · bench wall time ${(wallMs / 1000).toFixed(0)} s${quick ? ' · **--quick run (few iterations, not for comparison)**' : ''}`,
    '',
    'Produced by `pnpm bench` (apps/bench). Ratios compare tools measured in the same run; times are medians of ' +
      'repeated runs. Reference = the tool people would use instead.',
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = loadavg()[0];
  const started = performance.now();
  const log = (message) =>
    console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);
  const rows = [];
  const notes = [];
  // Shared between sections: the pipeline step leaves a built copy of the tree for the contract suite.
  const ctx = { quick: options.quick, log, repoRoot, cleanups: [], builtClone: null };
  const cleanup = () => {
    for (const fn of ctx.cleanups.splice(0)) {
      try {
        fn();
      } catch {}
    }
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  for (const name of options.only) {
    log(`${name}: start`);
    try {
      const bench = await SECTIONS[name]();
      const result = await bench(ctx);
      rows.push(...result.rows);
      notes.push(...result.notes);
    } catch (error) {
      log(`${name}: failed: ${error.stack ?? error}`);
      rows.push({
        measurement: name,
        ours: 'not measured',
        reference: '',
        ratio: '',
        target: '',
        status: `not measured: ${error.message}`,
      });
    }
  }
  cleanup();
  const wallMs = performance.now() - started;
  if (ctx.coldBuildMs) {
    notes.push(
      `From a clean clone, \`pnpm bench\` first runs the cold build above (${(ctx.coldBuildMs / 1000).toFixed(0)} s here) ` +
        `before these ${(wallMs / 1000).toFixed(0)} s of measurements: about ${((wallMs + ctx.coldBuildMs) / 1000).toFixed(0)} s in all (target < 300 s).`,
    );
  }
  const text = [
    machineHeader(startedAt, wallMs, options.quick, loadAtStart),
    '',
    renderTable(rows),
    '',
    ...(notes.length
      ? ['## Notes', '', ...notes.map((note) => (note.startsWith('    ') ? note : `- ${note}`)), '']
      : []),
  ].join('\n');
  process.stdout.write(`${text}\n`);
  if (options.write) {
    const target = resolve(repoRoot, 'BENCHMARKS.md');
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, `${text}\n`);
    renameSync(tmp, target);
    log(`wrote ${target}`);
  }
}

await main();
