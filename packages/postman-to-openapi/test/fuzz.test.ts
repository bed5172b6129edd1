import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertCollection } from '../src/convert.js';
import { toYaml } from '../src/emit.js';
import { ImportError } from '../src/errors.js';
import { parseJsonText } from '../src/load.js';
import { runCli, SHARED_COLLECTION, tempDir } from './helpers.js';
import { fastOpenApiErrors } from './support/fast-validate.js';
import { kitchenSink } from './support/kitchen-sink.js';

const SEED = Number(process.env.FUZZ_SEED ?? 7);
const CASES = Number(process.env.FUZZ_CASES ?? 1000);

/** Seeds: our kitchen-sink collection and the first folders of the shared collection. */
const shared = JSON.parse(readFileSync(SHARED_COLLECTION, 'utf8'));
const SEEDS: unknown[] = [kitchenSink, { ...shared, item: shared.item.slice(7, 9) }];

type Path = Array<string | number>;

function pathsOf(v: unknown, base: Path = [], out: Path[] = []): Path[] {
  out.push(base);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pathsOf(x, [...base, i], out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...base, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, mode: 'set' | 'delete' | 'duplicate'): unknown {
  if (path.length === 0) return mode === 'set' ? value : root;
  let cur: any = root;
  for (const k of path.slice(0, -1)) cur = cur[k];
  const last = path[path.length - 1] as any;
  if (mode === 'set') cur[last] = value;
  else if (mode === 'delete') Array.isArray(cur) ? cur.splice(Number(last), 1) : delete cur[last];
  else if (Array.isArray(cur)) cur.splice(Number(last), 0, structuredClone(cur[last]));
  else cur[`${String(last)} copy`] = structuredClone(cur[last]);
  return root;
}

function deep(levels: number, leaf: unknown, wrap: (x: unknown) => unknown): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
}

const hostile = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    3.5,
    '',
    [],
    {},
    '{{a}}',
    '{{',
    '}}',
    ':',
    '..',
    '../../etc/passwd',
  ),
  fc.constantFrom(
    '/abs/path',
    'C:\\Windows\\x',
    '\u0000\u0001\u001f',
    '\u202e\u2028\u2029',
    '😀'.repeat(50),
    '__proto__',
  ),
  fc.constantFrom({ __proto__: null, polluted: 1 }, { mode: 'raw' }, { mode: 'magic' }, { type: 'mystery' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  // Very deep values are spliced in as text (building them as objects would overflow the test itself).
  fc.integer({ min: 50, max: 200_000 }).map((n) => ({ __deep: n, kind: 'array' })),
  fc.integer({ min: 50, max: 20_000 }).map((n) => ({ __deep: n, kind: 'object' })),
  fc
    .integer({ min: 10, max: 200 })
    .map((n) =>
      deep(n, { name: 'leaf', request: { url: 'https://x.io/a' } }, (x) => ({ name: 'f', item: [x] })),
    ),
  fc.jsonValue({ maxDepth: 3 }),
);

const mutation = fc.record({
  seed: fc.nat(SEEDS.length - 1),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'duplicate', 'truncate', 'splice', 'multi'),
  at: fc.nat(),
  value: hostile,
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  noise: fc.string({ unit: 'binary', maxLength: 8 }),
  more: fc.array(fc.tuple(fc.nat(), hostile), { maxLength: 4 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function expandDeep(text: string): string {
  return text.replace(/\{"__deep":(\d+),"kind":"(array|object)"\}/g, (_m, n: string, kind: string) =>
    kind === 'array'
      ? '['.repeat(Number(n)) + '1' + ']'.repeat(Number(n))
      : '{"a":'.repeat(Number(n)) + '1' + '}'.repeat(Number(n)),
  );
}

function mutate(m: Mutation): string {
  return expandDeep(mutateObject(m));
}

function mutateObject(m: Mutation): string {
  const base = structuredClone(SEEDS[m.seed]);
  const paths = pathsOf(base);
  const at = paths[m.at % paths.length]!;
  switch (m.kind) {
    case 'truncate': {
      const text = JSON.stringify(base);
      return text.slice(0, Math.floor(text.length * m.cut));
    }
    case 'splice': {
      const text = JSON.stringify(base);
      const i = Math.floor(text.length * m.cut);
      return text.slice(0, i) + m.noise + text.slice(i);
    }
    case 'multi': {
      let doc = base;
      for (const [n, v] of m.more) {
        const ps = pathsOf(doc);
        doc = setAt(doc, ps[n % ps.length]!, structuredClone(v), 'set');
      }
      return JSON.stringify(doc);
    }
    default:
      return JSON.stringify(
        setAt(base, at, structuredClone(m.value), m.kind as 'set' | 'delete' | 'duplicate'),
      );
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('fuzz: corrupted collections', () => {
  it(`${CASES} mutated collections each end in a clear error or a valid document; the CLI exit code says which`, async () => {
    const cases = fc.sample(mutation, { numRuns: CASES, seed: SEED });
    const dir = tempDir();
    const tally = { ok: 0, okWithWarnings: 0, error: 0, viaCli: 0 };
    const failures: string[] = [];
    for (const [i, m] of cases.entries()) {
      const text = mutate(m);
      // Library: the same steps as the CLI (parse, validate, convert, serialise).
      let outcome: 'ok' | 'error';
      try {
        const { document, warnings } = convertCollection(parseJsonText(text, 'fuzz.json'), {
          source: 'fuzz.json',
        });
        toYaml(document);
        const errors = fastOpenApiErrors(document);
        if (errors.length > 0)
          failures.push(`case ${i} (${m.kind}): invalid document: ${errors.slice(0, 3).join('; ')}`);
        if (warnings.length === 0) tally.ok++;
        else tally.okWithWarnings++;
        outcome = 'ok';
      } catch (err) {
        if (!(err instanceof ImportError) || err.toLine().includes('\n') || err.message === '') {
          failures.push(
            `case ${i} (${m.kind}): ${(err as Error).stack?.split('\n').slice(0, 6).join(' | ')}`,
          );
        }
        tally.error++;
        outcome = 'error';
      }
      // Every 16th case also goes through the CLI (every 80th with --split): exit 0 for a document, 1 for an error.
      if (i % 16 === 0) {
        tally.viaCli++;
        const file = join(dir, `case-${i}.json`);
        writeFileSync(file, text);
        const split = i % 80 === 0 ? join(dir, `split-${i}`) : undefined;
        const r = await runCli(split ? [file, '--split', split, '-q'] : [file, '-q']);
        const expected = outcome === 'ok' ? 0 : 1;
        if (r.code !== expected)
          failures.push(`case ${i}: CLI exit ${r.code}, library said ${outcome}: ${r.stderr.slice(0, 200)}`);
        if (
          r.code === 1 &&
          !(
            r.stderr.startsWith(`postman-to-openapi: error: ${file} at `) &&
            r.stderr.indexOf('\n') === r.stderr.length - 1
          )
        ) {
          failures.push(`case ${i}: unclear error line: ${r.stderr.slice(0, 200)}`);
        }
        if (r.code === 0 && !split) {
          const errors = fastOpenApiErrors(parse(r.stdout));
          if (errors.length > 0) failures.push(`case ${i}: CLI document invalid: ${errors[0]}`);
        }
        if (split && r.code === 0) {
          for (const f of walk(split)) expect(resolve(f).startsWith(resolve(split) + '/')).toBe(true);
        }
      }
    }
    // Nothing was written anywhere but the expected outputs.
    for (const f of walk(dir)) expect(relative(dir, f)).toMatch(/^(case-\d+\.json|split-\d+\/.+)$/);
    console.info(`fuzz: ${CASES} cases, seed ${SEED}:`, tally);
    expect(failures).toEqual([]);
    expect(tally.ok + tally.okWithWarnings + tally.error).toBe(CASES);
    expect(tally.error).toBeGreaterThan(50);
    expect(tally.ok + tally.okWithWarnings).toBeGreaterThan(50);
  }, 120_000);

  it('--split output stays inside its folder for hostile names (dedicated cases)', async () => {
    const dir = tempDir();
    const names = [
      '..',
      '../..',
      '/etc',
      '../../../../tmp/evil',
      'C:\\evil',
      '.',
      '.ssh',
      'a/../../b',
      '%2e%2e',
      '\u0000',
    ];
    const item = names.map((n, i) => ({
      name: n,
      item: [{ name: n, request: { method: 'GET', url: `https://x.io/${encodeURI(n)}/${i}/${n}` } }],
    }));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ info: { name: '../../x' }, item }));
    const out = join(dir, 'nested', 'out');
    mkdirSync(dirname(out), { recursive: true });
    const r = await runCli([file, '--split', out, '-q']);
    expect(r.code).toBe(0);
    for (const f of walk(dir)) {
      const rel = relative(dir, f);
      expect(rel === 'c.json' || rel.startsWith('nested/out/')).toBe(true);
    }
    expect(walk(out).length).toBeGreaterThan(3);
  });
});
