import type { SunshineClient } from '../client.js';
import { SunshineApiError, type SunshineErrorDetail } from '../errors.js';
import { redactorOf } from './state.js';

export type BodyKind = 'form';
export type ResponseKind = 'text' | 'blob' | 'redirect';

type Kinds = { body?: BodyKind; response?: ResponseKind };

/** Builds the function behind one generated operation export. */
export const operation = (method: string, path: string, kinds?: Kinds) => {
  const names = Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => m[1] as string);
  return (client: SunshineClient, params?: Record<string, any>): Promise<any> =>
    call(client, method, path, params, kinds, names);
};

/** Runs one operation through the openapi-fetch client and turns non-2xx answers into SunshineApiError. */
export async function call(
  client: SunshineClient,
  method: string,
  path: string,
  params: Record<string, any> = {},
  kinds: Kinds = {},
  names: string[] = Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => m[1] as string),
): Promise<any> {
  const { query, body, signal, headers, ...pathParams } = params;
  for (const name of names) {
    const value = pathParams[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${method} ${path}: pass the path parameter ${name}`);
    }
  }
  const { data, error, response } = await (client as any).request(method, path, {
    params: { path: pathParams, query },
    body: kinds.body === 'form' ? toFormData(body) : body,
    headers,
    signal,
    parseAs: kinds.response === 'blob' ? 'blob' : 'text',
    redirect: kinds.response === 'redirect' ? 'manual' : undefined,
  });
  const status: number = response.status;
  if (response.ok || (kinds.response === 'redirect' && status >= 300 && status < 400)) {
    // openapi-fetch hands a non-2xx body (here: a documented redirect) over as `error`.
    if (kinds.response) return { status, data: (response.ok ? data : error) || undefined, response };
    if (typeof data !== 'string' || data === '') return { status, data: data || undefined, response };
    try {
      return { status, data: JSON.parse(data), response };
    } catch {
      throw apiError(client, method, path, response, data, 'a body that is not valid JSON');
    }
  }
  throw apiError(client, method, path, response, error);
}

function apiError(
  client: SunshineClient,
  method: string,
  path: string,
  response: Response,
  raw: unknown,
  note?: string,
): SunshineApiError {
  const redact = redactorOf(client);
  // Request refuses URLs with credentials, so only known secrets can appear (e.g. in a query).
  const url = redact(response.url || path);
  const isText = typeof raw === 'string';
  const text = isText ? redact(raw.slice(0, 2000)) : raw === undefined ? '' : redact(JSON.stringify(raw));
  let body: any = text || undefined;
  if (!isText && text) {
    try {
      body = JSON.parse(text);
    } catch {}
  }
  const list = body?.errors;
  const errors: SunshineErrorDetail[] = Array.isArray(list)
    ? list.map((e) => ({ code: String(e?.code ?? 'unknown'), title: e?.title && String(e.title) }))
    : [];
  const detail =
    note ||
    errors.map((e) => (e.title ? `${e.code}: ${e.title}` : e.code)).join('; ') ||
    (body === undefined ? 'an empty body' : typeof body === 'string' ? 'a non-JSON body' : 'no errors');
  return new SunshineApiError(`${method} ${url} returned ${response.status} (${detail})`, {
    method,
    url,
    status: response.status,
    errors,
    requestId:
      redact(response.headers.get('x-request-id') ?? response.headers.get('x-zendesk-request-id') ?? '') ||
      undefined,
    body,
  });
}

function toFormData(body: unknown): FormData | undefined {
  if (body === undefined || body instanceof FormData) return body;
  const form = new FormData();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      // FormData turns numbers and booleans into strings itself; objects go as JSON.
      form.append(
        key,
        item instanceof Blob || typeof item !== 'object' ? (item as string) : JSON.stringify(item),
      );
    }
  }
  return form;
}
