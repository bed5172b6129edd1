import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { type PrismServer, startPrism } from '../src/prism.js';
import { callThroughProxy, type ProxyFinding, realServerConfig } from '../src/real-server.js';
import { loadSuite, type SuiteContext } from '../src/suite.js';

const config = realServerConfig();
const configured = !('missing' in config);
if ('missing' in config) {
  console.log(
    `real-server mode skipped: set ${config.missing.join(', ')} (and optionally CONTRACT_APP_ID) to call the ` +
      'read-only operations through `prism proxy` against a real server; the mock mode always runs',
  );
}

describe.skipIf(!configured)('real server through prism proxy', { timeout: 120_000 }, () => {
  let proxy: PrismServer | undefined;
  let suite: SuiteContext;

  beforeAll(async () => {
    if ('missing' in config) return;
    suite = loadSuite(inject('specPath'));
    proxy = await startPrism({ specPath: inject('specPath'), mode: 'proxy', upstream: config.baseUrl });
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
  });

  test('read-only operations: no spec violation in requests or responses', async () => {
    if ('missing' in config || !proxy) throw new Error('real-server mode is not configured');
    // Only reads: a contract run must never create or delete data on a real account.
    const readOnly = suite.operations.filter((op) => op.method === 'GET');
    const findings: ProxyFinding[] = [];
    for (const op of readOnly) findings.push(await callThroughProxy(proxy.url, suite.doc, op, config));
    const violating = findings.filter((f) => f.violations.length > 0);
    for (const f of violating) console.log(`${f.operationId} (${f.status}):\n  ${f.violations.join('\n  ')}`);
    console.log(
      `real server: ${readOnly.length} read-only operations called, ${violating.length} with violations`,
    );
    expect(violating).toEqual([]);
  });
});
