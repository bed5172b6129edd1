import type { ImportWarning } from './types.js';

/** Collects warnings in the order they are raised; each names the item's folder path. */
export class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly seen = new Set<string>();

  add(item: string, message: string): void {
    const key = item + '\u0000' + message;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ item, message });
  }
}

export function formatWarning(w: ImportWarning): string {
  return `warning: ${w.item || '(collection)'}: ${w.message}`;
}
