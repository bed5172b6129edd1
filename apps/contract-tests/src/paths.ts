import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = resolve(packageDir, '../..');

/** The bundled spec under test: `CONTRACT_SPEC` when set, else `spec/dist/openapi.yaml`. */
export function specPath(): string {
  const fromEnv = process.env.CONTRACT_SPEC;
  if (fromEnv) return resolve(fromEnv);
  return join(repoDir, 'spec/dist/openapi.yaml');
}

export function postmanDir(): string {
  return join(repoDir, 'spec/postman');
}

export function requireSpec(): string {
  const path = specPath();
  if (!existsSync(path)) {
    throw new Error(
      `contract tests: ${path} does not exist; build it with \`pnpm --filter @sunshine-openapi/spec build\` ` +
        '(or point CONTRACT_SPEC at a bundled spec)',
    );
  }
  return path;
}
