import { describe, expect, it } from 'vitest';
import { collection, convert, op, openApiErrors, req } from './helpers.js';

describe('parameters', () => {
  it('documents path parameters from :name and {{name}} with examples and descriptions', async () => {
    const { document } = convert(
      collection([
        req('Get', 'GET', {
          raw: 'https://x.io/apps/{{appId}}/items/:itemId',
          host: ['x', 'io'],
          protocol: 'https',
          path: ['apps', '{{appId}}', 'items', ':itemId'],
          variable: [{ key: 'itemId', value: '35436', description: 'Item id (Required)' }],
        }),
      ]),
    );
    const get = op(document, '/apps/{appId}/items/{itemId}', 'get');
    expect(get.parameters).toEqual([
      { name: 'appId', in: 'path', required: true, schema: { type: 'string' } },
      {
        name: 'itemId',
        in: 'path',
        description: 'Item id',
        required: true,
        schema: { type: 'string' },
        example: '35436',
      },
    ]);
    expect(await openApiErrors(document)).toBe('');
  });

  it('infers query types, keeps examples, marks (Required) and makes disabled ones optional', () => {
    const { document } = convert(
      collection([
        req('List', 'GET', {
          host: ['x.io'],
          path: ['items'],
          query: [
            { key: 'limit', value: '10', description: '(Required) How many' },
            { key: 'ratio', value: '0.5' },
            { key: 'active', value: 'true' },
            { key: 'since', value: '2024-01-01T00:00:00Z', description: '(Required)', disabled: true },
            { key: 'token', value: '{{token}}' },
          ],
        }),
      ]),
    );
    const params = op(document, '/items', 'get').parameters;
    expect(params).toEqual([
      {
        name: 'limit',
        in: 'query',
        description: 'How many',
        required: true,
        schema: { type: 'integer' },
        example: 10,
      },
      { name: 'ratio', in: 'query', required: false, schema: { type: 'number' }, example: 0.5 },
      { name: 'active', in: 'query', required: false, schema: { type: 'boolean' }, example: true },
      {
        name: 'since',
        in: 'query',
        required: false,
        schema: { type: 'string', format: 'date-time' },
        example: '2024-01-01T00:00:00Z',
      },
      { name: 'token', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  it('groups bracketed keys into one deepObject parameter', async () => {
    const { document } = convert(
      collection([
        req(
          'List',
          'GET',
          'https://x.io/items?page[after]=abc&page[size]=10&filter[types]=a,b&filter[user][id]=7',
        ),
      ]),
    );
    const [page, filter] = op(document, '/items', 'get').parameters;
    expect(page).toEqual({
      name: 'page',
      in: 'query',
      required: false,
      style: 'deepObject',
      explode: true,
      schema: { type: 'object', properties: { after: { type: 'string' }, size: { type: 'integer' } } },
      example: { after: 'abc', size: 10 },
    });
    expect(filter.schema).toEqual({
      type: 'object',
      properties: {
        types: { type: 'string' },
        user: { type: 'object', properties: { id: { type: 'integer' } } },
      },
    });
    expect(await openApiErrors(document)).toBe('');
  });

  it('keeps bracketed keys plain when the base name is also used on its own', () => {
    const { document } = convert(collection([req('List', 'GET', 'https://x.io/items?q[a]=1&q=0')]));
    expect(op(document, '/items', 'get').parameters.map((p: { name: string }) => p.name)).toEqual([
      'q[a]',
      'q',
    ]);
  });

  it('turns a repeated query key into an array', () => {
    const { document } = convert(collection([req('List', 'GET', 'https://x.io/items?tag=a&tag=b')]));
    expect(op(document, '/items', 'get').parameters[0]).toMatchObject({
      name: 'tag',
      schema: { type: 'array', items: { type: 'string' } },
      example: ['a', 'b'],
    });
  });

  it('documents custom headers but not Content-Type, Accept or Authorization, and hides secret-looking values', () => {
    const { document } = convert(
      collection([
        req('Get', 'GET', 'https://x.io/a', {
          header: [
            { key: 'Content-Type', value: 'application/json' },
            { key: 'accept', value: 'application/json' },
            { key: 'Authorization', value: 'Bearer abc' },
            { key: 'X-Trace', value: 'on', description: '(Required)' },
            { key: 'X-Api-Key', value: 'sk_live_secret' },
            { key: 'X-Off', value: '1', disabled: true },
          ],
        }),
      ]),
    );
    expect(op(document, '/a', 'get').parameters).toEqual([
      { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, example: 'on' },
      { name: 'X-Api-Key', in: 'header', required: false, schema: { type: 'string' } },
      { name: 'X-Off', in: 'header', required: false, schema: { type: 'integer' }, example: 1 },
    ]);
  });

  it('reads v2.0 header text', () => {
    const { document } = convert(
      collection([req('Get', 'GET', 'https://x.io/a', { header: 'X-One: 1\nContent-Type: text/plain\n' })]),
    );
    expect(op(document, '/a', 'get').parameters.map((p: { name: string }) => p.name)).toEqual(['X-One']);
  });

  it('resolves collection variables in example values', () => {
    const { document } = convert(
      collection([req('Get', 'GET', 'https://x.io/a?size={{size}}')], {
        variable: [{ key: 'size', value: '25' }],
      }),
    );
    expect(op(document, '/a', 'get').parameters[0]).toMatchObject({
      schema: { type: 'integer' },
      example: 25,
    });
  });
});
