import type { Change, Classification } from './classify.js';
import type { GateResult } from './gate.js';

function group(title: string, mark: string, changes: Change[]): string[] {
  if (changes.length === 0) return [];
  const lines = [`${title} (${changes.length}):`];
  let last = '';
  for (const c of changes) {
    if (c.where !== last) lines.push(`  ${c.where}`);
    last = c.where;
    lines.push(`    ${mark} ${c.message}`);
  }
  lines.push('');
  return lines;
}

/** The human report printed by `pnpm spec:diff`. */
export function formatReport(opts: {
  baseLabel: string;
  baseVersion?: string;
  currentLabel: string;
  currentVersion?: string;
  classification: Classification;
  gate: GateResult;
}): string {
  const { classification: c } = opts;
  const lines = [
    `Comparing ${opts.currentLabel} (${opts.currentVersion ?? 'no version'}) with ${opts.baseLabel} (${opts.baseVersion ?? 'no version'})`,
    '',
  ];
  if (c.breaking.length + c.nonBreaking.length + c.docs.length === 0) lines.push('No changes.', '');
  lines.push(...group('Breaking changes', '✗', c.breaking));
  lines.push(...group('Non-breaking changes', '+', c.nonBreaking));
  if (c.docs.length > 0) {
    lines.push(`Documentation-only changes: ${c.docs.length} (descriptions, summaries, examples).`, '');
  }
  lines.push(`${opts.gate.ok ? 'OK' : 'FAIL'}: ${opts.gate.reason}`);
  return lines.join('\n');
}
