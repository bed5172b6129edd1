import { type SunshineError, SunshineNetworkError, SunshineTimeoutError } from '../errors.js';
import type { Auth } from './auth.js';

/** Retry policy; a number is shorthand for `{ max }`. */
export interface RetryOptions {
  /** Retries after the first attempt; default 2. */
  max?: number;
  /** First backoff step; default 500 ms, doubled per retry, with jitter. */
  baseDelayMs?: number;
  /** Largest backoff step; default 8000 ms. */
  maxDelayMs?: number;
  /** Longest `Retry-After` wait honoured; longer values are capped to this; default 60000 ms. */
  maxRetryAfterMs?: number;
}

export interface TransportConfig {
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  auth: Auth;
  origin: string;
  userAgent: string | undefined;
  redact: (text: string) => string;
  log: ((line: string) => void) | undefined;
}

const IDEMPOTENT = /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/;
// Failures where the request certainly never reached the server: safe to retry any method.
const NOT_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)$/;

const TIMEOUT = {};

/**
 * The fetch that openapi-fetch calls: adds auth, applies the per-attempt timeout (headers and body),
 * buffers the body, and retries with backoff.
 */
export function createTransport(cfg: TransportConfig): (input: Request) => Promise<Response> {
  const own = `${cfg.origin}/`;
  // One attempt: settles on the response (body buffered), a failure, the timeout or the caller's abort,
  // so a fetch that ignores its AbortSignal, or a body that never ends, still settles on time.
  const attempt = (request: Request, signal: AbortSignal) =>
    new Promise<Response>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const controller = cfg.timeoutMs > 0 ? new AbortController() : undefined;
      const settle = (ok: boolean, value: any) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        (ok ? resolve : reject)(value);
      };
      const onAbort = () => {
        controller?.abort(signal.reason);
        settle(false, signal.reason);
      };
      signal.addEventListener('abort', onAbort);
      if (controller) {
        timer = setTimeout(() => {
          controller.abort();
          settle(false, TIMEOUT);
        }, cfg.timeoutMs);
      }
      (cfg.fetch ?? fetch)(request, controller && { signal: controller.signal })
        .then(async (res) => {
          if (res.type === 'opaqueredirect') return res;
          const copy = new Response(res.body && (await res.arrayBuffer()), res);
          return Object.defineProperty(copy, 'url', { value: res.url || request.url });
        })
        .then(
          (res) => settle(true, res),
          (error) => settle(false, error),
        );
    });

  return async (input) => {
    const { method, signal, headers } = input;
    const body = input.body ? await input.arrayBuffer() : undefined;
    const idempotent = IDEMPOTENT.test(method);
    const sameOrigin = input.url.startsWith(own);

    for (let n = 0; ; n++) {
      if (signal.aborted) throw signal.reason;
      const authorization = sameOrigin ? await cfg.auth.header() : undefined;
      if (authorization) headers.set('authorization', authorization);
      if (cfg.userAgent) headers.set('user-agent', cfg.userAgent);

      let response: Response | undefined;
      let failure: SunshineError | undefined;
      let notSent = false;
      try {
        response = await attempt(
          body ? new Request(input.url, { method, headers, body, signal, redirect: input.redirect }) : input,
          signal,
        );
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const url = cfg.redact(input.url);
        if (error === TIMEOUT) {
          failure = new SunshineTimeoutError(`${method} ${url} timed out after ${cfg.timeoutMs} ms`, {
            method,
            url,
            timeoutMs: cfg.timeoutMs,
          });
        } else {
          const { code, message } = describe(error);
          notSent = NOT_SENT.test(code ?? '');
          failure = new SunshineNetworkError(
            `${method} ${url} failed: ${cfg.redact(message)}`,
            { method, url, code },
            error,
          );
        }
      }

      const retryable = response
        ? response.status === 429 || (idempotent && response.status >= 500 && response.status !== 501)
        : idempotent || notSent;
      if (n >= cfg.retry.max || !retryable) {
        if (response) return response;
        throw failure;
      }
      const wait =
        (response && retryAfterMs(response.headers.get('retry-after'), cfg.retry.maxRetryAfterMs)) ??
        backoffMs(n, cfg.retry);
      const reason = response ? `${method} ${cfg.redact(input.url)} got ${response.status}` : failure?.message;
      cfg.log?.(`sunshine-client: ${reason}; retry ${n + 1} of ${cfg.retry.max} in ${wait} ms`);
      await sleep(wait, signal);
    }
  };
}

/** `Retry-After` as seconds or an HTTP date, in ms, capped; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, cap: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(0, Math.ceil(ms)), cap);
}

/** Exponential backoff with equal jitter: half the step fixed, half random. */
export function backoffMs(attempt: number, retry: Required<RetryOptions>): number {
  const step = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (Math.random() * step) / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The innermost message and the first system error code along an error's `cause` chain. */
function describe(error: any): { code: string | undefined; message: string } {
  let code: string | undefined;
  let message = 'network error';
  for (let i = 0; error && i < 5; i++, error = error.cause) {
    message = error.message || message;
    code ??= typeof error.code === 'string' ? error.code : undefined;
  }
  return { code, message };
}
