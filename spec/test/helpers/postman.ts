// Reads the Postman collection into flat request records for the drift check.
import { readFileSync } from 'node:fs';

export interface PostmanKeyValue {
  key?: string;
  value?: string;
  disabled?: boolean;
  type?: string;
  src?: unknown;
}

export interface PostmanResponse {
  name?: string;
  code?: number;
  header?: PostmanKeyValue[];
  body?: string;
  _postman_previewlanguage?: string;
}

export interface CollectionRequest {
  folder: string;
  name: string;
  method: string;
  /** Path segments after the host, e.g. ['v2', 'apps', ':appId']. */
  segments: string[];
  pathVariables: Record<string, string | undefined>;
  query: PostmanKeyValue[];
  headers: PostmanKeyValue[];
  body?: { mode?: string; raw?: string; formdata?: PostmanKeyValue[]; urlencoded?: PostmanKeyValue[] };
  responses: PostmanResponse[];
}

function segmentsOf(url: any): string[] {
  if (url && Array.isArray(url.path)) return url.path.map(String).filter((s: string) => s !== '');
  const raw = typeof url === 'string' ? url : (url?.raw ?? '');
  const withoutHost = raw.replace(/^(\{\{[^}]+\}\}|[a-z]+:\/\/[^/]+)/i, '').split('?')[0];
  return withoutHost.split('/').filter((s: string) => s !== '');
}

export function readCollection(file: string): {
  requests: CollectionRequest[];
  variables: Record<string, string>;
} {
  const collection = JSON.parse(readFileSync(file, 'utf8'));
  const variables: Record<string, string> = {};
  for (const v of collection.variable ?? []) if (v?.key) variables[v.key] = String(v.value ?? '');
  const requests: CollectionRequest[] = [];
  const walk = (items: any[], folders: string[]) => {
    for (const item of items ?? []) {
      if (Array.isArray(item.item)) {
        walk(item.item, [...folders, item.name]);
        continue;
      }
      const req = item.request ?? {};
      const url = req.url ?? {};
      const pathVariables: Record<string, string | undefined> = {};
      for (const v of url.variable ?? []) if (v?.key) pathVariables[v.key] = v.value;
      requests.push({
        folder: folders.join(' / '),
        name: item.name,
        method: String(req.method ?? 'GET').toLowerCase(),
        segments: segmentsOf(url),
        pathVariables,
        query: Array.isArray(url.query) ? url.query : [],
        headers: Array.isArray(req.header) ? req.header : [],
        body: req.body,
        responses: item.response ?? [],
      });
    }
  };
  walk(collection.item, []);
  return { requests, variables };
}

/** Parses JSON that may carry // and /* *\/ comments (Postman allows them in raw bodies). */
export function parseJsonWithComments(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += c;
  }
  return JSON.parse(out);
}

export function headerValue(headers: PostmanKeyValue[] | undefined, name: string): string | undefined {
  return headers?.find((h) => h.key?.toLowerCase() === name.toLowerCase() && !h.disabled)?.value;
}
