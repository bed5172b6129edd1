import type { JsonObject } from './types.js';
import type { CollectionModel } from './validate.js';

const GENERAL = 'General';

/**
 * Folders become tags. A folder's tag is its own name, or its whole path (`Parent / Child`) when another
 * folder has the same name. Nested folders also produce `x-tagGroups`: one group per top-level folder.
 */
export function buildTags(model: CollectionModel) {
  const nameCount = new Map<string, number>();
  for (const f of model.folders) {
    const n = f.names[f.names.length - 1]!;
    nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  }
  const tagByPath = new Map<string, string>();
  const used = new Set<string>();
  const descriptions = new Map<string, string | undefined>();
  for (const f of model.folders) {
    const last = f.names[f.names.length - 1]!;
    let tag = (nameCount.get(last) ?? 0) > 1 ? f.names.join(' / ') : last;
    const base = tag;
    let n = 2;
    while (used.has(tag)) tag = `${base} (${n++})`;
    used.add(tag);
    tagByPath.set(JSON.stringify(f.names), tag);
    descriptions.set(tag, f.description);
  }
  const nested = model.folders.some((f) => f.names.length > 1);
  const hasRootRequests = model.requests.some((r) => r.folder.length === 0);
  const usedTags = new Set<string>();

  return {
    tagOf(folder: string[]): string | undefined {
      const tag =
        folder.length === 0 ? (nested ? GENERAL : undefined) : tagByPath.get(JSON.stringify(folder));
      if (tag !== undefined) usedTags.add(tag);
      return tag;
    },
    render(): { tags: JsonObject[]; groups: JsonObject[] | undefined } {
      const tags: JsonObject[] = [];
      if (nested && hasRootRequests && usedTags.has(GENERAL))
        tags.push({ name: GENERAL, description: 'Requests at the top level of the collection.' });
      for (const f of model.folders) {
        const tag = tagByPath.get(JSON.stringify(f.names))!;
        if (!usedTags.has(tag)) continue;
        const t: JsonObject = { name: tag };
        const d = descriptions.get(tag);
        if (d) t.description = d;
        tags.push(t);
      }
      if (!nested) return { tags, groups: undefined };
      const groups: JsonObject[] = [];
      if (usedTags.has(GENERAL)) groups.push({ name: GENERAL, tags: [GENERAL] });
      for (const top of model.folders.filter((f) => f.names.length === 1)) {
        const members = model.folders
          .filter((f) => f.names[0] === top.names[0] && f.names.length >= 1 && startsWith(f.names, top.names))
          .map((f) => tagByPath.get(JSON.stringify(f.names))!)
          .filter((t) => usedTags.has(t));
        if (members.length > 0) groups.push({ name: top.names[0]!, tags: members });
      }
      return { tags, groups };
    },
  };
}

function startsWith(a: string[], prefix: string[]): boolean {
  return prefix.every((p, i) => a[i] === p);
}
