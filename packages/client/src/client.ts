import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema.gen.js';
import { type AuthOptions, createAuth } from './internal/auth.js';
import { type BaseUrlOptions, resolveBaseUrl } from './internal/base-url.js';
import { createRedactor } from './internal/redact.js';
import { setRedactor } from './internal/state.js';
import { createTransport, type RetryOptions } from './internal/transport.js';

export type { AuthOptions, BaseUrlOptions, RetryOptions };

export interface ClientOptions extends BaseUrlOptions {
  /** Credentials; omit only for the public OAuth endpoints. */
  auth?: AuthOptions;
  /** A fetch implementation; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt limit for headers and body, in ms; default 30000, 0 disables. */
  timeoutMs?: number;
  /** Retries for 429, 5xx and connection failures; a number sets the maximum (default 2, 0 disables). */
  retries?: number | RetryOptions;
  /** Sent as the `User-Agent` header where the runtime allows it. */
  userAgent?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** openapi-fetch middleware, registered in order. */
  middleware?: Middleware[];
  /** Receives one line per retry (secrets removed). */
  log?: (line: string) => void;
}

/** The openapi-fetch client for the Sunshine Conversations paths, with auth, timeouts and retries. */
export type SunshineClient = Client<paths>;

/**
 * Creates a client. Call operations with the generated functions (`getApp(client, { appId })`) or
 * directly with openapi-fetch (`client.GET('/v2/apps/{appId}', { params: { path: { appId } } })`).
 */
export function createClient(options: ClientOptions): SunshineClient {
  const baseUrl = resolveBaseUrl(options ?? {});
  const auth = createAuth(options.auth);
  const retry = {
    max: 2,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 60_000,
    ...(typeof options.retries === 'object' ? options.retries : { max: options.retries ?? 2 }),
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  for (const [name, value] of Object.entries({ timeoutMs, ...retry })) {
    if (!(value >= 0)) throw new TypeError(`createClient: ${name} must be a number >= 0`);
  }
  const redact = createRedactor(auth.secrets);
  const client = createFetchClient<paths>({
    baseUrl,
    headers: options.headers,
    fetch: createTransport({
      fetch: options.fetch,
      timeoutMs,
      retry,
      auth,
      origin: new URL(baseUrl).origin,
      userAgent: options.userAgent,
      redact,
      log: options.log,
    }),
  });
  if (options.middleware?.length) client.use(...options.middleware);
  setRedactor(client, redact);
  return client;
}
