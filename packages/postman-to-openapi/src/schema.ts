import { setOwn } from './text.js';
import type { JsonObject, RequiredRule } from './types.js';

/** JSON Schema types in the order they are written out. */
const TYPE_ORDER = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'] as const;
export type TypeName = (typeof TYPE_ORDER)[number];

export type Side = 'request' | 'response';

/**
 * What the examples told us about one place in a document. Shapes merge: properties are united,
 * counts are summed (so "present in every example" is `count === objects`), types are united.
 */
export interface Shape {
  types: Set<TypeName>;
  /** undefined: no string seen; null: strings with different or no formats; else the common format. */
  format: string | null | undefined;
  props: Map<string, Shape>;
  counts: Map<string, number>;
  /** Number of object instances observed here. */
  objects: number;
  items: Shape | undefined;
  /** Set once the shape was moved to components/schemas under this name. */
  ref?: string;
  side: Side;
}

const MAX_DEPTH = 40;

export function emptyShape(side: Side): Shape {
  return {
    types: new Set(),
    format: undefined,
    props: new Map(),
    counts: new Map(),
    objects: 0,
    items: undefined,
    side,
  };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const URI = /^https?:\/\/[A-Za-z0-9][A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day <= dim;
}

/** The format a string value suggests: date-time, date, email, uri, uuid, or undefined. */
export function detectFormat(s: string): string | undefined {
  if (s.length > 2048) return undefined;
  const dt = DATE_TIME.exec(s);
  if (dt) {
    const [, y, mo, d, h, mi, se] = dt;
    if (validDate(y!, mo!, d!) && Number(h) < 24 && Number(mi) < 60 && Number(se) < 60) return 'date-time';
    return undefined;
  }
  const date = DATE.exec(s);
  if (date) return validDate(date[1]!, date[2]!, date[3]!) ? 'date' : undefined;
  if (UUID.test(s)) return 'uuid';
  if (EMAIL.test(s)) return 'email';
  if (URI.test(s)) return 'uri';
  return undefined;
}

/** Infer the shape of one JSON value. */
export function inferShape(value: unknown, side: Side, depth = 0): Shape {
  const shape = emptyShape(side);
  if (depth > MAX_DEPTH) return shape; // too deep: anything goes
  if (value === null) shape.types.add('null');
  else if (typeof value === 'boolean') shape.types.add('boolean');
  else if (typeof value === 'number') shape.types.add(Number.isInteger(value) ? 'integer' : 'number');
  else if (typeof value === 'string') {
    shape.types.add('string');
    shape.format = detectFormat(value) ?? null;
  } else if (Array.isArray(value)) {
    shape.types.add('array');
    let items: Shape | undefined;
    for (const v of value) {
      const s = inferShape(v, side, depth + 1);
      items = items ? mergeShapes(items, s) : s;
    }
    shape.items = items;
  } else if (typeof value === 'object') {
    shape.types.add('object');
    shape.objects = 1;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      shape.props.set(k, inferShape(v, side, depth + 1));
      shape.counts.set(k, 1);
    }
  }
  return shape;
}

/** A schema for a string value written in a URL, header or form field ("10" → integer). */
export function inferScalarShape(raw: string | undefined, side: Side): Shape {
  const shape = emptyShape(side);
  if (raw === undefined || raw === '' || /\{\{[^{}]+\}\}/.test(raw)) {
    shape.types.add('string');
    shape.format = null;
    return shape;
  }
  if (/^-?(0|[1-9]\d{0,14})$/.test(raw)) shape.types.add('integer');
  else if (/^-?(0|[1-9]\d*)\.\d+$/.test(raw) && raw.length < 20) shape.types.add('number');
  else if (raw === 'true' || raw === 'false') shape.types.add('boolean');
  else {
    shape.types.add('string');
    shape.format = detectFormat(raw) ?? null;
  }
  return shape;
}

/** Typed value for an example written as text (the counterpart of inferScalarShape). */
export function scalarExample(raw: string, shape: Shape): unknown {
  if (shape.types.has('integer') && shape.types.size === 1) return Number(raw);
  if (shape.types.has('number') && shape.types.size === 1) return Number(raw);
  if (shape.types.has('boolean') && shape.types.size === 1) return raw === 'true';
  return raw;
}

/** Merge two shapes into a new one (inputs are not modified). */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.ref !== undefined && a.ref === b.ref) {
    const out = cloneShape(a);
    for (const t of b.types) out.types.add(t);
    return out;
  }
  const out = emptyShape(a.side === 'response' || b.side === 'response' ? 'response' : 'request');
  for (const t of a.types) out.types.add(t);
  for (const t of b.types) out.types.add(t);
  out.format =
    a.format === undefined
      ? b.format
      : b.format === undefined
        ? a.format
        : a.format === b.format
          ? a.format
          : null;
  out.objects = a.objects + b.objects;
  const keys = [...a.props.keys(), ...[...b.props.keys()].filter((k) => !a.props.has(k))];
  for (const k of keys) {
    const pa = a.props.get(k);
    const pb = b.props.get(k);
    out.props.set(k, pa && pb ? mergeShapes(pa, pb) : cloneShape((pa ?? pb)!));
    out.counts.set(k, (a.counts.get(k) ?? 0) + (b.counts.get(k) ?? 0));
  }
  out.items =
    a.items && b.items
      ? mergeShapes(a.items, b.items)
      : a.items || b.items
        ? cloneShape((a.items ?? b.items)!)
        : undefined;
  return out;
}

export function cloneShape(s: Shape): Shape {
  const out: Shape = {
    types: new Set(s.types),
    format: s.format,
    props: new Map(),
    counts: new Map(s.counts),
    objects: s.objects,
    items: s.items ? cloneShape(s.items) : undefined,
    side: s.side,
  };
  if (s.ref !== undefined) out.ref = s.ref;
  for (const [k, v] of s.props) out.props.set(k, cloneShape(v));
  return out;
}

export interface RenderOptions {
  required: RequiredRule;
  refPrefix: string;
}

/** Write a shape out as an OpenAPI 3.1 (JSON Schema 2020-12) schema. */
export function renderShape(shape: Shape, opts: RenderOptions): JsonObject {
  if (shape.ref !== undefined) {
    const ref = { $ref: opts.refPrefix + shape.ref };
    return shape.types.has('null') ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const types = TYPE_ORDER.filter(
    (t) => shape.types.has(t) && !(t === 'integer' && shape.types.has('number')),
  );
  if (types.length === 0) return {};
  const schema: JsonObject = {};
  schema.type = types.length === 1 ? types[0]! : types;
  if (shape.types.has('string') && typeof shape.format === 'string') schema.format = shape.format;
  if (shape.types.has('object')) {
    if (shape.props.size > 0) {
      const props: JsonObject = {};
      for (const [k, v] of shape.props) setOwn(props, k, renderShape(v, opts));
      schema.properties = props;
      const requiredAllowed =
        opts.required === 'observed' || (opts.required === 'responses' && shape.side === 'response');
      if (requiredAllowed) {
        const req = [...shape.props.keys()].filter(
          (k) => shape.counts.get(k) === shape.objects && shape.objects > 0,
        );
        if (req.length > 0) schema.required = req;
      }
    }
  }
  if (shape.types.has('array')) schema.items = shape.items ? renderShape(shape.items, opts) : {};
  return schema;
}
