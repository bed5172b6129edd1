import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertCollection } from '../src/convert.js';
import { toYaml } from '../src/emit.js';
import { openApiErrors } from './helpers.js';
import { validCollection } from './support/arbitraries.js';
import { exampleErrors } from './support/example-check.js';
import { fastOpenApiErrors } from './support/fast-validate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

describe('property: random valid collections', () => {
  it(
    'always convert to a valid OpenAPI 3.1 document, byte-identical on a second run',
    () => {
      fc.assert(
        fc.property(validCollection, (collection) => {
          const first = convertCollection(structuredClone(collection));
          const errors = fastOpenApiErrors(first.document);
          expect(errors).toEqual([]);
          const again = convertCollection(structuredClone(collection));
          expect(toYaml(again.document)).toBe(toYaml(first.document));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    Math.max(60_000, RUNS * 500),
  );

  it('carry examples that validate against their own schemas, with formats (sample)', () => {
    fc.assert(
      fc.property(validCollection, (collection) => {
        expect(exampleErrors(convertCollection(collection, { required: 'observed' }).document)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED + 2 },
    );
  }, 60_000);

  it('pass the full @readme/openapi-parser validation too (sample)', async () => {
    const samples = fc.sample(validCollection, { numRuns: 5, seed: SEED + 1 });
    for (const c of samples) expect(await openApiErrors(convertCollection(c).document)).toBe('');
  }, 60_000);
});
