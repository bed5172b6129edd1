/** A small collection that touches every feature: the seed for mutation tests. */
export const kitchenSink = {
  info: {
    name: 'Kitchen sink',
    description: { content: 'Everything at once', type: 'text/markdown' },
    version: { major: 1, minor: 2, patch: 3 },
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
  variable: [
    { key: 'baseUrl', value: 'https://{{subdomain}}.example.com/api' },
    { key: 'version', value: 'v2' },
  ],
  event: [{ listen: 'prerequest', script: { exec: ['console.log(1)'] } }],
  item: [
    {
      name: 'Users',
      description: 'People',
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: 'u' },
          { key: 'password', value: 'p' },
        ],
      },
      item: [
        {
          name: 'List users',
          request: {
            method: 'GET',
            url: {
              raw: '{{baseUrl}}/{{version}}/users?page[size]=10&page[after]=abc&q=x',
              host: ['{{baseUrl}}'],
              path: ['{{version}}', 'users'],
              query: [
                { key: 'page[size]', value: '10' },
                { key: 'page[after]', value: 'abc', disabled: true },
                { key: 'q', value: 'x', description: '(Required) search' },
              ],
            },
            header: [
              { key: 'X-Trace', value: 'on' },
              { key: 'Accept', value: 'application/json' },
            ],
          },
          response: [
            {
              name: 'Ok',
              code: 200,
              status: 'OK',
              header: [{ key: 'Content-Type', value: 'application/json' }],
              body: '{"users":[{"id":"1","email":"a@b.io","createdAt":"2024-01-01T00:00:00Z","tags":["x"],"profile":{"name":"A","age":3}}]}',
            },
            {
              name: 'Bad',
              code: 400,
              status: 'Bad Request',
              header: [],
              _postman_previewlanguage: 'text',
              body: 'nope',
            },
          ],
        },
        {
          name: 'Nested',
          item: [
            {
              name: 'Update user',
              request: {
                method: 'PATCH',
                url: '{{baseUrl}}/{{version}}/users/:userId',
                header: [{ key: 'Content-Type', value: 'application/json' }],
                body: {
                  mode: 'raw',
                  raw: '{\n // c\n "profile": {"name": "B", "age": {{age}}},\n}',
                  options: { raw: { language: 'json' } },
                },
              },
              response: [
                {
                  name: 'Ok',
                  code: 200,
                  header: [{ key: 'Content-Type', value: 'application/json' }],
                  body: '{"user":{"id":"1","email":"a@b.io","profile":{"name":"B","age":4}}}',
                },
                { name: 'Gone', code: 404, header: [{ key: 'Content-Type', value: 'text/plain' }], body: '' },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'Files',
      item: [
        {
          name: 'Upload',
          request: {
            method: 'POST',
            url: 'https://uploads.example.com/files',
            body: {
              mode: 'formdata',
              formdata: [
                { key: 'file', type: 'file', src: '/tmp/x.png' },
                { key: 'caption', type: 'text', value: 'hello' },
              ],
            },
            auth: {
              type: 'apikey',
              apikey: [
                { key: 'key', value: 'X-Key' },
                { key: 'value', value: 'secret' },
              ],
            },
          },
          response: [],
        },
        {
          name: 'Token',
          request: {
            method: 'POST',
            url: '{{url}}/oauth/token',
            body: {
              mode: 'urlencoded',
              urlencoded: [
                { key: 'grant_type', value: 'client_credentials' },
                { key: 'client_secret', value: 's' },
              ],
            },
            auth: { type: 'noauth' },
          },
        },
        {
          name: 'Query graph',
          request: {
            method: 'POST',
            url: '{{baseUrl}}/graphql',
            body: { mode: 'graphql', graphql: { query: 'query { me { id } }', variables: '{"a": 1}' } },
            auth: {
              type: 'oauth2',
              oauth2: [
                { key: 'grant_type', value: 'authorization_code' },
                { key: 'authUrl', value: 'https://example.com/auth' },
                { key: 'accessTokenUrl', value: 'https://example.com/token' },
                { key: 'scope', value: 'read write' },
              ],
            },
          },
        },
        {
          name: 'Raw file',
          request: { method: 'PUT', url: '{{baseUrl}}/blob', body: { mode: 'file', file: { src: 'a.bin' } } },
        },
        { name: 'Old style', request: 'https://legacy.example.com/ping?x=1' },
      ],
    },
  ],
};
