import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  createUserClient,
  getApp,
  SunshineApiError,
  SunshineNetworkError,
} from '../src/index.js';
import { fakeFetch, json, text } from './helpers/fake-fetch.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0); // backoff = half the step: 250 ms, 500 ms, 1000 ms…
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Starts a call and records when each fetch happens, on fake time. */
function run(
  respond: (call: number) => Response | Promise<Response>,
  start: (client: ReturnType<typeof createClient>) => Promise<unknown>,
  options: Partial<Parameters<typeof createClient>[0]> = {},
) {
  const times: number[] = [];
  const t0 = Date.now();
  const fetch = fakeFetch((_req, call) => {
    times.push(Date.now() - t0);
    return respond(call);
  });
  const client = createClient({ region: 'us', fetch, ...options });
  const settled = start(client).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { times, settled, fetch };
}

const body = { app: { id: 'a' } };
const getA = (c: ReturnType<typeof createClient>) => getApp(c, { appId: 'a' });
const postClient = (c: ReturnType<typeof createClient>) =>
  createUserClient(c, {
    appId: 'a',
    userIdOrExternalId: 'u',
    body: { type: 'sdk', integrationId: 'i' },
  } as never);

describe('retry matrix (GET, default max 2)', () => {
  for (const status of [500, 502, 503, 504, 429]) {
    it(`${status} is retried twice with backoff 250 ms then 500 ms, then surfaces`, async () => {
      const { times, settled } = run(() => text('busy', status), getA);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(times).toEqual([0, 250, 750]);
      const { error } = (await settled) as { error: SunshineApiError };
      expect(error).toBeInstanceOf(SunshineApiError);
      expect(error.status).toBe(status);
    });
  }

  for (const status of [400, 401, 403, 404, 409, 422, 501]) {
    it(`${status} is not retried`, async () => {
      const { times, settled } = run(() => json({ errors: [{ code: 'x' }] }, status), getA);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(times).toEqual([0]);
      expect(((await settled) as { error: SunshineApiError }).error.status).toBe(status);
    });
  }

  it('succeeds when a retry succeeds', async () => {
    const { times, settled } = run((n) => (n < 3 ? text('', 503) : json(body)), getA);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 250, 750]);
    expect(((await settled) as { value: { data: unknown } }).value.data).toEqual(body);
  });

  it('jitter: the wait lies between half and the whole step', async () => {
    vi.mocked(Math.random).mockReturnValue(0.999);
    const { times } = run((n) => (n === 1 ? text('', 500) : json(body)), getA);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times[1]).toBe(500);
  });

  it('backoff grows exponentially and is capped by maxDelayMs; max is configurable', async () => {
    const { times } = run(() => text('', 500), getA, {
      retries: { max: 5, baseDelayMs: 100, maxDelayMs: 600 },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    // steps 100, 200, 400, 600 (capped), 600 → waits of half: 50, 100, 200, 300, 300
    expect(times).toEqual([0, 50, 150, 350, 650, 950]);
  });

  it('retries: 0 disables retries', async () => {
    const { times } = run(() => text('', 503), getA, { retries: 0 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0]);
  });
});

describe('Retry-After', () => {
  it('seconds', async () => {
    const { times } = run(
      (n) => (n === 1 ? new Response('', { status: 429, headers: { 'retry-after': '3' } }) : json(body)),
      getA,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 3000]);
  });

  it('HTTP date', async () => {
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const { times } = run(
      (n) =>
        n === 1
          ? new Response('', { status: 503, headers: { 'retry-after': 'Sun, 01 Mar 2026 10:00:05 GMT' } })
          : json(body),
      getA,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 5000]);
  });

  it('a date in the past retries at once; an unreadable value falls back to backoff', async () => {
    const past = run(
      (n) =>
        n === 1
          ? new Response('', { status: 429, headers: { 'retry-after': 'Mon, 01 Jan 2001 00:00:00 GMT' } })
          : json(body),
      getA,
    );
    const junk = run(
      (n) => (n === 1 ? new Response('', { status: 429, headers: { 'retry-after': 'soon' } }) : json(body)),
      getA,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(past.times).toEqual([0, 0]);
    expect(junk.times).toEqual([0, 250]);
  });

  it('is capped by maxRetryAfterMs', async () => {
    const { times } = run(
      (n) => (n === 1 ? new Response('', { status: 429, headers: { 'retry-after': '3600' } }) : json(body)),
      getA,
      { retries: { maxRetryAfterMs: 2000 } },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 2000]);
  });
});

describe('non-idempotent methods (POST)', () => {
  it('5xx is not retried', async () => {
    const { times } = run(() => text('', 503), postClient);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0]);
  });

  it('429 is retried', async () => {
    const { times, settled } = run(
      (n) => (n === 1 ? new Response('', { status: 429, headers: { 'retry-after': '1' } }) : json({}, 201)),
      postClient,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 1000]);
    expect(((await settled) as { value: { status: number } }).value.status).toBe(201);
  });

  it('connection refused is retried (the request never left); a reset is not', async () => {
    const refused = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
        }),
      );
    const reset = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
        }),
      );
    const a = run((n) => (n < 3 ? refused() : json({}, 201)), postClient);
    const b = run(reset, postClient);
    const c = run(reset, getA);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(a.times).toEqual([0, 250, 750]);
    expect(((await a.settled) as { value: { status: number } }).value.status).toBe(201);
    expect(b.times).toEqual([0]);
    const { error } = (await b.settled) as { error: SunshineNetworkError };
    expect(error).toBeInstanceOf(SunshineNetworkError);
    expect(error.code).toBe('ECONNRESET');
    expect(error.message).toBe(
      'POST https://api.smooch.io/v2/apps/a/users/u/clients failed: read ECONNRESET',
    );
    expect(c.times).toEqual([0, 250, 750]);
  });

  it('the request body is sent again, whole, on each retry', async () => {
    const { fetch } = run((n) => (n === 1 ? new Response('', { status: 429 }) : json({}, 201)), postClient);
    await vi.advanceTimersByTimeAsync(10_000);
    const bodies = await Promise.all(fetch.requests.map((r) => r.text()));
    expect(bodies).toEqual([bodies[0], bodies[0]]);
    expect(JSON.parse(bodies[0]!)).toEqual({ type: 'sdk', integrationId: 'i' });
  });
});

describe('log', () => {
  it('one line per retry', async () => {
    const lines: string[] = [];
    run((n) => (n < 3 ? text('', 503) : json(body)), getA, { log: (l) => lines.push(l) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lines).toEqual([
      'sunshine-client: GET https://api.smooch.io/v2/apps/a got 503; retry 1 of 2 in 250 ms',
      'sunshine-client: GET https://api.smooch.io/v2/apps/a got 503; retry 2 of 2 in 500 ms',
    ]);
  });
});
