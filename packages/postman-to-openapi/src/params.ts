import {
  inferScalarShape,
  mergeShapes,
  type RenderOptions,
  renderShape,
  type Shape,
  scalarExample,
} from './schema.js';
import { isSecretName } from './redact.js';
import { cleanName, descriptionText, hasRefMember, isObject, setOwn } from './text.js';
import type { JsonObject } from './types.js';
import type { PathVariable, QueryItem } from './urls.js';

/** Headers that OpenAPI describes elsewhere (content types, security) and never as parameters. */
const RESERVED_HEADERS = new Set(['content-type', 'accept', 'authorization']);
/** Header names whose example values could be credentials: never copied into the document. */
const SECRET_HEADER = /auth|token|secret|password|passwd|api[-_]?key|session|cookie|signature|credential/i;

export interface ParamSample {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string | undefined;
  required: boolean;
  shape: Shape;
  example: unknown;
  deepObject: boolean;
  /** Required sub-properties of a deepObject parameter. */
  requiredProps: string[];
}

const REQUIRED_MARK = /\s*\(Required\)\s*/i;

function splitRequired(description: string | undefined): { text: string | undefined; required: boolean } {
  if (description === undefined) return { text: undefined, required: false };
  const required = REQUIRED_MARK.test(description);
  const text = description.replace(REQUIRED_MARK, ' ').trim();
  return { text: text === '' ? undefined : text, required };
}

function exampleFor(raw: string | undefined, shape: Shape): unknown {
  if (raw === undefined || raw === '' || /\{\{[^{}]*\}\}/.test(raw)) return undefined;
  return scalarExample(raw, shape);
}

export function pathParams(
  names: string[],
  rawNames: string[],
  vars: Map<string, PathVariable>,
): ParamSample[] {
  return names.map((name, i) => {
    const v = vars.get(rawNames[i] ?? name) ?? vars.get(name);
    const { text } = splitRequired(v?.description);
    const value = v?.value;
    // Path values are identifiers in a URL: always documented as strings (`35436` stays "35436").
    const shape = inferScalarShape(undefined, 'request');
    return {
      name,
      in: 'path' as const,
      description: text,
      required: true,
      shape,
      example: exampleFor(value, shape),
      deepObject: false,
      requiredProps: [],
    };
  });
}

/** `base[a][b]` with at most 8 levels (deeper keys stay plain names). */
const BRACKETS = /^([^[\]]+)((?:\[[^[\]]+\]){1,8})$/;

/** Query parameters: `page[size]` style keys become one deepObject parameter per base name. */
export function queryParams(items: QueryItem[], resolve: (s: string) => string): ParamSample[] {
  const out: ParamSample[] = [];
  const byName = new Map<string, ParamSample>();
  // A key used both plainly (`q=1`) and with brackets (`q[a]=2`) keeps the bracketed ones as plain names.
  const plainKeys = new Set(items.map((q) => cleanName(q.key, 200)).filter((k) => !BRACKETS.test(k)));
  for (const q of items) {
    const key = cleanName(q.key, 200);
    if (key === '') continue;
    const value = q.value === undefined ? undefined : resolve(q.value);
    const { text, required } = splitRequired(q.description);
    const m = BRACKETS.exec(key);
    if (m && !plainKeys.has(m[1]!)) {
      const base = m[1]!;
      const parts = [...m[2]!.matchAll(/\[([^[\]]+)\]/g)].map((x) => x[1]!);
      let param = byName.get('deep:' + base);
      if (!param) {
        param = {
          name: base,
          in: 'query',
          description: undefined,
          required: false,
          shape: inferObject(),
          example: {},
          deepObject: true,
          requiredProps: [],
        };
        byName.set('deep:' + base, param);
        out.push(param);
      }
      const leaf = inferScalarShape(value, 'request');
      setDeep(param.shape, parts, leaf);
      const ex = exampleFor(value, leaf);
      if (ex !== undefined) setDeepValue(param.example as Record<string, unknown>, parts, ex);
      if (required && !q.disabled) {
        param.required = true;
        if (parts.length === 1 && !param.requiredProps.includes(parts[0]!))
          param.requiredProps.push(parts[0]!);
      }
      if (text)
        param.description = param.description
          ? `${param.description}\n\n${parts.join('.')}: ${text}`
          : `${parts.join('.')}: ${text}`;
      continue;
    }
    const existing = byName.get('plain:' + key);
    const shape = inferScalarShape(value, 'request');
    if (existing) {
      // Repeated key (`tag=a&tag=b`): an array.
      const itemShape = existing.shape.types.has('array') ? existing.shape.items! : existing.shape;
      const arr = inferObject();
      arr.types.clear();
      arr.types.add('array');
      arr.items = mergeShapes(itemShape, shape);
      existing.shape = arr;
      const ex = exampleFor(value, shape);
      const prev = existing.example;
      existing.example = Array.isArray(prev) ? [...prev, ex] : [prev, ex];
      if ((existing.example as unknown[]).some((v) => v === undefined)) existing.example = undefined;
      continue;
    }
    const p: ParamSample = {
      name: key,
      in: 'query',
      description: text,
      required: required && !q.disabled,
      shape,
      example: isSecretName(key) ? undefined : exampleFor(value, shape),
      deepObject: false,
      requiredProps: [],
    };
    byName.set('plain:' + key, p);
    out.push(p);
  }
  for (const p of out)
    if (p.deepObject && Object.keys(p.example as object).length === 0) p.example = undefined;
  return out;
}

function inferObject(): Shape {
  return {
    types: new Set(['object']),
    format: undefined,
    props: new Map(),
    counts: new Map(),
    objects: 1,
    items: undefined,
    side: 'request',
  };
}

function setDeep(shape: Shape, parts: string[], leaf: Shape): void {
  let cur = shape;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const existing = cur.props.get(part);
    if (last) {
      cur.props.set(part, existing ? mergeShapes(existing, leaf) : leaf);
    } else {
      let next = existing;
      if (!next?.types.has('object')) {
        next = inferObject();
        cur.props.set(part, next);
      }
      cur = next;
    }
    cur.counts.set(part, 1);
  });
}

function setDeepValue(obj: Record<string, unknown>, parts: string[], value: unknown): void {
  let cur = obj;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) setOwn(cur, part, value);
    else {
      if (!isObject(cur[part]) || !Object.hasOwn(cur, part)) setOwn(cur, part, {});
      cur = cur[part] as Record<string, unknown>;
    }
  });
}

/** Headers from `request.header` (array or the v2.0 "Key: value" text). */
export function headerEntries(header: unknown): QueryItem[] {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line): QueryItem | undefined => {
        const i = line.indexOf(':');
        return i < 0
          ? undefined
          : {
              key: line.slice(0, i).trim(),
              value: line.slice(i + 1).trim(),
              disabled: false,
              description: undefined,
            };
      })
      .filter((h): h is QueryItem => h !== undefined && h.key !== '');
  }
  if (!Array.isArray(header)) return [];
  const out: QueryItem[] = [];
  for (const h of header) {
    if (!isObject(h)) continue;
    const key = typeof h.key === 'string' ? h.key.trim() : '';
    if (key === '') continue;
    const value =
      typeof h.value === 'string' ? h.value : typeof h.value === 'number' ? String(h.value) : undefined;
    out.push({ key, value, disabled: h.disabled === true, description: descriptionText(h.description) });
  }
  return out;
}

export function headerValue(header: unknown, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headerEntries(header).find((h) => !h.disabled && h.key.toLowerCase() === lower)?.value;
}

export function headerParams(header: unknown, resolve: (s: string) => string): ParamSample[] {
  const out: ParamSample[] = [];
  const seen = new Set<string>();
  for (const h of headerEntries(header)) {
    const name = h.key.replace(/[^A-Za-z0-9!#$%&'*+.^_`|~-]/g, '');
    if (name === '' || RESERVED_HEADERS.has(name.toLowerCase()) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const value = h.value === undefined ? undefined : resolve(h.value);
    const { text, required } = splitRequired(h.description);
    const shape = inferScalarShape(value, 'request');
    out.push({
      name,
      in: 'header',
      description: text,
      required: required && !h.disabled,
      shape,
      example: SECRET_HEADER.test(name) ? undefined : exampleFor(value, shape),
      deepObject: false,
      requiredProps: [],
    });
  }
  return out;
}

/** Merge the parameters seen for one operation across several items. */
export function mergeParams(a: ParamSample[], b: ParamSample[]): ParamSample[] {
  const out = a.map((p) => ({ ...p }));
  const key = (p: ParamSample) => p.in + ':' + (p.in === 'header' ? p.name.toLowerCase() : p.name);
  const index = new Map(out.map((p, i) => [key(p), i]));
  for (const p of b) {
    const i = index.get(key(p));
    if (i === undefined) {
      out.push({ ...p, required: p.in === 'path' });
      index.set(key(p), out.length - 1);
      continue;
    }
    const cur = out[i]!;
    cur.shape = mergeShapes(cur.shape, p.shape);
    cur.required = cur.required && p.required;
    if (cur.example === undefined) cur.example = p.example;
    if (cur.description === undefined) cur.description = p.description;
  }
  // Parameters missing from some items are optional.
  const inB = new Set(b.map(key));
  for (const p of out) if (p.in !== 'path' && !inB.has(key(p))) p.required = false;
  return out;
}

export function renderParam(p: ParamSample, opts: RenderOptions): JsonObject {
  const schema = renderShape(p.shape, { ...opts, required: 'none' });
  if (p.deepObject && p.requiredProps.length > 0) schema.required = [...p.requiredProps];
  const out: JsonObject = { name: p.name, in: p.in };
  if (p.description) out.description = p.description;
  out.required = p.in === 'path' ? true : p.required;
  if (p.deepObject) {
    out.style = 'deepObject';
    out.explode = true;
  }
  out.schema = schema;
  // A `$ref` member in an example (e.g. `filter[$ref]=x`) would be followed by reference resolvers.
  if (p.example !== undefined && !hasRefMember(p.example)) out.example = p.example as JsonObject;
  return out;
}
