import path from 'node:path';
import { Command } from 'commander';
import { classifyChanges } from '../diff/classify.js';
import { loadBase, loadCurrent } from '../diff/base.js';
import { checkGate } from '../diff/gate.js';
import { formatReport } from '../diff/report.js';
import { readJson } from '../io.js';
import { repoLayout } from '../paths.js';
import { runMain } from './run.js';

const program = new Command('spec:diff')
  .description('List the changes between the bundled spec and a base, grouped breaking / non-breaking')
  .argument(
    '[base]',
    'a snapshot file (spec/releases/openapi-<version>.json) or a git ref; default: latest snapshot',
  )
  .option('--current <file>', 'the bundled spec to check (default: spec/dist/openapi.json)')
  .option('--client-package <file>', 'the client package.json whose version counts as a bump')
  .option('--root <dir>', 'repository root (default: the one holding this package)')
  .option('--json', 'print the classification as JSON')
  .showHelpAfterError();

runMain('spec:diff', async () => {
  program.parse();
  const opts = program.opts<{ current?: string; clientPackage?: string; root?: string; json?: boolean }>();
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const layout = repoLayout(opts.root ? path.resolve(cwd, opts.root) : undefined);
  const current = loadCurrent(
    opts.current ? path.resolve(cwd, opts.current) : layout.bundledJson,
    layout.root,
  );
  const base = await loadBase(program.args[0], layout, cwd);
  const clientFile = opts.clientPackage ? path.resolve(cwd, opts.clientPackage) : layout.clientPackageJson;
  let clientVersion: string | undefined;
  try {
    clientVersion = readJson(clientFile).version;
  } catch {
    clientVersion = undefined;
  }
  const classification = classifyChanges(base.doc, current.doc);
  const gate = checkGate({
    classification,
    baseVersion: base.doc?.info?.version,
    specVersion: current.doc?.info?.version,
    clientVersion,
  });
  if (opts.json) {
    console.log(
      JSON.stringify({ base: base.label, current: current.label, ...classification, gate }, null, 2),
    );
  } else {
    console.log(
      formatReport({
        baseLabel: base.label,
        baseVersion: base.doc?.info?.version,
        currentLabel: current.label,
        currentVersion: current.doc?.info?.version,
        classification,
        gate,
      }),
    );
  }
  return gate.ok ? 0 : 1;
});
