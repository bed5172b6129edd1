// The TypeScript samples shown in the reference are real programs: they must type-check against the
// client package and succeed against a Prism mock of the spec the docs were built from.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { binOf, freePort, packageDir, type Service, startService } from './helpers/processes.js';

const samplesDir = path.join(packageDir, 'generated', 'samples');
const indexFile = path.join(samplesDir, 'index.json');
const builtSpec = path.join(packageDir, 'dist', 'reference', 'openapi.yaml');

if (!existsSync(indexFile) || !existsSync(builtSpec)) {
  throw new Error('docs are not built: run `pnpm --filter @sunshine-openapi/docs build` first');
}

interface SampleEntry {
  operationId: string;
  functionName: string;
  method: string;
  route: string;
  file: string;
}
const samples: SampleEntry[] = JSON.parse(readFileSync(indexFile, 'utf8'));
const spec = parse(readFileSync(builtSpec, 'utf8'));
const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl) console.warn('curl samples not run: no curl on this machine');
const curlDir = mkdtempSync(path.join(os.tmpdir(), 'docs-curl-'));
writeFileSync(path.join(curlDir, 'hello.txt'), 'Hello from the docs\n');
afterAll(() => rmSync(curlDir, { recursive: true, force: true }));

// Prism takes a few seconds to start: launch it first so it boots while tsc type-checks.
let prismStarting: Promise<Service> | undefined;
beforeAll(async () => {
  const port = await freePort();
  prismStarting = startService(
    binOf('@stoplight/prism-cli', 'prism'),
    ['mock', builtSpec, '--host', '127.0.0.1', '--port', String(port)],
    port,
    40_000,
  );
  prismStarting.catch(() => {}); // reported by the tests that await it
});
afterAll(async () => {
  await (await prismStarting?.catch(() => undefined))?.stop();
});

/** Every operation of the built spec with its x-codeSamples. */
function operationSamples(): { id: string; codeSamples: { label: string; source: string }[] }[] {
  const operations: { id: string; codeSamples: { label: string; source: string }[] }[] = [];
  for (const item of Object.values<any>(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (operation?.operationId)
        operations.push({ id: operation.operationId, codeSamples: operation['x-codeSamples'] });
    }
  }
  return operations;
}

describe('generated samples', () => {
  it('exist for every operation and appear verbatim as the TypeScript x-codeSample', () => {
    const operations = operationSamples();
    expect(samples.map((s) => s.operationId).sort()).toEqual(operations.map((o) => o.id).sort());
    for (const operation of operations) {
      const file = readFileSync(path.join(samplesDir, `${operation.id}.ts`), 'utf8');
      const shown = operation.codeSamples.find((s) => s.label === 'TypeScript')?.source;
      expect(shown, operation.id).toBeDefined();
      expect(file.endsWith(shown!), `${operation.id}.ts differs from its x-codeSample`).toBe(true);
      expect(
        operation.codeSamples.some((s) => s.label === 'curl' && s.source.startsWith('curl ')),
        operation.id,
      ).toBe(true);
    }
  });

  it('type-check against @sunshine-openapi/client (tsc --noEmit)', () => {
    const tsc = binOf('typescript', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.samples.json'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});

describe('generated samples against a Prism mock', () => {
  let prism: Service | undefined;
  const realFetch = globalThis.fetch;
  let calls: { method: string; url: string; status: number }[] = [];

  beforeAll(async () => {
    prism = await prismStarting!;
    process.env.SUNSHINE_BASE_URL = prism.url;
    // Every request a sample makes goes through here: loopback only, and we keep the statuses.
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const { hostname } = new URL(request.url);
      if (hostname !== '127.0.0.1') throw new Error(`sample tried to reach ${request.url}`);
      const response = await realFetch(request);
      calls.push({ method: request.method, url: request.url, status: response.status });
      return response;
    };
  }, 40_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    delete process.env.SUNSHINE_BASE_URL;
  });

  it.each(samples.map((s) => [s.operationId, s] as const))(
    '%s runs and gets a success answer',
    async (_, sample) => {
      calls = [];
      const printed: unknown[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args) => {
        printed.push(args);
      });
      try {
        await import(pathToFileURL(path.join(samplesDir, sample.file)).href);
      } finally {
        log.mockRestore();
      }
      expect(calls.length, 'the sample made no request').toBeGreaterThan(0);
      const last = calls.at(-1)!;
      expect(last.method).toBe(sample.method.toUpperCase());
      expect(last.status, `${last.method} ${last.url}`).toBeLessThan(400);
      expect(printed.length).toBe(1);
    },
  );

  // The curl commands run too, through a shell function that keeps their arguments and adds only
  // `--write-out` so we can read the status. Multipart samples upload ./hello.txt from a temp folder.
  const curlSamples = operationSamples().map(
    (op) => [op.id, op.codeSamples.find((s) => s.label === 'curl')!.source] as const,
  );
  it.skipIf(!hasCurl).each(curlSamples)('%s curl sample gets a success answer', (_, source) => {
    const script = `curl() { command curl --silent --show-error --output /dev/null --write-out '%{http_code} %{method}' "$@"; }\n${source}`;
    const result = spawnSync('bash', ['-c', script], {
      cwd: curlDir,
      encoding: 'utf8',
      env: {
        ...process.env,
        SUNSHINE_BASE_URL: prism!.url,
        SUNSHINE_KEY_ID: 'app_5f7c3b2a1d9e',
        SUNSHINE_KEY_SECRET: 'your-secret',
        SUNSHINE_ACCESS_TOKEN: 'your-token',
      },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [status, method] = result.stdout.trim().split(' ');
    expect(Number(status), result.stdout).toBeGreaterThanOrEqual(200);
    expect(Number(status), result.stdout).toBeLessThan(400);
    expect(source).toContain(`-X ${method} `);
  });
});
