import { describe, expect, it } from 'vitest';
import {
  createClient,
  listConversations,
  paginate,
  paginatedOperations,
  paginatePages,
} from '../src/index.js';
import { fakeFetch, json } from './helpers/fake-fetch.js';

function pagedServer(pages: { items: string[]; after?: string; hasMore: boolean }[]) {
  return fakeFetch((request) => {
    const after = new URL(request.url).searchParams.get('page[after]');
    const index = after === null ? 0 : pages.findIndex((_, i) => pages[i - 1]?.after === after);
    const page = pages[index]!;
    return json({
      conversations: page.items.map((id) => ({ id, type: 'personal' })),
      meta: { hasMore: page.hasMore, afterCursor: page.after ?? null },
    });
  });
}

describe('paginate', () => {
  it('listConversations is in the paginated map', () => {
    expect(paginatedOperations.listConversations).toEqual([listConversations, 'conversations']);
  });

  it('follows meta.afterCursor across pages while hasMore, keeping page size and filters', async () => {
    const fetch = pagedServer([
      { items: ['c1', 'c2'], after: 'cur1', hasMore: true },
      { items: ['c3', 'c4'], after: 'cur2', hasMore: true },
      { items: ['c5'], hasMore: false },
    ]);
    const client = createClient({ region: 'us', fetch });
    const ids: string[] = [];
    const params = { appId: 'app_1', query: { page: { size: 2 }, filter: { userId: 'u1' } } } as never;
    for await (const conversation of paginate(client, 'listConversations', params)) {
      ids.push((conversation as { id: string }).id);
    }
    expect(ids).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    const queries = fetch.requests.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries).toEqual([
      { 'page[size]': '2', 'filter[userId]': 'u1' },
      { 'page[size]': '2', 'page[after]': 'cur1', 'filter[userId]': 'u1' },
      { 'page[size]': '2', 'page[after]': 'cur2', 'filter[userId]': 'u1' },
    ]);
  });

  it('an empty first page yields nothing and makes one request', async () => {
    const fetch = pagedServer([{ items: [], hasMore: false }]);
    const items = [];
    for await (const c of paginate(createClient({ region: 'us', fetch }), 'listConversations', {
      appId: 'a',
    } as never)) {
      items.push(c);
    }
    expect(items).toEqual([]);
    expect(fetch.requests).toHaveLength(1);
  });

  it('paginatePages yields whole pages; stops on a repeated cursor instead of looping', async () => {
    const fetch = fakeFetch(() =>
      json({ conversations: [{ id: 'x' }], meta: { hasMore: true, afterCursor: 'same' } }),
    );
    const pages = [];
    for await (const page of paginatePages(createClient({ region: 'us', fetch }), 'listConversations', {
      appId: 'a',
    } as never)) {
      pages.push(page);
    }
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ meta: { afterCursor: 'same' } });
  });

  it('stops early when the caller breaks, and an API error ends the iteration', async () => {
    const fetch = pagedServer([
      { items: ['c1'], after: 'cur1', hasMore: true },
      { items: ['c2'], hasMore: false },
    ]);
    for await (const _ of paginate(createClient({ region: 'us', fetch }), 'listConversations', {
      appId: 'a',
    } as never)) {
      break;
    }
    expect(fetch.requests).toHaveLength(1);
    const failing = fakeFetch(() => json({ errors: [{ code: 'unauthorized' }] }, 401));
    const iterate = async () => {
      for await (const _ of paginate(createClient({ region: 'us', fetch: failing }), 'listConversations', {
        appId: 'a',
      } as never)) {
        // no items
      }
    };
    await expect(iterate()).rejects.toMatchObject({ status: 401, errors: [{ code: 'unauthorized' }] });
  });

  it('rejects an operation that does not paginate', async () => {
    const it = paginate(createClient({ region: 'us' }), 'getApp' as never, {} as never);
    await expect(it.next()).rejects.toThrow(/getApp is not a paginated operation/);
  });
});
