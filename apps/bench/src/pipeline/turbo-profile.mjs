// Summarises a `turbo run --profile=FILE` trace: total time per span name, longest first.
import { readFileSync } from 'node:fs';

export function turboProfileTop(file, top = 8) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const open = new Map();
  const totals = new Map();
  let end = 0;
  for (const event of events) {
    if (typeof event.ts === 'number') end = Math.max(end, event.ts);
    const key = `${event.name}\u0000${event.id ?? ''}\u0000${event.tid ?? ''}`;
    if (event.ph === 'b' || event.ph === 'B') {
      const stack = open.get(key) ?? [];
      stack.push(event.ts);
      open.set(key, stack);
    } else if (event.ph === 'e' || event.ph === 'E') {
      const started = open.get(key)?.pop();
      if (started !== undefined) totals.set(event.name, (totals.get(event.name) ?? 0) + (event.ts - started));
    } else if (event.ph === 'X' && typeof event.dur === 'number') {
      totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur);
    }
  }
  const spans = [...totals.entries()]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return { traceMs: end / 1000, spans };
}
