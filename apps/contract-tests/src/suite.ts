import { buildInput, type OperationInput } from './inputs.js';
import { type JsonObject, listOperations, loadSpec, type Operation } from './spec.js';
import { SpecValidator } from './validator.js';

/** Everything a test file needs about the spec under test, loaded once per file. */
export interface SuiteContext {
  doc: JsonObject;
  operations: Operation[];
  validator: SpecValidator;
}

export function loadSuite(specPath: string): SuiteContext {
  const doc = loadSpec(specPath);
  return { doc, operations: listOperations(doc), validator: new SpecValidator(doc) };
}

/** Parses a body the way a client would: JSON for JSON types, text otherwise, undefined when empty. */
export function parseBody(contentType: string | null, text: string): unknown {
  const isJson = Boolean(contentType && /^application\/(.+\+)?json/i.test(contentType));
  if (text === '') return isJson || !contentType ? undefined : '';
  if (isJson) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Client call parameters: path parameters spread at the top level, then `query` and `body`. */
export function clientParams(input: OperationInput): Record<string, unknown> {
  const params: Record<string, unknown> = { ...input.path };
  if (Object.keys(input.query).length > 0) params.query = input.query;
  if (input.body !== undefined) params.body = input.body;
  return params;
}

export { buildInput };

/** Prism adds `sl-violations` to a response when the request broke the spec. */
export function violationsOf(response: Response): string | null {
  return response.headers.get('sl-violations');
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
