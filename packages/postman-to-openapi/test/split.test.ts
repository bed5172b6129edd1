import { describe, expect, it } from 'vitest';
import { safeStem, splitDocument } from '../src/split.js';
import { collection, convert, example, req } from './helpers.js';

describe('splitDocument', () => {
  it('writes the Redocly layout with relative $refs', () => {
    const user = { user: { id: '1', name: 'n' } };
    const { document } = convert(
      collection([
        req('Get', 'GET', 'https://x.io/v2/apps/:appId', {}, [example(200, user)]),
        req('Put', 'PUT', 'https://x.io/v2/apps/:appId/x', {}, [example(200, user)]),
      ]),
    );
    const files = splitDocument(document);
    expect([...files.keys()].sort()).toEqual([
      'components/parameters/appId.yaml',
      'components/schemas/User.yaml',
      'components/schemas/UserResponse.yaml',
      'openapi.yaml',
      'paths/v2_apps_{appId}.yaml',
      'paths/v2_apps_{appId}_x.yaml',
    ]);
    const root = files.get('openapi.yaml')!;
    expect(root.paths).toEqual({
      '/v2/apps/{appId}': { $ref: 'paths/v2_apps_{appId}.yaml' },
      '/v2/apps/{appId}/x': { $ref: 'paths/v2_apps_{appId}_x.yaml' },
    });
    const pathFile = JSON.stringify(files.get('paths/v2_apps_{appId}.yaml'));
    expect(pathFile).toContain('"$ref":"../components/schemas/UserResponse.yaml"');
    expect(pathFile).toContain('"$ref":"../components/parameters/appId.yaml"');
    expect(files.get('components/schemas/UserResponse.yaml')).toEqual({
      type: 'object',
      properties: { user: { $ref: './User.yaml' } },
      required: ['user'],
    });
    expect(root.components).toBeUndefined();
  });

  it('never produces names that leave their folder', () => {
    for (const bad of [
      '..',
      '../../etc/passwd',
      '/abs/path',
      'C:\\win\\x',
      '.hidden',
      'a/../../b',
      'con',
      '',
      '\u0000x',
      'ü'.repeat(300),
    ]) {
      const stem = safeStem(bad);
      expect(stem).toMatch(/^[A-Za-z0-9_{}@-][A-Za-z0-9_{}.@-]*$/);
      expect(stem).not.toContain('..');
      expect(stem.length).toBeLessThanOrEqual(120);
    }
    expect(safeStem('con')).toBe('_con');
  });

  it('keeps file names unique when sanitised names collide', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a b': {}, '/a_b': {}, '/A_B': {} },
    };
    const names = [...splitDocument(doc).keys()].filter((k) => k.startsWith('paths/'));
    expect(names).toEqual(['paths/a_b.yaml', 'paths/a_b_2.yaml', 'paths/A_B_3.yaml']);
  });
});
