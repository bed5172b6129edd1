export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(v: unknown): SemVer | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

/**
 * true when going from `base` to `next` announces breaking changes under semver: the major grew, or,
 * while the major is 0 (where semver lets any minor break), the minor grew.
 */
export function isBreakingBump(base: unknown, next: unknown): boolean {
  const b = parseVersion(base);
  const n = parseVersion(next);
  if (!b || !n) return false;
  if (n.major !== b.major) return n.major > b.major;
  return b.major === 0 && n.minor > b.minor;
}
