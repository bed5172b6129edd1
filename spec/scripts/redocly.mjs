// Small wrapper around the Redocly CLI shared by the build script and the tests.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cliPath = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** Runs `redocly <args>` in spec/, returning { status, stdout, stderr } (never throws on exit code). */
export function runRedocly(args, { cwd = specDir } = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  return {
    status: result.status ?? 1,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
}

/** The last meaningful stderr line (skips Redocly's Node-20 banner box). */
export function lastErrorLine(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[╔║╚═]/.test(l) && !l.startsWith('run `redocly'));
  return lines.at(-1) ?? 'no output';
}

/** Splits Redocly's JSON output, which holds one object per linted file back to back. */
export function parseJsonObjects(text) {
  const objects = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = depth > 0;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && depth > 0 && --depth === 0) {
      objects.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return objects;
}

/**
 * Lints `files` (relative to cwd) with `config`; returns { errors, warnings, problems } summed over the
 * files, or throws an Error with a one-line message when Redocly could not produce a report.
 */
export function lint(files, { config = 'redocly.yaml', cwd = specDir } = {}) {
  const res = runRedocly(
    ['lint', ...files, '--config', config, '--format', 'json', '--max-problems', '10000'],
    {
      cwd,
    },
  );
  let reports;
  try {
    reports = parseJsonObjects(res.stdout).filter((r) => r.totals);
  } catch {
    reports = [];
  }
  if (reports.length !== files.length) {
    throw new Error(`redocly lint could not run: ${lastErrorLine(res.stderr)}`);
  }
  return {
    errors: reports.reduce((n, r) => n + r.totals.errors, 0),
    warnings: reports.reduce((n, r) => n + r.totals.warnings, 0),
    problems: reports.flatMap((r) => r.problems),
  };
}

/** One readable line per problem: `file#pointer severity rule: message`. */
export function formatProblem(p) {
  const loc = p.location?.[0];
  const where = loc ? `${loc.source?.ref ?? '?'}:${loc.start?.line ?? '?'} ${loc.pointer ?? ''}` : '?';
  return `${where} ${p.severity} ${p.ruleId}: ${p.message}`;
}
