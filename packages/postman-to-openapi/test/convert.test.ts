import { describe, expect, it } from 'vitest';
import { toYaml } from '../src/emit.js';
import { ImportError } from '../src/errors.js';
import { collection, convert, example, folder, op, openApiErrors, req } from './helpers.js';

describe('servers', () => {
  it('resolves {{baseUrl}} and keeps {{subdomain}} as a server variable', () => {
    const { document } = convert(
      collection([req('A', 'GET', '{{baseUrl}}/v2/apps')], {
        variable: [{ key: 'baseUrl', value: 'https://{{subdomain}}.zendesk.com/sc' }],
      }),
    );
    expect(document.servers).toEqual([
      {
        url: 'https://{subdomain}.zendesk.com/sc',
        variables: { subdomain: { default: 'subdomain', description: expect.any(String) } },
      },
    ]);
    expect(Object.keys(document.paths as object)).toEqual(['/v2/apps']);
  });

  it('falls back to the main server for an undefined {{url}}, warning with the folder path', () => {
    const { document, warnings } = convert(
      collection([
        folder('Things', [
          req('One', 'GET', 'https://api.x.io/a'),
          req('Two', 'GET', 'https://api.x.io/b'),
          req('Odd', 'GET', '{{url}}/c'),
        ]),
      ]),
    );
    expect(document.servers).toEqual([{ url: 'https://api.x.io' }]);
    expect(op(document, '/c', 'get').servers).toBeUndefined();
    expect(warnings).toEqual([
      {
        item: 'Things/Odd',
        message: 'host {{url}} is an undefined variable; assumed to be the main server https://api.x.io',
      },
    ]);
  });

  it('puts other literal hosts on the operation and adds --server URLs', async () => {
    const { document } = convert(
      collection([
        req('A', 'GET', 'https://api.x.io/a'),
        req('B', 'GET', 'https://api.x.io/b'),
        req('C', 'GET', 'http://other.io:8080/c'),
      ]),
      { servers: ['https://eu.x.io/'] },
    );
    expect(document.servers).toEqual([{ url: 'https://api.x.io' }, { url: 'https://eu.x.io' }]);
    expect(op(document, '/c', 'get').servers).toEqual([{ url: 'http://other.io:8080' }]);
    expect(await openApiErrors(document)).toBe('');
  });

  it('uses environment values', () => {
    const { document } = convert(collection([req('A', 'GET', '{{host}}/a')]), {
      environment: { values: [{ key: 'host', value: 'https://env.x.io', enabled: true }] },
    });
    expect(document.servers).toEqual([{ url: 'https://env.x.io' }]);
  });
});

describe('operations', () => {
  it('merges items with the same method and path (even with other parameter names) instead of overwriting', async () => {
    const { document, warnings } = convert(
      collection([
        req('Get user', 'GET', 'https://x.io/users/:id', {}, [
          example(200, { id: '1', name: 'A' }, { name: 'Found' }),
        ]),
        req('Get user again', 'GET', 'https://x.io/users/{{userId}}?verbose=true', {}, [
          example(200, { id: '2', name: 'B' }, { name: 'Other' }),
          example(404, { error: 'nope' }, { name: 'Missing' }),
        ]),
      ]),
    );
    expect(Object.keys(document.paths as object)).toEqual(['/users/{id}']);
    const get = op(document, '/users/{id}', 'get');
    expect(get.operationId).toBe('getUser');
    expect(Object.keys(get.responses)).toEqual(['200', '404']);
    expect(Object.keys(get.responses['200'].content['application/json'].examples)).toEqual([
      'found',
      'other',
    ]);
    expect(get.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
      ['id', true],
      ['verbose', false],
    ]);
    expect(warnings[0]).toEqual({
      item: 'Get user again',
      message: 'same method and path as "Get user"; merged into operation getUser',
    });
    expect(await openApiErrors(document)).toBe('');
  });

  it('gives camelCase, unique, stable operationIds and falls back to method + path', () => {
    const { document } = convert(
      collection([
        req('Update Integration', 'PATCH', 'https://x.io/a'),
        req('update integration', 'PUT', 'https://x.io/a'),
        req('日本語', 'GET', 'https://x.io/users/:id'),
        req('2fa check', 'POST', 'https://x.io/b'),
      ]),
      { operationIds: { '2fa check': 'checkTwoFactor' } },
    );
    expect(op(document, '/a', 'patch').operationId).toBe('updateIntegration');
    expect(op(document, '/a', 'put').operationId).toBe('updateIntegration2');
    expect(op(document, '/users/{id}', 'get').operationId).toBe('getUsersById');
    expect(op(document, '/b', 'post').operationId).toBe('checkTwoFactor');
  });

  it('uses the request name as summary and its description', () => {
    const get = op(
      convert(
        collection([
          req('List things', 'GET', 'https://x.io/t', {
            description: { content: 'All of them.', type: 'text/markdown' },
          }),
        ]),
      ).document,
      '/t',
      'get',
    );
    expect([get.summary, get.description]).toEqual(['List things', 'All of them.']);
  });

  it('skips methods OpenAPI cannot describe and requests without a URL, with warnings', () => {
    const { document, warnings } = convert(
      collection([
        req('Ok', 'GET', 'https://x.io/a'),
        req('Purge', 'PURGE', 'https://x.io/a'),
        req('Nowhere', 'GET', ''),
      ]),
    );
    expect(Object.keys((document.paths as any)['/a'])).toEqual(['get']);
    expect(warnings.map((w) => w.item)).toEqual(['Purge', 'Nowhere']);
  });

  it('fails clearly when nothing can be converted', () => {
    expect(() => convert(collection([]), { source: 'c.json' })).toThrow(ImportError);
  });

  it('extracts repeated object shapes into components', () => {
    const user = (id: string) => ({ user: { id, name: 'n', email: 'a@b.io' } });
    const { document } = convert(
      collection([
        req('Get user', 'GET', 'https://x.io/u/1', {}, [example(200, user('1'))]),
        req('Update user', 'PATCH', 'https://x.io/u/1', {}, [example(200, user('2'))]),
      ]),
    );
    expect((document.components as any).schemas.User).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string', format: 'email' },
      },
      required: ['id', 'name', 'email'],
    });
    expect((document.components as any).schemas.UserResponse).toEqual({
      type: 'object',
      properties: { user: { $ref: '#/components/schemas/User' } },
      required: ['user'],
    });
    expect(op(document, '/u/1', 'get').responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/UserResponse',
    });
  });

  it('is deterministic: the same input gives byte-identical YAML', () => {
    const input = collection([
      folder('B', [
        req('Second', 'POST', 'https://x.io/b', { body: { mode: 'raw', raw: '{"a":{"x":1,"y":2}}' } }),
      ]),
      folder('A', [req('First', 'GET', 'https://x.io/a', {}, [example(200, { a: { x: 1, y: 2 } })])]),
    ]);
    const one = toYaml(convert(input).document);
    const two = toYaml(convert(structuredClone(input)).document);
    expect(one).toBe(two);
    expect(Object.keys(convert(input).document.paths as object)).toEqual(['/a', '/b']);
  });
});

describe('tags', () => {
  it('turns folders into tags with descriptions and nested folders into x-tagGroups', async () => {
    const { document } = convert(
      collection([
        req('Root', 'GET', 'https://x.io/r'),
        folder(
          'Users',
          [req('List', 'GET', 'https://x.io/u'), folder('Keys', [req('Keys', 'GET', 'https://x.io/u/k')])],
          {
            description: 'People',
          },
        ),
        folder('Apps', [folder('Keys', [req('App keys', 'GET', 'https://x.io/a/k')])]),
      ]),
    );
    expect(document.tags).toEqual([
      { name: 'General', description: expect.any(String) },
      { name: 'Users', description: 'People' },
      { name: 'Users / Keys' },
      { name: 'Apps / Keys' },
    ]);
    expect(document['x-tagGroups']).toEqual([
      { name: 'General', tags: ['General'] },
      { name: 'Users', tags: ['Users', 'Users / Keys'] },
      { name: 'Apps', tags: ['Apps / Keys'] },
    ]);
    expect(op(document, '/a/k', 'get').tags).toEqual(['Apps / Keys']);
    expect(await openApiErrors(document)).toBe('');
  });

  it('does not add x-tagGroups for a flat collection', () => {
    const { document } = convert(collection([folder('A', [req('x', 'GET', 'https://x.io/a')])]));
    expect(document['x-tagGroups']).toBeUndefined();
    expect(document.tags).toEqual([{ name: 'A' }]);
  });
});
