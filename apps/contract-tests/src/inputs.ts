import { flattenSchema, type JsonObject, jsonMedia, type MediaType, type Operation } from './spec.js';

/** Valid input for one operation, taken from the spec's own examples. */
export interface OperationInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** JSON body value, or FormData for multipart bodies; undefined when the operation has none. */
  body?: unknown;
  contentType?: string;
}

export class MissingExampleError extends Error {}

/**
 * A stand-in for a parameter the spec gives no example for. Only free-form values qualify (a string
 * with no pattern, format or enum, or a number); anything constrained must come with an example.
 */
function freeFormSample(doc: JsonObject, schema: JsonObject | undefined, name: string): string | undefined {
  const flat = flattenSchema(doc, schema);
  const types = Array.isArray(flat.type) ? flat.type : [flat.type];
  if (flat.pattern || flat.format || flat.enum || flat.const !== undefined) return undefined;
  if (types.includes('string') || flat.type === undefined) return `sample-${name}`;
  if (types.includes('integer') || types.includes('number')) return String(flat.minimum ?? 1);
  return undefined;
}

function sampleForSchema(doc: JsonObject, schema: JsonObject | undefined): unknown {
  const flat = flattenSchema(doc, schema);
  if (flat.example !== undefined) return flat.example;
  if (Array.isArray(flat.examples) && flat.examples.length) return flat.examples[0];
  if (flat.default !== undefined) return flat.default;
  if (Array.isArray(flat.enum) && flat.enum.length) return flat.enum[0];
  if (flat.const !== undefined) return flat.const;
  return undefined;
}

/** The example body of a request media type (explicit example first, then the schema's example). */
export function exampleBody(doc: JsonObject, media: MediaType): unknown {
  if (media.examples.length > 0) return media.examples[0]!.value;
  return sampleForSchema(doc, media.schema);
}

function multipartBody(doc: JsonObject, media: MediaType): FormData {
  const form = new FormData();
  const flat = flattenSchema(doc, media.schema);
  const example = (exampleBody(doc, media) ?? {}) as JsonObject;
  for (const [name, raw] of Object.entries<JsonObject>(flat.properties ?? {})) {
    const prop = flattenSchema(doc, raw);
    const isFile = prop.format === 'binary' || prop.contentMediaType !== undefined || prop.contentEncoding;
    if (isFile) {
      const type = typeof prop.contentMediaType === 'string' ? prop.contentMediaType : 'image/png';
      form.append(name, new Blob([new Uint8Array([137, 80, 78, 71])], { type }), 'contract-test.png');
    } else if (example[name] !== undefined) {
      form.append(name, String(example[name]));
    } else if ((flat.required ?? []).includes(name)) {
      const sample = sampleForSchema(doc, prop);
      form.append(name, String(sample ?? 'value'));
    }
  }
  return form;
}

/**
 * Builds valid input for `op` from the spec: path parameters and required query parameters from their
 * examples (optional query parameters too when they carry an explicit example), the body from the
 * request body example. Throws MissingExampleError when the spec gives no example for a needed value.
 */
export function buildInput(doc: JsonObject, op: Operation): OperationInput {
  const input: OperationInput = { path: {}, query: {} };
  for (const param of op.parameters) {
    if (param.in === 'path') {
      const value = param.hasExample ? String(param.example) : freeFormSample(doc, param.schema, param.name);
      if (value === undefined) {
        throw new MissingExampleError(
          `${op.operationId}: path parameter '${param.name}' has no example in the spec`,
        );
      }
      input.path[param.name] = value;
    } else if (param.in === 'query') {
      if (param.hasExample) input.query[param.name] = param.example;
      else if (param.required) {
        const value = freeFormSample(doc, param.schema, param.name);
        if (value === undefined) {
          throw new MissingExampleError(
            `${op.operationId}: required query parameter '${param.name}' has no example`,
          );
        }
        input.query[param.name] = value;
      }
    }
  }
  if (op.requestBody && op.requestBody.content.length > 0) {
    const json = jsonMedia(op.requestBody.content);
    const multipart = op.requestBody.content.find((m) => m.contentType.startsWith('multipart/form-data'));
    if (json) {
      const body = exampleBody(doc, json);
      if (body === undefined && op.requestBody.required) {
        throw new MissingExampleError(`${op.operationId}: the request body has no example`);
      }
      input.body = body;
      input.contentType = json.contentType;
    } else if (multipart) {
      input.body = multipartBody(doc, multipart);
      input.contentType = multipart.contentType;
    } else {
      const media = op.requestBody.content[0]!;
      input.body = exampleBody(doc, media);
      input.contentType = media.contentType;
    }
  }
  return input;
}

/** Serialises query values the way OpenAPI's defaults say: form+explode, deepObject for `style: deepObject`. */
export function queryString(op: Operation, query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const param = op.parameters.find((p) => p.in === 'query' && p.name === name);
    if (value === undefined || value === null) continue;
    if (param?.style === 'deepObject' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value as JsonObject))
        search.append(`${name}[${key}]`, String(inner));
    } else if (Array.isArray(value)) {
      if (param?.explode === false) search.append(name, value.join(','));
      else for (const item of value) search.append(name, String(item));
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as JsonObject)) search.append(key, String(inner));
    } else {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The request URL (path parameters filled, query serialised) relative to `baseUrl`. */
export function requestUrl(baseUrl: string, op: Operation, input: OperationInput): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(input.path[name] ?? ''),
  );
  return `${baseUrl}${path}${queryString(op, input.query)}`;
}

/** Credentials that satisfy the operation's first security requirement (Prism checks the form only). */
export function authHeaders(doc: JsonObject, op: Operation): Record<string, string> {
  const requirement = op.security.find((req) => Object.keys(req).length > 0);
  if (!requirement) return {};
  const schemeName = Object.keys(requirement)[0]!;
  const scheme = doc.components?.securitySchemes?.[schemeName] ?? {};
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') {
    return { authorization: `Basic ${Buffer.from('app_contract:contract-secret').toString('base64')}` };
  }
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
    return { authorization: 'Bearer contract.test.token' };
  }
  if (scheme.type === 'apiKey' && scheme.in === 'header') return { [scheme.name]: 'contract-key' };
  return { authorization: 'Bearer contract.test.token' };
}

/** Sends `input` for `op` with plain fetch (used where the typed client would refuse bad input). */
export async function rawRequest(
  baseUrl: string,
  doc: JsonObject,
  op: Operation,
  input: OperationInput,
  options: { auth?: boolean; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9, */*;q=0.1' };
  if (options.auth !== false) Object.assign(headers, authHeaders(doc, op));
  let body: BodyInit | undefined;
  if (input.body !== undefined) {
    if (input.body instanceof FormData) body = input.body;
    else {
      headers['content-type'] = input.contentType ?? 'application/json';
      body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
    }
  }
  Object.assign(headers, options.headers ?? {});
  return fetch(requestUrl(baseUrl, op, input), { method: op.method, headers, body, redirect: 'manual' });
}
