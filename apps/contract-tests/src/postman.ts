import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from './spec.js';

export interface PostmanRequest {
  /** Folder path and name, e.g. `Apps / Create App`. */
  name: string;
  method: string;
  /** Path segments after the host, with `:var` and `{{var}}` placeholders resolved. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  /** Raw body text, or form fields for multipart bodies. */
  rawBody?: string;
  formData?: { key: string; type: string; value?: string }[];
  auth: 'basic' | 'bearer' | 'none';
  responses: PostmanResponse[];
}

export interface PostmanResponse {
  name: string;
  code: number;
  contentType: string | null;
  body: string;
}

/** Finds the collection file under `spec/postman/`. */
export function findCollection(postmanDir: string): string {
  const file = readdirSync(postmanDir).find((f) => f.endsWith('.json'));
  if (!file) throw new Error(`no Postman collection (*.json) in ${postmanDir}`);
  return join(postmanDir, file);
}

type Vars = Record<string, string>;

function substitute(text: string, vars: Vars): string {
  return text.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => vars[name] ?? `sample-${name}`);
}

function authOf(auth: any, inherited: PostmanRequest['auth']): PostmanRequest['auth'] {
  if (!auth) return inherited;
  if (auth.type === 'basic') return 'basic';
  if (auth.type === 'bearer') return 'bearer';
  if (auth.type === 'noauth') return 'none';
  return inherited;
}

/** Every request of the collection (folders flattened), with its own example values filled in. */
export function readCollection(path: string): PostmanRequest[] {
  const collection = JSON.parse(readFileSync(path, 'utf8'));
  const vars: Vars = {};
  for (const v of collection.variable ?? [])
    if (v.key && v.value !== undefined) vars[v.key] = String(v.value);
  const out: PostmanRequest[] = [];
  const walk = (items: any[], trail: string[], inherited: PostmanRequest['auth']) => {
    for (const item of items) {
      if (Array.isArray(item.item)) {
        walk(item.item, [...trail, item.name], authOf(item.auth, inherited));
        continue;
      }
      const request = item.request ?? {};
      const url = typeof request.url === 'string' ? { raw: request.url } : (request.url ?? {});
      const pathVars: Vars = { ...vars };
      for (const v of url.variable ?? []) {
        if (v.key) pathVars[v.key] = v.value ? String(v.value) : `sample-${v.key}`;
      }
      const segments: string[] = Array.isArray(url.path)
        ? url.path
        : String(url.raw ?? '')
            .replace(/^[^/]*\/\/[^/]*/, '')
            .replace(/^\{\{[^}]+\}\}/, '')
            .split('?')[0]!
            .split('/')
            .filter(Boolean);
      const path = `/${segments
        .map((seg) => (seg.startsWith(':') ? (pathVars[seg.slice(1)] ?? `sample-${seg.slice(1)}`) : seg))
        .map((seg) => substitute(seg, pathVars))
        .join('/')}`;
      const query: [string, string][] = (url.query ?? [])
        .filter((q: any) => !q.disabled && q.key)
        .map((q: any) => [substitute(String(q.key), vars), substitute(String(q.value ?? ''), vars)]);
      const headers: Record<string, string> = {};
      for (const h of request.header ?? []) {
        if (!h.disabled && h.key)
          headers[String(h.key).toLowerCase()] = substitute(String(h.value ?? ''), vars);
      }
      const body = request.body ?? {};
      const responses: PostmanResponse[] = (item.response ?? []).map((r: any) => {
        const ct = (r.header ?? []).find((h: any) => String(h.key).toLowerCase() === 'content-type');
        return {
          name: r.name,
          code: Number(r.code),
          contentType: ct ? String(ct.value) : null,
          body: r.body ?? '',
        };
      });
      out.push({
        name: [...trail, item.name].join(' / '),
        method: String(request.method ?? 'GET').toUpperCase(),
        path,
        query,
        headers,
        rawBody: body.mode === 'raw' && body.raw ? substitute(String(body.raw), vars) : undefined,
        formData: body.mode === 'formdata' ? body.formdata : undefined,
        auth: authOf(request.auth, inherited),
        responses,
      });
    }
  };
  walk(collection.item ?? [], [], authOf(collection.auth, 'none'));
  return out;
}

/** Finds the spec operation a concrete request path belongs to (literal segments beat parameters). */
export function matchOperation(operations: Operation[], method: string, path: string): Operation | undefined {
  const segments = path.split('/').filter(Boolean);
  let best: { op: Operation; literals: number } | undefined;
  for (const op of operations) {
    if (op.method !== method) continue;
    const template = op.path.split('/').filter(Boolean);
    if (template.length !== segments.length) continue;
    let literals = 0;
    const ok = template.every((t, i) => {
      if (/^\{[^}]+\}$/.test(t)) return true;
      literals++;
      return t === segments[i];
    });
    if (ok && (!best || literals > best.literals)) best = { op, literals };
  }
  return best?.op;
}
