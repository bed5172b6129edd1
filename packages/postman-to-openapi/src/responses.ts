import { mediaType, type MediaSample } from './bodies.js';
import { isJsonMediaType, parseJsonBody } from './json-body.js';
import { headerEntries } from './params.js';
import { redactSecrets } from './redact.js';
import { emptyShape, inferScalarShape, inferShape, type Shape } from './schema.js';
import { cleanName, isObject, safeStringify } from './text.js';
import type { Warnings } from './warnings.js';

const PREVIEW_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
  javascript: 'application/javascript',
};

/** Response headers worth documenting (the rest of a captured response is transport noise). */
const KEPT_HEADERS = /^(location|retry-after|link|(x-)?rate-?limit.*|x-request-id|www-authenticate)$/i;

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '402': 'Payment Required',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '409': 'Conflict',
  '410': 'Gone',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Entity',
  '423': 'Locked',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};

export interface ResponseSample {
  status: string;
  description: string;
  media: MediaSample | undefined;
  headers: Map<string, Shape>;
}

function statusOf(r: Record<string, unknown>): string | undefined {
  const c = r.code;
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^\d{3}$/.test(c.trim()) ? Number(c) : NaN;
  if (Number.isInteger(n) && n >= 100 && n <= 599) return String(n);
  return undefined;
}

/** Turn one saved example (`item.response[i]`) into a response sample. */
export function responseSample(
  raw: unknown,
  index: number,
  resolve: (s: string) => string,
  warnings: Warnings,
  label: string,
): ResponseSample | undefined {
  if (!isObject(raw)) {
    warnings.add(label, `saved example #${index + 1} is not an object; skipped`);
    return undefined;
  }
  const name = cleanName(raw.name) || `Example ${index + 1}`;
  let status = statusOf(raw);
  if (status === undefined) {
    warnings.add(
      label,
      `saved example "${name}" has no valid status code; documented as the default response`,
    );
    status = 'default';
  }
  const statusText = cleanName(raw.status, 120);
  const description = statusText || REASONS[status] || name;
  const headers = new Map<string, Shape>();
  const entries = headerEntries(raw.header);
  for (const h of entries) {
    if (h.disabled || !KEPT_HEADERS.test(h.key)) continue;
    const key = h.key.replace(/[^A-Za-z0-9!#$%&'*+.^_`|~-]/g, '');
    if (key !== '' && !headers.has(key)) headers.set(key, inferScalarShape(h.value, 'response'));
  }
  const declared = mediaType(
    entries.find((h) => !h.disabled && h.key.toLowerCase() === 'content-type')?.value,
  );
  const preview =
    typeof raw._postman_previewlanguage === 'string'
      ? PREVIEW_TYPES[raw._postman_previewlanguage]
      : undefined;
  let body = raw.body;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    body = safeStringify(body);
    if (body === undefined)
      warnings.add(label, `saved example "${name}" has a body that cannot be read; left out`);
  }
  const text = typeof body === 'string' ? body : '';
  if (text.trim() === '' || status === '204' || status === '304') {
    return { status, description, media: undefined, headers };
  }
  let ct = declared ?? preview;
  if (ct === undefined || isJsonMediaType(ct)) {
    const parsed = parseJsonBody(text, resolve);
    if (parsed.ok) {
      const value = redactSecrets(parsed.value);
      return {
        status,
        description,
        media: {
          contentType: ct ?? 'application/json',
          shape: inferShape(value, 'response'),
          example: value,
          name,
        },
        headers,
      };
    }
    if (ct !== undefined) {
      warnings.add(
        label,
        `saved example "${name}" declares JSON but its body is not valid JSON; schema left open`,
      );
      return {
        status,
        description,
        media: { contentType: ct, shape: emptyShape('response'), example: undefined, name },
        headers,
      };
    }
    ct = 'text/plain';
  }
  const shape = emptyShape('response');
  shape.types.add('string');
  shape.format = null;
  return { status, description, media: { contentType: ct, shape, example: text, name }, headers };
}
