/** The HTTP methods an OpenAPI path item can hold. */
export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Follows local `$ref`s (`#/…`) until a plain node; gives up after 20 hops. */
export function deref(doc: any, node: any, depth = 0): any {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string' || depth > 20) return node;
  let cur = doc;
  for (const raw of node.$ref.replace(/^#\//, '').split('/'))
    cur = cur?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  return deref(doc, cur, depth + 1);
}
