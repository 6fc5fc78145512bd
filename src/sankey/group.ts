/**
 * Grouping small units into "其他 (n)" so a real plant (hundreds or thousands of devices) draws
 * legibly: the largest units by throughput stay, the rest are merged per parent into one node
 * — floWeaver's idea of a partition with a catch-all group, decided by size. A group can be
 * expanded (its members drawn one by one) through the view spec. Values are conserved: a flow
 * between two members of one group is internal to it and vanishes, like flows inside a workshop
 * at the workshop level; every other flow keeps its value, and the members' unaccounted flows
 * stay as they are (their magnitudes add up; a group is never "balanced" by netting them).
 */
import { t, type Lang } from '../i18n/catalog.ts';
import type { PlantGraph } from '../model/graph.ts';
import type { GroupInfo, GroupSpec, SankeyView, ViewLink, ViewNode } from './view-types.ts';

/** Levels of ancestors tried as group keys (devices → workshops → enterprise → root). */
const MAX_UP = 3;

/**
 * The id of the "其他 (n)" node of the small units under `parent` (a node id, or '' for roots).
 *
 * @example
 * otherId('ws1') // => 'other:ws1'
 */
export const otherId = (parent: string) => `other:${parent}`;

/**
 * Draws at most `maxUnits` unit nodes: the largest units by throughput (in + out) one by one,
 * the rest merged into one "其他 (n)" node per parent — or per grandparent when there are too
 * many parents, up to one group for the whole level. A parent with a single small unit keeps it
 * (a group of one says nothing). Expanded groups are drawn one by one whatever their number.
 * Returns the view unchanged when it has no more units than allowed.
 *
 * @example
 * // at most 5 units per parent: the dyeing workshop's three smallest go into one "其他" node
 * const graph = buildGraph(parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json').model);
 * const view = sankeyView({ graph, result: checkModel(graph) }, { layer: 'water', level: 3 });
 * groupSmallUnits(view, graph, { maxUnits: 5 }).info // => { members: { 'other:dye': ['jet1', 'jet3', 'kitchen'] }, grouped: 3 }
 */
export function groupSmallUnits(
  view: SankeyView,
  graph: Pick<PlantGraph, 'nodes' | 'parent' | 'nodeIndex'>,
  spec: GroupSpec,
): { view: SankeyView; info: GroupInfo } {
  const units = view.nodes.filter((n) => n.role === 'unit' && !n.ownRegion);
  const none = { view, info: { members: {}, grouped: 0 } };
  if (units.length <= spec.maxUnits) return none;
  const expandAll = spec.expand?.includes('*') ?? false;
  const expanded = new Set(spec.expand ?? []);
  const parents = new Map<string, string>();
  const parentOf = (id: string) => {
    let p = parents.get(id);
    if (p === undefined) {
      const i = graph.nodeIndex.get(id);
      const j = i === undefined ? -1 : graph.parent[i]!;
      p = j >= 0 ? graph.nodes[j]!.id : '';
      parents.set(id, p);
    }
    return p;
  };
  const ranked = [...units].sort((a, b) => b.in + b.out - (a.in + a.out) || a.id.localeCompare(b.id));
  // Group key of a small unit: its parent; if even then too many nodes would be drawn, its
  // grandparent, and so on up to one group for the whole level ('').
  const ancestor = (id: string, up: number) => {
    let cur = id;
    for (let k = 0; k < up && cur !== ''; k++) cur = parentOf(cur);
    return cur;
  };
  // Expanding the group of X draws every unit under X one by one, whatever level grouped it.
  const exempt = (id: string) => {
    if (expandAll) return true;
    for (let cur = parentOf(id), k = 0; k <= MAX_UP; cur = parentOf(cur), k++) {
      if (expanded.has(otherId(cur))) return true;
      if (cur === '') break;
    }
    return false;
  };
  const candidates = ranked.filter((n) => !exempt(n.id));
  const plan = (keep: number, up: number) => {
    const byKey = new Map<string, ViewNode[]>();
    for (const n of candidates.slice(keep)) {
      const key = ancestor(n.id, up);
      const list = byKey.get(key);
      if (list) list.push(n);
      else byKey.set(key, [n]);
    }
    for (const [key, list] of byKey) if (list.length < 2) byKey.delete(key); // a group of one says nothing
    let inGroups = 0;
    for (const list of byKey.values()) inGroups += list.length;
    return { byKey, drawn: units.length - inGroups + byKey.size };
  };
  // The most units kept one by one such that units + groups ≤ maxUnits. Grouping by parent
  // tells where the small units sit, so it is taken while it still keeps at least half of
  // maxUnits one by one; otherwise by the ancestor level that keeps the most.
  let chosen: { p: ReturnType<typeof plan>; keep: number } | undefined;
  for (let up = 1; up <= MAX_UP; up++) {
    let found: { p: ReturnType<typeof plan>; keep: number } | undefined;
    for (let keep = Math.min(spec.maxUnits, candidates.length); keep >= 0 && !found; keep--) {
      const p = plan(keep, up);
      if (p.drawn <= spec.maxUnits) found = { p, keep };
    }
    if (found && (!chosen || found.keep > chosen.keep)) chosen = found;
    if (chosen && chosen.keep >= spec.maxUnits / 2) break;
  }
  const final = chosen?.p ?? plan(0, MAX_UP + 1);
  const into = new Map<string, string>();
  const members: Record<string, string[]> = {};
  for (const [key, list] of final.byKey) {
    const id = otherId(key);
    members[id] = list.map((n) => n.id);
    for (const n of list) into.set(n.id, id);
  }
  if (into.size === 0) return none;

  const nodes: ViewNode[] = [];
  const groupNodes = new Map<string, ViewNode>();
  for (const n of view.nodes) {
    const g = into.get(n.id);
    if (g === undefined) {
      nodes.push({ ...n });
      continue;
    }
    let group = groupNodes.get(g);
    if (!group) {
      const parent = g.slice('other:'.length);
      const i = graph.nodeIndex.get(parent);
      const p = i === undefined ? undefined : graph.nodes[i]!;
      const count = members[g]!.length;
      // Named in both languages here, so every drawing that shows node names reads "其他 (n)".
      const label = (lang: Lang, name: string | undefined) =>
        name ? t(lang, 'sankey.node.otherOf', { parent: name, n: count }) : t(lang, 'sankey.node.other', { n: count });
      const node: ViewNode = {
        id: g,
        role: 'unit',
        name: label('zh', p?.name),
        nameEn: label('en', p?.nameEn ?? p?.name),
        level: n.level,
        members: members[g]!,
        in: 0,
        out: 0,
      };
      groupNodes.set(g, node);
      nodes.push(node);
      group = node;
    }
    group.in += n.in;
    group.out += n.out;
  }
  const merged = new Map<string, ViewLink>();
  for (const l of view.links) {
    const source = into.get(l.source) ?? l.source;
    const target = into.get(l.target) ?? l.target;
    if (source === target) {
      // Between members of one group: internal to it, so neither its input nor its output.
      const signed = l.negative ? -l.value : l.value;
      const g = groupNodes.get(source)!;
      g.in -= signed;
      g.out -= signed;
      continue;
    }
    const key = `${source}\u0000${target}\u0000${l.state}\u0000${l.negative === true}`;
    let m = merged.get(key);
    if (!m) {
      merged.set(key, (m = { source, target, value: 0, state: l.state, flows: [] }));
      if (l.negative) m.negative = true;
    }
    m.value += l.value;
    m.flows.push(...l.flows);
    if (l.measured !== undefined || m.measured !== undefined)
      m.measured = (m.measured ?? m.value - l.value) + (l.measured ?? l.value);
  }
  return {
    view: { ...view, nodes, links: [...merged.values()] },
    info: { members, grouped: into.size },
  };
}
