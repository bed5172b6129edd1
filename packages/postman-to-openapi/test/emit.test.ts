import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../src/emit.js';

describe('toYaml', () => {
  it('quotes strings that YAML 1.1 readers would turn into booleans, dates or numbers', () => {
    const doc = { a: 'no', b: 'on', c: '2024-01-01', d: '1_000', e: '010', f: 'plain' };
    const text = toYaml(doc);
    expect(text).toBe('a: "no"\nb: "on"\nc: "2024-01-01"\nd: "1_000"\ne: "010"\nf: plain\n');
    expect(parse(text, { version: '1.1' })).toEqual(doc);
  });

  it('writes repeated objects in full (no anchors) and never folds long lines', () => {
    const shared = { type: 'string' };
    const text = toYaml({ x: shared, y: shared, long: 'word '.repeat(40).trim() });
    expect(text).not.toMatch(/[&*]a1/);
    expect(text.split('\n').find((l) => l.startsWith('long:'))!.length).toBeGreaterThan(150);
  });

  it('keeps keys like __proto__ as plain data', () => {
    const doc: Record<string, any> = {};
    Object.defineProperty(doc, '__proto__', { value: { a: 1 }, enumerable: true });
    expect(toYaml(doc)).toBe('__proto__:\n  a: 1\n');
  });
});
