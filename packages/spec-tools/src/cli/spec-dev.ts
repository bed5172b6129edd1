import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startDev } from '../dev/dev.js';
import { UserError } from '../io.js';
import { repoLayout } from '../paths.js';
import { runMain } from './run.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

const program = new Command('dev')
  .description(
    'Watch spec/: on each save lint, bundle, regenerate the client, rebuild and live-reload the docs, restart the mock',
  )
  .option('--spec-dir <dir>', 'spec folder to watch (openapi.yaml, redocly.yaml, dist/ inside)')
  .option('--docs-port <port>', 'docs server port on 127.0.0.1', port, 8080)
  .option('--mock-port <port>', 'Prism mock port on 127.0.0.1', port, 4010)
  .option('--no-client', 'skip regenerating the client')
  .option('--no-docs', 'skip building and serving the docs')
  .option('--no-mock', 'skip the Prism mock')
  .showHelpAfterError();

runMain('dev', async () => {
  program.parse();
  const opts = program.opts<{
    specDir?: string;
    docsPort: number;
    mockPort: number;
    client: boolean;
    docs: boolean;
    mock: boolean;
  }>();
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const layout = repoLayout();
  const specDir = opts.specDir ? path.resolve(cwd, opts.specDir) : layout.specDir;
  const entry = path.join(specDir, 'openapi.yaml');
  if (!existsSync(entry)) {
    throw new UserError(
      `${path.relative(layout.root, entry)} not found; pass --spec-dir <folder with openapi.yaml>.`,
    );
  }
  const config = path.join(specDir, 'redocly.yaml');
  const session = await startDev({
    specDir,
    entry,
    config: existsSync(config) ? config : undefined,
    bundleDir: path.join(specDir, 'dist'),
    clientCommand: opts.client ? ['pnpm', '--filter', '@sunshine-openapi/client', 'build'] : undefined,
    docsCommand: opts.docs ? ['pnpm', '--filter', '@sunshine-openapi/docs', 'build'] : undefined,
    docsDist: layout.docsDist,
    docsPort: opts.docs ? opts.docsPort : undefined,
    mockPort: opts.mock ? opts.mockPort : undefined,
    cwd: layout.root,
    displayRoot: layout.root,
  });
  console.log(
    `watching ${path.relative(layout.root, specDir) || specDir}/` +
      (session.docsUrl ? ` — docs ${session.docsUrl}` : '') +
      (session.mockUrl ? ` — mock ${session.mockUrl}` : '') +
      ' — Ctrl-C to stop',
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log('stopping…');
      session.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
});
