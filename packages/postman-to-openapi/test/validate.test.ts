import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/errors.js';
import { validateCollection } from '../src/validate.js';
import { Warnings } from '../src/warnings.js';
import { collection, folder, req } from './helpers.js';

function fail(input: unknown): ImportError {
  try {
    validateCollection(input, new Warnings(), 'c.json');
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('validateCollection', () => {
  it('flattens folders into requests with folder paths and inherited auth', () => {
    const basic = { type: 'basic', basic: [] };
    const model = validateCollection(
      collection(
        [
          folder(
            'A',
            [
              folder('B', [req('One', 'GET', 'https://x.io/1')]),
              req('Two', 'GET', 'https://x.io/2', { auth: { type: 'noauth' } }),
            ],
            {
              auth: basic,
            },
          ),
          req('Three', 'GET', 'https://x.io/3', { auth: { type: 'inherit' } }),
        ],
        { auth: { type: 'bearer', bearer: [] } },
      ),
      new Warnings(),
    );
    expect(model.requests.map((r) => [r.label, r.pointer, r.auth === null ? null : r.auth?.type])).toEqual([
      ['A/B/One', '/item/0/item/0/item/0', 'basic'],
      ['A/Two', '/item/0/item/1', null],
      ['Three', '/item/1', 'bearer'],
    ]);
    expect(model.folders.map((f) => f.names.join('/'))).toEqual(['A', 'A/B']);
  });

  it('accepts a request given as a bare URL string and the Postman API wrapper', () => {
    const model = validateCollection(
      { collection: collection([{ name: 'x', request: 'https://x.io/a' }]) },
      new Warnings(),
    );
    expect(model.requests[0]!.request).toEqual({ method: 'GET', url: 'https://x.io/a' });
  });

  it('reads version objects and description objects', () => {
    const model = validateCollection(
      {
        info: { name: 'N', version: { major: 2, minor: 1, patch: 0 }, description: { content: 'About' } },
        item: [],
      },
      new Warnings(),
    );
    expect([model.version, model.description]).toEqual(['2.1.0', 'About']);
  });

  it.each([
    ['not an object', [], ''],
    ['a v1 collection', { id: 'x', name: 'Old', order: [], requests: [] }, ''],
    [
      'a v1 schema url',
      { info: { schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' }, item: [] },
      '/info/schema',
    ],
    ['missing info', { item: [] }, '/info'],
    ['item not an array', { info: {}, item: {} }, '/item'],
    ['an item that is not an object', { info: {}, item: [1] }, '/item/0'],
    ['missing request', { info: {}, item: [{ name: 'x' }] }, '/item/0'],
    ['request of the wrong type', { info: {}, item: [{ name: 'x', request: 5 }] }, '/item/0/request'],
    ['folder item not an array', { info: {}, item: [{ name: 'f', item: 'x' }] }, '/item/0/item'],
    [
      'unknown body mode',
      { info: {}, item: [{ request: { url: 'x', body: { mode: 'magic' } } }] },
      '/item/0/request/body/mode',
    ],
    ['bad auth', { info: {}, auth: 'basic', item: [] }, '/auth'],
  ])('rejects %s with a pointer', (_what, input, pointer) => {
    expect(fail(input).pointer).toBe(pointer);
  });

  it('rejects folders nested absurdly deep without overflowing the stack', () => {
    let items: unknown[] = [req('x', 'GET', 'https://x.io')];
    for (let i = 0; i < 5000; i++) items = [folder('f', items)];
    expect(fail(collection(items)).message).toMatch(/nested more than/);
  });

  it('warns (with the folder path) about scripts it cannot carry over, ignoring empty ones', () => {
    const w = new Warnings();
    const script = (exec: unknown) => [{ listen: 'test', script: { exec } }];
    validateCollection(
      collection(
        [
          folder(
            'F',
            [
              { ...req('R', 'GET', 'https://x.io'), event: script(['pm.test()']) },
              { ...req('Quiet', 'GET', 'https://x.io'), event: script(['', ' ']) },
            ],
            {
              event: script('x()'),
            },
          ),
        ],
        { event: script(['a()']) },
      ),
      w,
    );
    expect(w.list.map((x) => x.item)).toEqual(['', 'F', 'F/R']);
  });

  it('warns about an unknown schema version but carries on', () => {
    const w = new Warnings();
    validateCollection({ info: { schema: 'https://example.com/v9' }, item: [] }, w);
    expect(w.list[0]!.message).toMatch(/unknown collection schema/);
  });
});
