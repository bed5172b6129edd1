import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, createUserClient, getApp, SunshineTimeoutError } from '../src/index.js';
import { fakeFetch, json, text } from './helpers/fake-fetch.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Never answers; rejects with the abort reason like a real fetch. */
const hang = (request: Request) =>
  new Promise<Response>((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });

const outcome = (p: Promise<unknown>) => {
  const state: { done: boolean; value?: unknown; error?: unknown } = { done: false };
  p.then(
    (value) => Object.assign(state, { done: true, value }),
    (error) => Object.assign(state, { done: true, error }),
  );
  return state;
};

describe('timeouts', () => {
  it('no answer within timeoutMs → SunshineTimeoutError', async () => {
    const client = createClient({ region: 'us', timeoutMs: 1000, retries: 0, fetch: fakeFetch(hang) });
    const state = outcome(getApp(client, { appId: 'a' }));
    await vi.advanceTimersByTimeAsync(999);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.error).toBeInstanceOf(SunshineTimeoutError);
    expect((state.error as Error).message).toBe(
      'GET https://api.smooch.io/v2/apps/a timed out after 1000 ms',
    );
    expect((state.error as SunshineTimeoutError).timeoutMs).toBe(1000);
  });

  it('the timeout applies per attempt; GET retries after a timeout, POST does not', async () => {
    const getFetch = fakeFetch((req, n) => (n < 2 ? hang(req) : json({ app: { id: 'a' } })));
    const get = outcome(
      getApp(createClient({ region: 'us', timeoutMs: 1000, fetch: getFetch }), { appId: 'a' }),
    );
    const postFetch = fakeFetch(hang);
    const post = outcome(
      createUserClient(createClient({ region: 'us', timeoutMs: 1000, fetch: postFetch }), {
        appId: 'a',
        userIdOrExternalId: 'u',
        body: { type: 'sdk', integrationId: 'i' },
      } as never),
    );
    await vi.advanceTimersByTimeAsync(1250);
    expect(get.value).toMatchObject({ status: 200 });
    expect(getFetch.requests).toHaveLength(2);
    expect(post.error).toBeInstanceOf(SunshineTimeoutError);
    expect(postFetch.requests).toHaveLength(1);
  });

  it('a fetch that ignores its AbortSignal still times out on time', async () => {
    const deaf = () => new Promise<Response>(() => {});
    const state = outcome(
      getApp(createClient({ region: 'us', timeoutMs: 500, retries: 0, fetch: deaf }), { appId: 'a' }),
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(state.error).toBeInstanceOf(SunshineTimeoutError);
  });

  it('timeoutMs: 0 disables the timeout', async () => {
    const state = outcome(
      getApp(createClient({ region: 'us', timeoutMs: 0, retries: 0, fetch: fakeFetch(hang) }), {
        appId: 'a',
      }),
    );
    await vi.advanceTimersByTimeAsync(600_000);
    expect(state.done).toBe(false);
  });
});

describe('abort', () => {
  it('aborting during a request rejects with the abort reason', async () => {
    const controller = new AbortController();
    const client = createClient({ region: 'us', fetch: fakeFetch(hang) });
    const state = outcome(getApp(client, { appId: 'a', signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect((state.error as Error).name).toBe('AbortError');
  });

  it('aborting during a retry wait cancels the wait and sends nothing more', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(() => new Response('', { status: 429, headers: { 'retry-after': '30' } }));
    const state = outcome(
      getApp(createClient({ region: 'us', fetch }), { appId: 'a', signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.done).toBe(false);
    controller.abort(new Error('user gave up'));
    await vi.advanceTimersByTimeAsync(0);
    expect((state.error as Error).message).toBe('user gave up');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch.requests).toHaveLength(1);
  });

  it('an already aborted signal sends no request', async () => {
    const fetch = fakeFetch(() => text('', 200));
    const promise = getApp(createClient({ region: 'us', fetch }), {
      appId: 'a',
      signal: AbortSignal.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch.requests).toHaveLength(0);
  });
});
