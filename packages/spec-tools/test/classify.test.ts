import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../src/diff/classify.js';
import { fixturesDir, loadPair } from './helpers.js';

// fixture → the group its one change must land in, and the plain-language line expected.
const cases: Array<[string, 'breaking' | 'nonBreaking' | 'docs', string, RegExp]> = [
  ['operation-removed', 'breaking', 'DELETE /v2/apps/{appId} (deleteApp)', /^operation removed$/],
  ['operation-added', 'nonBreaking', 'POST /v2/apps (createApp)', /^operation added$/],
  [
    'parameter-became-required',
    'breaking',
    'GET /v2/apps (listApps)',
    /^query parameter `page\[after\]` became required$/,
  ],
  [
    'required-parameter-added',
    'breaking',
    'GET /v2/apps (listApps)',
    /^required query parameter `serviceAccountId` added$/,
  ],
  [
    'optional-parameter-added',
    'nonBreaking',
    'GET /v2/apps (listApps)',
    /^optional query parameter `page\[size\]` added$/,
  ],
  [
    'response-property-removed',
    'breaking',
    'GET /v2/apps/{appId} (getApp)',
    /^property `displayName` removed from response 200$/,
  ],
  [
    'response-property-added',
    'nonBreaking',
    'GET /v2/apps/{appId} (getApp)',
    /^property `settings` added to response 200$/,
  ],
  [
    'request-enum-value-removed',
    'breaking',
    'POST /v2/apps/{appId}/conversations (createConversation)',
    /^enum value 'sdkGroup' removed from `type` in request body$/,
  ],
  [
    'request-enum-value-added',
    'nonBreaking',
    'POST /v2/apps/{appId}/conversations (createConversation)',
    /^enum value 'sdkGroup' added to `type` in request body$/,
  ],
  [
    'request-type-narrowed',
    'breaking',
    'POST /v2/apps/{appId}/messages (postMessage)',
    /^type of `ttl` in request body narrowed from 'number' to 'integer'$/,
  ],
  [
    'request-type-widened',
    'nonBreaking',
    'POST /v2/apps (createApp)',
    /^type of `ttl` in request body widened from 'integer' to \["integer","string"\]$/,
  ],
  [
    'query-parameter-enum-value-removed',
    'breaking',
    'GET /v2/apps/{appId}/conversations (listConversations)',
    /^enum value 'sdkGroup' removed from query parameter `filter\[type\]`$/,
  ],
  [
    'response-type-narrowed',
    'nonBreaking',
    'GET /v2/apps/{appId}/messages (listMessages)',
    /^type of `received` in response 200 narrowed from 'number' to 'integer'$/,
  ],
  ['response-type-widened', 'breaking', 'GET /v2/apps/{appId} (getApp)', /`iconUrl` in response 200/],
  [
    'request-null-no-longer-allowed',
    'breaking',
    'PATCH /v2/apps/{appId} (updateApp)',
    /`iconUrl` in request body/,
  ],
  [
    'request-property-became-required',
    'breaking',
    'POST /v2/apps (createApp)',
    /^`metadata` became required in request body$/,
  ],
  ['response-removed', 'breaking', 'GET /v2/apps/{appId} (getApp)', /^response 404 removed$/],
  ['description-changed', 'docs', 'GET /v2/apps/{appId} (getApp)', /description|summary/],
  [
    'operation-deprecated',
    'nonBreaking',
    'POST /v2/apps/{appId}/users/{userIdOrExternalId}/clients (createClient)',
    /^operation deprecated$/,
  ],
];

describe('classifyChanges on fixture pairs', () => {
  it('has a case for every fixture file', () => {
    const files = readdirSync(path.join(fixturesDir, 'diff')).map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(cases.map((c) => c[0]).sort());
  });

  for (const [name, group, where, message] of cases) {
    it(`${name} → ${group}`, () => {
      const { before, after } = loadPair(name);
      const result = classifyChanges(before, after);
      const inGroup = result[group];
      expect(inGroup.length, JSON.stringify(result, null, 2)).toBeGreaterThan(0);
      expect(
        inGroup.some((c) => c.where === where && message.test(c.message)),
        JSON.stringify(inGroup, null, 2),
      ).toBe(true);
      // Only a docs change may be listed as docs; nothing else leaks into the breaking group.
      if (group !== 'breaking') expect(result.breaking).toEqual([]);
    });
  }

  it('reports no change for identical documents', () => {
    const { before } = loadPair('operation-removed');
    const result = classifyChanges(before, structuredClone(before));
    expect(result).toEqual({ breaking: [], nonBreaking: [], docs: [] });
  });

  it('reverses: adding back a removed operation is non-breaking', () => {
    const { before, after } = loadPair('operation-removed');
    const result = classifyChanges(after, before);
    expect(result.breaking).toEqual([]);
    expect(result.nonBreaking.map((c) => c.message)).toEqual(['operation added']);
  });
});
