// The two converters under test, behind one signature: (collectionObject) => OpenAPI document object.
// Both are timed from JSON text: JSON.parse is part of every measured conversion, for both.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const OURS_DIST = resolve(here, '../../../../packages/postman-to-openapi/dist/index.js');

export const CONVERTERS = {
  ours: { label: '@sunshine-openapi/postman-to-openapi', load: loadOurs },
  postman2openapi: { label: 'postman2openapi 1.2.1 (Rust→WASM)', load: loadPostman2openapi },
};

async function loadOurs() {
  if (!existsSync(OURS_DIST)) {
    throw new Error('packages/postman-to-openapi/dist is missing (run its build first)');
  }
  const lib = await import('@sunshine-openapi/postman-to-openapi');
  const convert = lib.convert ?? lib.convertCollection ?? lib.postmanToOpenApi ?? lib.default?.convert;
  if (typeof convert !== 'function') {
    throw new Error(`no convert function among the exports (${Object.keys(lib).join(', ')})`);
  }
  return (collection) => {
    const result = convert(collection);
    const document = result && typeof result === 'object' && 'document' in result ? result.document : result;
    if (!document?.paths) throw new Error('our converter returned no paths');
    return document;
  };
}

async function loadPostman2openapi() {
  const { transpile } = require('postman2openapi');
  return (collection) => transpile(collection);
}

/** Text → document, the unit of work both converters are timed on. */
export function fromText(convert, text) {
  return convert(JSON.parse(text));
}
