import { afterAll, describe, expect, inject, test } from 'vitest';
import { authKindFor, clientFor, functionName, operationFunction } from '../src/client-adapter.js';
import { successResponse } from '../src/spec.js';
import { buildInput, clientParams, loadSuite, parseBody } from '../src/suite.js';
import { validateRequestBody } from '../src/validator.js';

const prismUrl = inject('prismUrl');
const { doc, operations, validator } = loadSuite(inject('specPath'));
const exercised = new Set<string>();

describe('every operation of the spec, called through the generated client', () => {
  test('the spec lists operations', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  test.concurrent.for(operations.map((op) => [op.operationId, op] as const))('%s', async ([, op]) => {
    const fn = operationFunction(op.operationId);
    expect(
      fn,
      `@sunshine-openapi/client exports no ${functionName(op.operationId)}(): rebuild the client from this spec`,
    ).toBeTypeOf('function');
    const success = successResponse(op);
    expect(success, `${op.operationId} documents no 2xx/3xx response`).toBeDefined();

    const input = buildInput(doc, op);
    expect(
      validateRequestBody(validator, doc, op, input.body),
      'the request example matches its schema',
    ).toEqual([]);
    const { client, exchanges } = clientFor(prismUrl, { auth: authKindFor(doc, op) });
    const result = (await fn!(client, clientParams(input)).catch((error: unknown) => {
      const last = exchanges.at(-1);
      const why = last?.violations ? `Prism found the request invalid: ${last.violations}` : last?.bodyText;
      throw new Error(`${op.operationId} failed: ${String(error)}${why ? `\n${why}` : ''}`);
    })) as { status: number; data: unknown };

    expect(exchanges, 'the client made exactly one request').toHaveLength(1);
    const exchange = exchanges[0]!;
    expect(
      exchange.violations,
      `Prism found the client's request invalid: ${exchange.violations}`,
    ).toBeNull();
    expect(exchange.method).toBe(op.method);
    expect(exchange.status).toBe(Number(success!.status));
    const body = parseBody(exchange.contentType, exchange.bodyText);
    expect(validator.validateResponse(op, exchange.status, exchange.contentType, body)).toEqual([]);
    expect(result.status, 'the client reports the status it got').toBe(exchange.status);
    if (body !== undefined && typeof body === 'object') {
      expect(result.data, 'the client returns the parsed response body').toEqual(body);
    }
    exercised.add(op.operationId);
  });

  test('every operation was exercised', () => {
    const missing = operations.map((op) => op.operationId).filter((id) => !exercised.has(id));
    expect(missing, 'operations without a passing contract test').toEqual([]);
  });

  afterAll(() => {
    console.log(`operations exercised: ${exercised.size}/${operations.length}`);
  });
});
