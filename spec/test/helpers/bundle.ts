// Bundles spec/openapi.yaml into one in-memory document (via a temp folder, never touching dist/).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { parse } from 'yaml';
import { lastErrorLine, runRedocly } from '../../scripts/redocly.mjs';

export type OpenApiDocument = {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

let cached: OpenApiDocument | undefined;

/** The bundled spec: the copy made once per run by test/global-setup.ts, or a fresh bundle. */
export function bundleSpec(): OpenApiDocument {
  if (cached) return cached;
  const shared = inject('specBundleFile');
  if (shared) {
    cached = JSON.parse(readFileSync(shared, 'utf8')) as OpenApiDocument;
    return cached;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'spec-bundle-'));
  try {
    const out = path.join(dir, 'openapi.yaml');
    const res = runRedocly(['bundle', 'openapi.yaml', '--config', 'redocly.yaml', '--output', out]);
    if (res.status !== 0) throw new Error(`redocly bundle failed: ${lastErrorLine(res.stderr)}`);
    cached = parse(readFileSync(out, 'utf8')) as OpenApiDocument;
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface OperationRef {
  path: string;
  method: string;
  operation: Record<string, any>;
  pathItem: Record<string, any>;
}

export function listOperations(doc: OpenApiDocument): OperationRef[] {
  const ops: OperationRef[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, any>)[method];
      if (operation) ops.push({ path: p, method, operation, pathItem: item as Record<string, any> });
    }
  }
  return ops;
}
