import type { Diff } from 'api-smart-diff';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
type Seg = string | number;

/** Follows local `$ref`s (`#/components/...`) so names can be read from bundled documents. */
export function deref(doc: any, node: any, depth = 0): any {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string' || depth > 20) return node;
  const ref: string = node.$ref;
  if (!ref.startsWith('#/')) return node;
  let cur = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur?.[key];
  }
  return deref(doc, cur, depth + 1);
}

/** Reads `path` in `doc`, resolving `$ref`s on the way. */
function at(doc: any, path: Seg[]): any {
  let cur = deref(doc, doc);
  for (const seg of path) {
    cur = deref(doc, cur?.[seg]);
    if (cur === undefined) return undefined;
  }
  return cur;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typesOf(schema: any): Set<string> | undefined {
  const t = schema?.type;
  if (t === undefined) return undefined;
  return new Set(Array.isArray(t) ? t : [t]);
}

/** true when every value of `inner` is allowed by `outer` (integer fits in number). */
function typesWithin(inner: Set<string>, outer: Set<string>): boolean {
  for (const t of inner) if (!outer.has(t) && !(t === 'integer' && outer.has('number'))) return false;
  return true;
}

export function typeChange(before: any, after: any): 'narrowed' | 'widened' | 'changed' {
  const b = typesOf(before);
  const a = typesOf(after);
  if (!b || !a) return 'changed';
  const narrowed = typesWithin(a, b);
  const widened = typesWithin(b, a);
  if (narrowed && !widened) return 'narrowed';
  if (widened && !narrowed) return 'widened';
  return 'changed';
}

const verb = (action: string, added: string, removed: string, replaced: string) =>
  action === 'add' ? added : action === 'remove' ? removed : replaced;

/**
 * Describes a change inside a schema. `subject` names where the schema sits (`response 200`),
 * `rest` is the JSON path below the schema, `schemaPath` the full path to that schema.
 */
function describeSchema(
  diff: Diff,
  subject: string,
  rest: Seg[],
  schemaPath: Seg[],
  before: unknown,
  after: unknown,
): string {
  const fields: string[] = [];
  let i = 0;
  let node: Seg[] = [...schemaPath];
  // Walk down through the schema keywords that lead to nested schemas.
  while (i < rest.length) {
    const seg = rest[i];
    const next = rest[i + 1];
    if (seg === 'properties' && next !== undefined && i + 2 < rest.length) {
      fields.push(String(next));
      node = [...node, seg, next];
      i += 2;
    } else if (seg === 'items' && i + 1 < rest.length) {
      fields.push('[]');
      node = [...node, seg];
      i += 1;
    } else if (
      (seg === 'allOf' || seg === 'oneOf' || seg === 'anyOf') &&
      next !== undefined &&
      i + 2 < rest.length
    ) {
      node = [...node, seg, next];
      i += 2;
    } else if (seg === 'additionalProperties' && i + 1 < rest.length) {
      fields.push('{*}');
      node = [...node, seg];
      i += 1;
    } else {
      break;
    }
  }
  const field = fields.join('.').replace(/\.\[\]/g, '[]');
  const of = field ? `\`${field}\` in ${subject}` : subject;
  const tail = rest.slice(i);
  const [key, idx] = tail;
  const b = diff.before;
  const a = diff.after;

  if (key === 'properties' && idx !== undefined && tail.length === 2) {
    const prop = field ? `${field}.${idx}` : String(idx);
    return verb(
      diff.action,
      `property \`${prop}\` added to ${subject}`,
      `property \`${prop}\` removed from ${subject}`,
      `property \`${prop}\` replaced in ${subject}`,
    );
  }
  if ((key === 'anyOf' || key === 'oneOf' || key === 'allOf') && tail.length <= 2) {
    const which = idx === undefined ? `the ${key} list` : `${key} variant #${Number(idx) + 1}`;
    return verb(
      diff.action,
      `${which} added to ${of}`,
      `${which} removed from ${of}`,
      `${which} of ${of} changed`,
    );
  }
  if (key === 'type' && tail.length === 1) {
    if (diff.action === 'replace') {
      const how = typeChange(at(before, node), at(after, node));
      return `type of ${of} ${how === 'changed' ? 'changed' : how} from ${show(b)} to ${show(a)}`;
    }
    return verb(
      diff.action,
      `type of ${of} set to ${show(a)}`,
      `type restriction ${show(b)} removed from ${of}`,
      '',
    );
  }
  if (key === 'type' && idx !== undefined) {
    return verb(
      diff.action,
      `type ${show(a)} now allowed for ${of}`,
      `type ${show(b)} no longer allowed for ${of}`,
      `type of ${of} changed from ${show(b)} to ${show(a)}`,
    );
  }
  if (key === 'enum') {
    if (idx === undefined) {
      return verb(
        diff.action,
        `${of} restricted to the values ${show(a)}`,
        `${of} no longer restricted to a list of values`,
        `allowed values of ${of} changed from ${show(b)} to ${show(a)}`,
      );
    }
    return verb(
      diff.action,
      `enum value ${show(a)} added to ${of}`,
      `enum value ${show(b)} removed from ${of}`,
      `enum value ${show(b)} of ${of} replaced by ${show(a)}`,
    );
  }
  if (key === 'required') {
    const name = (v: unknown) => `\`${field ? `${field}.` : ''}${String(v)}\``;
    if (idx === undefined) {
      if (diff.action === 'add')
        return `${(a as unknown[]).map(name).join(', ')} became required in ${subject}`;
      if (diff.action === 'remove')
        return `${(b as unknown[]).map(name).join(', ')} became optional in ${subject}`;
      return `required properties of ${of} changed from ${show(b)} to ${show(a)}`;
    }
    return verb(
      diff.action,
      `${name(a)} became required in ${subject}`,
      `${name(b)} became optional in ${subject}`,
      `${name(b)} no longer required in ${subject}, ${name(a)} now required`,
    );
  }
  if (tail.length === 0) {
    return verb(diff.action, `schema of ${of} added`, `schema of ${of} removed`, `schema of ${of} replaced`);
  }
  const attr = tail.join('.');
  return verb(
    diff.action,
    `\`${attr}\` of ${of} set to ${show(a)}`,
    `\`${attr}\` ${show(b)} removed from ${of}`,
    `\`${attr}\` of ${of} changed from ${show(b)} to ${show(a)}`,
  );
}

function paramLabel(param: any): string {
  if (!param || typeof param !== 'object') return 'a parameter';
  return `${param.in ?? ''} parameter \`${param.name ?? '?'}\``.trim();
}

function describeParameter(diff: Diff, base: Seg[], rest: Seg[], before: unknown, after: unknown): string {
  const index = rest[0];
  const paramPath = [...base, 'parameters', index as Seg];
  const param =
    diff.action === 'add' && rest.length === 1
      ? at(after, paramPath)
      : (at(before, paramPath) ?? at(after, paramPath));
  const label = paramLabel(
    diff.action === 'add' && rest.length === 1
      ? (deref(after, diff.after) ?? param)
      : (param ?? deref(before, diff.before)),
  );
  const tail = rest.slice(1);
  if (tail.length === 0) {
    if (diff.action === 'add') {
      const p = deref(after, diff.after) ?? param;
      return `${p?.required ? 'required' : 'optional'} ${label} added`;
    }
    return verb(diff.action, `${label} added`, `${label} removed`, `${label} replaced`);
  }
  if (tail[0] === 'required' && tail.length === 1) {
    const nowRequired = diff.action === 'remove' ? false : Boolean(diff.after);
    return `${label} became ${nowRequired ? 'required' : 'optional'}`;
  }
  if (tail[0] === 'schema')
    return describeSchema(diff, label, tail.slice(1), [...paramPath, 'schema'], before, after);
  const attr = tail.join('.');
  return verb(
    diff.action,
    `\`${attr}\` of ${label} set to ${show(diff.after)}`,
    `\`${attr}\` removed from ${label}`,
    `\`${attr}\` of ${label} changed from ${show(diff.before)} to ${show(diff.after)}`,
  );
}

function describeContent(
  diff: Diff,
  subject: string,
  base: Seg[],
  rest: Seg[],
  before: unknown,
  after: unknown,
): string {
  // rest starts after `content`: [mediaType, 'schema', ...] or [mediaType, 'example(s)', ...]
  const [mediaType, part] = rest;
  if (mediaType === undefined)
    return verb(
      diff.action,
      `${subject} content added`,
      `${subject} content removed`,
      `${subject} content replaced`,
    );
  if (part === undefined) {
    return verb(
      diff.action,
      `media type ${mediaType} added to ${subject}`,
      `media type ${mediaType} removed from ${subject}`,
      `media type ${mediaType} of ${subject} replaced`,
    );
  }
  if (part === 'schema') {
    return describeSchema(
      diff,
      subject,
      rest.slice(2),
      [...base, 'content', mediaType, 'schema'],
      before,
      after,
    );
  }
  const attr = rest.slice(1).join('.');
  return verb(
    diff.action,
    `${attr} added to ${subject} (${mediaType})`,
    `${attr} removed from ${subject} (${mediaType})`,
    `${attr} changed in ${subject} (${mediaType})`,
  );
}

function describeOperation(diff: Diff, opPath: Seg[], rest: Seg[], before: unknown, after: unknown): string {
  if (rest.length === 0)
    return verb(diff.action, 'operation added', 'operation removed', 'operation replaced');
  const [head, second] = rest;
  if (head === 'parameters' && second !== undefined) {
    return describeParameter(diff, opPath, rest.slice(1), before, after);
  }
  if (head === 'requestBody') {
    const tail = rest.slice(1);
    if (tail.length === 0)
      return verb(diff.action, 'request body added', 'request body removed', 'request body replaced');
    if (tail[0] === 'required' && tail.length === 1) {
      return `request body became ${diff.action !== 'remove' && diff.after ? 'required' : 'optional'}`;
    }
    if (tail[0] === 'content')
      return describeContent(diff, 'request body', [...opPath, 'requestBody'], tail.slice(1), before, after);
  }
  if (head === 'responses' && second !== undefined) {
    const subject = `response ${second}`;
    const tail = rest.slice(2);
    if (tail.length === 0)
      return verb(diff.action, `${subject} added`, `${subject} removed`, `${subject} replaced`);
    if (tail[0] === 'content') {
      return describeContent(diff, subject, [...opPath, 'responses', second], tail.slice(1), before, after);
    }
    if (tail[0] === 'headers' && tail[1] !== undefined) {
      return verb(
        diff.action,
        `header \`${tail[1]}\` added to ${subject}`,
        `header \`${tail[1]}\` removed from ${subject}`,
        `header \`${tail[1]}\` of ${subject} changed`,
      );
    }
  }
  if (head === 'security') return 'security requirements changed';
  if (head === 'deprecated')
    return diff.action === 'remove' || !diff.after ? 'no longer deprecated' : 'operation deprecated';
  if (head === 'operationId') return `operationId changed from ${show(diff.before)} to ${show(diff.after)}`;
  const attr = rest.join('.');
  return verb(diff.action, `\`${attr}\` added`, `\`${attr}\` removed`, `\`${attr}\` changed`);
}

function operationLabel(path: string, method: string, before: unknown, after: unknown): string {
  const op = at(after, ['paths', path, method]) ?? at(before, ['paths', path, method]);
  const id = op?.operationId ? ` (${op.operationId})` : '';
  return `${method.toUpperCase()} ${path}${id}`;
}

/** Plain-language `where` and `message` for one api-smart-diff change. */
export function describeDiff(
  diff: Diff,
  before: unknown,
  after: unknown,
): { where: string; message: string } {
  const p = diff.path as Seg[];
  if (p[0] === 'paths' && p[1] !== undefined) {
    const route = String(p[1]);
    if (p.length === 2)
      return { where: route, message: verb(diff.action, 'path added', 'path removed', 'path replaced') };
    const method = String(p[2]);
    if (METHODS.has(method)) {
      return {
        where: operationLabel(route, method, before, after),
        message: describeOperation(diff, ['paths', route, method], p.slice(3), before, after),
      };
    }
    if (method === 'parameters' && p[3] !== undefined) {
      return {
        where: `${route} (all operations)`,
        message: describeParameter(diff, ['paths', route], p.slice(3), before, after),
      };
    }
    return {
      where: route,
      message: `\`${p.slice(2).join('.')}\` ${verb(diff.action, 'added', 'removed', 'changed')}`,
    };
  }
  const where = String(p[0] ?? 'document');
  const rest = p.slice(1).join('.');
  const what = rest ? `\`${rest}\`` : where;
  if (where === 'servers' && diff.action === 'remove' && p.length === 2) {
    return { where, message: `server ${show((diff.before as any)?.url ?? diff.before)} removed` };
  }
  if (where === 'servers' && diff.action === 'add' && p.length === 2) {
    return { where, message: `server ${show((diff.after as any)?.url ?? diff.after)} added` };
  }
  return {
    where,
    message: verb(
      diff.action,
      `${what} added`,
      `${what} removed`,
      `${what} changed from ${show(diff.before)} to ${show(diff.after)}`,
    ),
  };
}
