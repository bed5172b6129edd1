import { describe, expect, it } from 'vitest';
import { collection, convert, example, op, openApiErrors, req } from './helpers.js';

function responsesOf(responses: unknown[]) {
  const { document, warnings } = convert(collection([req('Get', 'GET', 'https://x.io/a', {}, responses)]), {
    required: 'observed',
    inlineBodies: true,
  });
  return { responses: op(document, '/a', 'get').responses, document, warnings };
}

describe('responses', () => {
  it('maps each saved example to its status with an inferred schema and a named example', () => {
    const { responses } = responsesOf([example(200, { id: 'a1', n: 2 }, { name: 'Ok' })]);
    expect(responses['200']).toEqual({
      description: 'OK',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, n: { type: 'integer' } },
            required: ['id', 'n'],
          },
          examples: { ok: { summary: 'Ok', value: { id: 'a1', n: 2 } } },
        },
      },
    });
  });

  it('merges examples of the same status: union of properties, required only when always present', () => {
    const { responses } = responsesOf([
      example(200, { id: 'a', name: 'x' }, { name: 'First' }),
      example(200, { id: 'b', extra: null }, { name: 'Second' }),
    ]);
    const media = responses['200'].content['application/json'];
    expect(media.schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, extra: { type: 'null' } },
      required: ['id'],
    });
    expect(Object.keys(media.examples)).toEqual(['first', 'second']);
  });

  it('gives an empty body a response without content (the 404 text/plain case)', async () => {
    const { responses, document } = responsesOf([
      example(404, '', {
        status: 'Not Found',
        name: 'Integration not found',
        _postman_previewlanguage: 'text',
        header: [{ key: 'Content-Type', value: 'text/plain' }],
      }),
    ]);
    expect(responses['404']).toEqual({ description: 'Not Found' });
    expect(await openApiErrors(document)).toBe('');
  });

  it('takes the content type from headers, else the preview language, else sniffs JSON', () => {
    const { responses } = responsesOf([
      example(200, '<a/>', { header: [{ key: 'content-type', value: 'application/xml; charset=utf-8' }] }),
      example(201, 'plain words', { header: [], _postman_previewlanguage: 'text' }),
      example(202, '{"a":1}', { header: [] }),
      example(203, 'not json', { header: [] }),
    ]);
    expect(Object.keys(responses['200'].content)).toEqual(['application/xml']);
    expect(Object.keys(responses['201'].content)).toEqual(['text/plain']);
    expect(Object.keys(responses['202'].content)).toEqual(['application/json']);
    expect(Object.keys(responses['203'].content)).toEqual(['text/plain']);
  });

  it('keeps useful headers (Location, Retry-After, rate limits) and drops transport noise', () => {
    const { responses } = responsesOf([
      example(302, '', {
        status: 'Found',
        header: [
          { key: 'Location', value: 'https://x.io/next' },
          { key: 'Date', value: 'Mon' },
          { key: 'X-RateLimit-Remaining', value: '10' },
        ],
      }),
    ]);
    expect(responses['302']).toEqual({
      description: 'Found',
      headers: {
        Location: { schema: { type: 'string', format: 'uri' } },
        'X-RateLimit-Remaining': { schema: { type: 'integer' } },
      },
    });
  });

  it('sends examples without a valid code to default, with a warning', () => {
    const { responses, warnings } = responsesOf([{ name: 'Odd', code: 'abc', body: '{"a":1}' }, 'junk']);
    expect(Object.keys(responses)).toEqual(['default']);
    expect(warnings.map((w) => w.message)).toEqual([
      'saved example "Odd" has no valid status code; documented as the default response',
      'saved example #2 is not an object; skipped',
    ]);
  });

  it('documents a plain 200 when a request has no saved examples', () => {
    expect(responsesOf([]).responses).toEqual({ '200': { description: 'Successful response' } });
  });
});
