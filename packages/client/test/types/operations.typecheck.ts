// Compile-time tests: `tsc -p test/types` must pass. Each @ts-expect-error line must be an error,
// otherwise tsc reports "Unused '@ts-expect-error' directive" and the test fails.
import {
  createClient,
  createUser,
  getApp,
  type listConversations,
  type OperationResult,
  type PageItem,
  paginate,
  updateIntegration,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T) => {};

const client = createClient({ region: 'us', auth: { basic: { keyId: 'k', secret: 's' } } });

export async function pathParams() {
  // @ts-expect-error appId is required
  await getApp(client, {});
  // @ts-expect-error the params object is required when there are path params
  await getApp(client);
  // @ts-expect-error integrationId is missing
  await updateIntegration(client, { appId: 'a', body: {} });
  // @ts-expect-error appId must be a string
  await getApp(client, { appId: 42 });
  await getApp(client, { appId: 'a' });
}

export async function bodies() {
  // @ts-expect-error the body is required
  await createUser(client, { appId: 'a' });
  // @ts-expect-error externalId is required in the body
  await createUser(client, { appId: 'a', body: {} });
  // @ts-expect-error externalId must be a string
  await createUser(client, { appId: 'a', body: { externalId: 42 } });
  // @ts-expect-error displayName must be a string or null
  await updateIntegration(client, { appId: 'a', integrationId: 'i', body: { displayName: 42 } });
  await updateIntegration(client, { appId: 'a', integrationId: 'i', body: { displayName: null } });
  await createUser(client, { appId: 'a', body: { externalId: 'u-1' } });
}

export async function responses() {
  const created = await createUser(client, { appId: 'a', body: { externalId: 'u-1' } });
  assertType<Equal<typeof created.status, 201>>(true);
  const id: string = created.data.user.id;
  // @ts-expect-error 404 is not a success status of getApp: errors are thrown, not returned
  if ((await getApp(client, { appId: 'a' })).status === 404) return id;
  // @ts-expect-error the data has no such field
  (await getApp(client, { appId: 'a' })).data.nope;
  return id;
}

// Narrowing by status on an operation with two success statuses.
interface TwoStatuses {
  responses: {
    200: { content: { 'application/json': { existing: true } } };
    201: { content: { 'application/json': { created: string } } };
    404: { content: { 'application/json': { errors: unknown[] } } };
  };
}
export function narrows(result: OperationResult<TwoStatuses>) {
  if (result.status === 201) {
    const created: string = result.data.created;
    // @ts-expect-error `existing` belongs to the 200 response
    result.data.existing;
    return created;
  }
  assertType<Equal<typeof result.data, { existing: true }>>(true);
  return result.data.existing;
}

export async function pagination() {
  for await (const conversation of paginate(client, 'listConversations', { appId: 'a' } as Parameters<
    typeof listConversations
  >[1])) {
    assertType<Equal<typeof conversation, PageItem<'listConversations'>>>(true);
    const id: string = conversation.id;
    return id;
  }
  // @ts-expect-error getApp does not paginate
  paginate(client, 'getApp', { appId: 'a' });
  return undefined;
}

// The README's examples compile as written.
export async function readmeExamples(appId: string, userId: string) {
  const { data } = await getApp(client, { appId });
  const name: string | undefined = data.app.displayName;
  const raw = await client.GET('/v2/apps/{appId}/integrations', { params: { path: { appId } } });
  for await (const conversation of paginate(client, 'listConversations', {
    appId,
    query: { filter: { userId }, page: { size: 100 } },
  })) {
    return [name, raw.response.status, conversation.id];
  }
  return undefined;
}
