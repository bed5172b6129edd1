import { describe, expect, it } from 'vitest';
import { extractComponents } from '../src/components.js';
import { inferShape, mergeShapes, renderShape } from '../src/schema.js';

const opts = { required: 'observed' as const, refPrefix: '#/components/schemas/' };

describe('extractComponents', () => {
  it('merges similar shapes under the same property name and leaves one-offs inline', () => {
    const a = inferShape({ user: { id: '1', name: 'a' }, meta: { x: 1, y: 2 } }, 'response');
    const b = inferShape({ user: { id: '2', name: 'b', email: 'e@x.io' } }, 'response');
    const components = extractComponents([a, b]);
    expect([...components.keys()]).toEqual(['User']);
    expect(renderShape(components.get('User')!, opts)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string', format: 'email' },
      },
      required: ['id', 'name'],
    });
    expect(renderShape(a, opts).properties).toEqual({
      user: { $ref: '#/components/schemas/User' },
      meta: {
        type: 'object',
        properties: { x: { type: 'integer' }, y: { type: 'integer' } },
        required: ['x', 'y'],
      },
    });
  });

  it('names array items in singular and keeps nullable references nullable', () => {
    const a = mergeShapes(
      inferShape({ app: null }, 'response'),
      inferShape({ app: { id: '1', n: 1 } }, 'response'),
    );
    const b = inferShape({ apps: [{ id: '2', n: 2 }] }, 'response');
    const components = extractComponents([a, b]);
    expect([...components.keys()]).toEqual(['App']);
    expect(renderShape(a, opts).properties).toEqual({
      app: { anyOf: [{ $ref: '#/components/schemas/App' }, { type: 'null' }] },
    });
    expect(renderShape(b, opts).properties).toEqual({
      apps: { type: 'array', items: { $ref: '#/components/schemas/App' } },
    });
  });

  it('keeps request and response shapes apart (request ones get an Input suffix)', () => {
    const req1 = inferShape({ profile: { a: 1, b: 2 } }, 'request');
    const req2 = inferShape({ profile: { a: 3, b: 4 } }, 'request');
    const res = inferShape({ profile: { a: 1, b: 2, c: 3 } }, 'response');
    expect([...extractComponents([req1, req2, res]).keys()]).toEqual(['ProfileInput']);
  });

  it('splits dissimilar shapes with the same name into separate components', () => {
    const shapes = [
      inferShape({ item: { a: 1, b: 2 } }, 'response'),
      inferShape({ item: { a: 1, b: 2 } }, 'response'),
      inferShape({ item: { x: 1, y: 2 } }, 'response'),
      inferShape({ item: { x: 1, y: 2 } }, 'response'),
    ];
    expect([...extractComponents(shapes).keys()]).toEqual(['Item', 'Item2']);
  });
});
