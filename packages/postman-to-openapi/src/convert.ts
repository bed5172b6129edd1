import { SecurityRegistry } from './auth.js';
import { type MediaSample, requestBody } from './bodies.js';
import { extractComponents } from './components.js';
import { ImportError } from './errors.js';
import { OperationIds } from './operation-ids.js';
import {
  headerParams,
  mergeParams,
  type ParamSample,
  pathParams,
  queryParams,
  renderParam,
} from './params.js';
import { responseSample } from './responses.js';
import { reuseComponents } from './reuse.js';
import { mergeShapes, type RenderOptions, renderShape, type Shape } from './schema.js';
import { buildTags } from './tags.js';
import { camelCase, canonicalJson, depthOf, hasRefMember, setOwn } from './text.js';
import type { ConvertOptions, ConvertResult, JsonObject } from './types.js';
import { parseUrl, pathTemplate, type Server, serverFromBase } from './urls.js';
import { type RequestEntry, validateCollection } from './validate.js';
import { Variables } from './variables.js';
import { Warnings } from './warnings.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface MediaAcc {
  shape: Shape;
  examples: Array<{ name: string; value: unknown }>;
}

interface ResponseAcc {
  description: string;
  headers: Map<string, Shape>;
  content: Map<string, MediaAcc>;
}

interface Operation {
  method: string;
  path: string;
  first: RequestEntry;
  operationId: string;
  tag: string | undefined;
  params: ParamSample[];
  body: Map<string, MediaAcc>;
  responses: Map<string, ResponseAcc>;
  security: JsonObject[];
  server: Server | undefined;
}

/** Examples nested deeper than this are left out (schemas stop at a similar depth). */
const MAX_EXAMPLE_DEPTH = 48;

/** Adds a sample; returns false when its example had to be left out because it holds a `$ref` member. */
function addMedia(map: Map<string, MediaAcc>, input: MediaSample): boolean {
  const refs = input.example !== undefined && hasRefMember(input.example);
  const sample =
    refs || (input.example !== undefined && depthOf(input.example, MAX_EXAMPLE_DEPTH + 1) > MAX_EXAMPLE_DEPTH)
      ? { ...input, example: undefined }
      : input;
  const cur = map.get(sample.contentType);
  if (!cur) {
    map.set(sample.contentType, {
      shape: sample.shape,
      examples: sample.example === undefined ? [] : [{ name: sample.name, value: sample.example }],
    });
    return !refs;
  }
  cur.shape = mergeShapes(cur.shape, sample.shape);
  if (sample.example !== undefined) cur.examples.push({ name: sample.name, value: sample.example });
  return !refs;
}

const REF_EXAMPLE =
  'holds a "$ref" key, which reference resolvers would try to follow; example left out (schema kept)';

function renderExamples(examples: MediaAcc['examples']): JsonObject | undefined {
  if (examples.length === 0) return undefined;
  const out: JsonObject = {};
  const seen = new Set<string>();
  for (const ex of examples) {
    const base = camelCase(ex.name) || 'example';
    let key = base;
    let n = 2;
    while (seen.has(key)) key = base + n++;
    seen.add(key);
    out[key] = { summary: ex.name || key, value: ex.value as JsonObject };
  }
  return out;
}

function renderContent(map: Map<string, MediaAcc>, opts: RenderOptions): JsonObject {
  const content: JsonObject = {};
  for (const [ct, acc] of map) {
    const media: JsonObject = { schema: renderShape(acc.shape, opts) };
    const examples = renderExamples(acc.examples);
    if (examples) media.examples = examples;
    setOwn(content, ct, media);
  }
  return content;
}

function operationKey(method: string, path: string): string {
  return method + ' ' + path.replace(/\{[^}]*\}/g, '{}');
}

/** Convert a parsed Postman collection (v2.0/v2.1) into an OpenAPI 3.1 document. */
export function convertCollection(input: unknown, options: ConvertOptions = {}): ConvertResult {
  const warnings = new Warnings();
  const source = options.source;
  const model = validateCollection(input, warnings, source);
  const vars = new Variables(model.variables, options.environment, source, options.environmentSource);
  const resolve = (s: string) => vars.resolve(s);
  const security = new SecurityRegistry(resolve, warnings);
  const renderOpts: RenderOptions = {
    required: options.required ?? 'responses',
    refPrefix: '#/components/schemas/',
  };
  const rootSecurity = model.auth ? security.requirement(model.auth, '') : [];

  // Servers: every request's base URL; the most used one becomes the document's main server.
  const parsed = model.requests.map((entry) => parseUrl(entry.request.url));
  const serverOf = parsed.map((u) => (u.base === undefined ? undefined : serverFromBase(u.base, vars)));
  const counts = new Map<string, { server: Server; count: number; order: number }>();
  serverOf.forEach((s, i) => {
    if (!s) return;
    const c = counts.get(s.url);
    if (c) c.count++;
    else counts.set(s.url, { server: s, count: 1, order: i });
  });
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order);
  const main = ranked[0]?.server;

  const tags = buildTags(model);
  const ids = new OperationIds();
  const operations = new Map<string, Operation>();
  const templates = new Map<string, { path: string; params: string[] }>();
  model.requests.forEach((entry, i) => {
    const label = entry.label;
    const url = parsed[i]!;
    const rawMethod =
      typeof entry.request.method === 'string' ? entry.request.method.trim().toLowerCase() : 'get';
    const method = rawMethod === '' ? 'get' : rawMethod;
    const given = entry.request.method;
    if (given !== undefined && given !== null && typeof given !== 'string') {
      warnings.add(label, 'request method is not text; assumed GET');
    }
    if (!(METHODS as readonly string[]).includes(method)) {
      warnings.add(
        label,
        `HTTP method ${method.toUpperCase().slice(0, 20)} cannot be described in OpenAPI; request skipped`,
      );
      return;
    }
    if (url.base === undefined && url.segments.length === 0) {
      warnings.add(label, 'request has no URL; skipped');
      return;
    }
    let server = serverOf[i];
    if (url.base !== undefined && server === undefined) {
      warnings.add(
        label,
        `host ${url.base.slice(0, 80)} is an undefined variable; assumed to be the main server${main ? ' ' + main.url : ''}`,
      );
    }
    if (server && main && server.url === main.url) server = undefined;

    const rawNames: string[] = [];
    const template = pathTemplate(url.segments, rawNames);
    const canon = template.path.replace(/\{[^}]*\}/g, '{}');
    const known = templates.get(canon);
    let path = template.path;
    let paramNames = template.params;
    if (known && known.path !== template.path) {
      path = known.path;
      paramNames = known.params;
    } else if (!known) {
      templates.set(canon, template);
    }

    const params = [
      ...pathParams(paramNames, rawNames, url.pathVariables),
      ...queryParams(url.query, resolve),
      ...headerParams(entry.request.header, resolve),
    ];
    const body = requestBody(entry.request, resolve, warnings, label);
    const responses = entry.responses
      .map((r, j) => responseSample(r, j, resolve, warnings, label))
      .filter((r) => r !== undefined);
    const requirement = security.requirement(entry.auth, label);
    const key = operationKey(method, path);
    let op = operations.get(key);
    if (op) {
      warnings.add(
        label,
        `same method and path as "${op.first.label}"; merged into operation ${op.operationId}`,
      );
      op.params = mergeParams(op.params, params);
      if (canonicalJson(op.security) !== canonicalJson(requirement)) {
        for (const r of requirement)
          if (!op.security.some((s) => canonicalJson(s) === canonicalJson(r))) op.security.push(r);
        if (requirement.length === 0 && !op.security.some((s) => Object.keys(s).length === 0))
          op.security.push({});
      }
    } else {
      const explicit = options.operationIds?.[label] ?? options.operationIds?.[entry.name];
      op = {
        method,
        path,
        first: entry,
        operationId: ids.assign(entry.name, method, path, explicit),
        tag: tags.tagOf(entry.folder),
        params,
        body: new Map(),
        responses: new Map(),
        security: requirement,
        server,
      };
      operations.set(key, op);
    }
    if (body && !addMedia(op.body, { ...body, name: entry.name || body.name }))
      warnings.add(label, `request body example ${REF_EXAMPLE}`);
    for (const r of responses) {
      let acc = op.responses.get(r.status);
      if (!acc) {
        acc = { description: r.description, headers: new Map(), content: new Map() };
        op.responses.set(r.status, acc);
      }
      for (const [h, s] of r.headers) {
        const prev = acc.headers.get(h);
        acc.headers.set(h, prev ? mergeShapes(prev, s) : s);
      }
      if (r.media && !addMedia(acc.content, r.media))
        warnings.add(label, `saved example "${r.media.name}" ${REF_EXAMPLE}`);
    }
  });

  if (operations.size === 0) {
    throw new ImportError('the collection has no requests that can be converted', '/item', source);
  }

  // Repeated object shapes → components/schemas.
  const roots: Shape[] = [];
  for (const op of operations.values()) {
    for (const m of op.body.values()) roots.push(m.shape);
    for (const r of op.responses.values()) for (const m of r.content.values()) roots.push(m.shape);
  }
  const schemas = extractComponents(roots);

  // Paths, sorted; methods in a fixed order.
  const byPath = new Map<string, Operation[]>();
  for (const op of operations.values()) {
    const list = byPath.get(op.path);
    if (list) list.push(op);
    else byPath.set(op.path, [op]);
  }
  const paths: JsonObject = {};
  const rootCanon = canonicalJson(rootSecurity);
  for (const path of [...byPath.keys()].sort()) {
    const item: JsonObject = {};
    const ops = byPath
      .get(path)!
      .sort((a, b) => METHODS.indexOf(a.method as never) - METHODS.indexOf(b.method as never));
    for (const op of ops)
      item[op.method] = renderOperation(op, renderOpts, rootSecurity.length > 0 ? rootCanon : undefined);
    setOwn(paths, path, item);
  }

  const servers: JsonObject[] = [];
  const seenServers = new Set<string>();
  const pushServer = (s: Server) => {
    if (seenServers.has(s.url)) return;
    seenServers.add(s.url);
    const out: JsonObject = { url: s.url };
    if (Object.keys(s.variables).length > 0) out.variables = s.variables as unknown as JsonObject;
    servers.push(out);
  };
  if (main) pushServer(main);
  for (const extra of options.servers ?? [])
    pushServer({ url: extra.replace(/\/+$/, '') || '/', variables: {} });
  if (servers.length === 0) {
    warnings.add('', 'no server could be derived from the collection; using "/" (pass --server URL)');
    servers.push({ url: '/' });
  }

  const doc: JsonObject = { openapi: '3.1.0' };
  const info: JsonObject = { title: model.title, version: model.version };
  if (model.description) info.description = model.description;
  doc.info = info;
  doc.servers = servers;
  if (rootSecurity.length > 0) doc.security = rootSecurity;
  const tagList = tags.render();
  if (tagList.tags.length > 0) doc.tags = tagList.tags;
  if (tagList.groups) doc['x-tagGroups'] = tagList.groups;
  doc.paths = paths;
  const components: JsonObject = {};
  if (schemas.size > 0) {
    const out: JsonObject = {};
    for (const name of [...schemas.keys()].sort()) out[name] = renderShape(schemas.get(name)!, renderOpts);
    components.schemas = out;
  }
  if (security.schemes.size > 0) {
    const out: JsonObject = {};
    for (const name of [...security.schemes.keys()].sort()) out[name] = security.schemes.get(name)!;
    components.securitySchemes = out;
  }
  if (Object.keys(components).length > 0) doc.components = components;
  reuseComponents(doc, { namedBodies: options.inlineBodies !== true });
  // Keep components last whatever was added.
  if (doc.components) {
    const c = doc.components;
    delete doc.components;
    doc.components = c;
  }
  return { document: doc, warnings: warnings.list };
}

function renderOperation(op: Operation, opts: RenderOptions, rootCanon: string | undefined): JsonObject {
  const out: JsonObject = {};
  if (op.tag !== undefined) out.tags = [op.tag];
  out.summary = op.first.name || `${op.method.toUpperCase()} ${op.path}`;
  if (op.first.description) out.description = op.first.description;
  out.operationId = op.operationId;
  if (op.params.length > 0) {
    const order = { path: 0, query: 1, header: 2 } as const;
    out.parameters = [...op.params]
      .sort((a, b) => order[a.in] - order[b.in])
      .map((p) => renderParam(p, opts));
  }
  if (op.body.size > 0) out.requestBody = { required: true, content: renderContent(op.body, opts) };
  const responses: JsonObject = {};
  const statuses = [...op.responses.keys()].sort((a, b) =>
    a === 'default' ? 1 : b === 'default' ? -1 : a.localeCompare(b),
  );
  for (const status of statuses) {
    const r = op.responses.get(status)!;
    const resp: JsonObject = { description: r.description };
    if (r.headers.size > 0) {
      const headers: JsonObject = {};
      for (const [h, s] of r.headers) headers[h] = { schema: renderShape(s, { ...opts, required: 'none' }) };
      resp.headers = headers;
    }
    if (r.content.size > 0) resp.content = renderContent(r.content, opts);
    responses[status] = resp;
  }
  if (statuses.length === 0) responses['200'] = { description: 'Successful response' };
  out.responses = responses;
  if (rootCanon === undefined || canonicalJson(op.security) !== rootCanon) out.security = op.security;
  if (op.server) {
    const s: JsonObject = { url: op.server.url };
    if (Object.keys(op.server.variables).length > 0)
      s.variables = op.server.variables as unknown as JsonObject;
    out.servers = [s];
  }
  return out;
}
