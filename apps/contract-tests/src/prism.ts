import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createServer, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

const guardPath = fileURLToPath(new URL('./prism-guard.mjs', import.meta.url));

export interface PrismOptions {
  /** Path of the OpenAPI document Prism serves. */
  specPath: string;
  /** `mock` answers from the spec's examples; `proxy` forwards to `upstream` and checks both directions. */
  mode?: 'mock' | 'proxy';
  upstream?: string;
  /** Give up waiting for the port after this long. */
  startTimeoutMs?: number;
}

export interface PrismServer {
  url: string;
  /**
   * The private copy of the spec Prism serves. Prism restarts whenever its file changes, so it gets a
   * snapshot; tests read the same snapshot and so always agree with the mock.
   */
  specPath: string;
  port: number;
  /** Pid of the guard process; Prism itself is the guard's only child. */
  guardPid: number;
  /** The last lines Prism printed, for diagnostics when something fails. */
  log(): string;
  /** Set when Prism exited before `stop()` was called (a crash): the exit code or signal. */
  unexpectedExit(): string | undefined;
  stop(): Promise<void>;
}

/** Asks the OS for a free port on 127.0.0.1 (port 0), then releases it for Prism. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port the OS gave us'));
      });
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Starts Prism on a free 127.0.0.1 port with validation errors on (`--errors`) and resolves once the
 * port accepts connections. Prism runs under a small guard process that kills it when our stdin pipe
 * closes, so even a hard-killed test runner leaves no Prism behind.
 */
export async function startPrism(options: PrismOptions): Promise<PrismServer> {
  const { specPath, mode = 'mock', upstream, startTimeoutMs = 60_000 } = options;
  if (!existsSync(specPath)) {
    throw new Error(
      `spec not found: ${specPath} (build it with \`pnpm --filter @sunshine-openapi/spec build\`)`,
    );
  }
  if (mode === 'proxy' && !upstream) throw new Error('prism proxy mode needs an upstream URL');
  const port = await freePort();
  const snapshotDir = mkdtempSync(join(tmpdir(), 'contract-prism-'));
  const snapshot = join(snapshotDir, basename(specPath));
  copyFileSync(specPath, snapshot);
  const args = mode === 'mock' ? ['mock', snapshot] : ['proxy', snapshot, upstream as string];
  // Request-by-request logging costs Prism real CPU on a 2-core runner; warnings and violations still show.
  args.push('-h', '127.0.0.1', '-p', String(port), '--errors', '--verboseLevel', 'warn');

  const child = spawn(process.execPath, [guardPath, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', PRISM_GUARD_CLEANUP: snapshotDir },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) lines.push(line);
    }
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopping = false;
  let crash: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) crash = signal ?? `exit code ${code}`;
      resolve();
    }),
  );
  const stop = async () => {
    stopping = true;
    if (isRunning(child)) {
      child.stdin?.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (isRunning(child)) child.kill('SIGKILL');
      }, 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(snapshotDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + startTimeoutMs;
  while (!(await canConnect(port))) {
    if (!isRunning(child)) {
      rmSync(snapshotDir, { recursive: true, force: true });
      throw new Error(`Prism exited before listening on ${port}:\n${lines.slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Prism did not listen on ${port} within ${startTimeoutMs} ms:\n${lines.slice(-30).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    specPath: snapshot,
    port,
    guardPid: child.pid as number,
    log: () => lines.join('\n'),
    unexpectedExit: () => crash,
    stop,
  };
}

/** Pids of the direct children of `pid` (Linux /proc), used to check that no Prism survives. */
export async function childPids(pid: number): Promise<number[]> {
  const { readFile, readdir } = await import('node:fs/promises');
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: scan every process's parent pid instead.
    const found: number[] = [];
    for (const entry of await readdir('/proc').catch(() => [] as string[])) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    }
    return found;
  }
}

/** True while `pid` is a live process (a zombie waiting to be reaped counts as gone). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}
