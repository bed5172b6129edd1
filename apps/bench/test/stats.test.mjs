import { describe, expect, it } from 'vitest';
import { growthExponent, linearFit, median, percentile } from '../src/lib/stats.mjs';

describe('stats', () => {
  it('takes medians of odd and even lists without sorting the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
  });

  it('fits a line and reports r²', () => {
    const fit = linearFit([1, 2, 3, 4], [3, 5, 7, 9]);
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(1);
    expect(fit.r2).toBeCloseTo(1);
  });

  it('tells linear from quadratic growth', () => {
    const xs = [1, 10, 100];
    expect(
      growthExponent(
        xs,
        xs.map((x) => 3 * x),
      ),
    ).toBeCloseTo(1);
    expect(
      growthExponent(
        xs,
        xs.map((x) => x * x),
      ),
    ).toBeCloseTo(2);
  });
});
