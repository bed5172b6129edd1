/** Build a collection N times the size of the shared one: N copies of every folder, each under its own path prefix. */
export function multiplyCollection(source: { item: unknown[] } & Record<string, unknown>, times: number) {
  const item: unknown[] = [];
  for (let i = 0; i < times; i++) {
    const copy = structuredClone(source.item) as any[];
    const prefix = (items: any[]) => {
      for (const it of items) {
        if (Array.isArray(it.item)) prefix(it.item);
        else if (it.request && typeof it.request.url === 'object') {
          const u = it.request.url;
          if (Array.isArray(u.path)) u.path = [`copy${i}`, ...u.path];
          if (typeof u.raw === 'string') u.raw = u.raw.replace('/v2/', `/copy${i}/v2/`);
        }
      }
    };
    prefix(copy);
    item.push({ name: `Copy ${i}`, item: copy });
  }
  return { ...source, item };
}
