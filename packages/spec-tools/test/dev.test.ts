import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSession, startDev } from '../src/dev/dev.js';
import { fixturesDir, freePort, isAlive } from './helpers.js';

/** Collects the server-sent events of the docs page. */
function listen(url: string) {
  const events: string[] = [];
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/^event: (\w+)$/gm)) events.push(m[1]!);
    });
  });
  req.on('error', () => undefined);
  return { events, close: () => req.destroy() };
}

describe('pnpm dev watcher on a temp copy of a spec', () => {
  let tmp: string;
  let session: DevSession;
  let sse: ReturnType<typeof listen>;
  let mockPid: number | undefined;
  const logs: string[] = [];
  const pathFile = () => path.join(tmp, 'spec', 'paths', 'v2_apps_{appId}.yaml');

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spec-tools-dev-test-'));
    cpSync(path.join(fixturesDir, 'dev-spec'), path.join(tmp, 'spec'), { recursive: true });
    const bundleDir = path.join(tmp, 'spec', 'dist');
    session = await startDev({
      specDir: path.join(tmp, 'spec'),
      entry: path.join(tmp, 'spec', 'openapi.yaml'),
      bundleDir,
      // stand-ins for the client and docs builds, reading the bundle like the real ones do
      clientCommand: [
        process.execPath,
        '-e',
        `const fs=require('fs');const d=JSON.parse(fs.readFileSync(${JSON.stringify(path.join(bundleDir, 'openapi.json'))}));` +
          `fs.writeFileSync(${JSON.stringify(path.join(tmp, 'client-ops.txt'))},Object.values(d.paths).flatMap(i=>Object.values(i).map(o=>o.summary)).join('\\n'))`,
      ],
      docsCommand: [
        process.execPath,
        path.join(fixturesDir, 'fake-docs-build.mjs'),
        path.join(bundleDir, 'openapi.json'),
        path.join(tmp, 'site'),
      ],
      docsDist: path.join(tmp, 'site'),
      docsPort: 0,
      mockPort: await freePort(),
      cwd: tmp,
      displayRoot: tmp,
      debounceMs: 50,
      log: (line) => logs.push(line),
    });
  });

  afterAll(async () => {
    sse?.close();
    await session?.close();
    if (mockPid && isAlive(mockPid)) process.kill(mockPid, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds, serves the docs with a reload script and starts the mock', async () => {
    const first = await session.lastBuild();
    expect(first.ok, logs.join('\n')).toBe(true);
    const page = await (await fetch(session.docsUrl!)).text();
    expect(page).toContain('GET /v2/apps/{appId}: Get App');
    expect(page).toContain("new EventSource('/__spec-dev/events')");
    const res = await fetch(`${session.mockUrl}/v2/apps/abc`, { headers: { authorization: 'Basic dTpw' } });
    expect(res.status).toBe(200);
    expect((await res.json()).app.displayName).toBe('First name');
    expect(readFileSync(path.join(tmp, 'client-ops.txt'), 'utf8')).toBe('Get App');
    sse = listen(`${session.docsUrl}__spec-dev/events`);
  });

  it('rebuilds docs, client and mock after an edit and tells the page to reload', async () => {
    const next = session.nextBuild();
    const text = readFileSync(pathFile(), 'utf8');
    writeFileSync(
      pathFile(),
      text.replace('summary: Get App', 'summary: Fetch One App').replace('First name', 'Second name'),
    );
    const result = await next;
    expect(result.ok, logs.join('\n')).toBe(true);
    expect(result.changed.some((f) => f.endsWith('v2_apps_{appId}.yaml'))).toBe(true);
    const page = await (await fetch(session.docsUrl!)).text();
    expect(page).toContain('GET /v2/apps/{appId}: Fetch One App');
    expect(
      JSON.parse(readFileSync(path.join(tmp, 'spec', 'dist', 'openapi.json'), 'utf8')).paths[
        '/v2/apps/{appId}'
      ].get.summary,
    ).toBe('Fetch One App');
    expect(readFileSync(path.join(tmp, 'client-ops.txt'), 'utf8')).toBe('Fetch One App');
    const res = await fetch(`${session.mockUrl}/v2/apps/abc`, { headers: { authorization: 'Basic dTpw' } });
    expect((await res.json()).app.displayName).toBe('Second name');
    await expect.poll(() => sse.events.includes('reload')).toBe(true);
  });

  it('a broken save shows the error with file and line and keeps the last good docs and mock', async () => {
    const next = session.nextBuild();
    writeFileSync(pathFile(), 'get:\n  operationId: getApp\n  summary: [Broken\n  tags: [Apps]\n');
    const result = await next;
    expect(result.ok).toBe(false);
    expect(result.failedStep).toBe('lint');
    expect(result.errors.join('\n')).toMatch(/spec\/paths\/v2_apps_\{appId\}\.yaml:\d+(:\d+)? error /);
    expect(logs.join('\n')).toContain('keeping the last good docs and mock');
    const page = await (await fetch(session.docsUrl!)).text();
    expect(page).toContain('GET /v2/apps/{appId}: Fetch One App');
    const status = await (await fetch(`${session.docsUrl}__spec-dev/status`)).json();
    expect(status.ok).toBe(false);
    expect(status.failure).toContain('v2_apps_{appId}.yaml');
    const res = await fetch(`${session.mockUrl}/v2/apps/abc`, { headers: { authorization: 'Basic dTpw' } });
    expect((await res.json()).app.displayName).toBe('Second name');
    await expect.poll(() => sse.events.includes('failed')).toBe(true);
    mockPid = session.mockPid();
    expect(mockPid).toBeGreaterThan(0);
  });

  it('recovers on the next good save', async () => {
    const next = session.nextBuild();
    cpSync(path.join(fixturesDir, 'dev-spec', 'paths', 'v2_apps_{appId}.yaml'), pathFile());
    const result = await next;
    expect(result.ok, logs.join('\n')).toBe(true);
    const page = await (await fetch(session.docsUrl!)).text();
    expect(page).toContain('GET /v2/apps/{appId}: Get App');
    const status = await (await fetch(`${session.docsUrl}__spec-dev/status`)).json();
    expect(status.ok).toBe(true);
  });

  it('close() stops the mock process and the docs server', async () => {
    const pid = session.mockPid();
    expect(pid && isAlive(pid)).toBe(true);
    await session.close();
    expect(isAlive(pid!)).toBe(false);
    await expect(fetch(session.docsUrl!)).rejects.toThrow();
  });
});

describe('pnpm dev CLI', () => {
  it('names a spec folder without openapi.yaml in one line (exit 2)', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'spec-dev-empty-'));
    try {
      const bin = path.join(fixturesDir, '..', '..', 'bin', 'spec-dev.mjs');
      const res = spawnSync(process.execPath, [bin, '--spec-dir', empty, '--docs-port', '0'], {
        encoding: 'utf8',
      });
      expect(res.status).toBe(2);
      expect(res.stderr.trim()).toMatch(/^dev: .*openapi\.yaml not found; pass --spec-dir/);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
