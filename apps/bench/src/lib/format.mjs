// Number formatting shared by the benchmark rows.

export function ms(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  if (value >= 0.001) return `${(value * 1000).toFixed(1)} µs`;
  return `${(value * 1e6).toFixed(0)} ns`;
}

export function seconds(valueMs) {
  return Number.isFinite(valueMs) ? `${(valueMs / 1000).toFixed(2)} s` : 'n/a';
}

export function mb(bytes) {
  return `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
}

export function kb(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

export function ops(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M ops/s`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k ops/s`;
  return `${value.toFixed(0)} ops/s`;
}

export function ratio(value, digits = 2) {
  return Number.isFinite(value) ? `${value.toFixed(digits)}×` : 'n/a';
}

export function percent(value) {
  if (!Number.isFinite(value)) return 'n/a';
  const sign = value > 0 ? '+' : '';
  return `${sign}${(value * 100).toFixed(1)}%`;
}

export function signedMs(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 0 ? '−' : '+'}${ms(Math.abs(value))}`;
}
