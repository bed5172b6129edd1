import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: any };

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A value from the document together with the JSON pointer where it really lives (after `$ref`s). */
export interface Located<T = JsonObject> {
  value: T;
  pointer: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  style?: string;
  explode?: boolean;
  schema?: JsonObject;
  schemaPointer?: string;
  example?: unknown;
  hasExample: boolean;
}

export interface MediaType {
  contentType: string;
  schema?: JsonObject;
  schemaPointer?: string;
  /** Every example given for this media type (`example`, then each of `examples`), with names. */
  examples: { name: string; value: unknown }[];
}

export interface ResponseDef {
  status: string;
  description: string;
  content: MediaType[];
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: MediaType[] };
  responses: ResponseDef[];
  /** The effective security requirements (operation-level, else the document's). */
  security: JsonObject[];
}

export function loadSpec(path: string): JsonObject {
  const text = readFileSync(path, 'utf8');
  const doc = path.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 });
  if (!doc || typeof doc !== 'object' || !doc.paths) {
    throw new Error(`${path} is not an OpenAPI document (no paths)`);
  }
  return doc;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...tokens: string[]): string {
  return `#/${tokens.map(escapePointer).join('/')}`;
}

export function getByPointer(doc: JsonObject, pointer: string): any {
  if (!pointer.startsWith('#')) throw new Error(`only local $refs are supported, got ${pointer}`);
  const tokens =
    pointer === '#'
      ? []
      : pointer
          .slice(2)
          .split('/')
          .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
  let current: any = doc;
  for (const token of tokens) {
    if (current === null || typeof current !== 'object' || !(token in current)) {
      throw new Error(`dangling $ref ${pointer}`);
    }
    current = current[token];
  }
  return current;
}

/** Follows `$ref` chains of a non-schema object (parameter, response, example, request body). */
export function deref<T = JsonObject>(doc: JsonObject, value: any, pointer: string): Located<T> {
  let current = value;
  let at = pointer;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    at = current.$ref;
    current = getByPointer(doc, at);
  }
  return { value: current, pointer: at };
}

/** Follows `$ref`s of a schema and merges `allOf` so callers can look at its properties. */
export function flattenSchema(doc: JsonObject, schema: any, depth = 0): JsonObject {
  if (!schema || typeof schema !== 'object' || depth > 20) return schema ?? {};
  let current = schema;
  if (typeof current.$ref === 'string')
    current = flattenSchema(doc, getByPointer(doc, current.$ref), depth + 1);
  if (!Array.isArray(current.allOf)) return current;
  const merged: JsonObject = { ...current, properties: { ...(current.properties ?? {}) } };
  merged.required = [...(current.required ?? [])];
  delete merged.allOf;
  for (const part of current.allOf) {
    const flat = flattenSchema(doc, part, depth + 1);
    Object.assign(merged.properties, flat.properties ?? {});
    merged.required.push(...(flat.required ?? []));
    if (flat.type && !merged.type) merged.type = flat.type;
  }
  return merged;
}

function mediaTypes(doc: JsonObject, content: JsonObject | undefined, pointer: string): MediaType[] {
  if (!content) return [];
  return Object.entries(content).map(([contentType, media]) => {
    const examples: MediaType['examples'] = [];
    if (media.example !== undefined) examples.push({ name: 'example', value: media.example });
    for (const [name, ex] of Object.entries(media.examples ?? {})) {
      const at = `${pointer}/content/${escapePointer(contentType)}/examples/${escapePointer(name)}`;
      const resolved = deref(doc, ex, at).value;
      if (resolved && 'value' in resolved) examples.push({ name, value: resolved.value });
    }
    return {
      contentType,
      schema: media.schema,
      schemaPointer: media.schema ? `${pointer}/content/${escapePointer(contentType)}/schema` : undefined,
      examples,
    };
  });
}

function readParameter(doc: JsonObject, raw: any, pointer: string): Parameter {
  const { value: p, pointer: at } = deref<JsonObject>(doc, raw, pointer);
  let example: unknown;
  let hasExample = false;
  if (p.example !== undefined) {
    example = p.example;
    hasExample = true;
  } else if (p.examples && Object.keys(p.examples).length > 0) {
    const first = deref(doc, Object.values(p.examples)[0], pointer).value as JsonObject;
    example = first?.value;
    hasExample = first?.value !== undefined;
  } else if (p.schema) {
    const flat = flattenSchema(doc, p.schema);
    if (flat.example !== undefined) {
      example = flat.example;
      hasExample = true;
    } else if (Array.isArray(flat.examples) && flat.examples.length > 0) {
      example = flat.examples[0];
      hasExample = true;
    } else if (flat.default !== undefined) {
      example = flat.default;
      hasExample = true;
    } else if (Array.isArray(flat.enum) && flat.enum.length > 0) {
      example = flat.enum[0];
      hasExample = true;
    }
  }
  return {
    name: p.name,
    in: p.in,
    required: p.in === 'path' ? true : Boolean(p.required),
    style: p.style,
    explode: p.explode,
    schema: p.schema,
    schemaPointer: p.schema ? `${at}/schema` : undefined,
    example,
    hasExample,
  };
}

/** Every operation of the document, in document order. */
export function listOperations(doc: JsonObject): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries<JsonObject>(doc.paths ?? {})) {
    const { value: item, pointer: itemPointer } = deref(doc, rawItem, pointerOf('paths', path));
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const opPointer = `${itemPointer}/${method}`;
      const byKey = new Map<string, Parameter>();
      (item.parameters ?? []).forEach((p: any, i: number) => {
        const param = readParameter(doc, p, `${itemPointer}/parameters/${i}`);
        byKey.set(`${param.in}:${param.name}`, param);
      });
      (op.parameters ?? []).forEach((p: any, i: number) => {
        const param = readParameter(doc, p, `${opPointer}/parameters/${i}`);
        byKey.set(`${param.in}:${param.name}`, param);
      });
      let requestBody: Operation['requestBody'];
      if (op.requestBody) {
        const { value: body, pointer } = deref(doc, op.requestBody, `${opPointer}/requestBody`);
        requestBody = { required: Boolean(body.required), content: mediaTypes(doc, body.content, pointer) };
      }
      const responses: ResponseDef[] = Object.entries<JsonObject>(op.responses ?? {}).map(([status, raw]) => {
        const { value: response, pointer } = deref(
          doc,
          raw,
          `${opPointer}/responses/${escapePointer(status)}`,
        );
        return {
          status,
          description: response.description ?? '',
          content: mediaTypes(doc, response.content, pointer),
        };
      });
      operations.push({
        operationId: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: [...byKey.values()],
        requestBody,
        responses,
        security: op.security ?? doc.security ?? [],
      });
    }
  }
  return operations;
}

/** True when the operation needs credentials (an empty requirement `{}` means anonymous is fine). */
export function isSecured(op: Operation): boolean {
  return op.security.length > 0 && op.security.every((req) => Object.keys(req).length > 0);
}

/** The documented success status: the first 2xx, else the first 3xx. */
export function successResponse(op: Operation): ResponseDef | undefined {
  const sorted = [...op.responses].sort((a, b) => a.status.localeCompare(b.status));
  return sorted.find((r) => /^2\d\d$/.test(r.status)) ?? sorted.find((r) => /^3\d\d$/.test(r.status));
}

/** Every documented 4xx/5xx status with an explicit code. */
export function errorResponses(op: Operation): ResponseDef[] {
  return op.responses.filter((r) => /^[45]\d\d$/.test(r.status));
}

export function jsonMedia(media: MediaType[]): MediaType | undefined {
  return media.find((m) => /^application\/(.+\+)?json/.test(m.contentType));
}
