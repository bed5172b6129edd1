import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@readme/openapi-parser';
import { main } from '../src/cli.js';
import { convertCollection } from '../src/convert.js';
import type { ConvertOptions, JsonObject } from '../src/types.js';

/** The Sunshine Conversations collection this repo's spec was derived from. */
export const SHARED_COLLECTION = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'spec',
  'postman',
  'sunshine-conversations-v2.postman_collection.json',
);

export const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A v2.1 collection around the given items. */
export function collection(item: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { info: { name: 'Test API', schema: SCHEMA_V21 }, item, ...extra };
}

/** A request item: `req('Get User', 'GET', 'https://api.example.com/users/:id')`. */
export function req(
  name: string,
  method: string,
  url: unknown,
  more: Record<string, unknown> = {},
  response: unknown[] = [],
) {
  return { name, request: { method, url, ...more }, response };
}

export function folder(name: string, item: unknown[], more: Record<string, unknown> = {}) {
  return { name, item, ...more };
}

export function example(code: number, body: unknown, more: Record<string, unknown> = {}) {
  return {
    name: more.name ?? `Example ${code}`,
    code,
    status: more.status ?? 'OK',
    header: more.header ?? [{ key: 'Content-Type', value: 'application/json' }],
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...more,
  };
}

export function convert(input: unknown, options: ConvertOptions = {}) {
  return convertCollection(input, options);
}

/** Validate as OpenAPI 3.1; returns the error text (empty when valid). */
export async function openApiErrors(doc: JsonObject): Promise<string> {
  const result = await validate(structuredClone(doc) as never);
  if (result.valid) return '';
  return JSON.stringify(result.errors).slice(0, 2000);
}

export function op(doc: JsonObject, path: string, method: string): any {
  return (doc.paths as any)?.[path]?.[method];
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'p2o-test-'));
}

export async function runCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
