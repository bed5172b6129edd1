// The build's pieces on small specs: example values, samples, x-codeSamples, the offline check, and the
// one-line errors a person gets for a missing or broken spec.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFromSchema } from '../src/examples.mjs';
import { renderMarkdown } from '../src/guides.mjs';
import { highlight } from '../src/highlight.mjs';
import { externalFetches, externalImagesInSpec, makeOffline } from '../src/reference.mjs';
import { buildSamples, curlSample, toTsLiteral, withCodeSamples } from '../src/samples.mjs';
import { DocsInputError, listOperations, loadSpec } from '../src/spec.mjs';
import { packageDir } from './helpers/processes.js';

const spec = {
  openapi: '3.1.0',
  info: { title: 'T', version: '1' },
  security: [{ basicAuth: [] }],
  components: {
    securitySchemes: {
      basicAuth: { type: 'http', scheme: 'basic' },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    },
    schemas: {
      Name: { type: 'string', example: 'Ada' },
      Person: {
        type: 'object',
        required: ['name', 'kind', 'born'],
        properties: {
          name: { $ref: '#/components/schemas/Name' },
          kind: { type: 'string', enum: ['human', 'bot'] },
          born: { type: 'string', format: 'date-time' },
          nickname: { type: ['string', 'null'] },
        },
      },
    },
    parameters: {
      AppId: { name: 'appId', in: 'path', required: true, schema: { type: 'string' }, example: 'app1' },
    },
  },
  paths: {
    '/v2/apps/{appId}/people': {
      parameters: [{ $ref: '#/components/parameters/AppId' }],
      post: {
        operationId: 'createClient',
        summary: 'Create person',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } },
        },
        responses: { '201': { description: 'ok' } },
      },
      get: {
        // No operationId, no tags, no examples: the build must still produce a sample.
        parameters: [
          {
            name: 'filter',
            in: 'query',
            required: true,
            style: 'deepObject',
            schema: { type: 'object', properties: { userId: { type: 'string' } } },
          },
          { name: 'page', in: 'query', schema: { type: 'object' } },
        ],
        security: [{ bearerAuth: [] }],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/oauth/token': {
      post: {
        operationId: 'getToken',
        security: [],
        'x-codeSamples': [
          { lang: 'Python', label: 'Python', source: 'print(1)' },
          { label: 'curl', lang: 'Shell', source: 'old' },
        ],
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { source: { type: 'string', format: 'binary' }, name: { type: 'string' } },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

describe('example values', () => {
  it('prefer written examples, then enums, formats and required fields', () => {
    expect(exampleFromSchema(spec, { $ref: '#/components/schemas/Person' })).toEqual({
      name: 'Ada',
      kind: 'human',
      born: '2026-01-15T09:30:00.000Z',
    });
    expect(exampleFromSchema(spec, { type: ['null', 'integer'], minimum: 3 })).toBe(3);
    expect(exampleFromSchema(spec, { oneOf: [{ type: 'null' }, { type: 'boolean' }] })).toBe(true);
    expect(
      exampleFromSchema(spec, {
        allOf: [{ type: 'object', properties: { a: { const: 1 } } }, { properties: { b: { example: 'x' } } }],
      }),
    ).toEqual({ a: 1, b: 'x' });
  });

  it('stop on self-referencing schemas', () => {
    const doc = {
      components: {
        schemas: {
          Node: {
            type: 'object',
            required: ['next'],
            properties: { next: { $ref: '#/components/schemas/Node' } },
          },
        },
      },
    };
    expect(() => exampleFromSchema(doc, { $ref: '#/components/schemas/Node' })).not.toThrow();
  });
});

describe('samples', () => {
  const samples = buildSamples(spec);
  const byId = Object.fromEntries(samples.map((s) => [s.operationId, s]));

  it('cover every operation, naming those without an operationId from method and path', () => {
    expect(samples.map((s) => s.operationId)).toEqual(['getV2AppsAppIdPeople', 'createClient', 'getToken']);
  });

  it('call the client function with path parameters, required query and the body', () => {
    const ts = byId.createClient.typescript;
    expect(ts).toContain(
      "import {\n  createClient,\n  createUserClient,\n} from '@sunshine-openapi/client';",
    );
    expect(ts).toContain('await createUserClient(client, {');
    expect(ts).toContain("appId: 'app1',");
    expect(ts).toContain("kind: 'human',");
    expect(ts).toContain('basic: {');
    const list = byId.getV2AppsAppIdPeople.typescript;
    expect(list).toContain("auth: { bearer: env.SUNSHINE_ACCESS_TOKEN ?? 'your-token' },");
    expect(list).toContain('query: {\n    filter: {');
    expect(list).not.toContain('page');
  });

  it('send files as a Blob in TypeScript and as a file with curl, without auth when none is needed', () => {
    const token = byId.getToken;
    expect(token.typescript).toContain("source: new Blob(['Hello from the docs'], { type: 'text/plain' }),");
    expect(token.typescript).not.toContain('auth:');
    expect(token.curl).toContain("-F 'source=@./hello.txt'");
    expect(token.curl).not.toContain('--user');
  });

  it('write curl with the method, the filled-in path and a JSON body', () => {
    const curl = curlSample({
      method: 'patch',
      route: '/v2/apps/{appId}',
      pathParams: { appId: 'a b' },
      query: { page: { size: 10 } },
      auth: 'basic',
      body: { mediaType: 'application/json', value: { name: "O'Brien" } },
    });
    expect(curl).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a JS placeholder
      'curl -g -X PATCH "${SUNSHINE_BASE_URL:-http://127.0.0.1:4010}/v2/apps/a%20b?page[size]=10"',
    );
    expect(curl).toContain('--user "$SUNSHINE_KEY_ID:$SUNSHINE_KEY_SECRET"');
    expect(curl).toContain(`-d '{\n  "name": "O'\\''Brien"\n}'`);
  });

  it('quote keys and strings as TypeScript needs', () => {
    expect(toTsLiteral({ 'identities.email': "it's", ok: [1, null] })).toBe(
      "{\n  'identities.email': 'it\\'s',\n  ok: [\n    1,\n    null,\n  ],\n}",
    );
  });

  it('go into x-codeSamples without touching the input spec, replacing only our own languages', () => {
    const before = JSON.stringify(spec);
    const augmented = withCodeSamples(spec, samples);
    expect(JSON.stringify(spec)).toBe(before);
    const tokenSamples = augmented.paths['/oauth/token'].post['x-codeSamples'];
    expect(tokenSamples.map((s: { label: string }) => s.label)).toEqual(['TypeScript', 'curl', 'Python']);
    expect(tokenSamples[1].source).toBe(byId.getToken.curl);
    expect(listOperations(augmented)).toHaveLength(3);
  });
});

describe('offline check', () => {
  it('flags what a browser would fetch from other hosts, and nothing else', () => {
    const html = [
      '<script src="https://cdn.example.com/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">',
      '<style>body { background: url("https://images.example.org/bg.png") }</style>',
      '<a href="https://redocly.com/redoc/">docs by</a>',
      '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      '<img src="data:image/png;base64,AAAA">',
    ].join('\n');
    const found = externalFetches(html);
    expect(found).toHaveLength(3);
    expect(found.join(' ')).toContain('cdn.example.com');
    expect(found.join(' ')).toContain('fonts.googleapis.com');
    expect(found.join(' ')).toContain('images.example.org');
  });

  it('finds remote images in the spec Markdown, but not in examples', () => {
    const doc = {
      info: { description: 'Intro ![diagram](https://img.example.com/flow.png) and ![local](flow.png)' },
      paths: {
        '/a': {
          get: {
            description: '<img src="//cdn.example.net/x.gif">',
            responses: {
              200: {
                description: 'ok',
                content: {
                  'application/json': { example: { avatar: '![x](https://avatars.example.com/a.png)' } },
                },
              },
            },
          },
        },
      },
    };
    expect(externalImagesInSpec(doc).sort()).toEqual([
      '//cdn.example.net/x.gif',
      'https://img.example.com/flow.png',
    ]);
    expect(externalImagesInSpec(spec)).toEqual([]);
  });

  it("replaces Redoc's CDN logo and adds our stylesheet and header", () => {
    const html =
      '<html><head></head><body><img src="https://cdn.redoc.ly/redoc/logo-mini.svg"></body></html>';
    expect(externalFetches(html)).not.toEqual([]);
    const out = makeOffline(html, { stylesheetHref: '../assets/site.css', headerHtml: '<header>h</header>' });
    expect(externalFetches(out)).toEqual([]);
    expect(out).toContain('<link rel="stylesheet" href="../assets/site.css">');
    expect(out).toContain('<body class="reference-page">\n<header>h</header>');
  });
});

describe('guide rendering', () => {
  it('colours code without changing its text, and escapes HTML', () => {
    const code = "const a = '<b>'; // note\nawait f(1);";
    const html = highlight(code, 'ts');
    expect(html).toContain('<span class="hl-keyword">const</span>');
    expect(html).toContain('<span class="hl-string">&#39;&lt;b&gt;&#39;</span>');
    expect(html).toContain('<span class="hl-comment">// note</span>');
    expect(
      html
        .replace(/<[^>]+>/g, '')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    ).toBe(code);
    expect(highlight('<x>', 'text')).toBe('&lt;x&gt;');
  });

  it('gives h2 and h3 headings linkable ids', () => {
    const html = renderMarkdown('# Title\n\n## Errors and retries\n\ntext\n\n```ts\nconst x = 1;\n```\n');
    expect(html).toContain('<h2 id="errors-and-retries">');
    expect(html).toContain('<pre data-lang="ts"><code><span class="hl-keyword">const</span>');
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs-build-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the missing spec and how to build it', () => {
    expect(() => loadSpec(path.join(dir, 'nope.yaml'))).toThrow(DocsInputError);
    expect(() => loadSpec(path.join(dir, 'nope.yaml'))).toThrow(/does not exist: build the spec first/);
  });

  it('rejects YAML that is not an OpenAPI document, or not YAML at all', () => {
    const notOpenApi = path.join(dir, 'list.yaml');
    writeFileSync(notOpenApi, '- just\n- a list\n');
    expect(() => loadSpec(notOpenApi)).toThrow(/is not an OpenAPI 3 document/);
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'openapi: 3.1.0\npaths: {\n');
    expect(() => loadSpec(broken)).toThrow(/is not valid YAML/);
  });

  it('makes the build exit 1 with one line and leave dist/ as it was', () => {
    const dist = path.join(packageDir, 'dist');
    const before = existsSync(dist) ? statSync(dist).mtimeMs : undefined;
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { ...process.env, DOCS_SPEC: path.join(dir, 'nope.yaml') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('nope.yaml does not exist');
    expect(existsSync(dist) ? statSync(dist).mtimeMs : undefined).toBe(before);
    expect(readdirSync(packageDir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});
