import { describe, expect, inject, test } from 'vitest';
import { authKindFor, clientFor, operationFunction, SunshineApiError } from '../src/client-adapter.js';
import { errorResponses, jsonMedia } from '../src/spec.js';
import { buildInput, clientParams, loadSuite, parseBody } from '../src/suite.js';

const prismUrl = inject('prismUrl');
const { doc, operations, validator } = loadSuite(inject('specPath'));

/** The `errors[{code,title}]` a documented error response's example carries (empty when it has none). */
function expectedErrors(example: unknown): { code: unknown; title: unknown }[] {
  if (!example || typeof example !== 'object' || !Array.isArray((example as any).errors)) return [];
  return (example as any).errors.map((e: any) => ({ code: e.code, title: e.title }));
}

const cases = operations.flatMap((op) =>
  errorResponses(op).map((response) => [`${op.operationId} → ${response.status}`, op, response] as const),
);

describe('every documented error status surfaces as the typed error', () => {
  test('the spec documents error responses', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.concurrent.for(cases)('%s', async ([, op, response]) => {
    const fn = operationFunction(op.operationId);
    expect(fn, `the client has no function for ${op.operationId}`).toBeTypeOf('function');
    const status = Number(response.status);
    const { client, exchanges } = clientFor(prismUrl, {
      prefer: `code=${status}`,
      auth: authKindFor(doc, op),
    });

    const error = await fn!(client, clientParams(buildInput(doc, op))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${op.operationId} resolved instead of throwing for ${status}`).toBeInstanceOf(
      SunshineApiError,
    );
    const apiError = error as InstanceType<typeof SunshineApiError>;
    expect(apiError.status).toBe(status);
    expect(apiError.method).toBe(op.method);

    const exchange = exchanges.at(-1)!;
    expect(exchange.status).toBe(status);
    const body = parseBody(exchange.contentType, exchange.bodyText);
    expect(validator.validateResponse(op, status, exchange.contentType, body)).toEqual([]);

    const media = jsonMedia(response.content) ?? response.content[0];
    const example = media?.examples[0];
    const expected = expectedErrors(body);
    if (media === undefined || example?.value === '') {
      // The spec documents an empty body (like the seed's 404 text/plain): no errors to parse, no crash.
      expect(exchange.bodyText).toBe('');
    } else if (example !== undefined) {
      expect(expected, 'Prism served the documented example').toEqual(expectedErrors(example.value));
    }
    expect(apiError.errors.map((e) => ({ code: e.code, title: e.title }))).toEqual(expected);
  });
});
