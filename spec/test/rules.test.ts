// Each custom rule in spec/rules/ is proven in both directions: its fixture breaks the rule in some
// places (which must be reported, at exactly those pointers) and honours it in others (which must
// stay silent), and good.yaml honours every rule of the full config (no problem at all).
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../scripts/redocly.mjs';

interface Problem {
  ruleId: string;
  message: string;
  location: { source: { ref: string }; pointer: string }[];
}

const FIXTURES = 'test/fixtures/rules';
const expected: Record<string, string[]> = {
  'operation-id-camel-case': [
    '#/paths/~1a/get/operationId',
    '#/paths/~1a/post/operationId',
    '#/paths/~1a/delete',
  ],
  'operation-security-declared': ['#/paths/~1a/get', '#/paths/~1a/patch/security/0'],
  'error-envelope': ['#/paths/~1a/get/responses/400', '#/paths/~1a/get/responses/500'],
  'no-inline-body-schemas': [
    '#/paths/~1a/post/requestBody/content/application~1json/schema',
    '#/paths/~1a/post/responses/200/content/application~1json/schema',
    '#/paths/~1a/post/responses/201/content/application~1json/schema',
  ],
  'typed-properties': [
    '#/components/schemas/Thing/properties/anything',
    '#/components/schemas/Thing/properties/described',
    '#/components/schemas/Thing/properties/enumOnly',
    '#/components/schemas/Thing/properties/nested/properties/deep',
  ],
  'https-servers': [
    '#/servers/0/url',
    '#/servers/2/url',
    '#/paths/~1a/servers/0/url',
    '#/paths/~1a/get/servers/0/url',
  ],
  'credential-free-examples': [
    '#/paths/~1a/post/parameters/0/example',
    '#/paths/~1a/post/requestBody/content/application~1json/example/client_secret',
    '#/paths/~1a/post/responses/200/content/application~1json/examples/token/value/access_token',
    '#/paths/~1a/post/responses/200/content/application~1json/examples/token/value/nested/0/password',
    '#/components/schemas/Creds/properties/client_secret/example',
    '#/components/schemas/Creds/properties/privateKey/example',
  ],
};

let problems: Problem[] = [];
let inheritProblems: Problem[] = [];
const fileOf = (p: Problem) => p.location[0]?.source.ref.replace(/\\/g, '/') ?? '';

beforeAll(() => {
  const files = [...Object.keys(expected).map((rule) => `${FIXTURES}/${rule}.yaml`), `${FIXTURES}/good.yaml`];
  problems = lint(files).problems;
  // The default (inheriting) mode of operation-security-declared, under a config with only that rule.
  inheritProblems = lint(
    [`${FIXTURES}/operation-security-inherited.yaml`, `${FIXTURES}/operation-security-inherited-root.yaml`],
    { config: `${FIXTURES}/redocly-inherit.yaml` },
  ).problems;
});

describe('custom lint rules', () => {
  for (const [rule, pointers] of Object.entries(expected)) {
    it(`sunshine/${rule} reports exactly the violations in its fixture`, () => {
      const fixture = `${FIXTURES}/${rule}.yaml`;
      const reported = problems
        .filter((p) => p.ruleId === `sunshine/${rule}` && fileOf(p) === fixture)
        .map((p) => `${fileOf(p)} ${p.location[0]?.pointer}`);
      const want = pointers.map((pointer) => `${FIXTURES}/${rule}.yaml ${pointer}`);
      expect(reported.sort()).toEqual(want.sort());
    });
  }

  it('sunshine/operation-security-declared accepts root security when operation level is not required', () => {
    expect(inheritProblems.map((p) => `${p.ruleId} ${fileOf(p)} ${p.location[0]?.pointer}`).sort()).toEqual([
      `sunshine/operation-security-declared ${FIXTURES}/operation-security-inherited.yaml #/paths/~1a/get`,
      `sunshine/operation-security-declared ${FIXTURES}/operation-security-inherited.yaml #/paths/~1b/get`,
    ]);
  });

  it('a spec that follows every rule lints clean under the full config', () => {
    const onGood = problems.filter((p) => fileOf(p) === `${FIXTURES}/good.yaml`);
    expect(onGood.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });

  it('every rule of the plugin is switched on in redocly.yaml', async () => {
    const { readFileSync } = await import('node:fs');
    const config = readFileSync(new URL('../redocly.yaml', import.meta.url), 'utf8');
    const pluginModule: string = '../rules/index.js';
    const plugin = (await import(pluginModule)).default();
    const ruleNames = Object.keys(plugin.rules.oas3);
    expect(ruleNames.sort()).toEqual(Object.keys(expected).sort());
    for (const name of ruleNames) {
      expect(config).toMatch(new RegExp(`^\\s+sunshine/${name}:( error|\\n\\s+severity: error)$`, 'm'));
    }
  });
});
