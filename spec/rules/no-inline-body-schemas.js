// Request and response bodies reference named schemas: an inline object schema (or an array of
// inline objects, or an inline oneOf/anyOf/allOf) in a body's media type is reported. Inline scalar
// schemas (e.g. `type: string` for text/plain, `format: binary`) are fine.
const COMPOSITION = ['allOf', 'oneOf', 'anyOf'];

function isObjectLike(schema) {
  if (!schema || typeof schema !== 'object' || schema.$ref) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object')) return true;
  if (schema.properties || schema.additionalProperties || schema.patternProperties) return true;
  if (COMPOSITION.some((k) => Array.isArray(schema[k]))) return true;
  if (types.includes('array') || schema.items) return isObjectLike(schema.items);
  return false;
}

function checkMediaType(media, ctx) {
  if (isObjectLike(media.schema)) {
    ctx.report({
      message: 'Body schema is an inline object: move it to components/schemas and $ref it.',
      location: ctx.location.child(['schema']),
    });
  }
}

export function NoInlineBodySchemas() {
  return {
    RequestBody: { MediaType: { enter: checkMediaType } },
    Response: { MediaType: { enter: checkMediaType } },
  };
}
