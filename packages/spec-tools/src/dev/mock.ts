import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The guard is built next to this file (dist/dev); tests run the .ts sources, so look in dist/ too.
const here = path.dirname(fileURLToPath(import.meta.url));
const guardCandidates = [
  path.join(here, 'prism-guard.js'),
  path.join(here, '..', '..', 'dist', 'dev', 'prism-guard.js'),
];

function portOpen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export function stopChild(child: ChildProcess | undefined, graceMs = 3000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The Prism mock of the last good bundled spec, restarted on each good save. */
export class PrismMock {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly port: number,
    readonly host = '127.0.0.1',
  ) {}

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** (Re)starts Prism on `specFile` and resolves once it accepts connections. */
  async restart(specFile: string, timeoutMs = 20_000): Promise<void> {
    await this.stop();
    if (await portOpen(this.port, this.host)) {
      throw new Error(
        `port ${this.port} on ${this.host} is in use; stop what runs there or pass --mock-port <n>.`,
      );
    }
    this.output = '';
    const guard = guardCandidates.find((f) => existsSync(f));
    if (!guard) throw new Error('prism-guard.js not found; build @sunshine-openapi/spec-tools first.');
    const child = spawn(
      process.execPath,
      [guard, 'mock', specFile, '-h', this.host, '-p', String(this.port)],
      {
        // stdin stays open while we live; the guard stops Prism once it closes.
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    this.child = child;
    child.stdout?.on('data', (d) => {
      this.output = (this.output + d).slice(-4000);
    });
    child.stderr?.on('data', (d) => {
      this.output = (this.output + d).slice(-4000);
    });
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (child.exitCode !== null) {
        throw new Error(
          `the Prism mock exited (${child.exitCode}): ${this.output.trim().split('\n').at(-1) ?? ''}`,
        );
      }
      if (await portOpen(this.port, this.host)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    await this.stop();
    throw new Error(`the Prism mock did not listen on ${this.url} within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    await stopChild(child);
  }
}
