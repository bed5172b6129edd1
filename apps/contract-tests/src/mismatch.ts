import { getByPointer, type JsonObject, jsonMedia, listOperations, type Operation } from './spec.js';

export interface Rename {
  operationId: string;
  /** The response status, or 0 for a request body. */
  status: number;
  contentType: string;
  /** Where the field sits in the example body, e.g. `/app/displayName`. */
  field: string;
  from: string;
  to: string;
  example: unknown;
}

function declaringParts(doc: JsonObject, schema: any, depth = 0): JsonObject[] {
  if (!schema || typeof schema !== 'object' || depth > 25) return [];
  const out: JsonObject[] = [schema];
  if (typeof schema.$ref === 'string')
    out.push(...declaringParts(doc, getByPointer(doc, schema.$ref), depth + 1));
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    for (const sub of Array.isArray(schema[key]) ? schema[key] : [])
      out.push(...declaringParts(doc, sub, depth + 1));
  }
  return out;
}

/**
 * The "deliberate mismatch" experiment, done in memory: in `doc` (mutated in place, pass a copy) rename
 * one property of a success response (or request body) schema that the operation's example uses, deepest level first,
 * leaving the example untouched. Returns what was renamed, or undefined when no example uses a declared
 * property.
 */
export function renameFieldInSchema(
  doc: JsonObject,
  where: 'response' | 'request' = 'response',
  suffix = 'Renamed',
): Rename | undefined {
  for (const op of listOperations(doc) as Operation[]) {
    const targets =
      where === 'response'
        ? op.responses.filter((r) => /^2\d\d$/.test(r.status))
        : op.requestBody
          ? [{ status: '0', description: 'request body', content: op.requestBody.content }]
          : [];
    for (const response of targets) {
      const media = jsonMedia(response.content);
      const example = media?.examples[0]?.value;
      if (!media?.schema || !example || typeof example !== 'object' || Array.isArray(example)) continue;
      let schema: any = media.schema;
      let value: any = example;
      let path = '';
      let target: { part: JsonObject; name: string; field: string } | undefined;
      for (let depth = 0; depth < 4 && value && typeof value === 'object' && !Array.isArray(value); depth++) {
        const parts = declaringParts(doc, schema);
        const name = Object.keys(value).find((key) => parts.some((p) => p.properties?.[key]));
        if (!name) break;
        const part = parts.find((p) => p.properties?.[name])!;
        target = { part, name, field: `${path}/${name}` };
        schema = part.properties[name];
        value = value[name];
        path = `${path}/${name}`;
      }
      if (!target) continue;
      const { part, name, field } = target;
      const to = `${name}${suffix}`;
      part.properties = Object.fromEntries(
        Object.entries(part.properties).map(([key, sub]) => [key === name ? to : key, sub]),
      );
      if (Array.isArray(part.required))
        part.required = part.required.map((r: string) => (r === name ? to : r));
      return {
        operationId: op.operationId,
        status: Number(response.status),
        contentType: media.contentType,
        field,
        from: name,
        to,
        example,
      };
    }
  }
  return undefined;
}
