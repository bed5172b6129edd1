import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { writeFileAtomic } from '../io.js';
import { bundleSpecText, formatLintProblem, lintSpec } from '../redocly.js';
import { type DocsServer, startDocsServer } from './docs-server.js';
import { PrismMock, stopChild } from './mock.js';

export interface DevOptions {
  /** Folder to watch (spec/). */
  specDir: string;
  /** Root spec file (spec/openapi.yaml). */
  entry: string;
  /** redocly.yaml for lint rules; the recommended rules when absent. */
  config?: string;
  /** Where the bundle goes: `<bundleDir>/openapi.json` and `openapi.yaml` (spec/dist). */
  bundleDir: string;
  /** Regenerates the client types; undefined skips the step. */
  clientCommand?: string[];
  /** Builds the docs site into `docsDist`; undefined skips the docs step (and the server serves nothing). */
  docsCommand?: string[];
  docsDist?: string;
  /** Working directory for the commands (repo root). */
  cwd: string;
  /** Docs server port on 127.0.0.1 (0 = any free port); undefined = no server. */
  docsPort?: number;
  /** Prism mock port on 127.0.0.1; undefined = no mock. */
  mockPort?: number;
  /** File names in messages are shown relative to this folder. */
  displayRoot?: string;
  debounceMs?: number;
  /** How long Prism may take to start listening (large specs on a busy machine need a while). */
  mockStartTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface BuildResult {
  ok: boolean;
  /** Which step failed: lint, bundle, client, docs, mock. */
  failedStep?: string;
  /** Error lines (lint problems as `file:line:col severity rule: message`). */
  errors: string[];
  /** Step timings in ms. */
  timings: Record<string, number>;
  /** Files whose change triggered this build (empty for the first build). */
  changed: string[];
}

export interface DevSession {
  docsUrl?: string;
  mockUrl?: string;
  /** Resolves after the next build that finishes (including a queued one). */
  nextBuild(): Promise<BuildResult>;
  /** The build that is running or the last one. */
  lastBuild(): Promise<BuildResult>;
  /** The folder currently served as the docs site (last good build). */
  servedDocsDir(): string | undefined;
  /** The spec file the mock currently serves (last good bundle). */
  mockedSpecFile(): string | undefined;
  /** Process id of the running Prism mock. */
  mockPid(): number | undefined;
  close(): Promise<void>;
}

const IGNORED_DIRS = new Set(['dist', 'releases', 'node_modules', 'postman', 'test', 'scripts', '.turbo']);

function runCommand(
  cmd: string[],
  cwd: string,
  track: Set<ChildProcess>,
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', TURBO_TELEMETRY_DISABLED: '1' },
    });
    track.add(child);
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => {
      track.delete(child);
      resolve({ status: 127, output: `${cmd[0]}: ${err.message}` });
    });
    child.on('close', (code) => {
      track.delete(child);
      resolve({ status: code ?? 1, output });
    });
  });
}

function tail(output: string, lines = 15): string[] {
  return output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l && !/^[╔║╚═]/.test(l.trim()))
    .slice(-lines);
}

/**
 * The designer's loop: watch the spec folder; on each save lint, bundle, regenerate the client,
 * rebuild the docs, reload open pages and restart the mock. A failing step keeps the last good docs
 * and mock running and reports the error (terminal and an in-page banner).
 */
export async function startDev(opts: DevOptions): Promise<DevSession> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const displayRoot = opts.displayRoot ?? opts.cwd;
  const rel = (f: string) => {
    const r = path.relative(displayRoot, f);
    return r && !r.startsWith('..') ? r : f;
  };
  const stageRoot = mkdtempSync(path.join(os.tmpdir(), 'spec-dev-'));
  const children = new Set<ChildProcess>();
  let docsServer: DocsServer | undefined;
  let mock: PrismMock | undefined;
  let servedDocs: string | undefined;
  let mockedSpec: string | undefined;
  let stageCounter = 0;
  let closed = false;
  let closing: Promise<void> | undefined;

  if (opts.docsPort !== undefined) docsServer = await startDocsServer({ port: opts.docsPort });
  if (opts.mockPort !== undefined) mock = new PrismMock(opts.mockPort);

  const step = async <T>(name: string, timings: Record<string, number>, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - t0);
    }
  };

  async function build(changed: string[]): Promise<BuildResult> {
    try {
      return await buildSteps(changed);
    } catch (err) {
      const message = `unexpected error: ${(err as Error).message}`;
      log(`✗ ${message}`);
      docsServer?.reportFailure(message);
      return { ok: false, failedStep: 'internal', errors: [message], timings: {}, changed };
    }
  }

  async function buildSteps(changed: string[]): Promise<BuildResult> {
    const timings: Record<string, number> = {};
    const fail = (failedStep: string, errors: string[]): BuildResult => {
      for (const e of errors) log(`  ${e}`);
      const kept = ['lint', 'bundle'].includes(failedStep)
        ? `keeping the last good docs${mock ? ' and mock' : ''}`
        : 'the other steps were applied';
      log(`✗ ${failedStep} failed — ${kept}.`);
      docsServer?.reportFailure(errors.join('\n'));
      return { ok: false, failedStep, errors, timings, changed };
    };
    log(changed.length ? `↻ ${changed.map(rel).join(', ')} changed` : `▶ building ${rel(opts.entry)}`);

    // 1. lint and 2. bundle run side by side (two Redocly processes); the bundle is only used when
    // lint finds no error.
    const bundling = step('bundle', timings, () => bundleSpecText(opts.entry, opts.config)).then(
      (value) => ({ value, error: undefined as Error | undefined }),
      (error: Error) => ({ value: undefined, error }),
    );
    let lint: Awaited<ReturnType<typeof lintSpec>>;
    try {
      lint = await step('lint', timings, () => lintSpec(opts.entry, opts.config, displayRoot));
    } catch (err) {
      await bundling;
      return fail('lint', [(err as Error).message]);
    }
    const lines = lint.problems.map(formatLintProblem);
    if (lint.errors > 0) {
      await bundling;
      return fail('lint', lines.filter((l) => / error /.test(l)).concat(`${lint.errors} error(s)`));
    }
    for (const w of lines) log(`  ${w}`);
    const bundled = await bundling;
    if (!bundled.value) return fail('bundle', [bundled.error?.message ?? 'bundle failed']);
    const bundle = bundled.value;
    const doc = bundle.doc;
    // Same files, same format as `pnpm --filter @sunshine-openapi/spec build`.
    writeFileAtomic(path.join(opts.bundleDir, 'openapi.yaml'), bundle.yaml);
    writeFileAtomic(path.join(opts.bundleDir, 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
    const goodSpec = path.join(stageRoot, `openapi-${++stageCounter}.json`);
    writeFileAtomic(goodSpec, `${JSON.stringify(doc)}\n`);

    // 3. docs first (what the designer is looking at), then 4. the mock restart and 5. the client types.
    const errors: string[] = [];
    let failedStep: string | undefined;
    const docsTask =
      opts.docsCommand && opts.docsDist
        ? step('docs', timings, async () => {
            const res = await runCommand(opts.docsCommand!, opts.cwd, children);
            if (res.status !== 0 || !existsSync(path.join(opts.docsDist!, 'index.html'))) {
              if (closed) return;
              failedStep ??= 'docs';
              errors.push(`docs build (${opts.docsCommand!.join(' ')}) failed:`, ...tail(res.output));
              return;
            }
            // Serve a copy: the next build may rewrite docsDist while pages are open.
            const stage = path.join(stageRoot, `docs-${stageCounter}`);
            cpSync(opts.docsDist!, stage, { recursive: true });
            const previous = servedDocs;
            servedDocs = stage;
            docsServer?.setRoot(stage);
            // Reload open pages now rather than after the client and mock steps.
            docsServer?.reportOk();
            docsServer?.reload();
            if (previous) rmSync(previous, { recursive: true, force: true });
          })
        : Promise.resolve();
    const mockTask = mock
      ? docsTask.then(() =>
          step('mock', timings, async () => {
            try {
              await mock!.restart(goodSpec, opts.mockStartTimeoutMs ?? 60_000);
              const previous = mockedSpec;
              mockedSpec = goodSpec;
              if (previous && previous !== goodSpec) rmSync(previous, { force: true });
            } catch (err) {
              if (closed) return;
              failedStep ??= 'mock';
              errors.push(`mock: ${(err as Error).message}`);
            }
          }),
        )
      : Promise.resolve();
    const clientTask = opts.clientCommand
      ? docsTask.then(() =>
          step('client', timings, async () => {
            const res = await runCommand(opts.clientCommand!, opts.cwd, children);
            if (res.status !== 0 && !closed) {
              failedStep ??= 'client';
              errors.push(`client build (${opts.clientCommand!.join(' ')}) failed:`, ...tail(res.output));
            }
          }),
        )
      : Promise.resolve();
    await Promise.all([clientTask, docsTask, mockTask]);
    if (!mock) rmSync(goodSpec, { force: true });
    // Whatever did rebuild is live; a failed client, docs or mock step is reported on top.
    if (failedStep) return fail(failedStep, errors);
    docsServer?.reportOk();
    const took = Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
      .join(', ');
    log(
      `✓ rebuilt (${took})${docsServer ? ` — docs ${docsServer.url}` : ''}${mock ? ` — mock ${mock.url}` : ''}`,
    );
    return { ok: true, errors: [], timings, changed };
  }

  // One build at a time; saves during a build are collected into one follow-up build.
  let running: Promise<BuildResult> = build([]);
  let pending: string[] | undefined;
  let waiters: Array<(r: BuildResult) => void> = [];
  let timer: NodeJS.Timeout | undefined;

  const settle = (r: BuildResult) => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve(r);
  };
  running.then(settle);

  const schedule = (file: string) => {
    if (closed) return;
    pending = [...(pending ?? []), file];
    clearTimeout(timer);
    timer = setTimeout(kick, opts.debounceMs ?? 150);
  };
  const kick = () => {
    running = running.then(async (previous) => {
      if (!pending || closed) return previous;
      const files = [...new Set(pending)];
      pending = undefined;
      const r = await build(files);
      settle(r);
      return r;
    });
  };

  const watcher: FSWatcher = watch(opts.specDir, {
    ignoreInitial: true,
    ignored: (p: string) => {
      const parts = path.relative(opts.specDir, p).split(path.sep);
      // Dot folders (.turbo, .test-results) are tool output; .redocly.lint-ignore.yaml changes lint results.
      return parts.some(
        (seg) =>
          IGNORED_DIRS.has(seg) ||
          (seg.startsWith('.') && seg !== '.' && seg !== '..' && !seg.startsWith('.redocly')),
      );
    },
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  watcher.on('all', (_event, file) => {
    if (/\.(ya?ml|json|js|mjs)$/.test(file)) schedule(file);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    docsUrl: docsServer?.url,
    mockUrl: mock?.url,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    lastBuild: () => running,
    servedDocsDir: () => servedDocs,
    mockedSpecFile: () => mockedSpec,
    mockPid: () => mock?.pid,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };

  async function shutdown(): Promise<void> {
    closed = true;
    clearTimeout(timer);
    await watcher.close();
    await Promise.all([...children].map((c) => stopChild(c)));
    await mock?.stop();
    await docsServer?.close();
    await running.catch(() => undefined);
    // a restart that was under way when closing began may have started a new mock
    await mock?.stop();
    rmSync(stageRoot, { recursive: true, force: true });
  }
}
