// Types for scripts/redocly.mjs (plain ESM so the build runs without a compile step).
export interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { source: { ref: string }; pointer: string; start?: { line: number; col: number } }[];
}
export const specDir: string;
export function runRedocly(
  args: string[],
  options?: { cwd?: string },
): { status: number; stdout: string; stderr: string; error?: Error };
export function lastErrorLine(stderr: string): string;
export function parseJsonObjects(text: string): any[];
export function lint(
  files: string[],
  options?: { config?: string; cwd?: string },
): { errors: number; warnings: number; problems: RedoclyProblem[] };
export function formatProblem(problem: RedoclyProblem): string;
