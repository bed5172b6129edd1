// Every property of every schema declares what it is: a `type`, a `$ref`, or a composition
// (oneOf/anyOf/allOf). `{}` or a bare `description`/`enum`/`const` property is reported.
export function TypedProperties() {
  return {
    Schema: {
      enter(schema, ctx) {
        const props = schema.properties;
        if (!props || typeof props !== 'object') return;
        for (const [name, prop] of Object.entries(props)) {
          if (prop && typeof prop === 'object') {
            if (prop.$ref || prop.type !== undefined) continue;
            if (['oneOf', 'anyOf', 'allOf'].some((k) => Array.isArray(prop[k]) && prop[k].length > 0))
              continue;
          }
          ctx.report({
            message: `Property "${name}" has no type: add \`type\` (or a $ref / oneOf).`,
            location: ctx.location.child(['properties', name]),
          });
        }
      },
    },
  };
}
