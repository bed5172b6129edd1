import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/errors.js';
import { Variables } from '../src/variables.js';

describe('Variables', () => {
  it('resolves nested references and leaves unknown and dynamic ones', () => {
    const v = new Variables([
      { key: 'a', value: '{{b}}/x' },
      { key: 'b', value: 'https://{{c}}' },
      { key: 'c', value: 'host' },
      { key: 'off', value: 'no', disabled: true },
    ]);
    expect(v.get('a')).toBe('https://host/x');
    expect(v.resolve('{{a}} {{nope}} {{$guid}} {{off}}')).toBe('https://host/x {{nope}} {{$guid}} {{off}}');
  });

  it('lets environment values override collection variables (disabled ones ignored)', () => {
    const v = new Variables([{ key: 'a', value: 'collection' }], {
      values: [
        { key: 'a', value: 'env', enabled: true },
        { key: 'b', value: 'skip', enabled: false },
      ],
    });
    expect(v.get('a')).toBe('env');
    expect(v.has('b')).toBe(false);
  });

  it('reports a cycle with the JSON pointer of the variable', () => {
    const v = new Variables(
      [
        { key: 'x', value: 'ok' },
        { key: 'a', value: '{{b}}' },
        { key: 'b', value: '{{a}}' },
      ],
      undefined,
      'c.json',
    );
    let err: unknown;
    try {
      v.resolve('{{a}}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).pointer).toBe('/variable/1/value');
    expect((err as ImportError).toLine()).toMatch(/^c\.json at \/variable\/1\/value: .*cycle \(a → b → a\)/);
  });

  it('stops runaway expansion', () => {
    const defs = [{ key: 'v0', value: 'xxxxxxxxxxxxxxxx' }];
    for (let i = 1; i < 20; i++) defs.push({ key: `v${i}`, value: `{{v${i - 1}}}{{v${i - 1}}}` });
    const v = new Variables(defs);
    expect(() => v.resolve('{{v19}}')).toThrow(ImportError);
  });

  it('rejects an environment file that is not an environment', () => {
    expect(() => new Variables([], { nope: 1 }, 'c.json', 'env.json')).toThrow(/not a Postman environment/);
  });
});
