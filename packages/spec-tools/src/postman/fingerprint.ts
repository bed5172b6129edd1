import { deref, METHODS } from './openapi-walk.js';

function examplesOf(doc: any, media: any): string[] {
  const m = deref(doc, media);
  if (!m) return [];
  const out: string[] = [];
  if (m.example !== undefined) out.push('example');
  for (const name of Object.keys(m.examples ?? {})) out.push(`examples.${name}`);
  return out;
}

/**
 * What a round trip must keep, per operation: `METHOD /path` → operationId, parameters (`in:name`),
 * request body media types with their example count, and response codes with their example count.
 */
export function specFingerprint(doc: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [route, rawItem] of Object.entries<any>(doc?.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p: any) => deref(doc, p))
        .map((p: any) => `${p.in}:${p.name}`)
        .sort();
      const body = deref(doc, op.requestBody);
      const requestBody = Object.fromEntries(
        Object.entries<any>(body?.content ?? {}).map(([type, media]) => [
          type,
          examplesOf(doc, media).length,
        ]),
      );
      const responses = Object.fromEntries(
        Object.entries<any>(op.responses ?? {}).map(([code, r]) => {
          const res = deref(doc, r);
          const examples = Object.values<any>(res?.content ?? {}).reduce(
            (n, media) => n + examplesOf(doc, media).length,
            0,
          );
          return [code, examples];
        }),
      );
      out[`${method.toUpperCase()} ${route}`] = {
        operationId: op.operationId,
        params,
        requestBody,
        responses,
      };
    }
  }
  return out;
}

/** Per request of a Postman collection: method, URL path, query keys, headers, body mode, example responses. */
export function collectionFingerprint(collection: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (items: any[], folder: string) => {
    for (const item of items ?? []) {
      if (Array.isArray(item.item)) {
        walk(item.item, `${folder}${item.name}/`);
        continue;
      }
      const req = item.request ?? {};
      const url = typeof req.url === 'string' ? { raw: req.url } : (req.url ?? {});
      const pathText = Array.isArray(url.path) ? `/${url.path.join('/')}` : String(url.raw ?? '');
      out[`${folder}${item.name}`] = {
        method: req.method,
        path: pathText,
        query: (url.query ?? []).map((q: any) => q.key).sort(),
        variables: (url.variable ?? []).map((v: any) => v.key).sort(),
        body: req.body?.mode ?? null,
        responses: (item.response ?? []).map((r: any) => `${r.code} ${r.name}`).sort(),
      };
    }
  };
  walk(collection?.item ?? [], '');
  return out;
}
