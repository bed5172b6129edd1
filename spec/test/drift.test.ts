// Drift check: every request of the Postman collection (path parameters, query, body) and every saved
// response example must validate against the spec (bundled from spec/openapi.yaml, checked with ajv 2020).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './helpers/bundle.js';
import { readCollection } from './helpers/postman.js';
import { SpecValidator } from './helpers/validate.js';

const collectionFile = fileURLToPath(
  new URL('../postman/sunshine-conversations-v2.postman_collection.json', import.meta.url),
);
const { requests, variables } = readCollection(collectionFile);
const validator = new SpecValidator(bundleSpec());

describe('collection drift check', () => {
  it('reads all 68 requests of the collection', () => {
    expect(requests).toHaveLength(68);
  });

  for (const req of requests) {
    describe(`${req.folder} / ${req.name}`, () => {
      it('request (path, query, body) validates', () => {
        expect(validator.checkRequest(req, variables)).toEqual([]);
      });
      req.responses.forEach((res, i) => {
        it(`response #${i + 1} ${res.code} "${res.name}" validates`, () => {
          expect(validator.checkResponse(req, res)).toEqual([]);
        });
      });
    });
  }
});

describe('seed item "Update Integration"', () => {
  const seed = requests.find((r) => r.name === 'Update Integration');
  if (!seed) throw new Error('the collection has no "Update Integration" item');
  const found = validator.findOperation(seed);

  it('maps to PATCH /v2/apps/{appId}/integrations/{integrationId} (updateIntegration)', () => {
    expect(found?.op.path).toBe('/v2/apps/{appId}/integrations/{integrationId}');
    expect(found?.op.operation.operationId).toBe('updateIntegration');
  });

  it('accepts its Android body (displayName, serverKey, senderId, canUserCreateConversation)', () => {
    expect(JSON.parse(seed.body?.raw ?? '{}')).toEqual({
      displayName: 'My awesome integration',
      serverKey: '<server-key>',
      senderId: '<sender-id>',
      canUserCreateConversation: false,
    });
    expect(validator.checkRequest(seed, variables)).toEqual([]);
  });

  it('accepts its 200 body (serverId, canUserCreateMoreConversations)', () => {
    const ok = seed.responses.find((r) => r.code === 200);
    expect(ok?.body).toContain('canUserCreateMoreConversations');
    expect(validator.checkResponse(seed, ok!)).toEqual([]);
  });

  it('accepts its 404 with an empty text/plain body', () => {
    const notFound = seed.responses.find((r) => r.code === 404);
    expect(notFound?.body).toBe('');
    expect(validator.checkResponse(seed, notFound!)).toEqual([]);
  });

  it('rejects the same body with a wrongly typed field', () => {
    const bad = { ...seed, body: { mode: 'raw', raw: JSON.stringify({ canUserCreateConversation: 'no' }) } };
    expect(validator.checkRequest(bad, variables).join('\n')).toMatch(/request body/);
  });

  it('rejects a 200 body whose Android integration has a wrongly typed field', () => {
    const body = JSON.stringify({
      integration: { id: '5e4af71a81966cfff3ef6550', type: 'android', canUserCreateMoreConversations: 'yes' },
    });
    const errors = validator.checkResponse(seed, {
      code: 200,
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body,
    });
    expect(errors).not.toEqual([]);
  });

  it('rejects a 404 with a non-empty text/plain body', () => {
    const errors = validator.checkResponse(seed, {
      code: 404,
      header: [{ key: 'Content-Type', value: 'text/plain' }],
      body: 'Not Found',
    });
    expect(errors).not.toEqual([]);
  });
});

describe('the drift check itself can fail', () => {
  const listIntegrations = requests.find((r) => r.name === 'List Integrations')!;

  it('flags a query parameter the spec does not declare', () => {
    const req = { ...listIntegrations, query: [...listIntegrations.query, { key: 'colour', value: 'blue' }] };
    expect(validator.checkRequest(req, variables)).toContain('query parameter colour is not declared');
  });

  it('flags a page size that is not a number', () => {
    const req = {
      ...listIntegrations,
      query: listIntegrations.query.map((q) => (q.key === 'page[size]' ? { ...q, value: 'ten' } : q)),
    };
    expect(validator.checkRequest(req, variables).join('\n')).toMatch(/query parameter page=/);
  });

  it('flags a status code the spec does not declare', () => {
    expect(validator.checkResponse(listIntegrations, { code: 418, body: '' })).toEqual([
      'status 418 is not declared',
    ]);
  });

  it('flags a path the spec does not have', () => {
    const req = { ...listIntegrations, segments: ['v2', 'apps', ':appId', 'gadgets'] };
    expect(validator.checkRequest(req, variables)[0]).toMatch(/^no operation GET/);
  });
});
