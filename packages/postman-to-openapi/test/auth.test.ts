import { describe, expect, it } from 'vitest';
import { collection, convert, folder, op, openApiErrors, req } from './helpers.js';

const basic = {
  type: 'basic',
  basic: [
    { key: 'username', value: 'u' },
    { key: 'password', value: 'p4ss' },
  ],
};
const bearer = { type: 'bearer', bearer: [{ key: 'token', value: 'tok_secret' }] };

describe('auth', () => {
  it('maps collection, folder and request auth to schemes and per-operation security', async () => {
    const { document } = convert(
      collection(
        [
          req('Inherits collection', 'GET', 'https://x.io/a'),
          folder(
            'F',
            [
              req('Inherits folder', 'GET', 'https://x.io/b'),
              req('Own', 'GET', 'https://x.io/c', { auth: bearer }),
            ],
            { auth: basic },
          ),
          req('Public', 'GET', 'https://x.io/d', { auth: { type: 'noauth' } }),
        ],
        { auth: bearer },
      ),
    );
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(op(document, '/a', 'get').security).toBeUndefined();
    expect(op(document, '/b', 'get').security).toEqual([{ basicAuth: [] }]);
    expect(op(document, '/c', 'get').security).toBeUndefined();
    expect(op(document, '/d', 'get').security).toEqual([]);
    expect((document.components as any).securitySchemes).toEqual({
      basicAuth: { type: 'http', scheme: 'basic' },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
    expect(JSON.stringify(document)).not.toMatch(/p4ss|tok_secret/);
    expect(await openApiErrors(document)).toBe('');
  });

  it('maps apikey (header and query) and oauth2 with scopes; v2.0 object params too', async () => {
    const { document } = convert(
      collection([
        req('K', 'GET', 'https://x.io/k', {
          auth: {
            type: 'apikey',
            apikey: [
              { key: 'key', value: 'X-Key' },
              { key: 'value', value: 's3cret' },
            ],
          },
        }),
        req('Q', 'GET', 'https://x.io/q', {
          auth: { type: 'apikey', apikey: { key: 'api_key', in: 'query' } },
        }),
        req('O', 'GET', 'https://x.io/o', {
          auth: {
            type: 'oauth2',
            oauth2: [
              { key: 'grant_type', value: 'client_credentials' },
              { key: 'accessTokenUrl', value: 'https://x.io/token' },
              { key: 'scope', value: 'read write' },
            ],
          },
        }),
      ]),
    );
    const schemes = (document.components as any).securitySchemes;
    expect(schemes).toEqual({
      apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-Key' },
      apiKeyAuth2: { type: 'apiKey', in: 'query', name: 'api_key' },
      oauth2Auth: {
        type: 'oauth2',
        flows: { clientCredentials: { tokenUrl: 'https://x.io/token', scopes: { read: '', write: '' } } },
      },
    });
    expect(op(document, '/o', 'get').security).toEqual([{ oauth2Auth: ['read', 'write'] }]);
    expect(JSON.stringify(document)).not.toContain('s3cret');
    expect(await openApiErrors(document)).toBe('');
  });

  it('uses a placeholder URL (with a warning) when an oauth2 URL is a variable', async () => {
    const { document, warnings } = convert(
      collection([
        req('O', 'GET', 'https://x.io/o', {
          auth: { type: 'oauth2', oauth2: [{ key: 'authUrl', value: '{{auth}}' }] },
        }),
      ]),
    );
    expect(warnings.some((w) => w.item === 'O' && /authorization URL/.test(w.message))).toBe(true);
    expect(await openApiErrors(document)).toBe('');
  });

  it('makes every operation explicitly public when the collection has no auth at all', () => {
    const { document } = convert(collection([req('A', 'GET', 'https://x.io/a')]));
    expect(document.security).toBeUndefined();
    expect(op(document, '/a', 'get').security).toEqual([]);
  });

  it('warns about auth types OpenAPI cannot express', () => {
    const { warnings } = convert(
      collection([req('A', 'GET', 'https://x.io/a', { auth: { type: 'mystery' } })]),
    );
    expect(warnings).toContainEqual({
      item: 'A',
      message: expect.stringMatching(/"mystery" has no OpenAPI equivalent/),
    });
  });
});
