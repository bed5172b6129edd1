import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createUserClient, getApp, SunshineError } from '../src/index.js';
import { sendJson, startServer, type TestServer } from './helpers/server.js';

// A hostile server: it echoes the Authorization header back in bodies and headers, and fails in every way.
let server: TestServer;
const seenAuthorization = new Set<string>();

beforeAll(async () => {
  server = await startServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    if (auth) seenAuthorization.add(auth);
    const scenario = (req.url ?? '').split('/')[3];
    switch (scenario) {
      case 'json-echo':
        return sendJson(
          res,
          401,
          { errors: [{ code: 'unauthorized', title: `bad credentials: ${auth}` }] },
          {
            'x-request-id': auth,
          },
        );
      case 'text-echo':
        res.writeHead(500, { 'content-type': 'text/plain' });
        return void res.end(`internal error while checking ${auth}`);
      case 'html-echo':
        res.writeHead(403, { 'content-type': 'text/html' });
        return void res.end(`<html><body><pre>${auth}</pre></body></html>`);
      case 'malformed-echo':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(`{"auth": "${auth}"`);
      case 'reset':
        res.writeHead(200, { 'content-length': '100000' });
        res.write(auth);
        return void setTimeout(() => res.socket?.destroy(), 5);
      case 'slow':
        return void setTimeout(() => sendJson(res, 200, {}), 3000);
      default:
        return sendJson(res, 404, { errors: [{ code: 'not_found' }] });
    }
  });
});
afterAll(() => server?.close());

const modes = [
  {
    name: 'basic',
    auth: { basic: { keyId: 'app_5f1c', secret: 'Sx9-basic-secret-Q2w' } },
    secret: 'Sx9-basic-secret-Q2w',
  },
  { name: 'bearer', auth: { bearer: 'tok-bearer-secret-7Hk' }, secret: 'tok-bearer-secret-7Hk' },
  {
    name: 'jwt',
    auth: { jwt: { keyId: 'app_5f1c', secret: 'jwt-signing-secret-Zp4', scope: 'app' as const } },
    secret: 'jwt-signing-secret-Zp4',
  },
];

describe('secrets never leak', () => {
  for (const mode of modes) {
    it(`${mode.name}: no error message, toString, JSON, inspect output, stack or log line contains a credential`, async () => {
      const lines: string[] = [];
      const options = {
        baseUrl: server.url,
        auth: mode.auth,
        retries: { max: 1, baseDelayMs: 1 },
        log: (line: string) => lines.push(line),
      };
      const client = createClient({ ...options, timeoutMs: 15_000 });
      const impatient = createClient({ ...options, timeoutMs: 300 });
      seenAuthorization.clear();
      const calls = [
        getApp(client, { appId: 'json-echo' }),
        getApp(client, { appId: 'text-echo' }),
        getApp(client, { appId: 'html-echo' }),
        getApp(client, { appId: 'malformed-echo' }),
        getApp(client, { appId: 'reset' }),
        getApp(impatient, { appId: 'slow' }),
        createUserClient(client, {
          appId: 'text-echo',
          userIdOrExternalId: 'u',
          body: { type: 'sdk' },
        } as never),
      ];
      const errors = (await Promise.allSettled(calls)).map((r) =>
        r.status === 'rejected' ? r.reason : r.value,
      );
      expect(errors.every((e) => e instanceof SunshineError)).toBe(true);
      expect(errors.map((e) => e.name)).toEqual([
        'SunshineApiError',
        'SunshineApiError',
        'SunshineApiError',
        'SunshineApiError',
        'SunshineNetworkError',
        'SunshineTimeoutError',
        'SunshineApiError',
      ]);
      expect(lines.length).toBeGreaterThan(0);

      // Everything a developer could print or ship to a log service.
      const surfaces = [
        ...lines,
        ...errors.flatMap((e: Error) => [
          e.message,
          String(e),
          e.toString(),
          JSON.stringify(e),
          e.stack ?? '',
        ]),
        ...errors.map((e) => inspect(e, { depth: 6, showHidden: true })),
      ].join('\n');

      // The server saw real credentials, so the test can fail: the echoes carried them.
      expect(seenAuthorization.size).toBeGreaterThan(0);
      const forbidden = [mode.secret, ...seenAuthorization];
      for (const header of seenAuthorization) forbidden.push(header.replace(/^(Basic|Bearer) /, ''));
      if (mode.name === 'jwt') {
        for (const header of seenAuthorization) forbidden.push(header.split('.')[2]!);
      }
      for (const value of forbidden) {
        expect(value.length).toBeGreaterThan(8);
        expect(surfaces.includes(value), `leaked ${value.slice(0, 6)}…`).toBe(false);
      }
      // The echoes are still useful: the redacted marker shows where a credential was.
      expect(surfaces).toContain('[redacted]');
    });
  }
});
