import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadCurrent } from '../diff/base.js';
import { UserError, writeFileAtomic } from '../io.js';
import { repoLayout } from '../paths.js';
import { collectionRequests, specToPostman } from '../postman/export.js';
import { runMain } from './run.js';

const program = new Command('spec:postman')
  .description('Write a Postman v2.1 collection generated from the bundled spec')
  .requiredOption('--out <file>', 'where to write the collection (.json)')
  .option('--spec <file>', 'the bundled spec to convert (default: spec/dist/openapi.json)')
  .showHelpAfterError();

runMain('spec:postman', async () => {
  program.parse();
  const opts = program.opts<{ out: string; spec?: string }>();
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const layout = repoLayout();
  const out = path.resolve(cwd, opts.out);
  if (existsSync(out) && statSync(out).isDirectory()) {
    throw new UserError(
      `--out ${opts.out} is a folder; give a file name such as ${path.join(opts.out, 'collection.json')}.`,
    );
  }
  if (!existsSync(path.dirname(out))) {
    throw new UserError(
      `--out ${opts.out}: folder ${path.dirname(out)} does not exist; create it or pick another path.`,
    );
  }
  const spec = loadCurrent(opts.spec ? path.resolve(cwd, opts.spec) : layout.bundledJson, layout.root);
  let collection: any;
  try {
    collection = await specToPostman(spec.doc);
  } catch (err) {
    throw new UserError(
      `could not convert ${spec.label} to Postman: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  writeFileAtomic(out, `${JSON.stringify(collection, null, 2)}\n`);
  console.log(
    `spec:postman: wrote ${collectionRequests(collection).length} requests from ${spec.label} to ${path.relative(cwd, out).startsWith('..') ? out : path.relative(cwd, out) || out}`,
  );
  return 0;
});
