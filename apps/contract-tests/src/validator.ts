import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject, MediaType, Operation } from './spec.js';
import { undeclaredFields } from './undeclared.js';

// ajv-formats is CommonJS with a `default` export; unwrap it the same way under Node and vitest.
const addFormats: typeof addFormatsModule.default = (addFormatsModule as any).default ?? addFormatsModule;

const SPEC_ID = 'urn:sunshine-openapi:spec';

/** JSON Schema 2020-12 validation of values against schemas that live inside an OpenAPI 3.1 document. */
export class SpecValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: JsonObject) {
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      logger: false,
      validateSchema: false,
    });
    addFormats(this.ajv);
    // OpenAPI keywords that carry no validation meaning for JSON Schema.
    for (const keyword of ['discriminator', 'xml', 'externalDocs', 'example']) {
      if (!this.ajv.getKeyword(keyword)) this.ajv.addKeyword(keyword);
    }
    this.ajv.addSchema(structuredClone(doc), SPEC_ID);
  }

  /** Validates `value` against the schema at `pointer` (e.g. `#/components/schemas/App`); returns error lines. */
  validate(pointer: string, value: unknown): string[] {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.cache.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${formatParams(e.params)}`,
    );
  }

  /**
   * Validates a response body against what the operation documents for `status` and `contentType`.
   * Returns error lines; an undocumented status or content type is an error too, and so is a field of
   * the body that the schema does not declare (see `undeclaredFields`).
   */
  validateResponse(op: Operation, status: number, contentType: string | null, body: unknown): string[] {
    const response =
      op.responses.find((r) => r.status === String(status)) ??
      op.responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
      op.responses.find((r) => r.status === 'default');
    if (!response) return [`${op.operationId}: status ${status} is not documented`];
    const bodyIsEmpty = body === undefined || body === '' || body === null;
    if (response.content.length === 0) {
      return bodyIsEmpty
        ? []
        : [`${op.operationId} ${status}: the spec documents no body but one was returned`];
    }
    const media = findMedia(response.content, contentType);
    if (!media) {
      return [
        `${op.operationId} ${status}: content type ${contentType ?? '(none)'} is not documented ` +
          `(documented: ${response.content.map((m) => m.contentType).join(', ')})`,
      ];
    }
    if (!media.schemaPointer) return [];
    const errors = this.validate(media.schemaPointer, body);
    for (const field of undeclaredFields(this.doc, media.schema, body)) {
      errors.push(`${field} is not declared in the schema`);
    }
    return errors.map((e) => `${op.operationId} ${status}: ${e}`);
  }
}

/** Adds request-side checks to SpecValidator (kept apart so the class reads response-first). */
export function validateRequestBody(
  validator: SpecValidator,
  doc: JsonObject,
  op: Operation,
  body: unknown,
): string[] {
  const media = op.requestBody?.content.find((m) => /^application\/(.+\+)?json/.test(m.contentType));
  if (!media?.schemaPointer || body === undefined) return [];
  const errors = validator.validate(media.schemaPointer, body);
  for (const field of undeclaredFields(doc, media.schema, body))
    errors.push(`${field} is not declared in the schema`);
  return errors.map((e) => `${op.operationId} request body: ${e}`);
}

function formatParams(params: Record<string, unknown>): string {
  const interesting = Object.entries(params).filter(([k]) =>
    ['missingProperty', 'additionalProperty', 'allowedValues', 'type', 'format'].includes(k),
  );
  return interesting.length
    ? ` (${interesting.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})`
    : '';
}

export function findMedia(content: MediaType[], contentType: string | null): MediaType | undefined {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    content.find((m) => m.contentType.toLowerCase() === base) ??
    content.find((m) => {
      const [type, sub] = m.contentType.toLowerCase().split('/');
      const [btype] = base.split('/');
      return sub === '*' && (type === '*' || type === btype);
    })
  );
}
