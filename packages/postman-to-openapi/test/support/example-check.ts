/**
 * Checks that every example in a generated document validates against the schema next to it
 * (media type examples and parameter examples), with formats, using JSON Schema 2020-12.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type AnyObj = Record<string, any>;

function rewrite(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewrite);
  if (v && typeof v === 'object') {
    const out: AnyObj = {};
    for (const [k, x] of Object.entries(v))
      out[k] = k === '$ref' && typeof x === 'string' ? 'doc' + x : rewrite(x);
    return out;
  }
  return v;
}

export function exampleErrors(doc: AnyObj): string[] {
  const ajv = new (Ajv2020 as any)({ strict: false, allErrors: false });
  (addFormats as any)(ajv);
  ajv.addSchema({ $id: 'doc', components: rewrite(doc.components ?? {}) });
  const resolve = (o: AnyObj) =>
    o?.$ref
      ? o.$ref
          .slice(2)
          .split('/')
          .reduce((a: AnyObj, k: string) => a?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc)
      : o;
  const errors: string[] = [];
  const check = (where: string, schema: unknown, value: unknown) => {
    const validate = ajv.compile(rewrite(schema) as AnyObj);
    if (!validate(value)) errors.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  };
  const media = (where: string, content: AnyObj | undefined) => {
    for (const [ct, m] of Object.entries(content ?? {})) {
      if (!/json/.test(ct) || !m.schema) continue;
      for (const [name, ex] of Object.entries((m.examples ?? {}) as AnyObj))
        check(`${where} ${ct} ${name}`, m.schema, ex.value);
    }
  };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as AnyObj)) {
    for (const [method, op] of Object.entries(item as AnyObj)) {
      const where = `${method} ${path}`;
      for (const p of (op.parameters ?? []) as AnyObj[]) {
        const param = resolve(p);
        if (param?.example !== undefined) check(`${where} param ${param.name}`, param.schema, param.example);
      }
      media(`${where} request`, op.requestBody?.content);
      for (const [status, r] of Object.entries((op.responses ?? {}) as AnyObj))
        media(`${where} ${status}`, resolve(r)?.content);
    }
  }
  return errors;
}
