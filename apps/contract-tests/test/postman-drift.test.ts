import { describe, expect, inject, test } from 'vitest';
import { postmanDir } from '../src/paths.js';
import { findCollection, matchOperation, type PostmanRequest, readCollection } from '../src/postman.js';
import { loadSuite, parseBody } from '../src/suite.js';

const prismUrl = inject('prismUrl');
const { operations, validator } = loadSuite(inject('specPath'));
const collectionPath = findCollection(postmanDir());
const requests = readCollection(collectionPath);

const AUTH: Record<PostmanRequest['auth'], Record<string, string>> = {
  basic: { authorization: `Basic ${Buffer.from('app_postman:postman-secret').toString('base64')}` },
  bearer: { authorization: 'Bearer postman.replay.token' },
  none: {},
};

function bodyOf(request: PostmanRequest): BodyInit | undefined {
  if (request.formData) {
    const form = new FormData();
    for (const field of request.formData) {
      if (field.type === 'file') form.append(field.key, new Blob([new Uint8Array([1, 2, 3])]), 'replay.bin');
      else form.append(field.key, field.value ?? '');
    }
    return form;
  }
  return request.rawBody;
}

describe(`the Postman collection replayed against the mock (${requests.length} requests)`, () => {
  test('the collection has requests', () => {
    expect(requests.length).toBeGreaterThan(0);
  });

  test.concurrent.for(requests.map((r) => [`${r.method} ${r.name}`, r] as const))(
    '%s: accepted by the spec',
    async ([, request]) => {
      const op = matchOperation(operations, request.method, request.path);
      expect(op, `no operation in the spec matches ${request.method} ${request.path}`).toBeDefined();
      const headers: Record<string, string> = { ...request.headers, ...AUTH[request.auth] };
      if (request.formData) delete headers['content-type'];
      const search = new URLSearchParams(request.query).toString();
      const response = await fetch(`${prismUrl}${request.path}${search ? `?${search}` : ''}`, {
        method: request.method,
        headers,
        body: bodyOf(request),
        redirect: 'manual',
      });
      const violations = response.headers.get('sl-violations');
      await response.arrayBuffer();
      expect(violations, `Prism found the collection's request invalid`).toBeNull();
      expect(response.status, 'not rejected (422) or unknown (404/405)').toBeLessThan(400);
    },
  );

  const examples = requests.flatMap((r) =>
    r.responses.map(
      (response) => [`${r.method} ${r.name} → ${response.code} ${response.name}`, r, response] as const,
    ),
  );
  test.for(examples)('saved response %s validates against the spec', ([, request, response]) => {
    const op = matchOperation(operations, request.method, request.path);
    expect(op, `no operation in the spec matches ${request.method} ${request.path}`).toBeDefined();
    const body = parseBody(response.contentType, response.body);
    expect(validator.validateResponse(op!, response.code, response.contentType, body)).toEqual([]);
  });
});
