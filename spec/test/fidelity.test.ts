// Faithfulness of the apps / keys / attachments / integrations / switchboards / webhooks / OAuth parts:
// bodies the real API accepts must validate, and bodies it rejects (a required field missing, a wrongly
// typed value, an unknown enum value) must not.
import { describe, expect, it } from 'vitest';
import { bundleSpec } from './helpers/bundle.js';
import { SpecValidator } from './helpers/validate.js';

const doc = bundleSpec();
const validator = new SpecValidator(doc);
const body = (operationId: string, data: unknown, mediaType?: string) =>
  validator.validate(validator.schemaPointer(operationId, { body: mediaType }), data);
const response = (operationId: string, status: string, data: unknown) =>
  validator.validate(validator.schemaPointer(operationId, { status }), data);
const param = (operationId: string, name: string, data: unknown) =>
  validator.validate(validator.schemaPointer(operationId, { parameter: name }), data, { coerce: true });

// The smallest create body the API accepts for each integration type.
const minimalCreate = {
  android: { type: 'android' },
  apple: { type: 'apple', businessId: 'b', apiSecret: '<s>', mspId: 'm' },
  custom: {
    type: 'custom',
    webhooks: [{ target: 'https://bot.acme.test/hook', triggers: ['conversation:message'] }],
  },
  instagram: { type: 'instagram', pageAccessToken: '<t>', appId: '1', appSecret: '<s>' },
  ios: { type: 'ios' },
  line: { type: 'line' },
  mailgun: { type: 'mailgun', apiKey: '<k>', domain: 'mg.acme.test', incomingAddress: 'in@mg.acme.test' },
  messagebird: { type: 'messagebird', accessKey: '<k>', signingKey: '<k>', originator: '12262121021' },
  messenger: { type: 'messenger', pageAccessToken: '<t>', appId: '1', appSecret: '<s>' },
  telegram: { type: 'telegram', token: '<t>' },
  twilio: { type: 'twilio', accountSid: 'AC1', authToken: '<t>', messagingServiceSid: 'MG1' },
  twitter: {
    type: 'twitter',
    tier: 'enterprise',
    consumerKey: '<k>',
    consumerSecret: '<s>',
    accessTokenKey: '<k>',
    accessTokenSecret: '<s>',
  },
  unity: { type: 'unity' },
  viber: { type: 'viber', token: '<t>' },
  web: { type: 'web' },
  whatsapp: { type: 'whatsapp', deploymentId: '55c8d9758590aa1900b9b9aa' },
} satisfies Record<string, Record<string, unknown>>;

describe('createIntegration body', () => {
  it('covers the 16 integration types of the API', () => {
    const mapping = (doc.components as any).schemas.IntegrationCreateBody.discriminator.mapping;
    expect(Object.keys(mapping).sort()).toEqual(Object.keys(minimalCreate).sort());
  });

  for (const [type, minimal] of Object.entries(minimalCreate)) {
    it(`accepts a minimal ${type} body`, () => {
      expect(body('createIntegration', minimal)).toEqual([]);
    });
    for (const field of Object.keys(minimal).filter((k) => k !== 'type')) {
      it(`rejects a ${type} body without ${field}`, () => {
        const { [field]: _dropped, ...rest } = minimal as Record<string, unknown>;
        expect(body('createIntegration', rest)).not.toEqual([]);
      });
    }
  }

  it('rejects an unknown type and a body without type', () => {
    expect(body('createIntegration', { type: 'carrier-pigeon' })).not.toEqual([]);
    expect(body('createIntegration', { displayName: 'x' })).not.toEqual([]);
  });

  it('rejects wrongly typed fields and unknown enum values', () => {
    expect(body('createIntegration', { type: 'android', canUserCreateMoreConversations: 'yes' })).not.toEqual(
      [],
    );
    expect(body('createIntegration', { type: 'web', displayStyle: 'popup' })).not.toEqual([]);
    expect(body('createIntegration', { ...minimalCreate.twitter, tier: 'sandbox' })).not.toEqual([]);
    expect(body('createIntegration', { ...minimalCreate.custom, webhooks: [] })).not.toEqual([]);
  });

  it('accepts twilio with a phone number instead of a messaging service, but not with neither', () => {
    const { messagingServiceSid: _m, ...neither } = minimalCreate.twilio;
    expect(body('createIntegration', { ...neither, phoneNumberSid: 'PN1' })).toEqual([]);
    expect(body('createIntegration', neither)).not.toEqual([]);
  });
});

describe('updateIntegration body', () => {
  it('requires nothing', () => {
    expect(body('updateIntegration', {})).toEqual([]);
  });
  it('rejects wrongly typed fields', () => {
    expect(body('updateIntegration', { displayName: 42 })).not.toEqual([]);
    expect(body('updateIntegration', { canUserCreateConversation: 'false' })).not.toEqual([]);
    expect(body('updateIntegration', { displayStyle: 'popup' })).not.toEqual([]);
  });
  it('accepts null to unset the display name', () => {
    expect(body('updateIntegration', { displayName: null })).toEqual([]);
  });
});

describe('integration responses', () => {
  it('accept channel-specific fields the API returns and reject wrongly typed ones', () => {
    const telegram = { id: '1', type: 'telegram', status: 'active', username: 'acme_bot', botId: '42' };
    expect(response('getIntegration', '200', { integration: telegram })).toEqual([]);
    expect(
      response('getIntegration', '200', { integration: { id: '1', type: 'web', status: 'broken' } }),
    ).not.toEqual([]);
    expect(response('getIntegration', '200', { integration: { id: '1', type: 7 } })).not.toEqual([]);
    expect(response('getIntegration', '200', { integration: { id: '1' } })).not.toEqual([]);
  });
  it('accept integrations of types only the dashboard can create, with the common fields', () => {
    const wechat = { id: '1', type: 'wechat', status: 'active', displayName: 'WeChat' };
    expect(response('getIntegration', '200', { integration: wechat })).toEqual([]);
    expect(response('getIntegration', '200', { integration: { ...wechat, status: 'broken' } })).not.toEqual(
      [],
    );
    // a known type is still held to its own schema
    expect(
      response('getIntegration', '200', { integration: { id: '1', type: 'web', displayStyle: 'popup' } }),
    ).not.toEqual([]);
  });
});

describe('apps', () => {
  it('createApp requires displayName and types its settings', () => {
    expect(body('createApp', { displayName: 'My App' })).toEqual([]);
    expect(body('createApp', {})).not.toEqual([]);
    expect(body('createApp', { displayName: 'x', settings: { multiConvoEnabled: 'yes' } })).not.toEqual([]);
    expect(body('createApp', { displayName: 'x', settings: { attachmentsAccess: 'secret' } })).not.toEqual(
      [],
    );
    expect(body('createApp', { displayName: 'x', metadata: { nested: { a: 1 } } })).not.toEqual([]);
  });
  it('updateApp requires nothing', () => {
    expect(body('updateApp', {})).toEqual([]);
    expect(body('updateApp', { displayName: 3 })).not.toEqual([]);
  });
});

describe('keys, attachments, switchboards, webhooks', () => {
  it('key creation requires a displayName', () => {
    expect(body('createAppKey', { displayName: 'Key 1' })).toEqual([]);
    expect(body('createAppKey', {})).not.toEqual([]);
    expect(body('createIntegrationKey', {})).not.toEqual([]);
  });
  it('uploads need the source part and a known access level', () => {
    expect(body('uploadAttachment', { source: '<file>' }, 'multipart/form-data')).toEqual([]);
    expect(body('uploadAttachment', {}, 'multipart/form-data')).not.toEqual([]);
    expect(param('uploadAttachment', 'access', 'private')).toEqual([]);
    expect(param('uploadAttachment', 'access', 'secret')).not.toEqual([]);
    expect(body('deleteAttachment', {})).not.toEqual([]);
  });
  it('switchboard integrations need a name and an integration id or type', () => {
    expect(body('createSwitchboardIntegration', { name: 'bot', integrationId: '1' })).toEqual([]);
    expect(body('createSwitchboardIntegration', { name: 'bot' })).not.toEqual([]);
    expect(body('createSwitchboardIntegration', { integrationType: 'zd:agentWorkspace' })).not.toEqual([]);
    expect(body('updateSwitchboardIntegration', { messageHistoryCount: 11 })).not.toEqual([]);
    expect(body('updateSwitchboard', { enabled: 'true' })).not.toEqual([]);
    expect(body('updateSwitchboard', {})).toEqual([]);
  });
  it('webhooks need a target and known triggers', () => {
    const ok = {
      target: 'https://bot.acme.test/hook',
      triggers: ['conversation:message', 'switchboard:passControl'],
    };
    expect(body('createWebhook', ok)).toEqual([]);
    expect(body('createWebhook', { triggers: ok.triggers })).not.toEqual([]);
    expect(body('createWebhook', { ...ok, triggers: ['message:appUser'] })).not.toEqual([]);
    expect(body('updateWebhook', {})).toEqual([]);
  });
});

describe('OAuth endpoints', () => {
  it('getToken takes the client credentials in the body', () => {
    const ok = { code: '658965', grant_type: 'authorization_code', client_id: 'c', client_secret: '<s>' };
    expect(body('getToken', ok)).toEqual([]);
    const { client_secret: _s, ...noSecret } = ok;
    expect(body('getToken', noSecret)).not.toEqual([]);
    expect(body('getToken', { ...ok, grant_type: 'password' })).not.toEqual([]);
  });
  it('authorize only knows response_type=code', () => {
    expect(param('authorize', 'response_type', 'code')).toEqual([]);
    expect(param('authorize', 'response_type', 'token')).not.toEqual([]);
  });
});

describe('examples of every operation validate', () => {
  for (const op of validator.operations) {
    const id = op.operation.operationId;
    it(`${id}`, () => {
      const problems: string[] = [];
      let requestExamples = 0;
      let responseExamples = 0;
      const check = (pointer: string, media: any, label: string) => {
        const values = [
          ...(media.example !== undefined ? [media.example] : []),
          ...Object.values(media.examples ?? {}).map(
            (e: any) => validator.resolve({ node: e, pointer: '' }).node.value,
          ),
        ];
        for (const v of values)
          for (const e of validator.validate(pointer, v)) problems.push(`${label}: ${e}`);
        if (label.startsWith('request')) requestExamples += values.length;
        else if (/^2/.test(label)) responseExamples += values.length;
      };
      const reqBody = op.operation.requestBody
        ? validator.resolve({ node: op.operation.requestBody, pointer: '' }).node
        : undefined;
      for (const [mt, media] of Object.entries<any>(reqBody?.content ?? {})) {
        check(validator.schemaPointer(id, { body: mt }), media, `request ${mt}`);
      }
      for (const status of Object.keys(op.operation.responses ?? {})) {
        const res = validator.resolve({ node: op.operation.responses[status], pointer: '' }).node;
        for (const [mt, media] of Object.entries<any>(res.content ?? {})) {
          if (media.schema)
            check(validator.schemaPointer(id, { status, mediaType: mt }), media, `${status} ${mt}`);
        }
      }
      expect(problems).toEqual([]);
      if (reqBody?.content?.['application/json'])
        expect(requestExamples, 'request examples').toBeGreaterThan(0);
      const hasJsonSuccess = Object.keys(op.operation.responses ?? {}).some((s) => /^2/.test(s));
      if (hasJsonSuccess) expect(responseExamples, 'success response examples').toBeGreaterThan(0);
    });
  }
});
