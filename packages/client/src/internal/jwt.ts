import { base64url, utf8 } from './base64.js';

/** Signs an HS256 JWT with WebCrypto; the header carries `kid`. */
export async function signJwt(
  keyId: string,
  secret: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const data = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: keyId }))}.${base64url(JSON.stringify(claims))}`;
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = await crypto.subtle.sign('HMAC', key, utf8(data));
  return `${data}.${base64url(new Uint8Array(signature))}`;
}
