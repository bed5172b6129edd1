import { describe, expect, it } from 'vitest';
import { collection, convert, example, op, openApiErrors, req } from './helpers.js';

const err = { errors: [{ code: 'not_found', title: 'Not found' }] };

describe('named bodies and shared parameters', () => {
  const input = collection([
    req(
      'Create App',
      'POST',
      'https://x.io/apps?x=1',
      { body: { mode: 'raw', raw: '{"displayName":"A","settings":{"a":1}}' } },
      [example(201, { app: { id: 'a', displayName: 'A' } }), example(404, err)],
    ),
    req('Get App', 'GET', 'https://x.io/apps/:appId?x=1', {}, [
      example(200, { app: { id: 'b', displayName: 'B' } }),
      example(404, err),
    ]),
    req('List Apps', 'GET', 'https://x.io/apps', {}, [
      example(200, { apps: [{ id: 'c', displayName: 'C' }], meta: { hasMore: false } }),
    ]),
  ]);

  it('names request bodies after the operation and single-property responses after the property', async () => {
    const { document } = convert(input);
    const schemas = (document.components as any).schemas;
    expect(Object.keys(schemas)).toEqual([
      'App',
      'AppResponse',
      'CreateAppRequest',
      'Error',
      'ErrorsResponse',
      'ListAppsResponse',
    ]);
    expect(op(document, '/apps', 'post').requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateAppRequest',
    });
    // Identical bodies share a name.
    expect(op(document, '/apps', 'post').responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/AppResponse',
    });
    expect(op(document, '/apps/{appId}', 'get').responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/AppResponse',
    });
    expect(op(document, '/apps/{appId}', 'get').responses['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorsResponse',
    });
    expect(schemas.ListAppsResponse.properties.apps.items).toEqual({ $ref: '#/components/schemas/App' });
    expect(await openApiErrors(document)).toBe('');
  });

  it('moves parameters used by several operations to components/parameters', () => {
    const { document } = convert(input);
    expect((document.components as any).parameters).toEqual({
      x: { name: 'x', in: 'query', required: false, schema: { type: 'integer' }, example: 1 },
    });
    expect(op(document, '/apps/{appId}', 'get').parameters).toEqual([
      { name: 'appId', in: 'path', required: true, schema: { type: 'string' } },
      { $ref: '#/components/parameters/x' },
    ]);
  });

  it('keeps bodies inline with inlineBodies', () => {
    const { document } = convert(input, { inlineBodies: true });
    expect(Object.keys((document.components as any).schemas)).toEqual(['App', 'Error']);
    expect(op(document, '/apps', 'post').requestBody.content['application/json'].schema.type).toBe('object');
  });
});
