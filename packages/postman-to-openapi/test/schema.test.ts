import { describe, expect, it } from 'vitest';
import { detectFormat, inferScalarShape, inferShape, mergeShapes, renderShape } from '../src/schema.js';

const opts = { required: 'observed' as const, refPrefix: '#/components/schemas/' };

describe('schema inference', () => {
  it('infers types, integer vs number and nested objects', () => {
    const s = renderShape(inferShape({ a: 1, b: 1.5, c: 'x', d: true, e: { f: [1, 2] } }, 'response'), opts);
    expect(s).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer' },
        b: { type: 'number' },
        c: { type: 'string' },
        d: { type: 'boolean' },
        e: {
          type: 'object',
          properties: { f: { type: 'array', items: { type: 'integer' } } },
          required: ['f'],
        },
      },
      required: ['a', 'b', 'c', 'd', 'e'],
    });
  });

  it('detects formats from values', () => {
    expect(detectFormat('2025-02-03T19:10:08.152Z')).toBe('date-time');
    expect(detectFormat('2025-02-30T19:10:08Z')).toBeUndefined();
    expect(detectFormat('2025-02-03')).toBe('date');
    expect(detectFormat('jane@example.org')).toBe('email');
    expect(detectFormat('https://example.org/a?b=1')).toBe('uri');
    expect(detectFormat('5e1bbd8f-3a1c-4c5c-9a2b-1d2e3f4a5b6c')).toBe('uuid');
    expect(detectFormat('hello world')).toBeUndefined();
    expect(detectFormat('not an@email')).toBeUndefined();
  });

  it('writes null as a type union and widens integer to number when merged', () => {
    const merged = mergeShapes(
      inferShape({ v: 1, n: 'x' }, 'response'),
      inferShape({ v: 2.5, n: null }, 'response'),
    );
    expect(renderShape(merged, opts)).toEqual({
      type: 'object',
      properties: { v: { type: 'number' }, n: { type: ['string', 'null'] } },
      required: ['v', 'n'],
    });
  });

  it('merges array items across elements and keeps a format only when every value has it', () => {
    const s = renderShape(
      inferShape([{ at: '2025-01-01T00:00:00Z' }, { at: 'yesterday', extra: 1 }], 'response'),
      opts,
    );
    expect(s).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { at: { type: 'string' }, extra: { type: 'integer' } },
        required: ['at'],
      },
    });
  });

  it('applies the required rule', () => {
    const shape = inferShape({ a: 1 }, 'request');
    expect(renderShape(shape, { ...opts, required: 'observed' }).required).toEqual(['a']);
    expect(renderShape(shape, { ...opts, required: 'responses' }).required).toBeUndefined();
    expect(
      renderShape(inferShape({ a: 1 }, 'response'), { ...opts, required: 'responses' }).required,
    ).toEqual(['a']);
    expect(
      renderShape(inferShape({ a: 1 }, 'response'), { ...opts, required: 'none' }).required,
    ).toBeUndefined();
  });

  it('gives an open schema for empty arrays and values nested too deeply', () => {
    expect(renderShape(inferShape([], 'response'), opts)).toEqual({ type: 'array', items: {} });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => renderShape(inferShape(deep, 'response'), opts)).not.toThrow();
  });

  it('reads scalar text as typed values', () => {
    expect([...inferScalarShape('10', 'request').types]).toEqual(['integer']);
    expect([...inferScalarShape('1.5', 'request').types]).toEqual(['number']);
    expect([...inferScalarShape('true', 'request').types]).toEqual(['boolean']);
    expect([...inferScalarShape('0012a', 'request').types]).toEqual(['string']);
    expect([...inferScalarShape('{{x}}', 'request').types]).toEqual(['string']);
  });
});
