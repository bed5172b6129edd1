// Reading the bundled spec and walking its operations. Tolerant on purpose: the spec is edited by
// people while the docs are built, so a missing operationId, tag or example must not stop the build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A problem the person running the build can fix; printed as one line, without a stack trace. */
export class DocsInputError extends Error {}

/** Where the bundled spec is: `DOCS_SPEC` when set (useful before the spec package builds), else spec/dist. */
export function specPath(env = process.env) {
  if (env.DOCS_SPEC) return path.resolve(env.DOCS_SPEC);
  return path.resolve(packageDir, '../../spec/dist/openapi.yaml');
}

export function loadSpec(file) {
  if (!existsSync(file)) {
    throw new DocsInputError(
      `${file} does not exist: build the spec first (pnpm --filter @sunshine-openapi/spec build) or set DOCS_SPEC to a bundled OpenAPI file`,
    );
  }
  let doc;
  try {
    doc = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
  } catch (error) {
    throw new DocsInputError(
      `${file} is not valid YAML (${error.message.split('\n')[0]}): fix the file and rebuild`,
    );
  }
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || typeof doc.paths !== 'object') {
    throw new DocsInputError(
      `${file} is not an OpenAPI 3 document (no "openapi" version or "paths"): point DOCS_SPEC at the bundled spec`,
    );
  }
  return doc;
}

/** Follows a local `$ref` (`#/components/...`) once; other values come back unchanged. */
export function deref(doc, value, seen = new Set()) {
  let current = value;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return {};
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), doc);
  }
  return current ?? {};
}

/** camelCase name for an operation without an operationId, e.g. `patchV2AppsAppIdIntegrations`. */
function fallbackOperationId(method, route) {
  const words = route
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1));
  return method + words.join('');
}

/**
 * Every operation of the spec in document order, with path-level and operation-level parameters merged.
 * @returns {{ method: string, route: string, operation: any, operationId: string, parameters: any[] }[]}
 */
export function listOperations(doc) {
  const result = [];
  for (const [route, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    const shared = (item.parameters ?? []).map((p) => deref(doc, p));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== 'object') continue;
      const own = (operation.parameters ?? []).map((p) => deref(doc, p));
      const byKey = new Map();
      for (const parameter of [...shared, ...own]) {
        if (parameter?.name && parameter.in) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      result.push({
        method,
        route,
        operation,
        operationId: operation.operationId || fallbackOperationId(method, route),
        parameters: [...byKey.values()],
      });
    }
  }
  return result;
}
