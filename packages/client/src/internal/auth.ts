import { base64 } from './base64.js';
import { signJwt } from './jwt.js';

/** How the client authenticates: API key as HTTP Basic, a bearer token, or a JWT the client signs itself. */
export type AuthOptions =
  | { basic: { keyId: string; secret: string } }
  | { bearer: string }
  | {
      jwt: {
        keyId: string;
        secret: string;
        scope: 'app' | 'account';
        /** Lifetime of each signed token; default 300. */
        expiresInSeconds?: number;
      };
    };

export interface Auth {
  header: () => Promise<string | undefined>;
  secrets: () => string[];
}

const invalid = (what: string) => new TypeError(`createClient: auth${what}`);

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function createAuth(options: AuthOptions | undefined): Auth {
  if (options === undefined) return { header: async () => undefined, secrets: () => [] };
  if ('basic' in options) {
    const { keyId, secret } = options.basic ?? ({} as { keyId?: string; secret?: string });
    if (!isText(keyId) || !isText(secret)) throw invalid('.basic needs keyId and secret');
    const encoded = base64(`${keyId}:${secret}`);
    return { header: async () => `Basic ${encoded}`, secrets: () => [secret, encoded] };
  }
  if ('bearer' in options) {
    const token = options.bearer;
    if (!isText(token)) throw invalid('.bearer must be a token string');
    return { header: async () => `Bearer ${token}`, secrets: () => [token] };
  }
  if ('jwt' in options) {
    const { keyId, secret, scope, expiresInSeconds = 300 } = options.jwt ?? ({} as never);
    if (!isText(keyId) || !isText(secret)) throw invalid('.jwt needs keyId and secret');
    if (scope !== 'app' && scope !== 'account') throw invalid(".jwt.scope must be 'app' or 'account'");
    let cached: { token: Promise<string>; expires: number } | undefined;
    return {
      header: async () => {
        const now = Math.floor(Date.now() / 1000);
        // Re-sign when less than a tenth of the lifetime (at least 5 s) remains.
        if (!cached || cached.expires - now < Math.max(5, expiresInSeconds / 10)) {
          const exp = now + expiresInSeconds;
          cached = { token: signJwt(keyId, secret, { scope, iat: now, exp }), expires: exp };
        }
        return `Bearer ${await cached.token}`;
      },
      // Signed tokens are removed from messages by the JWT-shaped pattern of the redactor.
      secrets: () => [secret],
    };
  }
  throw invalid(' must be { basic }, { bearer } or { jwt }');
}
