import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const cliPath = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the Redocly CLI (async, so a watcher keeps serving while it works). */
export function runRedocly(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

/** The last meaningful stderr line (skips Redocly's Node-20 banner box). */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[╔║╚═]/.test(l) && !l.startsWith('run `redocly'));
  return lines.at(-1) ?? 'no output';
}

export interface LintProblem {
  file: string;
  line?: number;
  col?: number;
  severity: string;
  rule: string;
  message: string;
  pointer?: string;
}

export interface LintResult {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

/** `file:line:col severity rule: message` — the shape editors and terminals turn into links. */
export function formatLintProblem(p: LintProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}${p.col ? `:${p.col}` : ''}` : ''}`;
  return `${where} ${p.severity} ${p.rule}: ${p.message}`;
}

/**
 * Lints the spec rooted at `entry` with `config` (a redocly.yaml; the recommended rules when absent).
 * File names in the result are relative to `displayRoot`.
 */
export async function lintSpec(
  entry: string,
  config?: string,
  displayRoot = process.cwd(),
): Promise<LintResult> {
  const args = ['lint', entry, '--format', 'json', '--max-problems', '10000'];
  if (config) args.push('--config', config);
  const res = await runRedocly(args, path.dirname(entry));
  const start = res.stdout.indexOf('{');
  let report: any;
  try {
    report = JSON.parse(res.stdout.slice(start));
  } catch {
    throw new Error(
      `redocly lint could not read ${path.relative(displayRoot, entry)}: ${lastErrorLine(res.stderr)}`,
    );
  }
  const problems: LintProblem[] = (report.problems ?? []).map((p: any) => {
    const loc = p.location?.[0];
    const ref: string | undefined = loc?.source?.ref;
    const abs = ref ? path.resolve(path.dirname(entry), ref) : entry;
    return {
      file: path.relative(displayRoot, abs).startsWith('..') ? abs : path.relative(displayRoot, abs) || abs,
      line: loc?.start?.line,
      col: loc?.start?.col,
      severity: p.severity,
      rule: p.ruleId,
      message: String(p.message).split('\n')[0],
      pointer: loc?.pointer,
    };
  });
  return { errors: report.totals?.errors ?? 0, warnings: report.totals?.warnings ?? 0, problems };
}

/**
 * Bundles the multi-file spec at `entry` into one document (refs to other files inlined). Returns the
 * YAML text Redocly wrote and the parsed document, like `pnpm --filter @sunshine-openapi/spec build`.
 */
export async function bundleSpecText(entry: string, config?: string): Promise<{ yaml: string; doc: any }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-tools-bundle-'));
  try {
    const out = path.join(tmp, 'openapi.yaml');
    const args = ['bundle', entry, '--output', out];
    if (config) args.push('--config', config);
    const res = await runRedocly(args, path.dirname(entry));
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      throw new Error(`redocly bundle failed for ${entry}: ${lastErrorLine(res.stderr)}`);
    }
    if (res.status !== 0) throw new Error(`redocly bundle failed for ${entry}: ${lastErrorLine(res.stderr)}`);
    return { yaml: text, doc: parse(text) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The bundled document only. */
export async function bundleSpec(entry: string, config?: string): Promise<any> {
  return (await bundleSpecText(entry, config)).doc;
}
