import { ImportError } from './errors.js';
import { isObject } from './text.js';

const VAR = /\{\{\s*([^{}]+?)\s*\}\}/g;
const MAX_LENGTH = 64 * 1024;

interface Definition {
  value: string;
  pointer: string;
  source: string | undefined;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * Collection variables overridden by environment values. `{{name}}` references inside values are
 * resolved recursively; a cycle is an input error naming the variable's JSON pointer.
 */
export class Variables {
  private readonly defs = new Map<string, Definition>();
  private readonly cache = new Map<string, string>();

  constructor(collectionVars: unknown[], environment?: unknown, source?: string, envSource?: string) {
    collectionVars.forEach((v, i) => {
      if (!isObject(v) || v.disabled === true) return;
      const key = scalar(v.key) ?? scalar(v.id);
      const value = scalar(v.value);
      if (key === undefined || value === undefined) return;
      this.defs.set(key, { value, pointer: `/variable/${i}/value`, source });
    });
    if (environment !== undefined) {
      if (!isObject(environment) || !Array.isArray(environment.values)) {
        throw new ImportError(
          'not a Postman environment: expected an object with a "values" array',
          '/values',
          envSource,
        );
      }
      environment.values.forEach((v, i) => {
        if (!isObject(v) || v.enabled === false) return;
        const key = scalar(v.key);
        const value = scalar(v.value);
        if (key === undefined || value === undefined) return;
        this.defs.set(key, { value, pointer: `/values/${i}/value`, source: envSource });
      });
    }
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  /** Fully resolved value of a variable, or undefined when it is not defined. */
  get(name: string, chain: string[] = []): string | undefined {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const def = this.defs.get(name);
    if (!def) return undefined;
    if (chain.includes(name)) {
      throw new ImportError(
        `variables reference each other in a cycle (${[...chain, name].join(' → ')}); break the cycle`,
        def.pointer,
        def.source,
      );
    }
    const value = this.expand(def.value, [...chain, name]);
    this.cache.set(name, value);
    return value;
  }

  /** Replace every defined `{{name}}`; undefined ones stay as they are. */
  resolve(text: string): string {
    return this.expand(text, []);
  }

  private expand(text: string, chain: string[]): string {
    if (!text.includes('{{')) return text;
    const out = text.replace(VAR, (whole, name: string) => {
      if (name.startsWith('$')) return whole;
      const v = this.get(name, chain);
      return v === undefined ? whole : v;
    });
    if (out.length > MAX_LENGTH) {
      const last = chain[chain.length - 1];
      const def = last ? this.defs.get(last) : undefined;
      throw new ImportError(
        `variable expands to more than ${MAX_LENGTH} characters; check for runaway references`,
        def?.pointer ?? '/variable',
        def?.source,
      );
    }
    return out;
  }
}

/** Names of the `{{variables}}` still present in a text. */
export function unresolvedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(VAR)) names.push(m[1]!);
  return names;
}

export const VARIABLE_PATTERN = VAR;
