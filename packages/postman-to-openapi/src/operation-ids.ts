import { camelCase, pascalCase } from './text.js';

const MAX_LENGTH = 64;

/** `GET /v2/apps/{appId}` → `getV2AppsByAppId` (used when a request has no usable name). */
export function fallbackOperationId(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? 'By' + pascalCase(seg) : pascalCase(seg)));
  return method.toLowerCase() + parts.join('');
}

/** Assigns camelCase operationIds from request names, unique in call order (suffix 2, 3, … on collision). */
export class OperationIds {
  private readonly used = new Set<string>();

  assign(name: string, method: string, path: string, explicit?: string): string {
    let base = explicit && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(explicit) ? explicit : camelCase(name);
    if (base === '') base = fallbackOperationId(method, path);
    if (base === '') base = 'operation';
    if (/^[0-9]/.test(base)) base = 'op' + base;
    if (base.length > MAX_LENGTH) base = base.slice(0, MAX_LENGTH);
    let id = base;
    let n = 2;
    while (this.used.has(id.toLowerCase())) id = base + n++;
    this.used.add(id.toLowerCase());
    return id;
  }
}
