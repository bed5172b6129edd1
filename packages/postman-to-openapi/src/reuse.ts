import { canonicalJson, isObject, pascalCase, setOwn } from './text.js';
import type { JsonObject } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

class Registry {
  readonly entries = new Map<string, JsonObject>();
  private readonly byCanon = new Map<string, string>();
  private readonly lower = new Set<string>();

  constructor(existing: Iterable<string>) {
    for (const n of existing) this.lower.add(n.toLowerCase());
  }

  /** Name for a definition: reuses an identical one, else a new unique name from the stem. */
  add(stem: string, value: JsonObject): string {
    const canon = canonicalJson(value);
    const known = this.byCanon.get(canon);
    if (known) return known;
    const base = stem.replace(/[^A-Za-z0-9._-]/g, '_') || 'Body';
    let name = base;
    let n = 2;
    while (this.lower.has(name.toLowerCase())) name = base + n++;
    this.lower.add(name.toLowerCase());
    this.byCanon.set(canon, name);
    this.entries.set(name, value);
    return name;
  }
}

function isNamedObject(schema: unknown): schema is JsonObject {
  return (
    isObject(schema) && schema.$ref === undefined && schema.type === 'object' && isObject(schema.properties)
  );
}

function bodyStem(schema: JsonObject, operationId: string, suffix: string): string {
  const props = Object.keys(schema.properties as JsonObject);
  if (suffix !== 'Request' && props.length === 1) {
    const stem = pascalCase(props[0]!);
    if (stem !== '') return stem + 'Response';
  }
  return pascalCase(operationId) + suffix;
}

function operationsOf(doc: JsonObject): Array<{ op: JsonObject; id: string }> {
  const out: Array<{ op: JsonObject; id: string }> = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (isObject(op)) out.push({ op, id: typeof op.operationId === 'string' ? op.operationId : m });
    }
  }
  return out;
}

/**
 * Give top-level body schemas names in `components/schemas` (`CreateAppRequest`, `AppResponse`,
 * `ErrorResponse`; identical bodies share one name) and move parameters used by several operations
 * into `components/parameters`. Works in place on a rendered document.
 */
export function reuseComponents(doc: JsonObject, options: { namedBodies: boolean }): void {
  const components = (isObject(doc.components) ? doc.components : {}) as JsonObject;
  const schemas = (isObject(components.schemas) ? components.schemas : {}) as JsonObject;
  const ops = operationsOf(doc);

  if (options.namedBodies) {
    const registry = new Registry(Object.keys(schemas));
    const name = (schema: unknown, id: string, suffix: string): JsonObject | undefined => {
      if (!isNamedObject(schema)) return undefined;
      return { $ref: '#/components/schemas/' + registry.add(bodyStem(schema, id, suffix), schema) };
    };
    for (const { op, id } of ops) {
      const body = op.requestBody;
      if (isObject(body) && isObject(body.content)) {
        for (const media of Object.values(body.content)) {
          if (isObject(media))
            media.schema = name(media.schema, id, 'Request') ?? (media.schema as JsonObject);
        }
      }
      if (!isObject(op.responses)) continue;
      for (const [status, resp] of Object.entries(op.responses)) {
        if (!isObject(resp) || !isObject(resp.content)) continue;
        const suffix = /^2/.test(status)
          ? 'Response'
          : `${status === 'default' ? 'Default' : status}Response`;
        for (const media of Object.values(resp.content)) {
          if (isObject(media)) media.schema = name(media.schema, id, suffix) ?? (media.schema as JsonObject);
        }
      }
    }
    if (registry.entries.size > 0) {
      const merged: JsonObject = { ...schemas };
      for (const [n, s] of registry.entries) setOwn(merged, n, s);
      const sorted: JsonObject = {};
      for (const n of Object.keys(merged).sort()) setOwn(sorted, n, merged[n] as JsonObject);
      components.schemas = sorted;
    }
  }

  // Parameters shared by two or more operations.
  const uses = new Map<string, number>();
  for (const { op } of ops) {
    if (!Array.isArray(op.parameters)) continue;
    for (const p of op.parameters) uses.set(canonicalJson(p), (uses.get(canonicalJson(p)) ?? 0) + 1);
  }
  const params = new Registry([]);
  for (const { op } of ops) {
    if (!Array.isArray(op.parameters)) continue;
    op.parameters = op.parameters.map((p) => {
      if (!isObject(p) || (uses.get(canonicalJson(p)) ?? 0) < 2) return p;
      const stem = typeof p.name === 'string' ? p.name : 'param';
      return { $ref: '#/components/parameters/' + params.add(stem, p) };
    });
  }
  if (params.entries.size > 0) {
    const sorted: JsonObject = {};
    for (const n of [...params.entries.keys()].sort()) setOwn(sorted, n, params.entries.get(n) as JsonObject);
    const next: JsonObject = {};
    // Keep a conventional order: schemas, parameters, then the rest.
    if (components.schemas) next.schemas = components.schemas;
    next.parameters = sorted;
    for (const [k, v] of Object.entries(components))
      if (k !== 'schemas' && k !== 'parameters') setOwn(next, k, v);
    for (const k of Object.keys(components)) delete components[k];
    Object.assign(components, next);
  }
  if (Object.keys(components).length > 0) doc.components = components;
}
