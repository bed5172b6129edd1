import type { SunshineClient } from './client.js';
import { type PaginatedOperationId, paginatedOperations } from './generated/operations.gen.js';
import type { operations } from './generated/schema.gen.js';
import type { OperationData, OperationParams } from './types.js';

type ItemsKey<K extends PaginatedOperationId> = (typeof paginatedOperations)[K][1];

/** One page (the response body) of a paginated operation. */
export type Page<K extends PaginatedOperationId> = NonNullable<OperationData<operations[K]>>;

/** The item type a paginated operation lists, e.g. a conversation for `listConversations`. */
export type PageItem<K extends PaginatedOperationId> =
  Page<K> extends Record<ItemsKey<K>, infer L> ? (L extends readonly (infer T)[] ? T : never) : never;

interface PageMeta {
  hasMore?: boolean;
  afterCursor?: string | null;
}

/**
 * Yields every page of a paginated operation, following `meta.afterCursor` while `meta.hasMore`.
 * `params.query.page.size` sets the page size.
 */
export async function* paginatePages<K extends PaginatedOperationId>(
  client: SunshineClient,
  operationId: K,
  params: OperationParams<operations[K]>,
): AsyncGenerator<Page<K>, void, undefined> {
  const entry = paginatedOperations[operationId];
  if (!entry) throw new TypeError(`paginate: ${String(operationId)} is not a paginated operation`);
  const run = entry[0] as (client: SunshineClient, params: object) => Promise<{ data: any }>;
  const seen = new Set<string>();
  let query = (params as { query?: Record<string, any> }).query ?? {};
  for (;;) {
    const { data } = await run(client, { ...params, query });
    yield data;
    const meta: PageMeta | undefined = data?.meta;
    const cursor = meta?.afterCursor;
    if (!meta?.hasMore || !cursor || seen.has(cursor)) return;
    seen.add(cursor);
    query = { ...query, page: { ...query.page, after: cursor } };
  }
}

/** Yields every item of a paginated operation across pages: `for await (const c of paginate(...))`. */
export async function* paginate<K extends PaginatedOperationId>(
  client: SunshineClient,
  operationId: K,
  params: OperationParams<operations[K]>,
): AsyncGenerator<PageItem<K>, void, undefined> {
  const key = paginatedOperations[operationId]?.[1];
  for await (const page of paginatePages(client, operationId, params)) {
    yield* ((page as Record<string, unknown> | undefined)?.[key] as PageItem<K>[] | undefined) ?? [];
  }
}
