// Shapes met in third-party collections (vendor exports, SDK fixtures, generated collections) that
// once produced an invalid document, a wrong path or server, or a flood of warnings. Each collection
// here is written for the test; it reproduces the shape, not anyone's content.
import { describe, expect, it } from 'vitest';
import { collection, convert, example, folder, op, openApiErrors, req } from './helpers.js';

describe('real-world collection shapes', () => {
  it('leaves out examples holding a "$ref" key (resolvers would follow it) but keeps their schema', async () => {
    const body = { id: 1, schema: { $ref: '#/definitions/Thing' }, items: [{ $ref: 'other.json' }] };
    const { document, warnings } = convert(
      collection([
        req(
          'Get schema',
          'POST',
          'https://api.example.com/schemas',
          { body: { mode: 'raw', raw: JSON.stringify(body), options: { raw: { language: 'json' } } } },
          [example(200, body, { name: 'Schema doc' }), example(200, { id: 2 }, { name: 'Plain' })],
        ),
        req('Filter', 'GET', 'https://api.example.com/things?filter[$ref]=x&filter[name]=y'),
      ]),
    );
    expect(await openApiErrors(document)).toBe('');
    const get = op(document, '/schemas', 'post');
    const media = get.responses['200'].content['application/json'];
    expect(Object.keys(media.examples)).toEqual(['plain']);
    expect(JSON.stringify(media.schema)).toContain('"$ref"'); // the property is still described
    expect(get.requestBody.content['application/json'].examples).toBeUndefined();
    const filter = op(document, '/things', 'get').parameters.find((p: any) => p.name === 'filter');
    expect(filter.example).toBeUndefined();
    expect(filter.schema.properties.name.type).toBe('string');
    const texts = warnings.map((w) => `${w.item}: ${w.message}`);
    expect(texts.some((t) => t.startsWith('Get schema: saved example "Schema doc" holds a "$ref" key'))).toBe(
      true,
    );
    expect(texts.some((t) => t.startsWith('Get schema: request body example holds a "$ref" key'))).toBe(true);
  });

  it('turns an undefined scheme variable ({{protocol}}://{{host}}:{{port}}) into server variables', async () => {
    const { document } = convert(
      collection([req('Ping', 'GET', '{{protocol}}://{{host}}:{{port}}/api/ping/{{id}}')], {
        variable: [{ key: 'port', value: 8080, type: 'number' }],
      }),
    );
    expect(await openApiErrors(document)).toBe('');
    expect(Object.keys(document.paths as object)).toEqual(['/api/ping/{id}']);
    const server = (document.servers as any[])[0];
    expect(server.url).toBe('{protocol}://{host}:8080');
    expect(server.variables.protocol).toMatchObject({ default: 'https', enum: ['https', 'http'] });
    expect(server.variables.host.default).toBe('host');
  });

  it('reads OpenAPI-style {name} segments as path parameters and keeps existing %XX escapes', async () => {
    const { document } = convert(
      collection([
        req('Get item', 'GET', 'https://api.example.com/v1/items/{itemId}/parts/{part.id}'),
        req('Encoded', 'GET', {
          raw: 'https://api.example.com/v1/files/report%202024.pdf/%7Bliteral%7D',
          host: ['api', 'example', 'com'],
          protocol: 'https',
          path: ['v1', 'files', 'report%202024.pdf', '%7Bliteral%7D'],
        }),
        req('Percent', 'GET', 'https://api.example.com/v1/rate/100%/x'),
      ]),
    );
    expect(await openApiErrors(document)).toBe('');
    expect(Object.keys(document.paths as object).sort()).toEqual([
      '/v1/files/report%202024.pdf/%7Bliteral%7D',
      '/v1/items/{itemId}/parts/{part.id}',
      '/v1/rate/100%25/x',
    ]);
    const names = op(document, '/v1/items/{itemId}/parts/{part.id}', 'get').parameters.map(
      (p: any) => `${p.in}:${p.name}`,
    );
    expect(names).toEqual(['path:itemId', 'path:part.id']);
  });

  it('reports a problem with an inherited auth block once, not once per request', () => {
    const items = Array.from({ length: 25 }, (_, i) =>
      req(`Op ${i}`, 'GET', `https://api.example.com/r${i}`),
    );
    const { document, warnings } = convert(
      collection([folder('Things', items, { auth: { type: 'oauth2', oauth2: { accessToken: '{{t}}' } } })], {
        auth: { type: 'hawk', hawk: [] },
      }),
    );
    const oauth = warnings.filter((w) => w.message.startsWith('OAuth 2.0'));
    expect(oauth.map((w) => w.item)).toEqual(['Things/Op 0', 'Things/Op 0']);
    const hawk = warnings.filter((w) => w.message.includes('"hawk"'));
    expect(hawk).toHaveLength(0); // hawk maps to an http scheme; only the folder's oauth2 is incomplete
    expect(op(document, '/r24', 'get').security).toEqual([{ oauth2Auth: [] }]);
  });
});
