#!/usr/bin/env node
// Generates src/generated/schema.gen.ts (types, via openapi-typescript) and src/generated/operations.gen.ts
// (one typed function per operation + the map of paginated operations) from the bundled spec.
// Usage: node scripts/generate.mjs [--spec openapi.json|yaml] [--out dir]
//   defaults: --spec ../../spec/dist/openapi.json (the bundled spec), --out src/generated
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Exported names of the package that an operationId must not shadow.
const RENAMED = { createClient: 'createUserClient' };
const RESERVED = new Set([
  'paginate',
  'paginatePages',
  'paginatedOperations',
  'SunshineApiError',
  'SunshineNetworkError',
  'SunshineTimeoutError',
  'SunshineError',
]);

function fail(message) {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const value = (flag, fallback) => {
    const i = argv.indexOf(flag);
    if (i === -1) return fallback;
    if (!argv[i + 1] || argv[i + 1].startsWith('--')) fail(`${flag} needs a path`);
    return resolve(argv[i + 1]);
  };
  return {
    spec: value('--spec', resolve(pkgDir, '../../spec/dist/openapi.json')),
    outDir: value('--out', resolve(pkgDir, 'src/generated')),
  };
}

function loadSpec(file) {
  if (!existsSync(file)) {
    fail(
      `${relative(process.cwd(), file) || file} not found; build the spec first: pnpm --filter @sunshine-openapi/spec build`,
    );
  }
  const text = readFileSync(file, 'utf8');
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    fail(`${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${e.message.split('\n')[0]}`);
  }
}

/** Follows local `$ref`s (`#/a/b`) until a non-reference object is reached. */
function deref(doc, node, seen = new Set()) {
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.has(node.$ref) || !node.$ref.startsWith('#/')) return undefined;
    seen.add(node.$ref);
    node = node.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc, key) => (acc == null ? undefined : acc[key]), doc);
  }
  return node;
}

/** Collects a schema's properties, looking through allOf/anyOf/oneOf compositions. */
function schemaProperties(doc, schema, depth = 0) {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 8) return {};
  let props = {};
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of Array.isArray(s[key]) ? s[key] : []) {
      props = { ...props, ...schemaProperties(doc, part, depth + 1) };
    }
  }
  for (const [name, value] of Object.entries(s.properties ?? {})) props[name] = deref(doc, value);
  return props;
}

function isArraySchema(doc, schema) {
  const s = deref(doc, schema);
  if (!s) return false;
  return s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')) || 'items' in s;
}

const isJson = (type) => /^application\/(.+\+)?json/i.test(type);

function mediaKind(content) {
  const types = Object.keys(content ?? {});
  if (types.length === 0 || types.some(isJson)) return 'json';
  if (types.some((t) => /^multipart\/form-data/i.test(t))) return 'form';
  if (types.some((t) => /^text\//i.test(t))) return 'text';
  return 'blob';
}

function toIdentifier(operationId) {
  let name = operationId.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));
  if (!/^[A-Za-z_$]/.test(name)) name = `op${name}`;
  if (RENAMED[name]) return RENAMED[name];
  return RESERVED.has(name) ? `${name}Operation` : name;
}

const comment = (text) => String(text).replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();

function collectOperations(doc) {
  const ops = [];
  const names = new Set();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) {
        process.stderr.write(
          `generate: warning: ${method.toUpperCase()} ${path} has no operationId; skipped\n`,
        );
        continue;
      }
      const name = toIdentifier(op.operationId);
      if (names.has(name))
        fail(`two operations map to the function name ${name}; make the operationIds unique`);
      names.add(name);
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => deref(doc, p))
        .filter(Boolean);
      const clash = params.find(
        (p) => p.in === 'path' && ['query', 'body', 'signal', 'headers'].includes(p.name),
      );
      if (clash) {
        fail(
          `${op.operationId}: the path parameter "${clash.name}" clashes with an option name; rename it in the spec`,
        );
      }
      const requestBody = deref(doc, op.requestBody);
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => [
        status,
        deref(doc, r) ?? {},
      ]);
      const success = responses.filter(([status]) => /^2(\d\d|XX)$/i.test(status));
      const redirectOnly = success.length === 0 && responses.some(([status]) => /^3/.test(status));
      const successContent = Object.assign({}, ...success.map(([, r]) => r.content ?? {}));
      const required =
        params.some((p) => p.in === 'path' || (p.in === 'query' && p.required)) ||
        Boolean(requestBody?.required);

      // Paginated: a `page` query parameter and a success body with meta.afterCursor and one array of items.
      let items;
      if (params.some((p) => p.in === 'query' && p.name === 'page')) {
        for (const [type, media] of Object.entries(successContent)) {
          if (!isJson(type)) continue;
          const props = schemaProperties(doc, media.schema);
          const meta = props.meta && schemaProperties(doc, props.meta);
          if (!meta || !('afterCursor' in meta)) continue;
          items = Object.keys(props).find((k) => k !== 'meta' && isArraySchema(doc, props[k]));
          if (items) break;
        }
      }
      ops.push({
        name,
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? op.description ?? op.operationId,
        deprecated: Boolean(op.deprecated),
        required,
        bodyKind: requestBody ? mediaKind(requestBody.content) : undefined,
        responseKind: redirectOnly ? 'redirect' : mediaKind(successContent),
        items,
      });
    }
  }
  return ops;
}

function renderOperations(ops, header) {
  const lines = [
    header,
    "import type { SunshineClient } from '../client.js';",
    "import { operation } from '../internal/call.js';",
    "import type { OperationParams, OperationResult } from '../types.js';",
    "import type { operations } from './schema.gen.js';",
    '',
  ];
  for (const op of ops) {
    const opType = `operations[${JSON.stringify(op.operationId)}]`;
    const extra = [];
    // JSON is the default; multipart bodies are built into FormData; other media types are sent as given.
    if (op.bodyKind === 'form') extra.push(`body: 'form'`);
    if (op.responseKind !== 'json') extra.push(`response: '${op.responseKind}'`);
    lines.push(
      '/**',
      ` * ${comment(op.summary)}`,
      ` *`,
      ` * \`${op.method} ${comment(op.path)}\` (operationId \`${op.operationId}\`)`,
      ...(op.deprecated ? [' * @deprecated'] : []),
      ' */',
      `export const ${op.name}: (`,
      '  client: SunshineClient,',
      `  params${op.required ? '' : '?'}: OperationParams<${opType}>,`,
      `) => Promise<OperationResult<${opType}>> = /* @__PURE__ */ operation('${op.method}', ${JSON.stringify(op.path)}${
        extra.length ? `, { ${extra.join(', ')} }` : ''
      });`,
      '',
    );
  }
  const paginated = ops.filter((op) => op.items);
  lines.push(
    '/** Operations that page with `page[after]`/`page[size]` and `meta.afterCursor`: function and items key. */',
    'export const paginatedOperations = {',
    ...paginated.map(
      (op) => `  ${JSON.stringify(op.operationId)}: [${op.name}, ${JSON.stringify(op.items)}],`,
    ),
    '} as const;',
    '',
    '/** Names of the paginated operations. */',
    'export type PaginatedOperationId = keyof typeof paginatedOperations;',
    '',
  );
  return lines.join('\n');
}

function writeAtomic(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

const { spec, outDir } = parseArgs(process.argv.slice(2));
const doc = loadSpec(spec);
if (!doc || typeof doc !== 'object' || !String(doc.openapi ?? '').startsWith('3.')) {
  fail(`${spec} is not an OpenAPI 3.x document (no "openapi: 3.x" field)`);
}
const source = relative(resolve(pkgDir, '../..'), spec).replace(/\\/g, '/');
const header = `// generated by @sunshine-openapi/client scripts/generate.mjs from ${source}, do not edit\n`;

let schemaTs;
try {
  // Imported late: it is slow to load, and input errors should be reported at once.
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  schemaTs = astToString(await openapiTS(doc, { silent: true }));
} catch (e) {
  fail(`openapi-typescript could not convert ${spec}: ${String(e?.message ?? e).split('\n')[0]}`);
}
const ops = collectOperations(doc);
if (ops.length === 0) fail(`${spec} has no operations with an operationId`);

writeAtomic(resolve(outDir, 'schema.gen.ts'), `${header}/* eslint-disable */\n\n${schemaTs}`);
writeAtomic(resolve(outDir, 'operations.gen.ts'), renderOperations(ops, header));
const paginatedCount = ops.filter((op) => op.items).length;
process.stdout.write(
  `generate: ${ops.length} operations (${paginatedCount} paginated) from ${source} -> ${relative(pkgDir, outDir)}/\n`,
);
