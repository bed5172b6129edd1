import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertCollection } from '../src/convert.js';
import { toYaml } from '../src/emit.js';
import { readJsonFile } from '../src/load.js';
import { splitDocument } from '../src/split.js';
import { openApiErrors, SHARED_COLLECTION, tempDir } from './helpers.js';
import { exampleErrors } from './support/example-check.js';

const here = dirname(fileURLToPath(import.meta.url));
const COLLECTION = SHARED_COLLECTION;
const REDOCLY = join(here, '..', 'node_modules', '.bin', 'redocly');

const AGREED_IDS =
  `createApp listApps getApp updateApp deleteApp createAppKey listAppKeys getAppKey deleteAppKey
uploadAttachment deleteAttachment createConversation listConversations getConversation updateConversation
deleteConversation downloadMessageRef postConversionEvents joinConversation listParticipants leaveConversation
postMessage listMessages deleteAllMessages deleteMessage postActivity passControl releaseControl offerControl
acceptControl createIntegration listIntegrations getIntegration updateIntegration deleteIntegration
createIntegrationKey listIntegrationKeys getIntegrationKey deleteIntegrationKey createSwitchboard listSwitchboards
updateSwitchboard deleteSwitchboard createSwitchboardIntegration listSwitchboardIntegrations
updateSwitchboardIntegration deleteSwitchboardIntegration createUser listUsers getUser updateUser deleteUser
deleteUserPersonalInformation syncUser createClient listClients removeClient listDevices getDevice createWebhook
listWebhooks getWebhook updateWebhook deleteWebhook getTokenInfo authorize getToken revokeAccess`
    .split(/\s+/)
    .sort();

function run() {
  return convertCollection(readJsonFile(COLLECTION), {
    source: COLLECTION,
    operationIds: { 'Synchronize User': 'syncUser' },
  });
}

function operations(doc: any): any[] {
  return Object.values(doc.paths).flatMap((item: any) => Object.values(item));
}

describe('the shared Sunshine Conversations collection', () => {
  const { document, warnings } = run();
  const yaml = toYaml(document);

  it('has all 68 operations with the agreed camelCase operationIds', () => {
    const ids = operations(document).map((o) => o.operationId);
    expect(ids).toHaveLength(68);
    expect([...ids].sort()).toEqual(AGREED_IDS);
  });

  it('names operations from the request names without overrides, too', () => {
    const plain = convertCollection(readJsonFile(COLLECTION));
    const ids = operations(plain.document).map((o) => o.operationId);
    expect(new Set(ids).size).toBe(68);
    expect(ids).toContain('synchronizeUser');
  });

  it('derives the zendesk server with a subdomain variable', () => {
    expect((document.servers as any[])[0]).toEqual({
      url: 'https://{subdomain}.zendesk.com/sc',
      variables: { subdomain: { default: 'subdomain', description: expect.any(String) } },
    });
    expect(yaml).not.toMatch(/\{\{/);
  });

  it('converts the seed item: {{url}} falls back with a warning, {{appId}} and :integrationId become parameters', () => {
    const item = (document.paths as any)['/v2/apps/{appId}/integrations/{integrationId}'];
    expect(Object.keys(item)).toEqual(['get', 'delete', 'patch']);
    const patch = item.patch;
    expect(patch.operationId).toBe('updateIntegration');
    expect(patch.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual([
      'path:appId',
      'path:integrationId',
    ]);
    expect(patch.responses['404']).toEqual({ description: 'Not Found' });
    expect(Object.keys(patch.responses['200'].content)).toEqual(['application/json']);
    expect(patch.servers).toBeUndefined();
    expect(patch.security).toBeUndefined(); // inherits the collection's bearer auth
    expect(warnings).toContainEqual({
      item: 'Integrations/Update Integration',
      message:
        'host {{url}} is an undefined variable; assumed to be the main server https://{subdomain}.zendesk.com/sc',
    });
  });

  it('maps collection bearer and request basic auth', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const listApps = operations(document).find((o) => o.operationId === 'listApps');
    expect(listApps.security).toEqual([{ basicAuth: [] }]);
    expect(listApps.parameters).toContainEqual({ $ref: '#/components/parameters/page' });
    expect((document.components as any).parameters.page).toMatchObject({ style: 'deepObject', in: 'query' });
  });

  it('every example in the document validates against its schema (formats included)', () => {
    expect(exampleErrors(document)).toEqual([]);
    expect(
      exampleErrors(convertCollection(readJsonFile(COLLECTION), { required: 'observed' }).document),
    ).toEqual([]);
  });

  it('validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiErrors(document)).toBe('');
  });

  it('passes redocly lint (recommended) with no errors (split layout, which bundles to the single file)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\n');
    writeFileSync(join(dir, 'openapi.yaml'), yaml);
    const files = splitDocument(document);
    for (const [rel, content] of files) {
      const target = join(dir, 'split', rel);
      spawnSync('mkdir', ['-p', dirname(target)]);
      writeFileSync(target, toYaml(content));
    }
    for (const entry of ['split/openapi.yaml']) {
      const r = spawnSync(REDOCLY, ['lint', entry, '--config', 'redocly.yaml'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr).toMatch(/Your API description is valid/);
      expect(r.status).toBe(0);
    }
  }, 30_000);

  it('is byte-identical on a second run', () => {
    expect(toYaml(run().document)).toBe(yaml);
    expect(readFileSync(COLLECTION, 'utf8').length).toBeGreaterThan(0);
  });
});
