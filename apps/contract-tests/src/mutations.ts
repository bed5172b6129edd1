import { flattenSchema, type JsonObject } from './spec.js';
import type { SpecValidator } from './validator.js';

export interface BodyMutation {
  /** What was changed, e.g. `removed required 'displayName'` or `'size' set to a string`. */
  description: string;
  /** Dotted location of the changed field. */
  field: string;
  body: unknown;
}

type Candidate = { field: string; description: string; apply: (body: JsonObject) => void };

function wrongValueFor(type: string | string[] | undefined): unknown {
  const types = Array.isArray(type) ? type : type ? [type] : [];
  if (types.length === 0) return undefined;
  if (!types.includes('integer') && !types.includes('number')) return 12345;
  if (!types.includes('string')) return 'not-a-valid-type';
  if (!types.includes('boolean')) return true;
  return undefined;
}

/** The flattened object schemas that may describe `value` (the schema itself and its oneOf/anyOf branches). */
function branches(doc: JsonObject, schema: JsonObject | undefined): JsonObject[] {
  const flat = flattenSchema(doc, schema);
  const alternatives = [...(flat.oneOf ?? []), ...(flat.anyOf ?? [])].map((s: JsonObject) =>
    flattenSchema(doc, s),
  );
  return [flat, ...alternatives.flatMap((s) => branches(doc, s))];
}

function getAt(body: JsonObject, path: string[]): any {
  return path.reduce<any>((acc, key) => (acc && typeof acc === 'object' ? acc[key] : undefined), body);
}

function collect(
  doc: JsonObject,
  schema: JsonObject | undefined,
  value: unknown,
  path: string[],
  out: { missing: Candidate[]; wrongType: Candidate[] },
  depth: number,
): void {
  if (depth > 3 || !value || typeof value !== 'object' || Array.isArray(value)) return;
  const present = value as JsonObject;
  for (const branch of branches(doc, schema)) {
    for (const name of branch.required ?? []) {
      if (!(name in present)) continue;
      const field = [...path, name].join('.');
      out.missing.push({
        field,
        description: `removed required '${field}'`,
        apply: (body) => {
          delete getAt(body, path)[name];
        },
      });
    }
    for (const [name, raw] of Object.entries<JsonObject>(branch.properties ?? {})) {
      if (!(name in present)) continue;
      const prop = flattenSchema(doc, raw);
      const wrong = wrongValueFor(prop.type);
      const field = [...path, name].join('.');
      if (wrong !== undefined) {
        out.wrongType.push({
          field,
          description: `'${field}' (type ${JSON.stringify(prop.type)}) set to ${JSON.stringify(wrong)}`,
          apply: (body) => {
            getAt(body, path)[name] = wrong;
          },
        });
      }
      collect(doc, raw, present[name], [...path, name], out, depth + 1);
    }
  }
}

/**
 * Finds a mutation of a valid example body that the request schema must reject: a required field
 * removed, or a field given a value of the wrong type. Candidates are checked with ajv so only
 * mutations the spec really forbids are returned (undefined when the schema forbids none of them).
 */
export function findMutations(
  doc: JsonObject,
  validator: SpecValidator,
  schemaPointer: string,
  schema: JsonObject,
  example: unknown,
): { missingRequired?: BodyMutation; wrongType?: BodyMutation; hasRequired: boolean } {
  const out = { missing: [] as Candidate[], wrongType: [] as Candidate[] };
  collect(doc, schema, example, [], out, 0);
  const pick = (candidates: Candidate[]): BodyMutation | undefined => {
    const seen = new Set<string>();
    for (const candidate of candidates) {
      if (seen.has(candidate.description)) continue;
      seen.add(candidate.description);
      const body = structuredClone(example) as JsonObject;
      candidate.apply(body);
      if (validator.validate(schemaPointer, body).length > 0) {
        return { description: candidate.description, field: candidate.field, body };
      }
    }
    return undefined;
  };
  return {
    missingRequired: pick(out.missing),
    wrongType: pick(out.wrongType),
    hasRequired: out.missing.length > 0,
  };
}
