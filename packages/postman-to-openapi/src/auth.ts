import { canonicalJson, isObject, setOwn } from './text.js';
import type { JsonObject } from './types.js';
import type { RawAuth } from './validate.js';
import type { Warnings } from './warnings.js';

/** Postman stores auth parameters as `[{ key, value }]` (v2.1) or `{ key: value }` (v2.0). */
export function authParams(auth: Record<string, unknown>): Record<string, string> {
  const raw = auth[String(auth.type)];
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const p of raw) {
      if (isObject(p) && typeof p.key === 'string') {
        const v = p.value;
        setOwn(
          out,
          p.key,
          typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '',
        );
      }
    }
  } else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw))
      if (typeof v === 'string' || typeof v === 'number') setOwn(out, k, String(v));
  }
  return out;
}

type Requirement = JsonObject[];

const HTTP_SCHEMES: Record<string, { name: string; scheme: string; bearerFormat?: string }> = {
  basic: { name: 'basicAuth', scheme: 'basic' },
  bearer: { name: 'bearerAuth', scheme: 'bearer' },
  digest: { name: 'digestAuth', scheme: 'digest' },
  jwt: { name: 'jwtAuth', scheme: 'bearer', bearerFormat: 'JWT' },
  asap: { name: 'asapAuth', scheme: 'bearer', bearerFormat: 'JWT' },
  oauth1: { name: 'oauth1Auth', scheme: 'oauth' },
  hawk: { name: 'hawkAuth', scheme: 'hawk' },
  ntlm: { name: 'ntlmAuth', scheme: 'ntlm' },
  awsv4: { name: 'awsSigV4Auth', scheme: 'aws4-hmac-sha256' },
  edgegrid: { name: 'edgegridAuth', scheme: 'eg1-hmac-sha256' },
  akamai: { name: 'edgegridAuth', scheme: 'eg1-hmac-sha256' },
};

const FLOWS: Record<string, string> = {
  authorization_code: 'authorizationCode',
  authorization_code_with_pkce: 'authorizationCode',
  client_credentials: 'clientCredentials',
  password_credentials: 'password',
  password: 'password',
  implicit: 'implicit',
};

/** Security schemes met so far, each under a stable unique name. */
export class SecurityRegistry {
  readonly schemes = new Map<string, JsonObject>();
  private readonly byDefinition = new Map<string, string>();
  /**
   * Requirements already computed per auth block. Items inherit the very object their collection or
   * folder defines, so one block converts once and its warnings are raised once, not per request.
   */
  private readonly byAuth = new WeakMap<object, Requirement>();

  constructor(
    private readonly resolve: (s: string) => string,
    private readonly warnings: Warnings,
  ) {}

  private register(base: string, scheme: JsonObject): string {
    const canon = canonicalJson(scheme);
    const known = this.byDefinition.get(canon);
    if (known) return known;
    let name = base;
    let n = 2;
    while (this.schemes.has(name)) name = base + n++;
    this.schemes.set(name, scheme);
    this.byDefinition.set(canon, name);
    return name;
  }

  private url(value: string | undefined, fallback: string, label: string, what: string): string {
    const v = value === undefined ? '' : this.resolve(value).trim();
    if (/^https?:\/\/[^\s{}]+$/i.test(v)) return v;
    this.warnings.add(
      label,
      `OAuth 2.0 ${what} is missing or uses an undefined variable; using ${fallback}, edit it`,
    );
    return fallback;
  }

  /** Security requirement for an effective auth; an empty list means "no authentication". */
  requirement(auth: RawAuth | undefined, label: string): Requirement {
    if (auth === undefined || auth === null) return [];
    const known = this.byAuth.get(auth);
    if (known) return known;
    const result = this.compute(auth, label);
    this.byAuth.set(auth, result);
    return result;
  }

  private compute(auth: Record<string, unknown>, label: string): Requirement {
    const type = String(auth.type).toLowerCase();
    const params = authParams(auth);
    const http = HTTP_SCHEMES[type];
    if (http) {
      const scheme: JsonObject = { type: 'http', scheme: http.scheme };
      if (http.bearerFormat) scheme.bearerFormat = http.bearerFormat;
      return [{ [this.register(http.name, scheme)]: [] }];
    }
    if (type === 'apikey') {
      const where = params.in === 'query' ? 'query' : 'header';
      const name = (params.key ?? '').trim() || (where === 'header' ? 'X-API-Key' : 'api_key');
      return [{ [this.register('apiKeyAuth', { type: 'apiKey', in: where, name })]: [] }];
    }
    if (type === 'oauth2') {
      const grant = (params.grant_type ?? 'authorization_code').toLowerCase();
      const flowName = FLOWS[grant] ?? 'authorizationCode';
      const scopeList = (params.scope ?? '')
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.includes('{{'));
      const scopes: JsonObject = {};
      for (const s of scopeList) setOwn(scopes, s, '');
      const flow: JsonObject = {};
      if (flowName === 'authorizationCode' || flowName === 'implicit') {
        flow.authorizationUrl = this.url(
          params.authUrl,
          'https://example.com/oauth/authorize',
          label,
          'authorization URL',
        );
      }
      if (flowName !== 'implicit') {
        flow.tokenUrl = this.url(
          params.accessTokenUrl,
          'https://example.com/oauth/token',
          label,
          'token URL',
        );
      }
      flow.scopes = scopes;
      const name = this.register('oauth2Auth', { type: 'oauth2', flows: { [flowName]: flow } });
      return [{ [name]: scopeList }];
    }
    this.warnings.add(
      label,
      `auth type "${type}" has no OpenAPI equivalent; the operation is documented without security`,
    );
    return [];
  }
}
