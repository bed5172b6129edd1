import { describe, expect, it } from 'vitest';
import { parseUrl, pathTemplate, serverFromBase } from '../src/urls.js';
import { Variables } from '../src/variables.js';

describe('parseUrl', () => {
  it('reads v2.0 URL strings with host, path and query', () => {
    const u = parseUrl('https://api.example.com/v1/users/:id?limit=10&flag');
    expect(u.base).toBe('https://api.example.com');
    expect(u.segments).toEqual(['v1', 'users', ':id']);
    expect(u.query).toEqual([
      { key: 'limit', value: '10', disabled: false, description: undefined },
      { key: 'flag', value: undefined, disabled: false, description: undefined },
    ]);
  });

  it('reads v2.1 URL objects (host and path arrays, query with disabled entries, variables)', () => {
    const u = parseUrl({
      raw: 'ignored',
      protocol: 'https',
      host: ['api', 'example', 'com'],
      port: '8443',
      path: ['v1', ':id'],
      query: [
        { key: 'a', value: '1', disabled: true, description: { content: 'A value', type: 'text/plain' } },
        { key: null },
      ],
      variable: [{ key: 'id', value: '42', description: 'The id' }],
    });
    expect(u.base).toBe('https://api.example.com:8443');
    expect(u.segments).toEqual(['v1', ':id']);
    expect(u.query).toEqual([{ key: 'a', value: '1', disabled: true, description: 'A value' }]);
    expect(u.pathVariables.get('id')).toEqual({ value: '42', description: 'The id' });
  });

  it('falls back to raw when the object has no host/path', () => {
    const u = parseUrl({ raw: '{{baseUrl}}/a/b?x=1#frag' });
    expect(u.base).toBe('{{baseUrl}}');
    expect(u.segments).toEqual(['a', 'b']);
    expect(u.query[0]!.key).toBe('x');
  });

  it('tolerates missing and odd values', () => {
    expect(parseUrl(undefined).segments).toEqual([]);
    expect(parseUrl(42).base).toBeUndefined();
    expect(parseUrl({ host: [null, 3], path: [{ value: 'a' }, null, 'b/c'] }).segments).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('pathTemplate', () => {
  it('turns :name and {{name}} into {name}', () => {
    expect(pathTemplate(['v2', 'apps', '{{appId}}', 'integrations', ':integrationId'])).toEqual({
      path: '/v2/apps/{appId}/integrations/{integrationId}',
      params: ['appId', 'integrationId'],
    });
  });

  it('encodes literal text, sanitises names and de-duplicates repeated names', () => {
    const t = pathTemplate(['a b', ':id', 'x', ':id', '{{weird name!}}', 'ü']);
    expect(t.path).toBe('/a%20b/{id}/x/{id2}/{weird_name_}/%C3%BC');
    expect(t.params).toEqual(['id', 'id2', 'weird_name_']);
  });

  it('resolves dot segments and renames parameters made only of dots', () => {
    expect(pathTemplate(['a', '..', '..', 'etc', '.', 'passwd']).path).toBe('/etc/passwd');
    expect(pathTemplate(['%2e%2e', 'x', '{{..}}']).path).toBe('/x/{param}');
  });

  it('gives / for an empty path and never a trailing slash', () => {
    expect(pathTemplate([]).path).toBe('/');
    expect(pathTemplate(['a', '']).path).toBe('/a');
  });
});

describe('serverFromBase', () => {
  const vars = new Variables([
    { key: 'baseUrl', value: 'https://{{subdomain}}.zendesk.com/sc' },
    { key: 'host', value: 'api.example.com/' },
  ]);

  it('resolves variables and turns unresolved ones into server variables', () => {
    expect(serverFromBase('{{baseUrl}}', vars)).toEqual({
      url: 'https://{subdomain}.zendesk.com/sc',
      variables: { subdomain: { default: 'subdomain', description: expect.stringContaining('subdomain') } },
    });
  });

  it('adds https:// when no scheme is given and drops trailing slashes', () => {
    expect(serverFromBase('{{host}}', vars)!.url).toBe('https://api.example.com');
  });

  it('returns undefined for a host that is only an undefined variable', () => {
    expect(serverFromBase('{{url}}', vars)).toBeUndefined();
  });
});
