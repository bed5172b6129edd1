import { cleanName, descriptionText, isObject, wellFormed } from './text.js';
import { unresolvedNames, type Variables } from './variables.js';

export interface QueryItem {
  key: string;
  value: string | undefined;
  disabled: boolean;
  description: string | undefined;
}

export interface PathVariable {
  value: string | undefined;
  description: string | undefined;
}

export interface ParsedUrl {
  /** Scheme + host + port (+ any path carried by a host variable), variables not yet resolved. */
  base: string | undefined;
  /** Path segments after the host, as written. */
  segments: string[];
  query: QueryItem[];
  pathVariables: Map<string, PathVariable>;
}

export interface Server {
  url: string;
  variables: Record<string, { default: string; enum?: string[]; description: string }>;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function parseQueryString(qs: string): QueryItem[] {
  if (qs === '') return [];
  return qs
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const key = safeDecode(eq < 0 ? p : p.slice(0, eq));
      const value = eq < 0 ? undefined : safeDecode(p.slice(eq + 1));
      return { key, value, disabled: false, description: undefined };
    });
}

/** Split `https://host:1/a/b?x=1` (with `{{vars}}` anywhere) into base, segments and query. */
function parseRawUrl(raw: string): { base: string | undefined; segments: string[]; query: QueryItem[] } {
  let rest = raw.trim();
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  let qs = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    qs = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let base: string | undefined;
  // The scheme may itself be a variable: `{{protocol}}://{{host}}/a`.
  const proto = /^((?:[a-z][a-z0-9+.-]*|\{\{[^{}]+\}\}):\/\/)/i.exec(rest);
  let prefix = '';
  if (proto) {
    prefix = proto[1]!;
    rest = rest.slice(prefix.length);
  }
  if (!rest.startsWith('/')) {
    // The first segment is the host (possibly a variable like {{baseUrl}}).
    const slash = indexOfSlashOutsideVars(rest);
    const host = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    base = host === '' ? undefined : prefix + host;
  }
  return { base, segments: rest.split('/').filter((s) => s !== ''), query: parseQueryString(qs) };
}

function indexOfSlashOutsideVars(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('{{', i)) {
      depth++;
      i++;
    } else if (s.startsWith('}}', i) && depth > 0) {
      depth--;
      i++;
    } else if (s[i] === '/' && depth === 0) return i;
  }
  return -1;
}

/** Read `request.url` in any of the shapes Postman exports (string, or object with raw/host/path/query). */
export function parseUrl(url: unknown): ParsedUrl {
  const pathVariables = new Map<string, PathVariable>();
  if (typeof url === 'string') {
    const r = parseRawUrl(url);
    return { ...r, pathVariables };
  }
  if (!isObject(url)) return { base: undefined, segments: [], query: [], pathVariables };
  const raw = str(url.raw);
  const fromRaw = raw !== undefined ? parseRawUrl(raw) : undefined;

  let base: string | undefined;
  const host = Array.isArray(url.host)
    ? url.host
        .map(str)
        .filter((h): h is string => h !== undefined && h !== '')
        .join('.')
    : str(url.host);
  if (host !== undefined && host !== '') {
    const protocol = str(url.protocol);
    const port = str(url.port);
    base = (protocol ? protocol.replace(/:?(\/\/)?$/, '') + '://' : '') + host + (port ? ':' + port : '');
  } else {
    base = fromRaw?.base;
  }

  let segments: string[];
  if (Array.isArray(url.path)) {
    segments = url.path
      .map((p) => (isObject(p) ? str(p.value) : str(p)))
      .filter((p): p is string => p !== undefined)
      .flatMap((p) => p.split('/'))
      .filter((p) => p !== '');
  } else if (typeof url.path === 'string') {
    segments = url.path.split('/').filter((p) => p !== '');
  } else {
    segments = fromRaw?.segments ?? [];
  }

  let query: QueryItem[];
  if (Array.isArray(url.query)) {
    query = [];
    for (const q of url.query) {
      if (!isObject(q)) continue;
      const key = str(q.key);
      if (key === undefined || key === '') continue;
      const value = q.value === null ? undefined : str(q.value);
      query.push({ key, value, disabled: q.disabled === true, description: descriptionText(q.description) });
    }
  } else {
    query = fromRaw?.query ?? [];
  }

  if (Array.isArray(url.variable)) {
    for (const v of url.variable) {
      if (!isObject(v)) continue;
      const key = str(v.key) ?? str(v.id);
      if (!key) continue;
      pathVariables.set(key, {
        value: v.value === null ? undefined : str(v.value),
        description: descriptionText(v.description),
      });
    }
  }
  return { base, segments, query, pathVariables };
}

/** Characters allowed unencoded in a path segment (RFC 3986 pchar), minus braces. */
const PCHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@%]/;

function encodeLiteral(s: string): string {
  let out = '';
  const text = wellFormed(s);
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    // Postman stores paths already percent-encoded: keep a valid `%XX` escape as it is.
    if (ch === '%' && /^%[0-9A-Fa-f]{2}/.test(text.slice(at, at + 3))) out += '%';
    else if (PCHAR.test(ch) && ch !== '%') out += ch;
    else if (ch === '%') out += '%25';
    else
      out += encodeURIComponent(ch).replace(
        /[!'()*]/g,
        (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
      );
  }
  return out;
}

export function safeParamName(name: string): string {
  const cleaned = cleanName(name, 64).replace(/[^A-Za-z0-9_.-]/g, '_');
  return cleaned === '' || /^[._-]+$/.test(cleaned) ? 'param' : cleaned;
}

export interface PathTemplate {
  /** `/v2/apps/{appId}` */
  path: string;
  /** Path parameter names in order of appearance. */
  params: string[];
}

/**
 * Turn path segments into an OpenAPI path template: `:name` and `{{name}}` become `{name}`,
 * literal text is percent-encoded, duplicate parameter names get a numeric suffix.
 */
export function pathTemplate(segments: string[], rawNames: string[] = []): PathTemplate {
  const params: string[] = [];
  const used = new Set<string>();
  const param = (raw: string) => {
    rawNames.push(raw);
    let name = safeParamName(raw);
    if (used.has(name)) {
      let n = 2;
      while (used.has(name + n)) n++;
      name = name + n;
    }
    used.add(name);
    params.push(name);
    return `{${name}}`;
  };
  // Resolve dot segments as a URL would (`/a/../b` → `/b`, `.` dropped).
  const clean: string[] = [];
  for (const seg of segments) {
    if (seg === '.' || seg === '%2e' || seg === '%2E') continue;
    if (seg === '..' || /^(\.|%2e){2}$/i.test(seg)) clean.pop();
    else clean.push(seg);
  }
  const out = clean.map((seg) => {
    const colon = /^:([A-Za-z0-9_-]+)(.*)$/.exec(seg);
    if (colon) return param(colon[1]!) + encodeLiteral(colon[2]!);
    let res = '';
    let last = 0;
    // `{{name}}` (a Postman variable) and `{name}` (an OpenAPI-style template some exporters leave
    // in the URL) both become path parameters.
    for (const m of seg.matchAll(/\{\{\s*([^{}]+?)\s*\}\}|\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g)) {
      res += encodeLiteral(seg.slice(last, m.index));
      res += param((m[1] ?? m[2]!).replace(/^\$/, ''));
      last = m.index! + m[0].length;
    }
    res += encodeLiteral(seg.slice(last));
    return res;
  });
  return { path: '/' + out.filter((s) => s !== '').join('/'), params };
}

/**
 * Build a server from a base URL. Defined variables are resolved; the ones left become server
 * variables (`{{subdomain}}` → `{subdomain}`). Returns undefined when the base is only an unknown variable.
 */
export function serverFromBase(base: string, vars: Variables): Server | undefined {
  const resolved = vars.resolve(base).trim();
  if (/^\{\{[^{}]+\}\}$/.test(resolved)) return undefined;
  let url = resolved.replace(/[?#].*$/, '');
  // An undefined variable may stand for the scheme (`{{protocol}}://host`): it becomes a server
  // variable with the usual schemes as values.
  const schemeVar = /^\{\{\s*([^{}]+?)\s*\}\}:\/\//.exec(url)?.[1];
  if (schemeVar === undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    url = 'https://' + url.replace(/^\/+/, '');
  url = url.replace(/\/+$/, '');
  const variables: Server['variables'] = {};
  for (const name of unresolvedNames(url)) {
    const safe = safeParamName(name);
    if (safe === '__proto__') continue;
    const description = `Value of the Postman variable \`${name}\` (not defined in the collection).`;
    variables[safe] =
      name === schemeVar
        ? { default: 'https', enum: ['https', 'http'], description }
        : { default: safe, description };
  }
  url = url.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_m, n: string) => `{${safeParamName(n)}}`);
  // Anything else that cannot appear in a URL is percent-encoded (keeping {var} templates).
  url = wellFormed(url).replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%{}]/gu, (c) => encodeURIComponent(c));
  return { url, variables };
}
