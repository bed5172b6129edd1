import { describe, expect, it } from 'vitest';
import { collection, convert, op, openApiErrors, req } from './helpers.js';

function bodyOf(body: unknown, header: unknown[] = []) {
  const { document, warnings } = convert(
    collection([req('Send', 'POST', 'https://x.io/a', { body, header })]),
    { inlineBodies: true },
  );
  return { body: op(document, '/a', 'post').requestBody, document, warnings };
}

describe('request bodies', () => {
  it('reads raw JSON with comments, trailing commas and bare variables', async () => {
    const { body, document } = bodyOf({
      mode: 'raw',
      raw: '{\n  // who\n  "name": "Ann", "age": {{age}}, "ref": {{ref}},\n}',
      options: { raw: { language: 'json' } },
    });
    expect(body.content['application/json'].schema).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'string' }, ref: { type: 'string' } },
    });
    expect(body.content['application/json'].examples.send.value).toEqual({
      name: 'Ann',
      age: '{{age}}',
      ref: '{{ref}}',
    });
    expect(await openApiErrors(document)).toBe('');
  });

  it('uses the Content-Type header, then the raw language', () => {
    expect(
      Object.keys(
        bodyOf({ mode: 'raw', raw: '<a/>' }, [{ key: 'Content-Type', value: 'text/xml; charset=utf-8' }]).body
          .content,
      ),
    ).toEqual(['text/xml']);
    expect(
      Object.keys(bodyOf({ mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } }).body.content),
    ).toEqual(['application/xml']);
    expect(bodyOf({ mode: 'raw', raw: 'hello' }).body.content['text/plain']).toEqual({
      schema: { type: 'string' },
      examples: { send: { summary: 'Send', value: 'hello' } },
    });
  });

  it('keeps declared JSON that does not parse, with a warning', () => {
    const { body, warnings } = bodyOf({ mode: 'raw', raw: '{ nope', options: { raw: { language: 'json' } } });
    expect(body.content['application/json']).toEqual({ schema: {} });
    expect(warnings.map((w) => w.message)).toContain(
      'request body is not valid JSON; its schema is left open',
    );
  });

  it('describes urlencoded bodies as objects', () => {
    const { body } = bodyOf({
      mode: 'urlencoded',
      urlencoded: [
        { key: 'grant_type', value: 'client_credentials' },
        { key: 'n', value: '3' },
        { key: 'off', value: 'x', disabled: true },
      ],
    });
    expect(body.content['application/x-www-form-urlencoded']).toEqual({
      schema: {
        type: 'object',
        properties: { grant_type: { type: 'string' }, n: { type: 'integer' }, off: { type: 'string' } },
      },
      examples: { send: { summary: 'Send', value: { grant_type: 'client_credentials', n: 3 } } },
    });
  });

  it('describes form-data with files as binary strings', async () => {
    const { body, document } = bodyOf({
      mode: 'formdata',
      formdata: [
        { key: 'source', type: 'file', src: '/tmp/a.png' },
        { key: 'caption', type: 'text', value: 'hi' },
      ],
    });
    expect(body.content['multipart/form-data'].schema).toEqual({
      type: 'object',
      properties: { source: { type: 'string', format: 'binary' }, caption: { type: 'string' } },
    });
    expect(await openApiErrors(document)).toBe('');
  });

  it('describes file and graphql bodies', () => {
    expect(bodyOf({ mode: 'file', file: { src: 'a.bin' } }).body.content).toEqual({
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    });
    const g = bodyOf({
      mode: 'graphql',
      graphql: { query: 'query { me { id } }', variables: '{"a": 1}' },
    }).body;
    expect(g.content['application/json'].schema).toEqual({
      type: 'object',
      properties: {
        query: { type: 'string' },
        variables: { type: 'object', properties: { a: { type: 'integer' } } },
      },
    });
  });

  it('leaves out empty, disabled and none bodies', () => {
    expect(bodyOf({ mode: 'raw', raw: '  ' }).body).toBeUndefined();
    expect(bodyOf({ mode: 'none' }).body).toBeUndefined();
    expect(bodyOf({ mode: 'raw', raw: '{"a":1}', disabled: true }).body).toBeUndefined();
  });

  it('merges the bodies of items on the same operation into one schema with named examples', () => {
    const { document } = convert(
      collection([
        req('Create text', 'POST', 'https://x.io/m', {
          body: { mode: 'raw', raw: '{"type":"text","text":"hi"}' },
        }),
        req('Create image', 'POST', 'https://x.io/m', {
          body: { mode: 'raw', raw: '{"type":"image","url":"https://x.io/i.png"}' },
        }),
      ]),
      { required: 'observed', inlineBodies: true },
    );
    const media = op(document, '/m', 'post').requestBody.content['application/json'];
    expect(media.schema).toEqual({
      type: 'object',
      properties: {
        type: { type: 'string' },
        text: { type: 'string' },
        url: { type: 'string', format: 'uri' },
      },
      required: ['type'],
    });
    expect(Object.keys(media.examples)).toEqual(['createText', 'createImage']);
  });
});
