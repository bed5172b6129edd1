// The three ways to call GET /v2/apps/{appId}, each given the same fetch and the same credentials.
// Each call builds a Request, awaits the fetch and parses the JSON body, and returns the app object.
import createOpenapiFetch from 'openapi-fetch';
import { APP_ID, KEY_ID, SECRET } from './fixtures.mjs';

const authorization = `Basic ${Buffer.from(`${KEY_ID}:${SECRET}`).toString('base64')}`;

export function rawFetch(baseUrl, fetchImpl) {
  return async () => {
    const response = await fetchImpl(
      new Request(`${baseUrl}/v2/apps/${encodeURIComponent(APP_ID)}`, {
        method: 'GET',
        headers: { accept: 'application/json', authorization },
      }),
    );
    if (!response.ok) throw new Error(`status ${response.status}`);
    return (await response.json()).app;
  };
}

export function bareOpenapiFetch(baseUrl, fetchImpl) {
  const client = createOpenapiFetch({ baseUrl, fetch: fetchImpl, headers: { authorization } });
  return async () => {
    const { data, error } = await client.GET('/v2/apps/{appId}', { params: { path: { appId: APP_ID } } });
    if (error) throw new Error('openapi-fetch call failed');
    return data.app;
  };
}

/** Loads @sunshine-openapi/client; throws with a reason when it is not built or lacks the agreed exports. */
export async function ourClient(baseUrl, fetchImpl) {
  const lib = await import('@sunshine-openapi/client');
  if (typeof lib.createClient !== 'function' || typeof lib.getApp !== 'function') {
    throw new Error(
      `@sunshine-openapi/client lacks createClient/getApp (exports: ${Object.keys(lib).join(', ')})`,
    );
  }
  const client = lib.createClient({
    baseUrl,
    fetch: fetchImpl,
    auth: { basic: { keyId: KEY_ID, secret: SECRET } },
  });
  return async () => {
    const result = await lib.getApp(client, { appId: APP_ID });
    const data = result && typeof result === 'object' && 'data' in result ? result.data : result;
    if (!data?.app) throw new Error('our client returned no app');
    return data.app;
  };
}
