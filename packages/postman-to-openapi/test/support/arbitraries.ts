/** fast-check generators for valid Postman collections (v2.0 and v2.1 shapes mixed). */
import fc from 'fast-check';

const word = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
const anyText = fc.oneof(
  word,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constant(''),
);

const segment = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: word.map((w) => ':' + w) },
  { weight: 1, arbitrary: word.map((w) => `{{${w}}}`) },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 6 })
      .filter((s) => !s.includes('/') && !s.includes('?') && !s.includes('#')),
  },
);

const host = fc.constantFrom(
  '{{baseUrl}}',
  'https://api.example.com',
  'api.example.com',
  '{{url}}',
  'http://{{tenant}}.example.org:8080',
  'https://example.com/base',
);

const queryItem = fc.record({
  key: fc.oneof(
    word,
    fc.tuple(word, word).map(([a, b]) => `${a}[${b}]`),
    fc.tuple(word, word, word).map(([a, b, c]) => `${a}[${b}][${c}]`),
  ),
  value: fc.oneof(
    fc.constant(null),
    fc.integer().map(String),
    fc.constantFrom('true', 'false', '1.5', '{{x}}', '2024-01-01T00:00:00Z'),
    anyText,
  ),
  disabled: fc.boolean(),
  description: fc.option(
    fc.oneof(
      fc.constant('(Required)'),
      anyText,
      anyText.map((content) => ({ content, type: 'text/plain' })),
    ),
  ),
});

const url = fc.oneof(
  fc
    .tuple(host, fc.array(segment, { maxLength: 5 }), fc.array(fc.tuple(word, word), { maxLength: 3 }))
    .map(
      ([h, segs, q]) =>
        `${h}/${segs.join('/')}${q.length ? '?' + q.map(([k, v]) => `${k}=${v}`).join('&') : ''}`,
    ),
  fc.record({
    host: host.map((h) => [h]),
    path: fc.array(segment, { maxLength: 5 }),
    query: fc.array(queryItem, { maxLength: 4 }),
    variable: fc.array(fc.record({ key: word, value: anyText, description: fc.option(anyText) }), {
      maxLength: 2,
    }),
  }),
);

const header = fc.record({
  key: fc.oneof(fc.constantFrom('Content-Type', 'Accept', 'Authorization', 'X-Trace', 'X-Api-Key'), word),
  value: fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/xml'), anyText),
  disabled: fc.boolean(),
});

/** Strings that look like (or almost like) the formats the importer detects. */
const formatty = fc.constantFrom(
  '2024-02-29T12:00:00Z',
  '2023-02-29T12:00:00Z',
  '2024-01-01T10:20:30.123+02:00',
  '2024-01-01',
  '2024-13-01',
  'a@b.io',
  'not@mail',
  'https://x.io/p?q=1#f',
  'https://ex ample.com',
  'http://[::1]:80/',
  '5e1bbd8f-3a1c-4c5c-9a2b-1d2e3f4a5b6c',
  '5e1bbd8f-3a1c-4c5c-9a2b-1d2e3f4a5b6',
);

const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    word,
    fc.oneof(formatty, fc.jsonValue({ maxDepth: 2 }), fc.array(formatty, { maxLength: 3 })),
    {
      maxKeys: 5,
    },
  ),
);

const formField = fc.record({
  key: word,
  value: anyText,
  type: fc.constantFrom('text', 'file'),
  disabled: fc.boolean(),
});

const body = fc.oneof(
  fc.constant(undefined),
  json.map((v) => ({ mode: 'raw', raw: JSON.stringify(v, null, 2), options: { raw: { language: 'json' } } })),
  json.map((v) => ({ mode: 'raw', raw: `// comment\n${JSON.stringify(v)}` })),
  anyText.map((raw) => ({ mode: 'raw', raw, options: { raw: { language: 'text' } } })),
  fc.array(formField, { maxLength: 4 }).map((urlencoded) => ({ mode: 'urlencoded', urlencoded })),
  fc.array(formField, { maxLength: 4 }).map((formdata) => ({ mode: 'formdata', formdata })),
  fc
    .record({ query: anyText, variables: json.map((v) => JSON.stringify(v)) })
    .map((graphql) => ({ mode: 'graphql', graphql })),
  fc.constant({ mode: 'file', file: { src: 'a.bin' } }),
);

const response = fc.record({
  name: anyText,
  code: fc.integer({ min: 100, max: 599 }),
  status: anyText,
  header: fc.oneof(
    fc.constant([{ key: 'Content-Type', value: 'application/json' }]),
    fc.constant([{ key: 'Content-Type', value: 'text/plain' }]),
    fc.constant([]),
  ),
  _postman_previewlanguage: fc.constantFrom('json', 'text', 'html', undefined),
  body: fc.oneof(
    json.map((v) => JSON.stringify(v)),
    anyText,
    fc.constant(''),
  ),
});

const auth = fc.oneof(
  fc.constant(undefined),
  fc.constant({ type: 'noauth' }),
  fc.constant({ type: 'inherit' }),
  fc.constant({
    type: 'basic',
    basic: [
      { key: 'username', value: 'u' },
      { key: 'password', value: 'p' },
    ],
  }),
  fc.constant({ type: 'bearer', bearer: [{ key: 'token', value: 't' }] }),
  word.map((name) => ({
    type: 'apikey',
    apikey: [
      { key: 'key', value: name },
      { key: 'in', value: 'header' },
    ],
  })),
  fc.constant({
    type: 'oauth2',
    oauth2: [
      { key: 'grant_type', value: 'client_credentials' },
      { key: 'accessTokenUrl', value: 'https://x.io/t' },
    ],
  }),
);

const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'get', undefined);

const request = fc.record({
  name: anyText,
  request: fc.record({
    method,
    url,
    header: fc.array(header, { maxLength: 3 }),
    body,
    auth,
    description: fc.option(anyText),
  }),
  response: fc.array(response, { maxLength: 3 }),
  event: fc.constant([{ listen: 'test', script: { exec: ['pm.test("x")'] } }]),
});

const tree = fc.letrec((tie) => ({
  item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, request, tie('folder')),
  folder: fc.record({
    name: anyText,
    item: fc.array(tie('item'), { minLength: 0, maxLength: 4 }),
    auth,
    description: fc.option(anyText),
  }),
}));

/** Acyclic variables: each may only reference the ones defined before it. */
const variables = fc.array(fc.tuple(word, fc.nat(5), anyText), { maxLength: 5 }).map((defs) => {
  const out: Array<{ key: string; value: string }> = [
    { key: 'baseUrl', value: 'https://{{subdomain}}.example.com/v1' },
  ];
  defs.forEach(([key, ref, text], i) => {
    const earlier = i > 0 ? `{{v${ref % i}}}` : '';
    out.push({ key: `v${i}`, value: `${text.replace(/[{}]/g, '')}${earlier}` });
    if (key !== 'baseUrl') out.push({ key: `${key}Alias`, value: `{{v${i}}}` });
  });
  return out;
});

export const validCollection = fc
  .record({
    name: anyText,
    items: fc.array(tree.item, { minLength: 1, maxLength: 6 }),
    variables,
    auth,
    v20: fc.boolean(),
  })
  .map(({ name, items, variables: variable, auth: collectionAuth, v20 }) => ({
    info: {
      name,
      schema: v20
        ? 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json'
        : 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [...items, { name: 'anchor', request: { method: 'GET', url: 'https://api.example.com/anchor' } }],
    variable,
    auth: collectionAuth,
  }));
