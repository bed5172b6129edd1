import { describe, expect, it } from 'vitest';
import {
  createClient,
  getApp,
  SunshineApiError,
  SunshineNetworkError,
  SunshineTimeoutError,
  updateIntegration,
} from '../src/index.js';
import { fakeFetch, json, text } from './helpers/fake-fetch.js';

const clientWith = (handler: Parameters<typeof fakeFetch>[0]) =>
  createClient({ baseUrl: 'https://api.example.test', retries: 0, fetch: fakeFetch(handler) });

async function failure(promise: Promise<unknown>): Promise<SunshineApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SunshineApiError);
  return error as SunshineApiError;
}

describe('API errors', () => {
  it('JSON errors body: status, errors[{code,title}], request id, method, URL without credentials', async () => {
    const client = clientWith(() =>
      json({ errors: [{ code: 'not_found', title: 'App not found' }] }, 404, { 'x-request-id': 'req-42' }),
    );
    const error = await failure(getApp(client, { appId: 'missing' }));
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([{ code: 'not_found', title: 'App not found' }]);
    expect(error.requestId).toBe('req-42');
    expect(error.method).toBe('GET');
    expect(error.url).toBe('https://api.example.test/v2/apps/missing');
    expect(error.message).toBe(
      'GET https://api.example.test/v2/apps/missing returned 404 (not_found: App not found)',
    );
    expect(error.name).toBe('SunshineApiError');
  });

  it('the seed operation: updateIntegration 404 with an empty text/plain body', async () => {
    const client = clientWith(() => text('', 404));
    const error = await failure(
      updateIntegration(client, {
        appId: 'app_1',
        integrationId: 'int_1',
        body: { displayName: 'x' },
      } as never),
    );
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([]);
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(
      /PATCH .*\/v2\/apps\/app_1\/integrations\/int_1 returned 404 \(an empty body\)$/,
    );
  });

  it('text/plain and HTML error pages keep a truncated text body', async () => {
    const page = `<html><body>${'x'.repeat(5000)}</body></html>`;
    const html = await failure(
      getApp(
        clientWith(() => text(page, 502, 'text/html')),
        { appId: 'a' },
      ),
    );
    expect(html.status).toBe(502);
    expect(html.message).toMatch(/returned 502 \(a non-JSON body\)$/);
    expect(typeof html.body).toBe('string');
    expect((html.body as string).length).toBeLessThanOrEqual(2000);
    const plain = await failure(
      getApp(
        clientWith(() => text('Service Unavailable', 503)),
        { appId: 'a' },
      ),
    );
    expect(plain.body).toBe('Service Unavailable');
  });

  it('JSON error body without errors[] and malformed JSON error bodies', async () => {
    const noList = await failure(
      getApp(
        clientWith(() => json({ message: 'nope' }, 400)),
        { appId: 'a' },
      ),
    );
    expect(noList.errors).toEqual([]);
    expect(noList.body).toEqual({ message: 'nope' });
    const broken = await failure(
      getApp(
        clientWith(() => text('{"errors":[', 500, 'application/json')),
        { appId: 'a' },
      ),
    );
    expect(broken.status).toBe(500);
    expect(broken.body).toBe('{"errors":[');
  });

  it('a 2xx body that is not valid JSON is an API error, not a crash', async () => {
    const error = await failure(
      getApp(
        clientWith(() => text('{"app":', 200, 'application/json')),
        { appId: 'a' },
      ),
    );
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/returned 200 \(a body that is not valid JSON\)$/);
    expect(error.body).toBe('{"app":');
  });

  it('an empty 2xx body resolves with data undefined', async () => {
    const result = await getApp(
      clientWith(() => new Response(null, { status: 200 })),
      { appId: 'a' },
    );
    expect(result.status).toBe(200);
    expect(result.data).toBeUndefined();
  });

  it('errors serialise without stack or cause, and the kinds are distinct classes', () => {
    const e = new SunshineApiError('m', { method: 'GET', url: 'u', status: 400, errors: [] });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'SunshineApiError',
      message: 'm',
      method: 'GET',
      url: 'u',
      status: 400,
      errors: [],
    });
    expect(new SunshineTimeoutError('t', { method: 'GET', url: 'u', timeoutMs: 5 })).not.toBeInstanceOf(
      SunshineNetworkError,
    );
  });

  it('a secret with JSON-escaped characters echoed in a JSON body is still redacted', async () => {
    const token = 'tok"with\\quote-7788';
    const fetch = fakeFetch((request) =>
      json({ errors: [{ code: 'unauthorized', title: `bad ${request.headers.get('authorization')}` }] }, 401),
    );
    const client = createClient({ region: 'us', auth: { bearer: token }, fetch });
    const error = await failure(getApp(client, { appId: 'a' }));
    const printed = [error.message, JSON.stringify(error), String(error)].join('\n');
    expect(printed).not.toContain(token);
    expect(printed).not.toContain(JSON.stringify(token).slice(1, -1));
    expect(error.errors).toEqual([{ code: 'unauthorized', title: 'bad Bearer [redacted]' }]);
  });

  it('a baseUrl with credentials is refused without echoing them', () => {
    expect(() => createClient({ baseUrl: 'https://user:hunter22@api.example.test' })).toThrow(
      /^createClient: baseUrl must be an absolute http\(s\) URL without credentials$/,
    );
  });

  it('a missing path parameter fails before any request', async () => {
    const fetch = fakeFetch(() => json({}));
    const client = createClient({ region: 'us', fetch });
    await expect(getApp(client, {} as never)).rejects.toThrow(/pass the path parameter appId/);
    expect(fetch.requests).toHaveLength(0);
  });
});
