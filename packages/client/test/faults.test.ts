import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authorize,
  createClient,
  createUserClient,
  getApp,
  listConversations,
  SunshineApiError,
  SunshineNetworkError,
  SunshineTimeoutError,
  updateIntegration,
} from '../src/index.js';
import { sendJson, startServer, type TestServer } from './helpers/server.js';

// One server whose behaviour is chosen per request by the first path segment after /v2/apps/.
let api: TestServer;
let other: TestServer;
const hits = new Map<string, number>();
const hit = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};

beforeAll(async () => {
  other = await startServer((req, res) =>
    sendJson(res, 200, { app: { id: 'other-origin' }, auth: req.headers.authorization ?? null }),
  );
  api = await startServer(async (req, res) => {
    const segment = decodeURIComponent((req.url ?? '').split(/[/?]/)[3] ?? '');
    const [scenario = '', arg = ''] = segment.split('~');
    const n = hit(`${scenario}:${arg}`);
    switch (scenario) {
      case 'slow-headers':
        return void setTimeout(() => sendJson(res, 200, { app: { id: 'late' } }), 3000);
      case 'slow-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"app":');
        return; // never finishes
      case 'reset':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"app":{"id":"');
        return void setTimeout(() => res.socket?.destroy(), 10);
      case 'status': {
        const status = Number(arg);
        if (n >= 2 && req.url?.includes('recover'))
          return sendJson(res, 200, { app: { id: `recovered-${n}` } });
        return sendJson(res, status, { errors: [{ code: `e${status}`, title: `status ${status}` }] });
      }
      case 'retry-after': {
        if (n >= 2) return sendJson(res, 200, { app: { id: `after-${n}` } });
        const value =
          arg === 'seconds'
            ? '0.2'
            : arg === 'date'
              ? new Date(Date.now() + 10_000).toUTCString()
              : undefined;
        res.writeHead(429, value ? { 'retry-after': value } : {});
        return void res.end();
      }
      case 'malformed':
        res.writeHead(Number(arg), { 'content-type': 'application/json' });
        return void res.end('{"app": {"id": ');
      case 'empty':
        res.writeHead(
          Number(arg),
          Number(arg) === 204 ? {} : { 'content-type': 'application/json', 'content-length': '0' },
        );
        return void res.end();
      case 'html':
        res.writeHead(502, { 'content-type': 'text/html' });
        return void res.end(
          '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        );
      case 'plain':
        res.writeHead(503, { 'content-type': 'text/plain' });
        return void res.end('upstream connect error');
      case 'redirect-away':
        res.writeHead(307, { location: `${other.url}/v2/apps/landed` });
        return void res.end();
      case 'redirect-home':
        res.writeHead(307, { location: `${api.url}/v2/apps/echo` });
        return void res.end();
      case 'echo':
        return sendJson(res, 200, { app: { id: 'echo' }, auth: req.headers.authorization ?? null });
      case 'large': {
        const count = Number(arg);
        const conversations = Array.from({ length: count }, (_, i) => ({
          id: `c${i}`,
          type: 'personal',
          padding: 'x'.repeat(100),
        }));
        return sendJson(res, 200, { conversations, meta: { hasMore: false, afterCursor: null } });
      }
      case 'concurrent':
        return void setTimeout(
          () => sendJson(res, 200, { app: { id: arg } }),
          Math.floor(Math.random() * 20),
        );
      default:
        if (req.url?.startsWith('/oauth/authorize')) {
          res.writeHead(302, {
            location: 'https://example.test/callback?code=abc',
            'content-type': 'text/plain',
          });
          return void res.end('Found. Redirecting to https://example.test/callback?code=abc');
        }
        if (req.url?.includes('/integrations/')) {
          // The seed operation's documented 404: text/plain and empty.
          res.writeHead(404, { 'content-type': 'text/plain', 'content-length': '0' });
          return void res.end();
        }
        return sendJson(res, 404, { errors: [{ code: 'not_found', title: 'unknown scenario' }] });
    }
  });
});
afterAll(async () => {
  await Promise.all([api?.close(), other?.close()]);
});
afterEach(() => hits.clear());

const fast = (extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({ baseUrl: api.url, retries: { max: 2, baseDelayMs: 10, maxDelayMs: 20 }, ...extra });
const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );

describe('client against a local HTTP server: faults', () => {
  it('slow response headers → SunshineTimeoutError', async () => {
    const started = Date.now();
    const error = await fail(getApp(fast({ timeoutMs: 150, retries: 0 }), { appId: 'slow-headers' }));
    expect(error).toBeInstanceOf(SunshineTimeoutError);
    expect(error.message).toBe(`GET ${api.url}/v2/apps/slow-headers timed out after 150 ms`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a body that stalls after the headers also times out (the timeout covers the body)', async () => {
    const error = await fail(getApp(fast({ timeoutMs: 150, retries: 0 }), { appId: 'slow-body' }));
    expect(error).toBeInstanceOf(SunshineTimeoutError);
  });

  it('connection reset mid-body → SunshineNetworkError; GET retried, POST not', async () => {
    const lines: string[] = [];
    const error = await fail(getApp(fast({ log: (l) => lines.push(l) }), { appId: 'reset' }));
    expect(error).toBeInstanceOf(SunshineNetworkError);
    expect(error.message).toMatch(new RegExp(`^GET ${api.url}/v2/apps/reset failed: `));
    expect(hits.get('reset:')).toBe(3);
    expect(lines).toHaveLength(2);
    const post = await fail(
      createUserClient(fast(), { appId: 'reset', userIdOrExternalId: 'u', body: { type: 'sdk' } } as never),
    );
    expect(post).toBeInstanceOf(SunshineNetworkError);
  });

  it('connection refused → SunshineNetworkError with code ECONNREFUSED, retried even for POST', async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const lines: string[] = [];
    const client = createClient({
      baseUrl: url,
      retries: { max: 2, baseDelayMs: 5 },
      log: (l) => lines.push(l),
    });
    const error = (await fail(
      createUserClient(client, { appId: 'a', userIdOrExternalId: 'u', body: { type: 'sdk' } } as never),
    )) as SunshineNetworkError;
    expect(error).toBeInstanceOf(SunshineNetworkError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(lines).toHaveLength(2);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`${status}: retried twice then a SunshineApiError; a later success is returned`, async () => {
      const error = (await fail(getApp(fast(), { appId: `status~${status}` } as never))) as SunshineApiError;
      expect(error).toBeInstanceOf(SunshineApiError);
      expect(error.status).toBe(status);
      expect(error.errors).toEqual([{ code: `e${status}`, title: `status ${status}` }]);
      expect(hits.get(`status:${status}`)).toBe(3);
      hits.clear();
      const ok = await getApp(fast(), { appId: `status~${status}`, query: { recover: 1 } } as never);
      expect(ok.data).toEqual({ app: { id: 'recovered-2' } });
    });
  }

  for (const [form, expected] of [
    ['seconds', /in 200 ms$/],
    ['date', /in 300 ms$/],
    ['none', /in (5|6|7|8|9|10) ms$/],
  ] as const) {
    it(`429 with Retry-After (${form}) waits as told, capped, then succeeds`, async () => {
      const lines: string[] = [];
      const client = fast({
        log: (l) => lines.push(l),
        retries: { baseDelayMs: 10, maxRetryAfterMs: 300 },
      });
      const started = Date.now();
      const result = await getApp(client, { appId: `retry-after~${form}` });
      expect(result.data).toEqual({ app: { id: 'after-2' } });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      const waited = Number(/in (\d+) ms$/.exec(lines[0]!)![1]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(waited - 5);
    });
  }

  it('malformed JSON: a 2xx becomes a SunshineApiError; a 5xx keeps the raw text', async () => {
    const ok = (await fail(getApp(fast(), { appId: 'malformed~200' } as never))) as SunshineApiError;
    expect(ok).toBeInstanceOf(SunshineApiError);
    expect(ok.status).toBe(200);
    expect(ok.message).toMatch(/not valid JSON/);
    const bad = (await fail(
      getApp(fast({ retries: 0 }), { appId: 'malformed~500' } as never),
    )) as SunshineApiError;
    expect(bad.status).toBe(500);
    expect(bad.body).toBe('{"app": {"id": ');
  });

  it('empty bodies: 200 with content-length 0 and 204 give data undefined; empty 4xx gives an error', async () => {
    expect((await getApp(fast(), { appId: 'empty~200' } as never)).data).toBeUndefined();
    expect((await getApp(fast(), { appId: 'empty~204' } as never)).status).toBe(204);
    const error = (await fail(getApp(fast(), { appId: 'empty~400' } as never))) as SunshineApiError;
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/\(an empty body\)$/);
  });

  it('the seed operation updateIntegration: 404 text/plain empty → SunshineApiError 404, no crash', async () => {
    const error = (await fail(
      updateIntegration(fast(), {
        appId: 'a',
        integrationId: 'missing',
        body: { displayName: 'x' },
      } as never),
    )) as SunshineApiError;
    expect(error).toBeInstanceOf(SunshineApiError);
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([]);
    expect(error.body).toBeUndefined();
  });

  it('HTML and text/plain error pages → SunshineApiError with the text body', async () => {
    const html = (await fail(getApp(fast({ retries: 0 }), { appId: 'html' }))) as SunshineApiError;
    expect(html.status).toBe(502);
    expect(html.body).toMatch(/<title>502 Bad Gateway<\/title>/);
    expect(html.message).toMatch(/returned 502 \(a non-JSON body\)$/);
    const plain = (await fail(getApp(fast({ retries: 0 }), { appId: 'plain' }))) as SunshineApiError;
    expect(plain.status).toBe(503);
    expect(plain.body).toBe('upstream connect error');
  });

  it('a very large body (about 11 MB) arrives whole', async () => {
    const { data } = await listConversations(fast(), {
      appId: 'large~80000',
      query: { filter: {} },
    } as never);
    const conversations = (data as { conversations: { id: string }[] }).conversations;
    expect(conversations).toHaveLength(80_000);
    expect(conversations[79_999]!.id).toBe('c79999');
  });

  it('a redirect to another origin does not carry the Authorization header; same origin does', async () => {
    for (const auth of [
      { basic: { keyId: 'app_key', secret: 'basic-secret' } },
      { bearer: 'bearer-token-value' },
      { jwt: { keyId: 'app_key', secret: 'jwt-secret', scope: 'app' as const } },
    ]) {
      const client = fast({ auth });
      const away = await getApp(client, { appId: 'redirect-away' });
      expect(away.data).toEqual({ app: { id: 'other-origin' }, auth: null });
      const home = await getApp(client, { appId: 'redirect-home' });
      expect((home.data as unknown as { auth: string | null }).auth).toMatch(/^(Basic|Bearer) /);
    }
    expect(other.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('authorize (a documented 302) returns the redirect instead of following it', async () => {
    const result = await authorize(fast(), { query: { client_id: 'cid', response_type: 'code' } });
    expect(result.status).toBe(302);
    expect(result.response.headers.get('location')).toBe('https://example.test/callback?code=abc');
    expect(result.data).toMatch(/^Found/);
  });

  it('500 concurrent calls through one client complete with correct, unmixed results', async () => {
    const client = fast({ auth: { jwt: { keyId: 'k', secret: 'concurrency', scope: 'app' } } });
    const ids = Array.from({ length: 500 }, (_, i) => `concurrent~id-${i}`);
    const results = await Promise.all(ids.map((appId) => getApp(client, { appId })));
    expect(results.map((r) => (r.data as { app: { id: string } }).app.id)).toEqual(
      ids.map((id) => id.split('~')[1]),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
  });
});
