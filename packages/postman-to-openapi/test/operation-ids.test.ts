import { describe, expect, it } from 'vitest';
import { fallbackOperationId, OperationIds } from '../src/operation-ids.js';

describe('OperationIds', () => {
  it('camelCases names and suffixes collisions in call order (case-insensitively)', () => {
    const ids = new OperationIds();
    expect(ids.assign('Update Integration', 'patch', '/a')).toBe('updateIntegration');
    expect(ids.assign('update-integration', 'put', '/a')).toBe('updateIntegration2');
    expect(ids.assign('UPDATE integration', 'post', '/a')).toBe('updateIntegration3');
    expect(ids.assign('Get HTTPResponse code', 'get', '/b')).toBe('getHttpResponseCode');
  });

  it('falls back to method + path, prefixes leading digits, bounds length, honours valid explicit ids', () => {
    const ids = new OperationIds();
    expect(ids.assign('', 'get', '/users/{id}/keys')).toBe('getUsersByIdKeys');
    expect(ids.assign('2 step', 'post', '/x')).toBe('op2Step');
    expect(ids.assign('word '.repeat(50), 'get', '/y').length).toBeLessThanOrEqual(64);
    expect(ids.assign('Synchronize User', 'post', '/s', 'syncUser')).toBe('syncUser');
    expect(ids.assign('Other', 'post', '/t', 'not valid!')).toBe('other');
    expect(fallbackOperationId('delete', '/')).toBe('delete');
  });
});
