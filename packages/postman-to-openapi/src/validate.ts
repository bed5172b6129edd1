import { ImportError } from './errors.js';
import { cleanName, describeValue, descriptionText, isObject } from './text.js';
import type { Warnings } from './warnings.js';

/** An auth block as Postman stores it (`{ type, [type]: params }`), or null for "no auth". */
export type RawAuth = Record<string, unknown> | null;

export interface FolderEntry {
  names: string[];
  description: string | undefined;
  hasRequests: boolean;
}

export interface RequestEntry {
  folder: string[];
  name: string;
  /** `Folder/Sub/Request name`, used in warnings. */
  label: string;
  pointer: string;
  request: Record<string, unknown>;
  responses: unknown[];
  /** Effective auth after inheritance: undefined = none defined anywhere, null = explicit noauth. */
  auth: RawAuth | undefined;
  description: string | undefined;
  index: number;
}

export interface CollectionModel {
  title: string;
  description: string | undefined;
  version: string;
  variables: unknown[];
  auth: RawAuth | undefined;
  folders: FolderEntry[];
  requests: RequestEntry[];
}

const MAX_FOLDER_DEPTH = 64;
const KNOWN_BODY_MODES = new Set(['raw', 'urlencoded', 'formdata', 'file', 'graphql', 'none']);

function authOf(v: unknown, pointer: string, source: string | undefined): RawAuth | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v) || typeof v.type !== 'string') {
    throw new ImportError('auth must be an object with a string "type"', pointer, source);
  }
  if (v.type === 'inherit') return undefined;
  if (v.type === 'noauth') return null;
  return v;
}

/** True when an `event` list holds a script with some code in it. */
function hasScripts(events: unknown): boolean {
  if (!Array.isArray(events)) return false;
  return events.some((e) => {
    if (!isObject(e) || !isObject(e.script)) return false;
    const exec = e.script.exec;
    if (typeof exec === 'string') return exec.trim() !== '';
    return Array.isArray(exec) && exec.some((line) => typeof line === 'string' && line.trim() !== '');
  });
}

function versionOf(info: Record<string, unknown>): string {
  const v = info.version;
  if (typeof v === 'string' && v.trim() !== '') return cleanName(v, 50);
  if (typeof v === 'number') return String(v);
  if (isObject(v)) {
    const n = (x: unknown) => (typeof x === 'number' || typeof x === 'string' ? String(x) : '0');
    return `${n(v.major)}.${n(v.minor)}.${n(v.patch)}`;
  }
  return '1.0.0';
}

/**
 * Check the structure of a parsed collection and flatten it into folders and requests.
 * Structural problems throw an ImportError with the JSON pointer; odd leaf values become warnings.
 */
export function validateCollection(input: unknown, warnings: Warnings, source?: string): CollectionModel {
  if (!isObject(input)) {
    throw new ImportError(
      'not a Postman collection: expected a JSON object with "info" and "item"',
      '',
      source,
    );
  }
  if (!('info' in input) && (Array.isArray(input.requests) || Array.isArray(input.order))) {
    throw new ImportError(
      'this is a Postman v1 collection, which is not supported; export it again from Postman as "Collection v2.1"',
      '',
      source,
    );
  }
  if (isObject(input.collection) && isObject(input.collection.info)) {
    // The Postman API wraps exports as { collection: {...} }.
    return validateCollection(input.collection, warnings, source);
  }
  const info = input.info;
  if (!isObject(info)) {
    throw new ImportError('not a Postman collection: "info" is missing or not an object', '/info', source);
  }
  const schema = typeof info.schema === 'string' ? info.schema : '';
  if (/collection\/v1/i.test(schema)) {
    throw new ImportError(
      'Postman v1 collections are not supported; export it again as "Collection v2.1"',
      '/info/schema',
      source,
    );
  }
  if (schema !== '' && !/v2\.[01]\.\d/.test(schema)) {
    warnings.add('', `unknown collection schema "${cleanName(schema, 120)}"; reading it as v2.1`);
  }
  if (!Array.isArray(input.item)) {
    throw new ImportError(
      'not a Postman collection: "item" must be an array of folders and requests',
      '/item',
      source,
    );
  }
  const model: CollectionModel = {
    title: cleanName(info.name) || 'Untitled collection',
    description: descriptionText(info.description),
    version: versionOf(info),
    variables: Array.isArray(input.variable) ? input.variable : [],
    auth: authOf(input.auth, '/auth', source),
    folders: [],
    requests: [],
  };
  if (hasScripts(input.event))
    warnings.add('', 'collection scripts (pre-request/test) have no OpenAPI equivalent; skipped');
  if (input.variable !== undefined && !Array.isArray(input.variable)) {
    warnings.add('', 'collection "variable" is not an array; ignored');
  }

  // Iterative walk (no recursion: deep nesting must not overflow the stack).
  type Frame = {
    items: unknown[];
    names: string[];
    pointer: string;
    auth: RawAuth | undefined;
    folder?: FolderEntry;
  };
  const stack: Frame[] = [{ items: input.item, names: [], pointer: '/item', auth: model.auth }];
  let counter = 0;
  // Keep document order: walk depth-first, pushing children in reverse.
  const walk = (frame: Frame) => {
    const queue: Array<{ frame: Frame; index: number }> = [{ frame, index: 0 }];
    while (queue.length > 0) {
      const top = queue[queue.length - 1]!;
      if (top.index >= top.frame.items.length) {
        queue.pop();
        continue;
      }
      const i = top.index++;
      const f = top.frame;
      const it = f.items[i];
      const ptr = `${f.pointer}/${i}`;
      if (!isObject(it)) throw new ImportError('each entry of "item" must be an object', ptr, source);
      const name = cleanName(it.name);
      if ('item' in it && !('request' in it)) {
        if (!Array.isArray(it.item))
          throw new ImportError('folder "item" must be an array', `${ptr}/item`, source);
        if (f.names.length + 1 > MAX_FOLDER_DEPTH) {
          throw new ImportError(`folders are nested more than ${MAX_FOLDER_DEPTH} levels deep`, ptr, source);
        }
        const names = [...f.names, name || `Folder ${i + 1}`];
        const folder: FolderEntry = {
          names,
          description: descriptionText(it.description),
          hasRequests: false,
        };
        model.folders.push(folder);
        if (hasScripts(it.event))
          warnings.add(
            names.join('/'),
            'folder scripts (pre-request/test) have no OpenAPI equivalent; skipped',
          );
        const auth =
          it.auth === undefined || it.auth === null ? f.auth : authOf(it.auth, `${ptr}/auth`, source);
        const inherited = isObject(it.auth) && it.auth.type === 'inherit' ? f.auth : auth;
        queue.push({
          frame: { items: it.item, names, pointer: `${ptr}/item`, auth: inherited, folder },
          index: 0,
        });
        continue;
      }
      if (!('request' in it)) {
        throw new ImportError(
          'item has neither "request" nor "item"; every entry must be a request or a folder',
          ptr,
          source,
        );
      }
      let request = it.request;
      if (typeof request === 'string') request = { method: 'GET', url: request };
      if (!isObject(request)) {
        throw new ImportError('"request" must be an object or a URL string', `${ptr}/request`, source);
      }
      const body = request.body;
      if (isObject(body) && body.mode !== undefined && body.mode !== null) {
        if (typeof body.mode !== 'string' || !KNOWN_BODY_MODES.has(body.mode)) {
          throw new ImportError(
            `unknown body mode ${describeValue(body.mode)}; expected one of raw, urlencoded, formdata, file, graphql`,
            `${ptr}/request/body/mode`,
            source,
          );
        }
      }
      let auth = f.auth;
      if (request.auth !== undefined && request.auth !== null) {
        const own = authOf(request.auth, `${ptr}/request/auth`, source);
        auth = isObject(request.auth) && request.auth.type === 'inherit' ? f.auth : own;
      }
      const label = [...f.names, name || `Request ${i + 1}`].join('/');
      if (f.folder) f.folder.hasRequests = true;
      const entry: RequestEntry = {
        folder: f.names,
        name,
        label,
        pointer: ptr,
        request,
        responses: Array.isArray(it.response) ? it.response : [],
        auth,
        description: descriptionText(request.description) ?? descriptionText(it.description),
        index: counter++,
      };
      if (hasScripts(it.event))
        warnings.add(label, 'pre-request/test scripts have no OpenAPI equivalent; skipped');
      if (it.response !== undefined && it.response !== null && !Array.isArray(it.response)) {
        warnings.add(label, '"response" is not an array; saved examples ignored');
      }
      model.requests.push(entry);
    }
  };
  walk(stack[0]!);
  return model;
}
