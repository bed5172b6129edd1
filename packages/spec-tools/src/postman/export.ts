import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import Converter from 'openapi-to-postmanv2';
import { deref, METHODS } from './openapi-walk.js';

const schemaFaker = createRequire(import.meta.url)('openapi-to-postmanv2/assets/json-schema-faker.js');

export const POSTMAN_V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Options given to openapi-to-postmanv2; chosen so the collection round-trips through our importer. */
export const CONVERTER_OPTIONS = {
  folderStrategy: 'Tags',
  requestNameSource: 'Fallback',
  parametersResolution: 'Example',
  alwaysInheritAuthentication: true,
  includeAuthInfoInExample: false,
  enableOptionalParameters: true,
} as const;

function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Removes the random ids openapi-to-postmanv2 assigns, so the same spec gives the same file. */
function stripRandomIds(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) stripRandomIds(item);
  } else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.id === 'string' && /^[0-9a-f-]{36}$/i.test(obj.id)) delete obj.id;
    for (const value of Object.values(obj)) stripRandomIds(value);
  }
}

/** A small seeded PRNG (mulberry32): the converter fakes values with Math.random where a schema has no example. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


function sameBody(text: unknown, value: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    return isDeepStrictEqual(JSON.parse(text), value);
  } catch {
    return text === value;
  }
}

/**
 * openapi-to-postmanv2 emits one saved response per response code unless the request and response
 * examples share names. Add the spec's other response examples as saved responses too, so a
 * collection carries every example and the importer can bring them all back.
 */
function addMissingExamples(collection: any, spec: any): void {
  const byRoute = new Map<string, any>();
  for (const [route, rawItem] of Object.entries<any>(spec?.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of METHODS)
      if (item?.[method]) byRoute.set(`${method.toUpperCase()} ${route}`, item[method]);
  }
  for (const request of collectionRequests(collection)) {
    const url = request.request?.url;
    if (!url || !Array.isArray(url.path)) continue;
    const route = `/${url.path.map((seg: string) => (seg.startsWith(':') ? `{${seg.slice(1)}}` : seg)).join('/')}`;
    const op = byRoute.get(`${String(request.request.method).toUpperCase()} ${route}`);
    if (!op) continue;
    request.response ??= [];
    for (const [code, rawResponse] of Object.entries<any>(op.responses ?? {})) {
      const response = deref(spec, rawResponse);
      const jsonType = Object.keys(response?.content ?? {}).find((t) => /json/.test(t));
      const examples = jsonType ? deref(spec, response.content[jsonType])?.examples : undefined;
      if (!examples || Object.keys(examples).length < 2) continue;
      const saved = request.response.filter((r: any) => String(r.code) === code);
      const template = saved[0];
      if (!template) continue;
      for (const [key, rawExample] of Object.entries<any>(examples)) {
        const example = deref(spec, rawExample);
        if (example?.value === undefined) continue;
        if (request.response.some((r: any) => String(r.code) === code && sameBody(r.body, example.value)))
          continue;
        const extra = structuredClone(template);
        extra.name = example.summary ?? key;
        extra.body = JSON.stringify(example.value, null, 2);
        const last = request.response.lastIndexOf(saved.at(-1));
        request.response.splice(last + 1, 0, extra);
        saved.push(extra);
      }
    }
  }
}

/** Converts a bundled OpenAPI document into a Postman v2.1 collection object (same spec → same file). */
export function specToPostman(spec: any): Promise<any> {
  const random = Math.random;
  Math.random = seededRandom(0x5eed);
  // The converter's schema faker captured Math.random when it loaded: give it a seeded one too.
  schemaFaker.option({ random: seededRandom(0xfa4e) });
  return new Promise<any>((resolve, reject) => {
    Converter.convertV2(
      { type: 'json', data: structuredClone(spec) },
      { ...CONVERTER_OPTIONS },
      (err: any, result: any) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        if (!result?.result)
          return reject(new Error(result?.reason ?? 'openapi-to-postmanv2 could not convert the spec'));
        const collection = result.output?.[0]?.data;
        if (!collection) return reject(new Error('openapi-to-postmanv2 returned no collection'));
        stripRandomIds(collection.item);
        addMissingExamples(collection, spec);
        collection.info = {
          ...collection.info,
          _postman_id: stableUuid(`${spec?.info?.title}@${spec?.info?.version}`),
          schema: POSTMAN_V21_SCHEMA,
        };
        resolve(collection);
      },
    );
  }).finally(() => {
    Math.random = random;
  });
}

/** Every request in a collection (folders flattened), in file order. */
export function collectionRequests(collection: any): any[] {
  const out: any[] = [];
  const walk = (items: any[]) => {
    for (const item of items ?? []) {
      if (Array.isArray(item.item)) walk(item.item);
      else if (item.request) out.push(item);
    }
  };
  walk(collection?.item);
  return out;
}
