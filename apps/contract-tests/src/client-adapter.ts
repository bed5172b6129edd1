import * as sdk from '@sunshine-openapi/client';
import type { JsonObject, Operation } from './spec.js';

/** One request/response pair seen on the wire by the client under test. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  contentType: string | null;
  /** Prism's `sl-violations` header: set when the request broke the spec. */
  violations: string | null;
  bodyText: string;
}

type OperationFunction = (client: unknown, params?: Record<string, unknown>) => Promise<unknown>;

/** The package exports one function per operationId; `createClient` is renamed to avoid the factory. */
export function functionName(operationId: string): string {
  return operationId === 'createClient' ? 'createUserClient' : operationId;
}

export function operationFunction(operationId: string): OperationFunction | undefined {
  const candidate = (sdk as unknown as Record<string, unknown>)[functionName(operationId)];
  return typeof candidate === 'function' ? (candidate as OperationFunction) : undefined;
}

export type AuthKind = 'basic' | 'bearer' | 'none';

/** The kind of credentials that satisfies the operation's security (basic preferred, as the API keys are). */
export function authKindFor(doc: JsonObject, op: Operation): AuthKind {
  const kinds = op.security.flatMap((requirement) => {
    const names = Object.keys(requirement);
    if (names.length === 0) return ['none' as const];
    const schemes = names.map((name) => doc.components?.securitySchemes?.[name] ?? {});
    const kind = String(schemes[0]?.scheme ?? '').toLowerCase();
    return schemes.every((s) => String(s.scheme ?? '').toLowerCase() === kind) &&
      (kind === 'basic' || kind === 'bearer')
      ? [kind as AuthKind]
      : [];
  });
  if (op.security.length === 0) return 'none';
  return kinds.includes('basic')
    ? 'basic'
    : kinds.includes('bearer')
      ? 'bearer'
      : kinds.includes('none')
        ? 'none'
        : 'basic';
}

export interface ClientUnderTest {
  client: ReturnType<typeof sdk.createClient>;
  exchanges: Exchange[];
}

/**
 * A client from the package's own `createClient`, pointed at Prism, with retries off and a fetch that
 * records every exchange (and can add a `Prefer` header so Prism answers with a chosen status).
 */
export function clientFor(
  baseUrl: string,
  options: { prefer?: string; auth?: AuthKind; credentials?: { keyId: string; secret: string } } = {},
): ClientUnderTest {
  const exchanges: Exchange[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (options.prefer) headers.set('prefer', options.prefer);
    // Redirects (the OAuth authorize 302) are answered, not followed: the Location points off this machine.
    const response = await fetch(new Request(request, { headers, redirect: 'manual' }));
    const bodyText = await response.clone().text();
    exchanges.push({
      method: request.method,
      url: request.url,
      requestHeaders: headers,
      status: response.status,
      contentType: response.headers.get('content-type'),
      violations: response.headers.get('sl-violations'),
      bodyText,
    });
    return response;
  };
  const client = sdk.createClient({
    baseUrl,
    auth: authOption(options.auth ?? 'basic', options.credentials),
    retries: 0,
    fetch: recordingFetch,
  } as Parameters<typeof sdk.createClient>[0]);
  return { client, exchanges };
}

function authOption(kind: AuthKind, credentials?: { keyId: string; secret: string }) {
  if (kind === 'none') return undefined;
  if (kind === 'bearer') {
    // Against a real server the client signs an app-scoped JWT with the key; Prism only checks the form.
    return credentials
      ? { jwt: { ...credentials, scope: 'app' as const } }
      : { bearer: 'contract.test.token' };
  }
  return { basic: credentials ?? { keyId: 'app_contracttest', secret: 'contract-test-secret' } };
}

export const { SunshineApiError } = sdk;
