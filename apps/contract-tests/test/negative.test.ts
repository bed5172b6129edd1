import { afterAll, describe, expect, inject, test } from 'vitest';
import { buildInput, MissingExampleError, type OperationInput, rawRequest } from '../src/inputs.js';
import { findMutations } from '../src/mutations.js';
import { flattenSchema, isSecured, jsonMedia, type Operation } from '../src/spec.js';
import { loadSuite, violationsOf } from '../src/suite.js';

const prismUrl = inject('prismUrl');
const { doc, operations, validator } = loadSuite(inject('specPath'));

/**
 * Prism rejects an invalid request with 422 (the violations in the problem+json body), or with the
 * spec's own 400 when the operation documents one (the violations in the `sl-violations` header).
 */
async function expectRejected(op: Operation, body: unknown, field: string) {
  const input = { ...buildInput(doc, op), body };
  const response = await rawRequest(prismUrl, doc, op, input);
  const text = await response.text();
  expect([400, 422], `${op.operationId}: Prism accepted the invalid body`).toContain(response.status);
  let violations = violationsOf(response) ?? '';
  if (response.status === 422) {
    violations = JSON.stringify((JSON.parse(text) as { validation?: unknown }).validation ?? '');
  }
  const lastSegment = field.split('.').at(-1)!;
  expect(violations, 'Prism names the broken field').toContain(lastSegment);
}

const withJsonBody = operations.flatMap((op) => {
  const media = op.requestBody ? jsonMedia(op.requestBody.content) : undefined;
  if (!media?.schema || !media.schemaPointer || media.examples.length === 0) return [];
  const mutations = findMutations(
    doc,
    validator,
    media.schemaPointer,
    media.schema,
    media.examples[0]!.value,
  );
  return [{ op, ...mutations }];
});

const withMultipart = operations.flatMap((op) => {
  const media = op.requestBody?.content.find((m) => m.contentType.startsWith('multipart/form-data'));
  const required: string[] = media?.schema ? (flattenSchema(doc, media.schema).required ?? []) : [];
  return required.length > 0 ? [{ op, field: required[0]! }] : [];
});

describe('invalid request bodies are rejected by the mock', () => {
  test('operations with a JSON request body were found', () => {
    expect(withJsonBody.length).toBeGreaterThan(0);
  });

  const missing = withJsonBody.filter((c) => c.hasRequired);
  test.concurrent.for(missing.map((c) => [c.op.operationId, c] as const))(
    '%s: a required field missing → rejected',
    async ([, c]) => {
      expect(
        c.missingRequired,
        `${c.op.operationId}: no required field of the example is enforced by the schema`,
      ).toBeDefined();
      await expectRejected(c.op, c.missingRequired!.body, c.missingRequired!.field);
    },
  );

  test.concurrent.for(withJsonBody.map((c) => [c.op.operationId, c] as const))(
    '%s: a field of the wrong type → rejected',
    async ([, c]) => {
      expect(c.wrongType, `${c.op.operationId}: no field of the example has an enforced type`).toBeDefined();
      await expectRejected(c.op, c.wrongType!.body, c.wrongType!.field);
    },
  );

  // Multipart parts are all strings on the wire, so only the missing-part check applies to them.
  test.concurrent.for(withMultipart.map((c) => [c.op.operationId, c] as const))(
    '%s: a required multipart part missing → rejected',
    async ([, c]) => {
      const form = buildInput(doc, c.op).body as FormData;
      expect(form.has(c.field), 'the valid form carries the part').toBe(true);
      form.delete(c.field);
      await expectRejected(c.op, form, c.field);
    },
  );

  afterAll(() => {
    const optionalOnly = withJsonBody.filter((c) => !c.hasRequired).map((c) => c.op.operationId);
    console.log(
      `missing-required-field check not applicable (body requires nothing): ${optionalOnly.join(', ') || 'none'}`,
    );
  });
});

/** Input for an auth check: the body does not matter there, so a missing body example is no obstacle. */
function inputForAuthCheck(op: Operation): OperationInput {
  try {
    return buildInput(doc, op);
  } catch (error) {
    if (!(error instanceof MissingExampleError) || !/request body/.test(error.message)) throw error;
    return buildInput(doc, { ...op, requestBody: undefined });
  }
}

describe('credentials', () => {
  const secured = operations.filter(isSecured);
  const open = operations.filter((op) => !isSecured(op));

  test.concurrent.for(secured.map((op) => [op.operationId, op] as const))(
    '%s without credentials → 401',
    async ([, op]) => {
      const response = await rawRequest(prismUrl, doc, op, inputForAuthCheck(op), { auth: false });
      expect(response.status).toBe(401);
      await response.arrayBuffer();
    },
  );

  test.concurrent.for(open.map((op) => [op.operationId, op] as const))(
    '%s is public: no credentials needed',
    async ([, op]) => {
      const response = await rawRequest(prismUrl, doc, op, inputForAuthCheck(op), { auth: false });
      expect(response.status).not.toBe(401);
      await response.arrayBuffer();
    },
  );
});
