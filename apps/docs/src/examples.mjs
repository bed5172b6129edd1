// Example values for samples: the spec's own examples first, then values derived from the schema.
import { deref } from './spec.mjs';

const MAX_DEPTH = 6;

function firstNamedExample(doc, examples) {
  if (!examples || typeof examples !== 'object') return undefined;
  for (const entry of Object.values(examples)) {
    const example = deref(doc, entry);
    if (example && 'value' in example) return example.value;
  }
  return undefined;
}

function pickType(type) {
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? 'null';
  return type;
}

const STRING_FORMATS = {
  'date-time': '2026-01-15T09:30:00.000Z',
  date: '2026-01-15',
  email: 'ada@example.org',
  uri: 'https://example.org/callback',
  url: 'https://example.org/callback',
  uuid: '3f2c1a7e-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
  binary: 'file contents',
};

/** A value that validates against `schema` (best effort), preferring examples written in the spec. */
export function exampleFromSchema(doc, rawSchema, depth = 0, name = 'value') {
  const schema = deref(doc, rawSchema);
  if (!schema || typeof schema !== 'object') return 'string';
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return schema.enum.find((v) => v !== null) ?? null;
  if (schema.default !== undefined) return schema.default;
  if (depth > MAX_DEPTH) return undefined;

  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((part) => exampleFromSchema(doc, part, depth + 1, name));
    if (parts.every((part) => part && typeof part === 'object' && !Array.isArray(part))) {
      const merged = Object.assign({}, ...parts);
      if (schema.properties)
        Object.assign(merged, exampleFromSchema(doc, { ...schema, allOf: undefined }, depth + 1));
      return merged;
    }
    return parts[0];
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const choice = alternatives.find((alt) => pickType(deref(doc, alt).type) !== 'null') ?? alternatives[0];
    return exampleFromSchema(doc, choice, depth + 1, name);
  }

  const type = pickType(schema.type) ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string');
  switch (type) {
    case 'object': {
      const result = {};
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      // Required fields always; optional ones only when the schema is small, to keep samples readable.
      const keys = Object.keys(properties).filter(
        (key) => required.has(key) || (required.size === 0 && Object.keys(properties).length <= 4),
      );
      for (const key of keys) {
        const value = exampleFromSchema(doc, properties[key], depth + 1, key);
        if (value !== undefined) result[key] = value;
      }
      return result;
    }
    case 'array': {
      const item = exampleFromSchema(doc, schema.items ?? {}, depth + 1, name);
      return item === undefined ? [] : [item];
    }
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 1;
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      if (schema.format && STRING_FORMATS[schema.format]) return STRING_FORMATS[schema.format];
      const text = `my-${name}`;
      return typeof schema.minLength === 'number' && text.length < schema.minLength
        ? text.padEnd(schema.minLength, 'x')
        : text;
    }
  }
}

/** Example for a parameter object: `example`, `examples`, then its schema. */
export function exampleForParameter(doc, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = firstNamedExample(doc, parameter.examples);
  if (named !== undefined) return named;
  return exampleFromSchema(doc, parameter.schema ?? { type: 'string' }, 0, parameter.name);
}

/** Example request body for a media type object: `example`, `examples`, then its schema. */
export function exampleForMedia(doc, media) {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const named = firstNamedExample(doc, media.examples);
  if (named !== undefined) return named;
  return exampleFromSchema(doc, media.schema ?? {}, 0, 'body');
}
