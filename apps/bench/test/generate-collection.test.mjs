import { describe, expect, it } from 'vitest';
import {
  countRequests,
  generateCollection,
  generateCollectionText,
  loadSourceCollection,
} from '../src/generate-collection.mjs';

const source = loadSourceCollection();

function requests(collection) {
  const out = [];
  const walk = (items) => {
    for (const item of items) {
      if (Array.isArray(item.item)) walk(item.item);
      else out.push(item);
    }
  };
  walk(collection.item);
  return out;
}

const pathOf = (request) => {
  const url = request.request.url;
  return `${request.request.method} /${(typeof url === 'string' ? url : url.path).join('/')}`;
};

describe('generateCollection', () => {
  it('returns the source unchanged at 1×', () => {
    expect(generateCollection(source, 1)).toEqual(source);
    expect(countRequests(source)).toBe(68);
  });

  it('scales requests, names, paths and ids by the factor, all distinct', () => {
    const scaled = generateCollection(source, 5);
    const items = requests(scaled);
    expect(items).toHaveLength(68 * 5);
    expect(new Set(items.map((item) => item.name)).size).toBe(68 * 5);
    const withId = items.filter((item) => item.id !== undefined);
    expect(withId).toHaveLength(requests(source).filter((item) => item.id !== undefined).length * 5);
    expect(new Set(withId.map((item) => item.id)).size).toBe(withId.length);
    expect(new Set(items.map(pathOf)).size).toBe(new Set(requests(source).map(pathOf)).size * 5);
    const copy = items.find((item) => item.name === 'Get App Copy 3');
    expect(copy.request.url.path).toEqual(['copy3', 'v2', 'apps', ':appId']);
    expect(copy.response[0].originalRequest.url.path[0]).toBe('copy3');
  });

  it('moves raw URLs under the copy segment after the host', () => {
    const items = requests(generateCollection(source, 2));
    const copy = items.find((item) => item.name === 'Update Integration Copy 2');
    expect(copy.request.url.raw).toBe('{{url}}/copy2/v2/apps/{{appId}}/integrations/:integrationId');
  });

  it('is deterministic and does not modify its input', () => {
    const before = JSON.stringify(source);
    expect(generateCollectionText(3, source)).toBe(generateCollectionText(3, source));
    expect(JSON.stringify(source)).toBe(before);
  });

  it('grows the text in proportion to the factor', () => {
    const one = generateCollectionText(1, source).length;
    const ten = generateCollectionText(10, source).length;
    expect(ten / one).toBeGreaterThan(9.5);
    expect(ten / one).toBeLessThan(10.5);
  });

  it('rejects a factor that is not a positive integer', () => {
    expect(() => generateCollection(source, 0)).toThrow(RangeError);
    expect(() => generateCollection(source, 1.5)).toThrow(RangeError);
  });
});
