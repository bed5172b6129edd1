import { setOwn } from './text.js';
import { type ParseError, parse as parseJsonc } from 'jsonc-parser';

const MAX_BODY_CHARS = 8 * 1024 * 1024;
const MAX_NESTING = 100;

/**
 * Parse a JSON body as written in Postman: comments and trailing commas allowed, `{{var}}` outside
 * strings replaced by its value (or a placeholder string), defined variables inside strings resolved.
 */
export function parseJsonBody(
  text: string,
  resolve: (s: string) => string,
): { ok: true; value: unknown } | { ok: false } {
  if (text.length > MAX_BODY_CHARS) return { ok: false };
  const prepared = replaceBareVariables(text, resolve);
  if (nesting(prepared) > MAX_NESTING) return { ok: false };
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsonc(prepared, errors, {
      allowTrailingComma: true,
      disallowComments: false,
      allowEmptyContent: false,
    });
  } catch {
    return { ok: false };
  }
  if (errors.length > 0 || value === undefined) return { ok: false };
  return { ok: true, value: resolveStrings(value, resolve) };
}

function nesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

function replaceBareVariables(text: string, resolve: (s: string) => string): string {
  if (!text.includes('{{')) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < text.length) out += text[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '{' && text[i + 1] === '{') {
      const end = text.indexOf('}}', i + 2);
      if (end > 0 && !text.slice(i + 2, end).includes('{')) {
        const token = text.slice(i, end + 2);
        const value = resolve(token);
        out +=
          value !== token && /^(-?\d+(\.\d+)?|true|false|null)$/.test(value) ? value : JSON.stringify(value);
        i = end + 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function resolveStrings(v: unknown, resolve: (s: string) => string, depth = 0): unknown {
  if (depth > MAX_NESTING) return v;
  if (typeof v === 'string') return v.includes('{{') ? resolve(v) : v;
  if (Array.isArray(v)) return v.map((x) => resolveStrings(x, resolve, depth + 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, resolveStrings(x, resolve, depth + 1));
    return out;
  }
  return v;
}

export function isJsonMediaType(ct: string): boolean {
  return /^application\/(.+\+)?json$/i.test(ct) || /\/json$/i.test(ct);
}
