/** Loose shapes of what Postman exports (v2.0 and v2.1). Everything is optional: real exports vary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** How `required` is decided for object properties inferred from examples. */
export type RequiredRule = 'observed' | 'responses' | 'none';

export interface ConvertOptions {
  /** Parsed Postman environment (`{ values: [{ key, value, enabled }] }`), overrides collection variables. */
  environment?: unknown;
  /** Extra servers, appended after the ones derived from the collection. */
  servers?: string[];
  /**
   * `observed` (default for responses and requests): a property is required when it is present in every
   * example seen at that place. `responses`: same, but request-body properties are never required.
   * `none`: no property is ever required.
   */
  required?: RequiredRule;
  /** Explicit operationIds by request name (or folder path + name joined with `/`). */
  operationIds?: Record<string, string>;
  /** Keep request/response body schemas inline instead of naming them in components/schemas. */
  inlineBodies?: boolean;
  /** Name of the environment file, for error messages. */
  environmentSource?: string;
  /** Name used in error messages (the input file). */
  source?: string;
}

export interface ImportWarning {
  /** Folder path of the item, e.g. `Integrations/Update Integration`. */
  item: string;
  message: string;
}

export interface ConvertResult {
  document: JsonObject;
  warnings: ImportWarning[];
}

export type OpenApiDocument = JsonObject;
