import { getByPointer, type JsonObject } from './spec.js';

/** All the subschemas that apply to a value at this level: $ref targets and allOf/oneOf/anyOf parts. */
function parts(doc: JsonObject, schema: any, depth = 0): JsonObject[] {
  if (!schema || typeof schema !== 'object' || depth > 25) return [];
  const out: JsonObject[] = [schema];
  if (typeof schema.$ref === 'string') out.push(...parts(doc, getByPointer(doc, schema.$ref), depth + 1));
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const sub of Array.isArray(schema[key]) ? schema[key] : []) out.push(...parts(doc, sub, depth + 1));
  }
  if (schema.then) out.push(...parts(doc, schema.then, depth + 1));
  if (schema.else) out.push(...parts(doc, schema.else, depth + 1));
  return out;
}

/**
 * Lists fields of `value` that the schema does not declare anywhere (looking through $ref, allOf and
 * every oneOf/anyOf branch). Objects whose schema allows extra properties (additionalProperties or
 * patternProperties, or no `properties` at all) are open and never reported. This is what catches a
 * field renamed in the schema but not in an example, which plain validation lets through when the
 * schema is not closed.
 */
export function undeclaredFields(
  doc: JsonObject,
  schema: JsonObject | undefined,
  value: unknown,
  at = '',
): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  const applicable = parts(doc, schema);
  if (Array.isArray(value)) {
    const itemSchemas = applicable.map((p) => p.items).filter((s) => s && typeof s === 'object');
    if (itemSchemas.length === 0) return [];
    return value.flatMap((item, i) => undeclaredFields(doc, { anyOf: itemSchemas }, item, `${at}/${i}`));
  }
  const declared = new Map<string, JsonObject[]>();
  let open = false;
  let hasProperties = false;
  for (const part of applicable) {
    if (part.properties && typeof part.properties === 'object') {
      hasProperties = true;
      for (const [name, sub] of Object.entries<JsonObject>(part.properties)) {
        declared.set(name, [...(declared.get(name) ?? []), sub]);
      }
    }
    const extra = part.additionalProperties ?? part.unevaluatedProperties;
    if ((extra !== undefined && extra !== false) || part.patternProperties) open = true;
  }
  const found: string[] = [];
  for (const [name, inner] of Object.entries(value as JsonObject)) {
    const subs = declared.get(name);
    if (!subs) {
      if (hasProperties && !open) found.push(`${at}/${name}`);
      continue;
    }
    found.push(
      ...undeclaredFields(doc, subs.length === 1 ? subs[0] : { anyOf: subs }, inner, `${at}/${name}`),
    );
  }
  return found;
}
