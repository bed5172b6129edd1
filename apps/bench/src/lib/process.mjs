// Child-process helpers: timed commands, JSON-reporting node children, CPU profile summaries.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Runs a command to completion and measures its wall time.
 * Resolves { code, wallMs, stdout, stderr }; never rejects on a non-zero exit.
 */
export function runTimed(command, args, { cwd, env, timeoutMs = 240_000, input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n[bench] timed out after ${timeoutMs} ms`;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code: code ?? (signal ? 128 : 1),
        wallMs: performance.now() - started,
        stdout,
        stderr,
      });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Kills a detached child's whole process group (only the group we started). */
export function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {}
  }
}

/** Runs `node [nodeArgs] script [args]` and parses the last stdout line as JSON. */
export async function runNodeJson(script, args = [], { nodeArgs = [], cwd, timeoutMs } = {}) {
  const result = await runTimed(process.execPath, [...nodeArgs, script, ...args], { cwd, timeoutMs });
  if (result.code !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-5).join(' | ');
    throw new Error(`${script} exited with ${result.code}: ${tail}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/**
 * Runs a node script under --cpu-prof and returns the functions with the most self time:
 * [{ name, location, selfMs, share }], share being the fraction of all sampled time. With `attribute`
 * (a package name as in summarizeBuckets), also the time spent under each of that package's functions.
 */
export async function cpuProfileTop(script, args = [], { top = 8, cwd, attribute } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
  try {
    const result = await runTimed(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200', script, ...args],
      { cwd },
    );
    if (result.code !== 0) throw new Error(`profiling ${script} failed: ${result.stderr.trim().slice(-300)}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    return {
      top: summarizeProfile(profile, top),
      buckets: summarizeBuckets(profile),
      attributed: attribute ? attributeToPackage(profile, attribute, top) : null,
      attribute,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sourceMaps = new Map();

/** "file:line" of a profile frame, mapped through the file's .map (tsup output → src/*.ts) when there is one. */
function frameLocation(frame) {
  if (!frame.url) return '';
  const path = frame.url.replace(/^file:\/\//, '');
  if (!sourceMaps.has(path)) {
    let map = null;
    try {
      if (path.startsWith('/') && existsSync(`${path}.map`)) {
        map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
      }
    } catch {}
    sourceMaps.set(path, map);
  }
  const map = sourceMaps.get(path);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry?.originalSource) {
    const original = entry.originalSource.replace(/^file:\/\//, '').replace(/^(\.\.\/)+/, '');
    const owner = bucketOf(frame).replace(/^@sunshine-openapi\//, '');
    return `${owner}/${original.replace(/^.*\/(src\/)/, '$1')}:${entry.originalLine + 1}`;
  }
  return `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url) {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm !== -1) return clean.slice(nm + 'node_modules/'.length);
  const parts = clean.split('/');
  return parts.slice(-3).join('/');
}

export function summarizeProfile(profile, top) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTicks = new Map();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  profile.samples.forEach((id, index) => {
    const dt = deltas[index] ?? 0;
    selfTicks.set(id, (selfTicks.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map();
  for (const [id, time] of selfTicks) {
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || '(anonymous)';
    const location = frameLocation(frame);
    const key = `${name}@${location}`;
    const entry = byFunction.get(key) ?? { name, location, selfUs: 0 };
    entry.selfUs += time;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, top)
    .map((entry) => ({
      name: entry.name,
      location: entry.location,
      selfMs: entry.selfUs / 1000,
      share: total ? entry.selfUs / total : 0,
    }));
}

function bucketOf(callFrame) {
  const url = callFrame.url ?? '';
  if (!url) return callFrame.functionName || '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(clean);
  if (workspace) return `@sunshine-openapi/${workspace[2]}`;
  return clean.split('/').slice(-2).join('/');
}

/** Share of sampled time per package ('node internals', '(garbage collector)', a package name…). */
export function summarizeBuckets(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const dt = profile.timeDeltas?.[index] ?? 0;
    const bucket = bucketOf(byId.get(id).callFrame);
    totals.set(bucket, (totals.get(bucket) ?? 0) + dt);
    total += dt;
  });
  return [...totals.entries()]
    .map(([name, time]) => ({ name, share: total ? time / total : 0 }))
    .sort((a, b) => b.share - a.share);
}

/**
 * Charges every sample to the innermost frame of `bucket` on its stack (so node internals called by that
 * package count for the calling function). Returns [{ name, location, share }] of all sampled time.
 */
export function attributeToPackage(profile, bucket, top) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const node = byId.get(id);
    const found = bucketOf(node.callFrame) === bucket ? id : parent.has(id) ? ownerOf(parent.get(id)) : null;
    owner.set(id, found);
    return found;
  };
  const totals = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const dt = profile.timeDeltas?.[index] ?? 0;
    total += dt;
    const found = ownerOf(id);
    if (found === null) return;
    const frame = byId.get(found).callFrame;
    const key = `${frame.functionName || '(anonymous)'} (${frameLocation(frame)})`;
    totals.set(key, (totals.get(key) ?? 0) + dt);
  });
  const entries = [...totals.entries()]
    .map(([name, time]) => ({ name, share: total ? time / total : 0 }))
    .sort((a, b) => b.share - a.share);
  const attributedShare = entries.reduce((sum, entry) => sum + entry.share, 0);
  return { share: attributedShare, entries: entries.slice(0, top) };
}

/** Renders a profile summary as a short markdown list: shares per package, then the hottest functions. */
export function profileLines({ top: entries, buckets, attributed = null, attribute }) {
  const byPackage = buckets
    .filter((bucket) => bucket.share >= 0.01)
    .map((bucket) => `${bucket.name} ${(bucket.share * 100).toFixed(0)}%`)
    .join(', ');
  const lines = [`    - self time by package: ${byPackage}`];
  if (attributed?.entries.length) {
    lines.push(
      `    - time under ${attribute}'s functions, including what they call (charged to the innermost of its ` +
        `frames; ${(attributed.share * 100).toFixed(0)}% of all sampled time): ` +
        attributed.entries
          .filter((entry) => entry.share >= 0.01)
          .map((entry) => `\`${entry.name}\` ${(entry.share * 100).toFixed(0)}%`)
          .join(', '),
    );
  }
  lines.push('    - hottest functions by self time:');
  return [...lines, ...topLines(entries).map((line) => `  ${line}`)];
}

function topLines(entries) {
  return entries.map(
    (entry) =>
      `    - ${(entry.share * 100).toFixed(1)}% self · \`${entry.name}\`${entry.location ? ` (${entry.location})` : ''}`,
  );
}

/** One short line saying why a command failed: its first error-looking line, else its last lines. */
export function summarizeFailure(result, max = 300) {
  const lines = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const interesting = lines.find(
    (line) =>
      /error|failed|not found|cannot/i.test(line) &&
      !/ELIFECYCLE|run failed: command|exited \(\d+\)/.test(line),
  );
  const text = interesting ?? lines.slice(-3).join(' | ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
