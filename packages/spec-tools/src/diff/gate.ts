import type { Classification } from './classify.js';
import { isBreakingBump } from './version.js';

export interface GateInput {
  classification: Classification;
  /** info.version of the base (the last release). */
  baseVersion: string | undefined;
  /** info.version of the current spec. */
  specVersion: string | undefined;
  /** version of @sunshine-openapi/client now. */
  clientVersion: string | undefined;
}

export interface GateResult {
  ok: boolean;
  /** One line explaining the decision. */
  reason: string;
}

/** Breaking changes pass only when info.version or the client's version carries a breaking bump. */
export function checkGate({
  classification,
  baseVersion,
  specVersion,
  clientVersion,
}: GateInput): GateResult {
  const n = classification.breaking.length;
  if (n === 0) return { ok: true, reason: 'no breaking changes.' };
  const bumped = [
    isBreakingBump(baseVersion, specVersion) ? `info.version ${baseVersion} → ${specVersion}` : '',
    isBreakingBump(baseVersion, clientVersion) ? `client ${baseVersion} → ${clientVersion}` : '',
  ].filter(Boolean);
  if (bumped.length > 0) {
    return {
      ok: true,
      reason: `${n} breaking change(s), announced by a major version bump (${bumped.join(', ')}).`,
    };
  }
  return {
    ok: false,
    reason:
      `${n} breaking change(s) but the version was not bumped (base ${baseVersion ?? '?'}, info.version ` +
      `${specVersion ?? '?'}, client ${clientVersion ?? '?'}): undo them, or add a major changeset ` +
      '(`pnpm changeset`) and release it (`pnpm --filter @sunshine-openapi/spec-tools version-packages`).',
  };
}
