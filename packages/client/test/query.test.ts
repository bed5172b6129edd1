import { describe, expect, it } from 'vitest';
import { createClient, createUserClient, listConversations, uploadAttachment } from '../src/index.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

describe('request serialisation', () => {
  it('deepObject query: page[after] and page[size] are both sent, with filter[...]', async () => {
    const fetch = fakeFetch(() => json({ conversations: [], meta: { hasMore: false } }));
    const client = createClient({ region: 'us', fetch });
    await listConversations(client, {
      appId: 'app_1',
      query: { page: { after: 'c_9', size: 25 }, filter: { userId: 'u_1' } },
    } as never);
    const url = new URL(fetch.requests[0]!.url);
    expect(url.pathname).toBe('/v2/apps/app_1/conversations');
    expect(url.searchParams.get('page[after]')).toBe('c_9');
    expect(url.searchParams.get('page[size]')).toBe('25');
    expect(url.searchParams.get('filter[userId]')).toBe('u_1');
  });

  it('JSON bodies are sent with content-type application/json; createClient op is createUserClient', async () => {
    const fetch = fakeFetch(() => json({ client: { id: 'cl_1' } }, 201));
    const client = createClient({ region: 'us', fetch });
    const result = await createUserClient(client, {
      appId: 'app_1',
      userIdOrExternalId: 'u/1',
      body: { type: 'sdk', integrationId: 'int_1' },
    } as never);
    const request = fetch.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.smooch.io/v2/apps/app_1/users/u%2F1/clients');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({ type: 'sdk', integrationId: 'int_1' });
    expect(result).toMatchObject({ status: 201, data: { client: { id: 'cl_1' } } });
  });

  it('multipart bodies: an object with a Blob becomes FormData with its boundary', async () => {
    const fetch = fakeFetch(() => json({ attachment: { mediaUrl: 'https://media.test/a.txt' } }, 201));
    const client = createClient({ region: 'us', fetch });
    const result = await uploadAttachment(client, {
      appId: 'app_1',
      query: { access: 'public' },
      body: { source: new Blob(['hello'], { type: 'text/plain' }) },
    } as never);
    const request = fetch.requests[0]!;
    expect(request.url).toBe('https://api.smooch.io/v2/apps/app_1/attachments?access=public');
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(await (form.get('source') as Blob).text()).toBe('hello');
    expect(result.status).toBe(201);
  });
});
