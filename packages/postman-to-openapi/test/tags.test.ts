import { describe, expect, it } from 'vitest';
import { buildTags } from '../src/tags.js';
import { validateCollection } from '../src/validate.js';
import { Warnings } from '../src/warnings.js';
import { collection, folder, req } from './helpers.js';

describe('buildTags', () => {
  it('names tags after folders, disambiguating repeated names by path', () => {
    const model = validateCollection(
      collection([
        folder('A', [folder('Keys', [req('x', 'GET', 'https://x.io/1')])]),
        folder('B', [folder('Keys', [req('y', 'GET', 'https://x.io/2')])]),
      ]),
      new Warnings(),
    );
    const tags = buildTags(model);
    expect(tags.tagOf(['A', 'Keys'])).toBe('A / Keys');
    expect(tags.tagOf(['B', 'Keys'])).toBe('B / Keys');
    expect(tags.render()).toEqual({
      tags: [{ name: 'A / Keys' }, { name: 'B / Keys' }],
      groups: [
        { name: 'A', tags: ['A / Keys'] },
        { name: 'B', tags: ['B / Keys'] },
      ],
    });
  });

  it('lists only folders that hold operations', () => {
    const model = validateCollection(
      collection([folder('Empty', []), folder('Full', [req('x', 'GET', 'https://x.io')])]),
      new Warnings(),
    );
    const tags = buildTags(model);
    tags.tagOf(['Full']);
    expect(tags.render()).toEqual({ tags: [{ name: 'Full' }], groups: undefined });
  });
});
