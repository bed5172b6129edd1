import { isJsonMediaType, parseJsonBody } from './json-body.js';
import { headerValue } from './params.js';
import { isSecretName, placeholder, redactSecrets } from './redact.js';
import { emptyShape, inferScalarShape, inferShape, type Shape, scalarExample } from './schema.js';
import { descriptionText, isObject, safeStringify, setOwn } from './text.js';
import type { Warnings } from './warnings.js';

/** One observed body of a given media type, with its example. */
export interface MediaSample {
  contentType: string;
  shape: Shape;
  example: unknown;
  /** Name of the item or saved example it came from. */
  name: string;
}

const LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  text: 'text/plain',
  javascript: 'application/javascript',
  graphql: 'application/graphql',
};

/** `application/json; charset=utf-8` → `application/json` (or undefined when not a media type). */
export function mediaType(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = v.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t) ? t : undefined;
}

function stringShape(format?: string): Shape {
  const s = emptyShape('request');
  s.types.add('string');
  s.format = format ?? null;
  return s;
}

function objectShape(): Shape {
  const s = emptyShape('request');
  s.types.add('object');
  s.objects = 1;
  return s;
}

interface FormField {
  key: string;
  value: string | undefined;
  file: boolean;
  disabled: boolean;
  description: string | undefined;
}

function formFields(list: unknown): FormField[] {
  if (!Array.isArray(list)) return [];
  const out: FormField[] = [];
  for (const f of list) {
    if (!isObject(f) || typeof f.key !== 'string' || f.key.trim() === '') continue;
    out.push({
      key: f.key.trim(),
      value:
        typeof f.value === 'string' ? f.value : typeof f.value === 'number' ? String(f.value) : undefined,
      file: f.type === 'file',
      disabled: f.disabled === true,
      description: descriptionText(f.description),
    });
  }
  return out;
}

function formSample(
  contentType: string,
  fields: FormField[],
  resolve: (s: string) => string,
  name: string,
): MediaSample {
  const shape = objectShape();
  const example: Record<string, unknown> = {};
  for (const f of fields) {
    if (shape.props.has(f.key)) continue;
    if (f.file) {
      shape.props.set(f.key, stringShape('binary'));
    } else {
      const given = f.value === undefined ? undefined : resolve(f.value);
      const value = given !== undefined && given !== '' && isSecretName(f.key) ? placeholder(f.key) : given;
      const s = inferScalarShape(value, 'request');
      shape.props.set(f.key, s);
      if (value !== undefined && value !== '' && !/\{\{[^{}]*\}\}/.test(value) && !f.disabled) {
        setOwn(example, f.key, scalarExample(value, s));
      }
    }
    shape.counts.set(f.key, f.disabled ? 0 : 1);
  }
  return { contentType, shape, example: Object.keys(example).length > 0 ? example : undefined, name };
}

/** The request body of an item, or undefined when it has none. */
export function requestBody(
  request: Record<string, unknown>,
  resolve: (s: string) => string,
  warnings: Warnings,
  label: string,
): MediaSample | undefined {
  const body = request.body;
  if (!isObject(body)) return undefined;
  if (body.disabled === true) return undefined;
  const declared = mediaType(headerValue(request.header, 'content-type'));
  const name = label.split('/').pop() ?? label;
  switch (body.mode) {
    case 'raw': {
      const raw =
        typeof body.raw === 'string'
          ? body.raw
          : body.raw === undefined || body.raw === null
            ? ''
            : (safeStringify(body.raw) ?? '');
      if (raw.trim() === '') return undefined;
      const options = isObject(body.options) && isObject(body.options.raw) ? body.options.raw : {};
      const language = typeof options.language === 'string' ? options.language.toLowerCase() : undefined;
      let ct = declared ?? (language ? LANGUAGE_TYPES[language] : undefined);
      if (ct === undefined || isJsonMediaType(ct)) {
        const parsed = parseJsonBody(raw, resolve);
        if (parsed.ok) {
          const value = redactSecrets(parsed.value);
          return {
            contentType: ct ?? 'application/json',
            shape: inferShape(value, 'request'),
            example: value,
            name,
          };
        }
        if (ct !== undefined) {
          warnings.add(label, 'request body is not valid JSON; its schema is left open');
          return { contentType: ct, shape: emptyShape('request'), example: undefined, name };
        }
        ct = 'text/plain';
      }
      return { contentType: ct, shape: stringShape(), example: resolve(raw), name };
    }
    case 'urlencoded':
      return formSample('application/x-www-form-urlencoded', formFields(body.urlencoded), resolve, name);
    case 'formdata':
      return formSample('multipart/form-data', formFields(body.formdata), resolve, name);
    case 'file':
      return {
        contentType: declared ?? 'application/octet-stream',
        shape: stringShape('binary'),
        example: undefined,
        name,
      };
    case 'graphql': {
      const g = isObject(body.graphql) ? body.graphql : {};
      const query = typeof g.query === 'string' ? g.query : '';
      let variables: unknown;
      if (typeof g.variables === 'string' && g.variables.trim() !== '') {
        const parsed = parseJsonBody(g.variables, resolve);
        if (parsed.ok) variables = redactSecrets(parsed.value);
        else warnings.add(label, 'GraphQL variables are not valid JSON; left out of the example');
      } else if (isObject(g.variables)) variables = g.variables;
      const value: Record<string, unknown> = { query };
      if (variables !== undefined) value.variables = variables;
      const shape = inferShape(value, 'request');
      if (!shape.props.has('variables')) {
        const v = objectShape();
        v.objects = 0;
        shape.props.set('variables', v);
        shape.counts.set('variables', 0);
      }
      return { contentType: 'application/json', shape, example: value, name };
    }
    default:
      return undefined;
  }
}
