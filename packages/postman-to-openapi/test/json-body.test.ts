import { describe, expect, it } from 'vitest';
import { isJsonMediaType, parseJsonBody } from '../src/json-body.js';

const resolve = (s: string) => s.replace('{{n}}', '5').replace('{{name}}', 'Ann');

describe('parseJsonBody', () => {
  it('allows comments and trailing commas, and resolves variables inside and outside strings', () => {
    expect(parseJsonBody('{ /* c */ "a": {{n}}, "b": "{{name}}", "c": {{unknown}}, }', resolve)).toEqual({
      ok: true,
      value: { a: 5, b: 'Ann', c: '{{unknown}}' },
    });
  });

  it('does not touch braces inside strings', () => {
    expect(parseJsonBody('{"t": "a {{ b }} c"}', (s) => s)).toEqual({
      ok: true,
      value: { t: 'a {{ b }} c' },
    });
  });

  it('refuses broken and absurdly nested JSON', () => {
    expect(parseJsonBody('{"a": ', resolve)).toEqual({ ok: false });
    expect(parseJsonBody('['.repeat(500) + ']'.repeat(500), resolve)).toEqual({ ok: false });
  });

  it('recognises JSON media types', () => {
    expect(['application/json', 'application/vnd.api+json', 'text/json'].map(isJsonMediaType)).toEqual([
      true,
      true,
      true,
    ]);
    expect(isJsonMediaType('text/plain')).toBe(false);
  });
});
