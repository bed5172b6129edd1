import { setOwn, shortHash } from './text.js';
import type { JsonObject } from './types.js';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 120;

/**
 * A file name stem that is safe on every OS and can never climb out of its folder:
 * only `[A-Za-z0-9_{}.@-]`, no leading dot, no `..`, bounded length.
 */
export function safeStem(name: string): string {
  let s = name
    .replace(/[^A-Za-z0-9_{}.@-]/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[.]+/, '_');
  s = s
    .replace(/_+/g, '_')
    .replace(/^_+(?=.)/, '')
    .replace(/[._]+$/, '');
  if (s === '' || s === '_') s = 'root';
  if (RESERVED.test(s.split('.')[0]!)) s = '_' + s;
  if (s.length > MAX_STEM) s = s.slice(0, MAX_STEM - 9) + '_' + shortHash(name);
  return s;
}

function uniqueStem(stem: string, used: Set<string>): string {
  let s = stem;
  let n = 2;
  while (used.has(s.toLowerCase())) s = `${stem}_${n++}`;
  used.add(s.toLowerCase());
  return s;
}

function rewriteRefs(node: unknown, map: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, map));
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      setOwn(out, k, k === '$ref' && typeof v === 'string' ? map(v) : rewriteRefs(v, map));
    }
    return out;
  }
  return node;
}

/**
 * Split a document into the Redocly layout: `openapi.yaml` (info, servers, security, tags, `$ref`s),
 * one file per path under `paths/`, one file per schema under `components/schemas/`.
 * Returns file contents keyed by relative POSIX path.
 */
export function splitDocument(doc: JsonObject): Map<string, JsonObject> {
  const files = new Map<string, JsonObject>();
  const components = (doc.components ?? {}) as Record<string, JsonObject>;
  // Every component section except security schemes gets one file per entry.
  const sections = Object.keys(components).filter(
    (k) => k !== 'securitySchemes' && components[k] !== null && typeof components[k] === 'object',
  );
  const fileOf = new Map<string, string>(); // '#/components/<section>/<name>' → 'components/<section>/<file>'
  for (const section of sections) {
    const used = new Set<string>();
    const sectionDir = safeStem(section);
    for (const name of Object.keys(components[section]!)) {
      fileOf.set(
        `#/components/${section}/${name}`,
        `components/${sectionDir}/${uniqueStem(safeStem(name), used)}.yaml`,
      );
    }
  }
  /** Rewrite internal component refs as paths relative to the file at `from`. */
  const refsFrom = (from: string) => (ref: string) => {
    let decoded = ref;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      // keep the ref as written
    }
    const target = fileOf.get(ref) ?? fileOf.get(decoded);
    if (!target) return ref;
    const fromParts = from.split('/').slice(0, -1);
    const toParts = target.split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common])
      common++;
    const up = fromParts.length - common;
    const rel = [...Array(up).fill('..'), ...toParts.slice(common)].join('/');
    return up === 0 ? './' + rel : rel;
  };
  for (const section of sections) {
    for (const [name, value] of Object.entries(components[section]!)) {
      const rel = fileOf.get(`#/components/${section}/${name}`)!;
      files.set(rel, rewriteRefs(value, refsFrom(rel)) as JsonObject);
    }
  }

  const root: JsonObject = {};
  const usedPaths = new Set<string>();
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'paths') {
      const paths: JsonObject = {};
      for (const [path, item] of Object.entries(v as JsonObject)) {
        const stem = uniqueStem(safeStem(path.replace(/^\//, '').replace(/\//g, '_')), usedPaths);
        const rel = `paths/${stem}.yaml`;
        files.set(rel, rewriteRefs(item, refsFrom(rel)) as JsonObject);
        paths[path] = { $ref: rel };
      }
      root.paths = paths;
    } else if (k === 'components') {
      const rest: JsonObject = {};
      for (const [ck, cv] of Object.entries(v as JsonObject)) if (!sections.includes(ck)) rest[ck] = cv;
      if (Object.keys(rest).length > 0) root.components = rest;
    } else {
      root[k] = rewriteRefs(v, refsFrom('openapi.yaml')) as JsonObject;
    }
  }
  files.set('openapi.yaml', root);
  return files;
}
