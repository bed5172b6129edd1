import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createClient, getApp } from '../src/index.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

const ok = () => json({ app: { id: 'app_1', displayName: 'Demo' } });

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('auth', () => {
  it('basic: sends base64(keyId:secret)', async () => {
    const fetch = fakeFetch(ok);
    const client = createClient({
      region: 'us',
      auth: { basic: { keyId: 'app_key', secret: 's3cr3t-é' } },
      fetch,
    });
    await getApp(client, { appId: 'app_1' });
    const header = fetch.requests[0]!.headers.get('authorization')!;
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('app_key:s3cr3t-é');
  });

  it('bearer: sends the token', async () => {
    const fetch = fakeFetch(ok);
    const client = createClient({ region: 'us', auth: { bearer: 'tok_123' }, fetch });
    await getApp(client, { appId: 'app_1' });
    expect(fetch.requests[0]!.headers.get('authorization')).toBe('Bearer tok_123');
  });

  it('jwt: signs HS256 with kid = keyId and the scope claim; the signature verifies', async () => {
    const fetch = fakeFetch(ok);
    const secret = 'jwt-secret-value';
    const client = createClient({
      region: 'eu',
      auth: { jwt: { keyId: 'app_abc', secret, scope: 'app' } },
      fetch,
    });
    await getApp(client, { appId: 'app_1' });
    const header = fetch.requests[0]!.headers.get('authorization')!;
    expect(header).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const [h, p, sig] = header.slice(7).split('.') as [string, string, string];
    expect(decodePart(h)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'app_abc' });
    const claims = decodePart(p);
    expect(claims.scope).toBe('app');
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs((claims.iat as number) - now)).toBeLessThanOrEqual(2);
    expect(claims.exp).toBe((claims.iat as number) + 300);
    const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
    expect(sig).toBe(expected);
    const wrong = createHmac('sha256', 'other').update(`${h}.${p}`).digest('base64url');
    expect(sig).not.toBe(wrong);
  });

  it('jwt: account scope; one token is reused across calls and re-signed near expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
      const fetch = fakeFetch(ok);
      const client = createClient({
        region: 'us',
        auth: { jwt: { keyId: 'act_1', secret: 'k', scope: 'account', expiresInSeconds: 60 } },
        fetch,
      });
      await Promise.all([getApp(client, { appId: 'a' }), getApp(client, { appId: 'b' })]);
      vi.setSystemTime(new Date('2026-01-01T00:00:30Z'));
      await getApp(client, { appId: 'c' });
      vi.setSystemTime(new Date('2026-01-01T00:00:56Z'));
      await getApp(client, { appId: 'd' });
      const tokens = fetch.requests.map((r) => r.headers.get('authorization'));
      expect(tokens[0]).toBe(tokens[1]);
      expect(tokens[2]).toBe(tokens[0]);
      expect(tokens[3]).not.toBe(tokens[0]);
      const claims = decodePart(tokens[3]!.split('.')[1]!);
      expect(claims).toMatchObject({ scope: 'account', iat: 1767225656, exp: 1767225716 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('no auth: no Authorization header', async () => {
    const fetch = fakeFetch(ok);
    await getApp(createClient({ region: 'us', fetch }), { appId: 'x' });
    expect(fetch.requests[0]!.headers.has('authorization')).toBe(false);
  });

  it('rejects incomplete credentials with one clear line', () => {
    expect(() => createClient({ region: 'us', auth: { basic: { keyId: 'k', secret: '' } } })).toThrow(
      /^createClient: auth\.basic needs keyId and secret$/,
    );
    expect(() => createClient({ region: 'us', auth: { bearer: '' } })).toThrow(/auth\.bearer/);
    expect(() =>
      createClient({ region: 'us', auth: { jwt: { keyId: 'k', secret: 's', scope: 'user' as 'app' } } }),
    ).toThrow(/scope must be 'app' or 'account'/);
    expect(() => createClient({ region: 'us', auth: {} as never })).toThrow(/must be \{ basic \}/);
  });

  it('openapi-fetch middleware passes through and never sees the credentials', async () => {
    const fetch = fakeFetch(ok);
    const seen: (string | null)[] = [];
    const client = createClient({
      region: 'us',
      auth: { bearer: 'tok_hidden' },
      fetch,
      middleware: [
        {
          onRequest({ request }) {
            seen.push(request.headers.get('authorization'));
            request.headers.set('x-trace', 't-1');
            return request;
          },
          onResponse({ response }) {
            return new Response(JSON.stringify({ app: { id: 'from-middleware' } }), {
              status: response.status,
              headers: response.headers,
            });
          },
        },
      ],
    });
    const { data } = await getApp(client, { appId: 'x' });
    expect(seen).toEqual([null]);
    expect(fetch.requests[0]!.headers.get('x-trace')).toBe('t-1');
    expect(fetch.requests[0]!.headers.get('authorization')).toBe('Bearer tok_hidden');
    expect(data).toEqual({ app: { id: 'from-middleware' } });
  });

  it('userAgent and default headers are sent; per-call headers merge', async () => {
    const fetch = fakeFetch(ok);
    const client = createClient({ region: 'us', userAgent: 'my-app/1.0', headers: { 'x-team': 'a' }, fetch });
    await getApp(client, { appId: 'x', headers: { 'x-call': 'b' } });
    const h = fetch.requests[0]!.headers;
    expect([h.get('user-agent'), h.get('x-team'), h.get('x-call')]).toEqual(['my-app/1.0', 'a', 'b']);
  });
});

describe('base URL', () => {
  const urlFor = async (options: Parameters<typeof createClient>[0]) => {
    const fetch = fakeFetch(ok);
    await getApp(createClient({ ...options, fetch }), { appId: 'app 1' });
    return fetch.requests[0]!.url;
  };

  it('subdomain → https://{subdomain}.zendesk.com/sc', async () => {
    expect(await urlFor({ subdomain: 'Acme' })).toBe('https://acme.zendesk.com/sc/v2/apps/app%201');
  });
  it('region us / eu → legacy hosts', async () => {
    expect(await urlFor({ region: 'us' })).toBe('https://api.smooch.io/v2/apps/app%201');
    expect(await urlFor({ region: 'eu' })).toBe('https://api.eu-1.smooch.io/v2/apps/app%201');
  });
  it('explicit baseUrl wins and loses its trailing slash', async () => {
    expect(await urlFor({ baseUrl: 'http://127.0.0.1:4010/', subdomain: 'acme', region: 'eu' })).toBe(
      'http://127.0.0.1:4010/v2/apps/app%201',
    );
  });
  it('bad or missing choices fail with one clear line', () => {
    expect(() => createClient({})).toThrow(
      /^createClient: pass subdomain, region \('us' \| 'eu'\) or baseUrl$/,
    );
    expect(() => createClient({ subdomain: 'acme.zendesk.com' })).toThrow(/not a Zendesk subdomain/);
    expect(() => createClient({ region: 'ap' as 'us' })).toThrow(/region "ap" is unknown/);
    expect(() => createClient({ baseUrl: 'api.smooch.io' })).toThrow(/absolute http\(s\) URL/);
    expect(() => createClient({ region: 'us', timeoutMs: -1 })).toThrow(/timeoutMs must be a number >= 0/);
    expect(() => createClient({ region: 'us', retries: Number.NaN })).toThrow(/max must be a number >= 0/);
  });
});
