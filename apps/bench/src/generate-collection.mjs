// Scales the shared Sunshine Conversations Postman collection by an integer factor, deterministically.
//
// Copy 1 is the collection itself. Copies 2..N repeat every top-level folder with its requests renamed
// ("Get App" → "Get App Copy 2") and every URL moved under an extra leading path segment ("/copy2/v2/apps/…"),
// so each copy adds distinct paths and distinct operation names. Item ids are rewritten the same way, so the
// output is byte-for-byte identical on every run.
//
// CLI: node src/generate-collection.mjs <factor> [output.json]   (writes to stdout without an output path)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE_COLLECTION = resolve(
  here,
  '../../../spec/postman/sunshine-conversations-v2.postman_collection.json',
);

/** Reads the shared collection (the input that is never edited). */
export function loadSourceCollection(path = SOURCE_COLLECTION) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function copyId(id, copy) {
  if (typeof id !== 'string') return id;
  // Keep the UUID shape: replace the first 4 hex digits of the last group with the copy number.
  const match = /^(.*-)([0-9a-f]{12})$/i.exec(id);
  if (!match) return `${id}-copy${copy}`;
  return `${match[1]}${copy.toString(16).padStart(4, '0')}${match[2].slice(4)}`;
}

function moveRaw(raw, segment) {
  // "{{baseUrl}}/v2/apps/:appId?x=1" → "{{baseUrl}}/copyN/v2/apps/:appId?x=1"
  const hostEnd = raw.search(/(?<!\/)\/(?!\/)/);
  if (hostEnd === -1) return `${raw}/${segment}`;
  return `${raw.slice(0, hostEnd)}/${segment}${raw.slice(hostEnd)}`;
}

function moveUrl(url, segment) {
  if (typeof url === 'string') return moveRaw(url, segment);
  if (!url || typeof url !== 'object') return url;
  const moved = { ...url };
  if (Array.isArray(url.path)) moved.path = [segment, ...url.path];
  else if (typeof url.path === 'string')
    moved.path = `/${segment}${url.path.startsWith('/') ? '' : '/'}${url.path}`;
  if (typeof url.raw === 'string') moved.raw = moveRaw(url.raw, segment);
  return moved;
}

function moveRequest(request, segment, suffix) {
  if (typeof request === 'string') return moveRaw(request, segment);
  if (!request || typeof request !== 'object') return request;
  const moved = { ...request, url: moveUrl(request.url, segment) };
  if (typeof request.name === 'string') moved.name = `${request.name}${suffix}`;
  return moved;
}

function copyItem(item, copy) {
  const segment = `copy${copy}`;
  const suffix = ` Copy ${copy}`;
  const out = { ...item, name: `${item.name}${suffix}` };
  if ('id' in item) out.id = copyId(item.id, copy);
  if (Array.isArray(item.item)) {
    out.item = item.item.map((child) => copyItem(child, copy));
    return out;
  }
  if ('request' in item) out.request = moveRequest(item.request, segment, suffix);
  if (Array.isArray(item.response)) {
    out.response = item.response.map((response) => {
      const copied = { ...response };
      if ('id' in response) copied.id = copyId(response.id, copy);
      if ('originalRequest' in response)
        copied.originalRequest = moveRequest(response.originalRequest, segment, '');
      return copied;
    });
  }
  return out;
}

/**
 * Returns a new collection holding `factor` copies of every top-level item of `collection`.
 * factor 1 returns an equal (deep-copied) collection.
 */
export function generateCollection(collection, factor) {
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`factor must be a positive integer, got ${factor}`);
  }
  const base = structuredClone(collection);
  const items = [...base.item];
  for (let copy = 2; copy <= factor; copy++) {
    for (const item of collection.item) items.push(copyItem(item, copy));
  }
  return { ...base, item: items };
}

/** The scaled collection as JSON text, formatted like the source (2-space indent, trailing newline). */
export function generateCollectionText(factor, collection = loadSourceCollection()) {
  return `${JSON.stringify(generateCollection(collection, factor), null, 2)}\n`;
}

/** Counts requests (leaf items) in a collection. */
export function countRequests(collection) {
  let count = 0;
  const walk = (items) => {
    for (const item of items) {
      if (Array.isArray(item.item)) walk(item.item);
      else count++;
    }
  };
  walk(collection.item ?? []);
  return count;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [factorArg, output] = process.argv.slice(2);
  const factor = Number(factorArg);
  if (!Number.isInteger(factor) || factor < 1) {
    console.error(
      `generate-collection: factor "${factorArg ?? ''}" is not a positive integer; run with e.g. 10`,
    );
    process.exit(2);
  }
  const text = generateCollectionText(factor);
  if (output) {
    const tmp = `${output}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, output);
  } else {
    process.stdout.write(text);
  }
}
