// Every 4xx/5xx response that has a body uses the shared error envelope `{ errors: [{ code, title }] }`.
// JSON media types must `$ref` a schema shaped like the envelope. A non-JSON media type is accepted
// only when it declares an empty body (`maxLength: 0` or `const: ''`), e.g. a bare `text/plain` 404.
const ERROR_STATUS = /^[45]([0-9]{2}|XX)$/i;
const JSON_MEDIA = /^application\/(.+\+)?json$/i;

function isEmptyBodySchema(schema) {
  return !!schema && (schema.maxLength === 0 || schema.const === '');
}

function resolveDeep(ctx, node, from) {
  if (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const resolved = ctx.resolve(node, from);
    if (!resolved || resolved.node === undefined) return { node: undefined, from };
    return resolveDeep(ctx, resolved.node, resolved.location?.source?.absoluteRef ?? from);
  }
  return { node, from };
}

function isEnvelope(ctx, schema, from) {
  const props = schema?.properties;
  if (!props?.errors) return false;
  const errors = resolveDeep(ctx, props.errors, from);
  const items = resolveDeep(ctx, errors.node?.items, errors.from).node;
  const errorsType = errors.node?.type;
  const isArray = errorsType === 'array' || (Array.isArray(errorsType) && errorsType.includes('array'));
  return isArray && !!items?.properties?.code && !!items?.properties?.title;
}

export function ErrorEnvelope() {
  return {
    Responses: {
      enter(responses, ctx) {
        const here = ctx.location.source.absoluteRef;
        for (const [status, rawResponse] of Object.entries(responses)) {
          if (!ERROR_STATUS.test(status)) continue;
          const { node: response, from } = resolveDeep(ctx, rawResponse, here);
          const content = response?.content;
          if (!content || typeof content !== 'object') continue;
          for (const [mediaType, media] of Object.entries(content)) {
            const location = ctx.location.child([status]);
            const rawSchema = media?.schema;
            if (JSON_MEDIA.test(mediaType)) {
              const target = resolveDeep(ctx, rawSchema, from);
              if (!rawSchema?.$ref || !isEnvelope(ctx, target.node, target.from)) {
                ctx.report({
                  message:
                    `Response ${status} (${mediaType}) must $ref the shared error envelope ` +
                    '`{ errors: [{ code, title }] }`.',
                  location,
                });
              }
            } else if (!isEmptyBodySchema(resolveDeep(ctx, rawSchema, from).node)) {
              ctx.report({
                message:
                  `Response ${status} has a ${mediaType} body: error bodies use the JSON error envelope ` +
                  '(a non-JSON body is allowed only when declared empty with `maxLength: 0`).',
                location,
              });
            }
          }
        }
      },
    },
  };
}
