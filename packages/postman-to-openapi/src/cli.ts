import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { convertCollection } from './convert.js';
import { toYaml } from './emit.js';
import { ImportError, UsageError } from './errors.js';
import { DEFAULT_MAX_BYTES, readJsonFile } from './load.js';
import { splitDocument } from './split.js';
import type { RequiredRule } from './types.js';
import { formatWarning } from './warnings.js';
import { assertCanWriteFile, assertCanWriteTree, writeFileAtomic, writeTreeAtomic } from './write.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

const PROG = 'postman-to-openapi';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function megabytes(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.floor(n * 1024 * 1024);
}

function renames(value: string, previous: Record<string, string>): Record<string, string> {
  const i = value.lastIndexOf('=');
  if (i <= 0 || i === value.length - 1) throw new InvalidArgumentError('expected "Request name=operationId"');
  return { ...previous, [value.slice(0, i)]: value.slice(i + 1) };
}

/** Run the CLI; returns the exit code (0 ok, 1 bad input, 2 bad usage). Never throws. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const program = new Command()
    .name(PROG)
    .description('Convert a Postman collection (v2.0/v2.1) into an OpenAPI 3.1 document.')
    .argument('<collection>', 'Postman collection JSON file')
    .option('-o, --out <file>', 'write a single YAML file (default: print to stdout)')
    .option('--split <dir>', 'write the Redocly layout (openapi.yaml, paths/, components/) into this folder')
    .option('-e, --env <file>', 'Postman environment JSON whose values override collection variables')
    .option('--server <url>', 'add a server URL (repeatable)', collect, [] as string[])
    .addOption(
      new Option('--required <rule>', 'which inferred properties are required')
        .choices(['observed', 'responses', 'none'])
        .default('responses'),
    )
    .option('--operation-id <name=id>', 'set the operationId of a request (repeatable)', renames, {})
    .option('--max-size <MB>', 'refuse inputs larger than this', megabytes, DEFAULT_MAX_BYTES)
    .option('--inline-bodies', 'keep body schemas inline instead of naming them in components/schemas', false)
    .option('-f, --force', 'overwrite an existing --out file or --split folder', false)
    .option('-q, --quiet', 'do not print warnings', false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: () => {},
      outputError: () => {},
    });

  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0; // --help / --version
      io.stderr(`${PROG}: ${err.message.replace(/^error: /, '')} (see --help)\n`);
      return 2;
    }
    io.stderr(`${PROG}: ${(err as Error).message}\n`);
    return 2;
  }
  const opts = program.opts<{
    out?: string;
    split?: string;
    env?: string;
    server: string[];
    required: RequiredRule;
    operationId: Record<string, string>;
    maxSize: number;
    force: boolean;
    quiet: boolean;
    inlineBodies: boolean;
  }>();
  const file = program.args[0]!;

  try {
    for (const s of opts.server) {
      if (!/^(https?:\/\/[^\s]+|\/[^\s]*)$/i.test(s))
        throw new UsageError(`--server ${s} is not an http(s) URL or absolute path`);
    }
    // Check the outputs first: nothing is written unless everything can be.
    if (opts.split !== undefined) assertCanWriteTree(opts.split, opts.force);
    if (opts.out !== undefined) assertCanWriteFile(opts.out, opts.force);
    const collection = readJsonFile(file, opts.maxSize);
    const environment = opts.env === undefined ? undefined : readJsonFile(opts.env, opts.maxSize);
    const result = convertCollection(collection, {
      source: file,
      environment,
      environmentSource: opts.env,
      servers: opts.server,
      required: opts.required,
      operationIds: opts.operationId,
      inlineBodies: opts.inlineBodies,
    });
    if (!opts.quiet) for (const w of result.warnings) io.stderr(formatWarning(w) + '\n');
    const yaml = toYaml(result.document);
    if (opts.split !== undefined) {
      const files = new Map<string, string>();
      for (const [rel, content] of splitDocument(result.document)) files.set(rel, toYaml(content));
      writeTreeAtomic(opts.split, files, opts.force);
    }
    if (opts.out !== undefined) writeFileAtomic(opts.out, yaml, opts.force);
    if (opts.out === undefined && opts.split === undefined) io.stdout(yaml);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      if (err.source === undefined) err.source = file;
      io.stderr(`${PROG}: error: ${err.toLine()}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      io.stderr(`${PROG}: ${err.message}\n`);
      return 2;
    }
    if (process.env.P2O_DEBUG) io.stderr(`${(err as Error)?.stack ?? String(err)}\n`);
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(
      `${PROG}: error: ${file}: unexpected failure while converting (${message.split('\n')[0]}); please report it\n`,
    );
    return 1;
  }
}
