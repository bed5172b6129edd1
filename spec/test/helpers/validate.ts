// Validation of collection requests and saved responses against the bundled spec (ajv, JSON Schema 2020-12).
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { listOperations, type OpenApiDocument, type OperationRef } from './bundle.js';
import {
  type CollectionRequest,
  headerValue,
  type PostmanResponse,
  parseJsonWithComments,
} from './postman.js';

const SPEC_ID = 'https://sunshine-openapi.local/spec.json';

// Both packages are CommonJS with a `default` export; unwrap it whichever way the loader presents it.
const Ajv2020 = ((Ajv2020Module as any).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof addFormatsModule.default;
type AjvInstance = InstanceType<typeof Ajv2020>;
type Located = { node: any; pointer: string };

const escapeSegment = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
const child = (loc: Located, ...keys: string[]): Located => ({
  node: keys.reduce((n, k) => n?.[k], loc.node),
  pointer: `${loc.pointer}/${keys.map(escapeSegment).join('/')}`,
});

function makeAjv(doc: OpenApiDocument, coerceTypes: boolean): AjvInstance {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    coerceTypes,
    logger: false,
  });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(structuredClone(doc), SPEC_ID);
  return ajv;
}

export class SpecValidator {
  readonly operations: OperationRef[];
  private readonly strict: AjvInstance;
  private readonly coercing: AjvInstance;
  private readonly cache = new Map<string, any>();

  constructor(private readonly doc: OpenApiDocument) {
    this.operations = listOperations(doc);
    this.strict = makeAjv(doc, false);
    this.coercing = makeAjv(doc, true);
  }

  /** Follows local `#/...` references, keeping the JSON pointer of the node reached. */
  resolve(loc: Located): Located {
    let current = loc;
    for (let hops = 0; current.node && typeof current.node.$ref === 'string' && hops < 20; hops++) {
      const ref: string = current.node.$ref;
      if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref} in the bundle`);
      const keys = ref
        .slice(2)
        .split('/')
        .map((k) => decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~'));
      current = child({ node: this.doc, pointer: '#' }, ...keys);
    }
    return current;
  }

  /** Validates `data` against the schema at `pointer`; returns readable error lines (empty when valid). */
  validate(pointer: string, data: unknown, { coerce = false } = {}): string[] {
    const key = `${coerce}:${pointer}`;
    let fn = this.cache.get(key);
    if (!fn) {
      fn = (coerce ? this.coercing : this.strict).compile({ $ref: `${SPEC_ID}${pointer}` });
      this.cache.set(key, fn);
    }
    if (fn(data)) return [];
    return (fn.errors ?? []).map(
      (e: any) =>
        `${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
    );
  }

  /** JSON pointer of the schema of an operation's request body, response or parameter. */
  schemaPointer(
    operationId: string,
    where: { body?: string } | { status: string; mediaType?: string } | { parameter: string },
  ): string {
    const op = this.operations.find((o) => o.operation.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId}`);
    const opLoc = child({ node: this.doc, pointer: '#' }, 'paths', op.path, op.method);
    if ('parameter' in where) {
      const found = [...this.parameters(op).entries()].find(([k]) => k.endsWith(`:${where.parameter}`));
      if (!found) throw new Error(`${operationId} has no parameter ${where.parameter}`);
      return child(found[1], 'schema').pointer;
    }
    if ('status' in where) {
      const response = this.resolve(child(opLoc, 'responses', where.status));
      return child(response, 'content', where.mediaType ?? 'application/json', 'schema').pointer;
    }
    const body = this.resolve(child(opLoc, 'requestBody'));
    return child(body, 'content', where.body ?? 'application/json', 'schema').pointer;
  }

  /** Finds the operation whose path template and method match a collection request. */
  findOperation(
    req: CollectionRequest,
  ): { op: OperationRef; pathValues: Record<string, string> } | undefined {
    for (const op of this.operations) {
      if (op.method !== req.method) continue;
      const template = op.path.split('/').filter(Boolean);
      if (template.length !== req.segments.length) continue;
      const pathValues: Record<string, string> = {};
      const matches = template.every((t, i) => {
        const seg = req.segments[i] ?? '';
        const param = /^\{(.+)\}$/.exec(t)?.[1];
        if (!param) return t === seg;
        pathValues[param] = seg;
        return true;
      });
      if (matches) return { op, pathValues };
    }
    return undefined;
  }

  private parameters(op: OperationRef): Map<string, Located> {
    const out = new Map<string, Located>();
    const base: Located = { node: this.doc, pointer: '#' };
    const itemLoc = child(base, 'paths', op.path);
    const opLoc = child(itemLoc, op.method);
    for (const owner of [itemLoc, opLoc]) {
      const list = child(owner, 'parameters');
      (list.node ?? []).forEach((_: unknown, i: number) => {
        const p = this.resolve(child(list, String(i)));
        out.set(`${p.node.in}:${p.node.name}`, p);
      });
    }
    return out;
  }

  /** Checks path parameters, query parameters and the body of a collection request. */
  checkRequest(req: CollectionRequest, variables: Record<string, string>): string[] {
    const found = this.findOperation(req);
    if (!found) return [`no operation ${req.method.toUpperCase()} /${req.segments.join('/')} in the spec`];
    const { op, pathValues } = found;
    const errors: string[] = [];
    const params = this.parameters(op);
    const substitute = (v: string | undefined) =>
      v?.replace(/\{\{([^}]+)\}\}/g, (m, name) => variables[name] ?? m);

    // Path parameters: `:name` takes its value from the request's variables, `{{name}}` from the collection.
    for (const [name, segment] of Object.entries(pathValues)) {
      const param = params.get(`path:${name}`);
      if (!param) {
        errors.push(`path parameter {${name}} is not declared`);
        continue;
      }
      let value: string | undefined = segment;
      const colon = /^:(.+)$/.exec(segment)?.[1];
      const braces = /^\{\{(.+)\}\}$/.exec(segment)?.[1];
      if (colon !== undefined) {
        if (colon !== name) errors.push(`path segment :${colon} is {${name}} in the spec`);
        value = req.pathVariables[colon];
      } else if (braces !== undefined) {
        if (braces !== name) errors.push(`path segment {{${braces}}} is {${name}} in the spec`);
        value = variables[braces];
      }
      if (value === undefined || value === '' || /\{\{/.test(value)) continue;
      for (const e of this.validate(child(param, 'schema').pointer, value, { coerce: true })) {
        errors.push(`path parameter ${name}=${JSON.stringify(value)}: ${e}`);
      }
    }

    // Query parameters: `page[after]`-style keys are deepObject members of `page`.
    const queryValues = new Map<string, unknown>();
    for (const q of req.query) {
      if (q.disabled || !q.key) continue;
      const value = substitute(q.value ?? '');
      const bracket = /^([^[\]]+)\[([^[\]]+)\]$/.exec(q.key);
      const name = (bracket ? bracket[1] : q.key) ?? q.key;
      const param = params.get(`query:${name}`);
      if (!param) {
        errors.push(`query parameter ${q.key} is not declared`);
        continue;
      }
      if (bracket) {
        if (param.node.style !== 'deepObject')
          errors.push(`query parameter ${name} must be style: deepObject`);
        const obj = (queryValues.get(name) as Record<string, unknown>) ?? {};
        obj[bracket[2] ?? ''] = value;
        queryValues.set(name, obj);
      } else queryValues.set(name, value);
    }
    for (const [key, param] of params) {
      if (!key.startsWith('query:')) continue;
      const name = key.slice('query:'.length);
      if (!queryValues.has(name)) {
        if (param.node.required) errors.push(`required query parameter ${name} is missing`);
        continue;
      }
      const value = structuredClone(queryValues.get(name));
      if (typeof value === 'string' && /\{\{/.test(value)) continue;
      for (const e of this.validate(child(param, 'schema').pointer, value, { coerce: true })) {
        errors.push(`query parameter ${name}=${JSON.stringify(queryValues.get(name))}: ${e}`);
      }
    }

    // Body.
    const opLoc = child({ node: this.doc, pointer: '#' }, 'paths', op.path, op.method);
    const requestBody = opLoc.node.requestBody ? this.resolve(child(opLoc, 'requestBody')) : undefined;
    const body = req.body;
    const hasRaw = body?.mode === 'raw' && (body.raw ?? '').trim() !== '';
    const form =
      body?.mode === 'formdata' ? body.formdata : body?.mode === 'urlencoded' ? body.urlencoded : undefined;
    if (!hasRaw && !form) {
      if (requestBody?.node.required)
        errors.push('the spec requires a request body but the collection sends none');
      return errors;
    }
    if (!requestBody) return [...errors, 'the collection sends a body but the spec declares none'];
    const content = child(requestBody, 'content');
    if (form) {
      const mediaType =
        body?.mode === 'formdata' ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
      if (!content.node?.[mediaType]) return [...errors, `request body ${mediaType} is not declared`];
      const data: Record<string, string> = {};
      for (const f of form)
        if (!f.disabled && f.key) data[f.key] = f.type === 'file' ? '<file content>' : (f.value ?? '');
      for (const e of this.validate(child(content, mediaType, 'schema').pointer, data, { coerce: true })) {
        errors.push(`request body (${mediaType}): ${e}`);
      }
      return errors;
    }
    const declared = headerValue(req.headers, 'content-type');
    const mediaType = (declared ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!content.node?.[mediaType]) return [...errors, `request body ${mediaType} is not declared`];
    let data: unknown = substitute(body?.raw ?? '');
    if (/json/.test(mediaType)) {
      try {
        data = parseJsonWithComments(data as string);
      } catch {
        return [...errors, 'the collection request body is not valid JSON'];
      }
    }
    for (const e of this.validate(child(content, mediaType, 'schema').pointer, data)) {
      errors.push(`request body: ${e}`);
    }
    return errors;
  }

  /** Checks one saved response (status, content type, body) against the operation's responses. */
  checkResponse(req: CollectionRequest, res: PostmanResponse): string[] {
    const found = this.findOperation(req);
    if (!found) return [`no operation ${req.method.toUpperCase()} /${req.segments.join('/')} in the spec`];
    const opLoc = child({ node: this.doc, pointer: '#' }, 'paths', found.op.path, found.op.method);
    const code = String(res.code);
    const responses = child(opLoc, 'responses');
    const key = [code, `${code[0]}XX`, `${code[0]}xx`, 'default'].find((k) => responses.node?.[k]);
    if (!key) return [`status ${code} is not declared`];
    const response = this.resolve(child(responses, key));
    const content = child(response, 'content');
    const preview = res._postman_previewlanguage;
    const headerType = headerValue(res.header, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    const mediaType =
      headerType ?? (preview === 'json' ? 'application/json' : preview ? 'text/plain' : undefined);
    const text = res.body ?? '';
    const declaredTypes = Object.keys(content.node ?? {});
    if (text.trim() === '') {
      if (declaredTypes.length === 0) return [];
      if (!mediaType || !content.node[mediaType]) {
        return [
          `status ${code}: an empty ${mediaType ?? ''} body is not declared (declared: ${declaredTypes})`,
        ];
      }
      return this.validate(child(content, mediaType, 'schema').pointer, text).map(
        (e) => `status ${code} body: ${e}`,
      );
    }
    if (!mediaType || !content.node?.[mediaType]) {
      return [`status ${code}: content type ${mediaType} is not declared (declared: ${declaredTypes})`];
    }
    let data: unknown = text;
    if (/json/.test(mediaType)) {
      try {
        data = JSON.parse(text);
      } catch {
        return [`status ${code}: body is not valid JSON`];
      }
    }
    return this.validate(child(content, mediaType, 'schema').pointer, data).map(
      (e) => `status ${code} body: ${e}`,
    );
  }
}
