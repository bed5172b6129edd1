import { mergeShapes, type Shape } from './schema.js';
import { pascalCase, singular } from './text.js';

/** A place where a body schema starts (request body or response of one operation). */
export interface ShapeRoot {
  shape: Shape;
}

interface Candidate {
  node: Shape;
  replace: (ref: Shape) => void;
  depth: number;
  group: string;
}

const MIN_PROPS = 2;
const MAX_COMPONENTS = 2000;

function isCandidate(s: Shape): boolean {
  if (s.ref !== undefined || !s.types.has('object') || s.props.size < MIN_PROPS) return false;
  for (const t of s.types) if (t !== 'object' && t !== 'null') return false;
  return true;
}

function refShape(name: string, source: Shape): Shape {
  const s: Shape = {
    types: new Set(source.types.has('null') ? ['object', 'null'] : ['object']),
    format: undefined,
    props: new Map(),
    counts: new Map(),
    objects: source.objects,
    items: undefined,
    side: source.side,
  };
  s.ref = name;
  return s;
}

function collect(roots: Shape[], out: Candidate[]): void {
  type Frame = { shape: Shape; depth: number; hint: string | undefined };
  const stack: Array<Frame & { replace: ((r: Shape) => void) | undefined }> = roots.map((shape) => ({
    shape,
    depth: 0,
    hint: undefined,
    replace: undefined,
  }));
  while (stack.length > 0) {
    const f = stack.pop()!;
    const s = f.shape;
    if (f.hint !== undefined && f.replace && isCandidate(s)) {
      const name = pascalCase(f.hint);
      if (name !== '') {
        out.push({
          node: s,
          replace: f.replace,
          depth: f.depth,
          group: (s.side === 'request' ? 'request:' : 'response:') + name,
        });
      }
    }
    if (s.ref !== undefined) continue;
    for (const [k, child] of s.props) {
      stack.push({ shape: child, depth: f.depth + 1, hint: k, replace: (r) => s.props.set(k, r) });
    }
    if (s.items) {
      const items = s.items;
      stack.push({
        shape: items,
        depth: f.depth + 1,
        hint: f.hint === undefined ? undefined : singular(f.hint),
        replace: (r) => {
          s.items = r;
        },
      });
    }
  }
}

function overlap(a: Shape, b: Shape): number {
  let common = 0;
  for (const k of a.props.keys()) if (b.props.has(k)) common++;
  return common / Math.min(a.props.size, b.props.size);
}

function markDead(root: Shape, dead: Set<Shape>): void {
  const stack = [root];
  while (stack.length > 0) {
    const s = stack.pop()!;
    dead.add(s);
    for (const child of s.props.values()) stack.push(child);
    if (s.items) stack.push(s.items);
  }
}

/**
 * Move object shapes that repeat (same property name, similar keys, seen at least twice) into named
 * components. Outer shapes are handled first, so a shape that only repeats because its parent repeats
 * stays inside the parent's component. Returns the components by name (in creation order).
 */
export function extractComponents(roots: Shape[]): Map<string, Shape> {
  const components = new Map<string, Shape>();
  const usedNames = new Set<string>();
  const blocked = new Set<string>();
  const dead = new Set<Shape>();
  const groups = new Map<string, Candidate[]>();
  const addCandidates = (trees: Shape[]) => {
    const found: Candidate[] = [];
    collect(trees, found);
    for (const c of found) {
      blocked.delete(c.group);
      const g = groups.get(c.group);
      if (g) g.push(c);
      else groups.set(c.group, [c]);
    }
  };
  addCandidates(roots);
  for (let round = 0; round < MAX_COMPONENTS; round++) {
    // Pick the group with the shallowest member, then by name: deterministic.
    let best: { key: string; members: Candidate[]; depth: number } | undefined;
    for (const [key, all] of groups) {
      const members = all.filter((m) => !dead.has(m.node));
      if (members.length !== all.length) groups.set(key, members);
      if (members.length < 2 || blocked.has(key)) continue;
      let depth = Infinity;
      for (const m of members) depth = Math.min(depth, m.depth);
      if (!best || depth < best.depth || (depth === best.depth && key < best.key))
        best = { key, members, depth };
    }
    if (!best) break;
    // Cluster members by key overlap; only the first cluster of 2+ becomes a component this round.
    const clusters: Candidate[][] = [];
    for (const m of best.members) {
      const home = clusters.find((c) => overlap(c[0]!.node, m.node) >= 0.5);
      if (home) home.push(m);
      else clusters.push([m]);
    }
    const cluster = clusters.find((c) => c.length >= 2);
    if (!cluster) {
      blocked.add(best.key);
      continue;
    }
    const [side, base] = best.key.split(':') as [string, string];
    const stem = side === 'request' ? base + 'Input' : base;
    let name = stem;
    let n = 2;
    while (usedNames.has(name.toLowerCase())) name = stem + n++;
    usedNames.add(name.toLowerCase());
    let merged = cluster[0]!.node;
    for (const m of cluster.slice(1)) merged = mergeShapes(merged, m.node);
    merged.types.delete('null');
    for (const m of cluster) {
      markDead(m.node, dead);
      m.replace(refShape(name, m.node));
    }
    components.set(name, merged);
    addCandidates([merged]);
  }
  return components;
}
