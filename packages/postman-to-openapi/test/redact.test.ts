import { describe, expect, it } from 'vitest';
import { isSecretName, redactSecrets } from '../src/redact.js';

describe('redactSecrets', () => {
  it('replaces secret-looking string fields at any depth and keeps the rest', () => {
    expect(
      redactSecrets({
        client_id: 'abc',
        client_secret: 's3',
        nested: [{ password: 'p', apiKey: 'k', token: 't', tokenType: 'Bearer' }],
      }),
    ).toEqual({
      client_id: 'abc',
      client_secret: '<client_secret>',
      nested: [{ password: '<password>', apiKey: '<apiKey>', token: '<token>', tokenType: 'Bearer' }],
    });
  });

  it('leaves non-string and empty values alone', () => {
    expect(redactSecrets({ secret: 5, password: '' })).toEqual({ secret: 5, password: '' });
    expect(isSecretName('displayName')).toBe(false);
    expect(isSecretName('refresh_token')).toBe(true);
  });
});
