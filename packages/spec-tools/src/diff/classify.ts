import { apiDiff, type Diff } from 'api-smart-diff';
import { deref, describeDiff, typeChange } from './describe.js';

export type Severity = 'breaking' | 'non-breaking' | 'docs';

export interface Change {
  severity: Severity;
  /** The operation (`GET /v2/apps (listApps)`) or document part (`servers`) the change is in. */
  where: string;
  /** Plain-language description: `query parameter \`limit\` became required`. */
  message: string;
  /** JSON path in the bundled document, for tooling and tests. */
  path: Array<string | number>;
}

export interface Classification {
  breaking: Change[];
  nonBreaking: Change[];
  docs: Change[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/**
 * Compares two bundled OpenAPI 3.x documents and sorts every difference into breaking,
 * non-breaking and documentation-only changes, each described in plain language.
 *
 * The classification comes from api-smart-diff, with one house rule on top: removing a property
 * from a response schema is breaking (clients read it), which the library rates as non-breaking.
 */
export function classifyChanges(before: unknown, after: unknown): Classification {
  const diffs = quietly(() => apiDiff(before, after) as Diff[]).flatMap((d) =>
    expandParameterList(d, before, after),
  );
  const result: Classification = { breaking: [], nonBreaking: [], docs: [] };
  const seen = new Set<string>();
  for (const diff of diffs) {
    // Schemas under components are also reported where they are used (api-smart-diff follows $refs),
    // so component diffs would only repeat them. Security schemes are not used via $ref: keep those.
    if (diff.path[0] === 'components' && diff.path[1] !== 'securitySchemes') continue;
    const severity = severityOf(diff);
    const described = describeDiff(diff, before, after);
    const where = described.where;
    const message =
      diff.type === 'unclassified' ? `${described.message} (not classified; review it)` : described.message;
    const key = `${severity}|${where}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const change: Change = { severity, where, message, path: [...diff.path] as Array<string | number> };
    if (severity === 'breaking') result.breaking.push(change);
    else if (severity === 'non-breaking') result.nonBreaking.push(change);
    else result.docs.push(change);
  }
  return result;
}

/** api-smart-diff logs rule failures on some nested combinators to stderr; those diffs stay `unclassified`. */
function quietly<T>(fn: () => T): T {
  const error = console.error;
  console.error = () => undefined;
  try {
    return fn();
  } finally {
    console.error = error;
  }
}

/**
 * A whole `parameters` list added or removed arrives as one change; split it per parameter so each
 * is described and rated on its own (adding an optional parameter is fine, a required one is not).
 */
function expandParameterList(diff: Diff, before: unknown, after: unknown): Diff[] {
  const last = diff.path[diff.path.length - 1];
  const value = diff.action === 'add' ? diff.after : diff.action === 'remove' ? diff.before : undefined;
  if (last !== 'parameters' || !Array.isArray(value)) return [diff];
  return value.map((param, i) => {
    const resolved = deref(diff.action === 'add' ? after : before, param);
    const type = diff.action === 'add' && !resolved?.required ? 'non-breaking' : 'breaking';
    return {
      ...diff,
      type,
      path: [...diff.path, i],
      ...(diff.action === 'add' ? { after: param } : { before: param }),
    } as Diff;
  });
}

/**
 * Type changes by direction: a request may widen (clients send what they sent before) but not
 * narrow; a response may narrow but not widen (clients must handle what comes back).
 */
function typeDirectionSeverity(diff: Diff): Severity | undefined {
  const p = diff.path;
  if (p[0] !== 'paths' || !METHODS.has(String(p[2]))) return undefined;
  const last = p[p.length - 1];
  let direction: 'narrowed' | 'widened' | 'changed';
  if (last === 'type' && diff.action === 'replace') {
    direction = typeChange({ type: diff.before }, { type: diff.after });
  } else if (p[p.length - 2] === 'type' && typeof last === 'number' && diff.action !== 'replace') {
    direction = diff.action === 'add' ? 'widened' : 'narrowed';
  } else {
    return undefined;
  }
  if (direction === 'changed') return undefined;
  const inResponse = p[3] === 'responses';
  const inRequest = p[3] === 'requestBody' || p[3] === 'parameters';
  if (!inResponse && !inRequest) return undefined;
  return (direction === 'widened') === inRequest ? 'non-breaking' : 'breaking';
}

function severityOf(diff: Diff): Severity {
  if (isResponsePropertyRemoval(diff)) return 'breaking';
  const byType = typeDirectionSeverity(diff);
  if (byType) return byType;
  switch (diff.type) {
    case 'breaking':
      return 'breaking';
    case 'annotation':
      return 'docs';
    default:
      // non-breaking, deprecated, and the rare unclassified change (listed for review, not gated).
      return 'non-breaking';
  }
}

function isResponsePropertyRemoval(diff: Diff): boolean {
  const p = diff.path;
  if (diff.action !== 'remove' || p[0] !== 'paths' || !METHODS.has(String(p[2])) || p[3] !== 'responses') {
    return false;
  }
  return p.length >= 2 && p[p.length - 2] === 'properties';
}
