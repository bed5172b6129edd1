// The spec itself passes the house lint config with no error and no warning.
import { expect, it } from 'vitest';
import { formatProblem, lint } from '../scripts/redocly.mjs';

it('spec/openapi.yaml lints with 0 errors and 0 warnings', { timeout: 30_000 }, () => {
  const result = lint(['openapi.yaml']);
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.errors + result.warnings).toBe(0);
});
