// The operations agreed in the brief exist, once each, with the metadata every consumer relies on.
import { describe, expect, it } from 'vitest';
import { bundleSpec, listOperations } from './helpers/bundle.js';

const AGREED_OPERATION_IDS = `createApp listApps getApp updateApp deleteApp createAppKey listAppKeys getAppKey
deleteAppKey uploadAttachment deleteAttachment createConversation listConversations getConversation
updateConversation deleteConversation downloadMessageRef postConversionEvents joinConversation listParticipants
leaveConversation postMessage listMessages deleteAllMessages deleteMessage postActivity passControl releaseControl
offerControl acceptControl createIntegration listIntegrations getIntegration updateIntegration deleteIntegration
createIntegrationKey listIntegrationKeys getIntegrationKey deleteIntegrationKey createSwitchboard listSwitchboards
updateSwitchboard deleteSwitchboard createSwitchboardIntegration listSwitchboardIntegrations
updateSwitchboardIntegration deleteSwitchboardIntegration createUser listUsers getUser updateUser deleteUser
deleteUserPersonalInformation syncUser createClient listClients removeClient listDevices getDevice createWebhook
listWebhooks getWebhook updateWebhook deleteWebhook getTokenInfo authorize getToken revokeAccess`
  .split(/\s+/)
  .filter(Boolean);

const doc = bundleSpec();
const operations = listOperations(doc);
const ids = operations.map((o) => o.operation.operationId);

describe('operations', () => {
  it('the brief lists 68 distinct operationIds', () => {
    expect(new Set(AGREED_OPERATION_IDS).size).toBe(68);
  });

  it('the spec has exactly the 68 agreed operations, each once', () => {
    expect([...ids].sort()).toEqual([...AGREED_OPERATION_IDS].sort());
  });

  it('every operation has a summary, a description and a tag the root declares', () => {
    const tags = new Set(((doc.tags as { name: string }[]) ?? []).map((t) => t.name));
    const missing = operations
      .filter(
        (o) =>
          !o.operation.summary ||
          !o.operation.description ||
          !o.operation.tags?.every((t: string) => tags.has(t)),
      )
      .map((o) => o.operation.operationId);
    expect(missing).toEqual([]);
  });

  it('every tag appears in exactly one x-tagGroups group', () => {
    const groups = (doc['x-tagGroups'] as { name: string; tags: string[] }[]) ?? [];
    const grouped = groups.flatMap((g) => g.tags).sort();
    expect(grouped).toEqual(((doc.tags as { name: string }[]) ?? []).map((t) => t.name).sort());
  });

  it('the public OAuth endpoints are marked public and the rest are secured', () => {
    const byId = new Map(operations.map((o) => [o.operation.operationId, o.operation]));
    expect(byId.get('authorize')?.security).toEqual([]);
    expect(byId.get('getToken')?.security).toEqual([]);
    const rootSecurity = (doc.security as unknown[]) ?? [];
    const unsecured = operations
      .filter((o) => !['authorize', 'getToken'].includes(o.operation.operationId))
      .filter((o) => (o.operation.security ?? rootSecurity).length === 0)
      .map((o) => o.operation.operationId);
    expect(unsecured).toEqual([]);
  });
});
