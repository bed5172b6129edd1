import { authKindFor, clientFor, operationFunction } from './client-adapter.js';
import { buildInput } from './inputs.js';
import type { JsonObject, Operation } from './spec.js';
import { clientParams } from './suite.js';

export interface RealServerConfig {
  baseUrl: string;
  keyId: string;
  secret: string;
  appId?: string;
}

/** Reads the real-server settings; undefined (with the reason) when they are not all set. */
export function realServerConfig(
  env: NodeJS.ProcessEnv = process.env,
): RealServerConfig | { missing: string[] } {
  const missing = ['CONTRACT_BASE_URL', 'CONTRACT_KEY_ID', 'CONTRACT_KEY_SECRET'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) return { missing };
  return {
    baseUrl: env.CONTRACT_BASE_URL as string,
    keyId: env.CONTRACT_KEY_ID as string,
    secret: env.CONTRACT_KEY_SECRET as string,
    appId: env.CONTRACT_APP_ID,
  };
}

export interface ProxyFinding {
  operationId: string;
  status: number;
  violations: string[];
}

/**
 * Calls one read-only operation through `prism proxy` (which forwards to the real server and checks the
 * request and the response against the spec) and returns what Prism reported.
 */
export async function callThroughProxy(
  proxyUrl: string,
  doc: JsonObject,
  op: Operation,
  config: RealServerConfig,
): Promise<ProxyFinding> {
  const fn = operationFunction(op.operationId);
  if (!fn)
    return { operationId: op.operationId, status: 0, violations: ['the client has no function for it'] };
  const input = buildInput(doc, op);
  if (config.appId && 'appId' in input.path) input.path.appId = config.appId;
  const { client, exchanges } = clientFor(proxyUrl, {
    auth: authKindFor(doc, op),
    credentials: { keyId: config.keyId, secret: config.secret },
  });
  await fn(client, clientParams(input)).catch(() => undefined);
  const exchange = exchanges.at(-1);
  if (!exchange) return { operationId: op.operationId, status: 0, violations: ['no request was made'] };
  const violations: string[] = [];
  if (exchange.violations) {
    for (const v of JSON.parse(exchange.violations) as { location: string[]; message: string }[]) {
      violations.push(`${v.location.join('.')}: ${v.message}`);
    }
  }
  if (violations.length === 0 && exchange.status >= 500 && /stoplight\.io\/prism/.test(exchange.bodyText)) {
    violations.push(exchange.bodyText.slice(0, 500));
  }
  return { operationId: op.operationId, status: exchange.status, violations };
}
