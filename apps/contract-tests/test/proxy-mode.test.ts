import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageDir } from '../src/paths.js';
import { type PrismServer, startPrism } from '../src/prism.js';
import { callThroughProxy } from '../src/real-server.js';
import { listOperations, loadSpec } from '../src/spec.js';

// The real-server mode, exercised against a local stand-in server (no network): `prism proxy` forwards
// to it and must report the response that breaks the spec.
const miniSpec = join(packageDir, 'test/fixtures/mini.yaml');
let upstream: Server;
let proxy: PrismServer | undefined;
let answer: unknown = { app: { id: 'a1' } };

beforeAll(async () => {
  upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startPrism({ specPath: miniSpec, mode: 'proxy', upstream: `http://127.0.0.1:${port}` });
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('real-server mode through prism proxy (against a local stand-in)', { timeout: 30_000 }, () => {
  const doc = loadSpec(miniSpec);
  const op = listOperations(doc).find((o) => o.operationId === 'getTokenInfo')!;
  const config = { baseUrl: 'unused', keyId: 'app_local', secret: 'local-secret' };

  test('a conforming response passes', async () => {
    answer = { app: { id: 'a1' } };
    const finding = await callThroughProxy(proxy!.url, doc, op, config);
    expect(finding).toEqual({ operationId: 'getTokenInfo', status: 200, violations: [] });
  });

  test('a response that breaks the spec is reported', async () => {
    answer = { app: 'not-an-object' };
    const finding = await callThroughProxy(proxy!.url, doc, op, config);
    // With --errors, Prism replaces the broken response by a 500 that lists the violations.
    expect(finding.status).toBe(500);
    expect(finding.violations).toEqual(['response.body.app: Response body property app must be object']);
  });
});
