import { setOwn } from './text.js';
/**
 * Credentials never travel from a collection into the document: values of fields whose names look
 * like secrets are replaced by a placeholder (`<client_secret>`) before schemas and examples are made.
 */
const SECRET_KEY =
  /(secret|passw(or)?d|passwd|private[_-]?key|api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token|^token$|^jwt$|^authorization$|^auth$|credential|signature)/i;

export function isSecretName(name: string): boolean {
  return SECRET_KEY.test(name);
}

export function placeholder(name: string): string {
  return `<${name.replace(/[<>]/g, '').slice(0, 60)}>`;
}

/** A copy of a JSON value with secret-looking string fields replaced by placeholders. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 200) return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      setOwn(
        out,
        k,
        typeof v === 'string' && v !== '' && isSecretName(k) ? placeholder(k) : redactSecrets(v, depth + 1),
      );
    }
    return out;
  }
  return value;
}
