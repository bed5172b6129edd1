import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { operationFunction } from '../src/client-adapter.js';
import { renameFieldInSchema } from '../src/mismatch.js';
import { packageDir } from '../src/paths.js';
import { listOperations, loadSpec } from '../src/spec.js';
import { SpecValidator, validateRequestBody } from '../src/validator.js';

// The experiment of issue 5, automated: a spec whose schema renamed a field that its example still uses
// must make the response check fail, and a client built from an older spec (missing an operation) must
// show up as an operation without a function.

function renameAndCheck(specPath: string) {
  const original = loadSpec(specPath);
  const mutated = structuredClone(original);
  const rename = renameFieldInSchema(mutated);
  expect(rename, 'the spec has a success example using a declared field').toBeDefined();
  const r = rename!;
  const op = (doc: typeof original) => listOperations(doc).find((o) => o.operationId === r.operationId)!;
  const before = new SpecValidator(original).validateResponse(
    op(original),
    r.status,
    r.contentType,
    r.example,
  );
  const after = new SpecValidator(mutated).validateResponse(op(mutated), r.status, r.contentType, r.example);
  return { rename: r, before, after };
}

describe('a deliberate mismatch makes the suite fail', () => {
  test('fixture: a renamed required field is reported', () => {
    const { rename, before, after } = renameAndCheck(join(packageDir, 'test/fixtures/mini.yaml'));
    expect(before).toEqual([]);
    expect(rename.field).toBe('/widget/id');
    expect(after.join('\n')).toContain("must have required property 'idRenamed'");
    expect(after.join('\n')).toContain('/widget/id is not declared in the schema');
  });

  test('the spec under test: renaming a field its example uses is reported', () => {
    const { rename, before, after } = renameAndCheck(inject('specPath'));
    expect(before, `${rename.operationId} ${rename.status} example is valid before the rename`).toEqual([]);
    expect(
      after.some((line) => line.includes(rename.field)),
      after.join('\n'),
    ).toBe(true);
  });

  test('the spec under test: renaming a request field its example uses is reported', () => {
    const original = loadSpec(inject('specPath'));
    const mutated = structuredClone(original);
    const rename = renameFieldInSchema(mutated, 'request');
    expect(rename, 'the spec has a request body example using a declared field').toBeDefined();
    const op = (doc: typeof original) =>
      listOperations(doc).find((o) => o.operationId === rename!.operationId)!;
    const check = (doc: typeof original) =>
      validateRequestBody(new SpecValidator(doc), doc, op(doc), rename!.example);
    expect(check(original)).toEqual([]);
    expect(check(mutated).some((line) => line.includes(rename!.field))).toBe(true);
  });

  test('a client built from an older spec (an operation it lacks) is detected', () => {
    const doc = loadSpec(inject('specPath'));
    const first = Object.values<Record<string, unknown>>(doc.paths)[0]!;
    const method = ['get', 'post', 'put', 'patch', 'delete'].find((m) => first[m])!;
    doc.paths['/v2/contract-test/only-in-a-newer-spec'] = {
      get: { ...(first[method] as object), operationId: 'listThingsFromANewerSpec' },
    };
    const lacking = (spec: typeof doc) =>
      listOperations(spec)
        .map((op) => op.operationId)
        .filter((id) => !operationFunction(id));
    const before = lacking(loadSpec(inject('specPath')));
    expect(lacking(doc)).toEqual([...before, 'listThingsFromANewerSpec']);
  });
});
