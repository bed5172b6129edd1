/** Small text helpers shared by the converters. */

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Postman descriptions are strings or `{ content, type }` objects. */
export function descriptionText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : wellFormed(v);
  if (isObject(v) && typeof v.content === 'string')
    return v.content.trim() === '' ? undefined : wellFormed(v.content);
  return undefined;
}

// biome-ignore lint/complexity/useRegexLiterals: a literal would trip noControlCharactersInRegex
const CONTROL = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]', 'g');

/** Names from the collection: strings (numbers tolerated), without control characters, bounded length. */
export function cleanName(v: unknown, max = 200): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  const cleaned = wellFormed(s).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > max ? cleaned.slice(0, max).trimEnd() : cleaned;
}

/** Split text into ASCII words (letters+digits), splitting camelCase too. */
export function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function camelCase(s: string): string {
  return words(s)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

export function pascalCase(s: string): string {
  return words(s)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `integrations` → `integration`, `categories` → `category`, `addresses` → `address`. */
export function singular(s: string): string {
  if (/ies$/i.test(s) && s.length > 4) return s.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/i.test(s)) return s.slice(0, -2);
  if (/[^s]s$/i.test(s) && s.length > 3) return s.slice(0, -1);
  return s;
}

/** Deterministic short hash (FNV-1a, hex). */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** JSON with object keys sorted: a canonical form used for comparing and hashing. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (isObject(v)) {
    return (
      '{' +
      Object.keys(v)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v) ?? 'null';
}

/** Set an own property even for keys like `__proto__` (collections are untrusted input). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Replace lone UTF-16 surrogates (which cannot be percent-encoded or written as UTF-8) with U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** JSON.stringify that returns undefined instead of throwing (too deep, cycles, BigInt). */
export function safeStringify(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/** A short description of an unexpected value for error messages. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** Nesting depth of a JSON value, counted up to `limit` (iteratively, so any depth is safe). */
export function depthOf(value: unknown, limit = 1000): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= limit) return max;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/**
 * True when a value holds an object with a string `$ref` member anywhere. Reference resolvers
 * (Redocly, json-schema-ref-parser) follow such members even inside example values, so an example
 * copied verbatim from an API that returns `$ref` keys (JSON Schema, HAL-like payloads) would make
 * the document fail to resolve.
 */
export function hasRefMember(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (!Array.isArray(v) && typeof (v as Record<string, unknown>).$ref === 'string') return true;
    for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}
