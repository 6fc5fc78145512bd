import { annualHours as defaultAnnualHours } from '../data/cp-practice.ts';
import { isBaseLayer, layerUnit } from '../model/layers.ts';
import { basisContext } from '../model/quantities.ts';
import type { Component, Flow, Meter, Model, Node } from '../model/schema.ts';
import { parseUnit } from '../units/units.ts';
import type { LinkEnd, Park, ParkLink } from './schema.ts';

/**
 * The park as one model (docs/park.md §Park balance): a root node for the park; one node per member
 * (`member id`), holding the member's boundary flows — what enters and leaves the member, with the
 * value the member's own check measured or derived; and a network node per link (`link/id`), into
 * which the suppliers' flows run and out of which the receivers' flows come, so the node's balance
 * is the master–sub difference of the link. A member's inside stays in its own check (its levels,
 * its tolerances). Every figure is put on one basis, **per year**: a quantity × the member's annual
 * factor, a rate converted with the member's own operating hours. Units, carriers, LHVs, components
 * and meters are kept, so tce (当量值/等价值) and concentrations convert as in the member's own model.
 */

/** A member as the park uses it: its model (the chosen period taken out) and how it annualises. */
export interface MemberState {
  id: string;
  name: string;
  nameEn?: string;
  model: Model;
  /** Per-year figure = period figure × annualFactor. */
  annualFactor: number;
  /** The member's operating hours per year (its settings or the default). */
  annualHours: number;
  /** Values its own check derived by difference, in each flow's own unit (base-layer and own component flows). */
  derived?: ReadonlyMap<string, number>;
}

/** The park root's node id (no member id can be it: ids have no '@'… see schema), and the link nodes'. */
export const PARK_NODE = '@park';
export const linkNodeId = (link: string) => `link/${link}`;
/** A member's flow in the park model. */
export const memberFlowId = (member: string, flow: string) => `${member}/${flow}`;

/**
 * How a member's figures annualise: `period.annualFactor`, else annualHours / periodHours (the
 * campaign's duration or settings.periodHours); undefined when the model has no balance period.
 *
 * @example
 * // a 72 h campaign scaled to 8 760 h a year: 8 760 / 72 = 121.67
 * const { model } = parseModel(readFileSync('datasets/dyeing.json'), 'dyeing.json');
 * roundTo(annualFactorOf(model), 2) // => 121.67
 */
export function annualFactorOf(model: Model): number | undefined {
  if (model.period?.annualFactor !== undefined) return model.period.annualFactor;
  const ctx = basisContext(model);
  return ctx.periodHours === undefined ? undefined : ctx.annualHours / ctx.periodHours;
}

function rateKind(unit: string): 'hour' | 'year' | null {
  try {
    return parseUnit(unit).per;
  } catch {
    return null;
  }
}

/**
 * A member's flow on the park's yearly basis, with its park id and ends: quantities × annual factor;
 * hourly rates × the member's own over the park's operating hours; per-annum rates as they are.
 */
function annualised(flow: Flow, m: MemberState, parkHours: number, place: Pick<Flow, 'id' | 'from' | 'to'>): Flow {
  const per = rateKind(flow.unit);
  const k = per === null ? m.annualFactor : per === 'hour' ? m.annualHours / parkHours : 1;
  const out: Flow = { ...flow, ...place };
  if (flow.value !== undefined) out.value = flow.value * k;
  if (flow.sd !== undefined) out.sd = flow.sd * k;
  if (flow.min !== undefined) out.min = flow.min * k;
  if (flow.max !== undefined) out.max = flow.max * k;
  if (flow.meter !== undefined) out.meter = memberFlowId(m.id, flow.meter);
  if (flow.components) {
    const comps: Record<string, Component> = {};
    for (const [name, c] of Object.entries(flow.components)) {
      // absolute amounts are period quantities; concentrations stay as they are
      comps[name] =
        c.value === undefined
          ? c
          : { ...c, value: c.value * m.annualFactor, ...(c.sd === undefined ? {} : { sd: c.sd * m.annualFactor }) };
    }
    out.components = comps;
  }
  return out;
}

/** Where a member's boundary flows go in the park: to or from a link's network node. */
function linkEnds(park: Park): { out: Map<string, string>; in: Map<string, string> } {
  const out = new Map<string, string>();
  const inn = new Map<string, string>();
  for (const l of park.links ?? []) {
    for (const e of l.from) if (e.flow) out.set(memberFlowId(e.member, e.flow), linkNodeId(l.id));
    for (const e of l.to) if (e.flow) inn.set(memberFlowId(e.member, e.flow), linkNodeId(l.id));
  }
  return { out, in: inn };
}

/**
 * Unmeasured flows for the ends of a link given as nodes: one per layer (and component) the
 * link's flow ends carry, so the network node's balance derives them by difference.
 */
function nodeEndFlows(l: ParkLink, byId: Map<string, Flow>, parkSettings: Model['settings']): Flow[] {
  const layers = new Set<string>();
  for (const e of [...l.from, ...l.to]) {
    if (!e.flow) continue;
    const f = byId.get(memberFlowId(e.member, e.flow));
    if (!f) continue;
    layers.add(f.layer);
    for (const c of Object.keys(f.components ?? {})) layers.add(c);
  }
  const out: Flow[] = [];
  const add = (e: LinkEnd, side: 'from' | 'to') => {
    for (const layer of layers) {
      const node = e.member;
      out.push({
        id: `${linkNodeId(l.id)}/${e.member}/${e.node}/${layer}`,
        from: side === 'from' ? node : linkNodeId(l.id),
        to: side === 'from' ? linkNodeId(l.id) : node,
        layer,
        unit: layerUnit(layer, parkSettings),
        source: 'unmeasured',
        ...(layer === 'material' ? { phase: 'other' as const } : {}),
      });
    }
  };
  for (const e of l.from) if (e.node) add(e, 'from');
  for (const e of l.to) if (e.node) add(e, 'to');
  return out;
}

/**
 * The park as one model on a yearly basis (see the file's head comment). Not validated: built from validated parts.
 *
 * @example
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * const inputs = park.members.map((m) => ({ id: m.id, model: parseModel(readFileSync(`datasets/park/${m.model}`), m.model).model }));
 * const model = parkModel(park, memberStates(park, inputs));
 * [model.nodes.length, model.flows.length] // => [8, 117]
 */
export function parkModel(park: Park, members: MemberState[]): Model {
  const parkHours = park.settings?.annualHours ?? defaultAnnualHours.hours;
  const ends = linkEnds(park);
  const nodes: Node[] = [{ id: PARK_NODE, name: park.name, ...(park.nameEn ? { nameEn: park.nameEn } : {}), level: 1 }];
  const flows: Flow[] = [];
  const meters: Meter[] = [];
  for (const m of members) {
    nodes.push({ id: m.id, name: m.name, ...(m.nameEn ? { nameEn: m.nameEn } : {}), level: 2, parent: PARK_NODE });
    const boundary = new Set<string>();
    for (const f of m.model.flows) {
      if (f.from !== null && f.to !== null) continue;
      const fid = memberFlowId(m.id, f.id);
      boundary.add(f.id);
      const derived = f.value === undefined ? m.derived?.get(f.id) : undefined;
      const measured: Flow = derived === undefined ? f : { ...f, value: derived, source: 'calculated' };
      flows.push(
        annualised(measured, m, parkHours, {
          id: fid,
          from: f.from === null ? (ends.in.get(fid) ?? null) : m.id,
          to: f.to === null ? (ends.out.get(fid) ?? null) : m.id,
        }),
      );
    }
    for (const meter of m.model.meters ?? []) {
      const kept = meter.flows.filter((f) => boundary.has(f));
      if (kept.length > 0)
        meters.push({ ...meter, id: memberFlowId(m.id, meter.id), flows: kept.map((f) => memberFlowId(m.id, f)) });
    }
  }
  const byId = new Map(flows.map((f) => [f.id, f]));
  for (const l of park.links ?? []) {
    nodes.push({
      id: linkNodeId(l.id),
      name: l.name ?? l.id,
      ...(l.nameEn ? { nameEn: l.nameEn } : {}),
      level: 2,
      parent: PARK_NODE,
    });
    flows.push(...nodeEndFlows(l, byId, park.settings));
  }
  return {
    name: park.name,
    ...(park.nameEn ? { nameEn: park.nameEn } : {}),
    nodes,
    flows,
    meters,
    period: { label: '年', labelEn: 'per year', kind: 'year', annualFactor: 1 },
    settings: { ...(park.settings ?? {}), periodHours: parkHours, annualHours: parkHours },
  };
}

/**
 * The layers each link's ends carry in the park model (base layers first), in one pass over the flows.
 *
 * @example
 * const park = parsePark(readFileSync('datasets/park/park.json', 'utf8'), 'park.json');
 * const inputs = park.members.map((m) => ({ id: m.id, model: parseModel(readFileSync(`datasets/park/${m.model}`), m.model).model }));
 * linkLayers(parkModel(park, memberStates(park, inputs))).get('ww-plating') // => ['water', 'Ni', 'Cr']
 */
export function linkLayers(model: Model): Map<string, string[]> {
  const byNode = new Map<string, Set<string>>();
  const add = (node: string | null, f: Flow) => {
    if (node === null || !node.startsWith('link/')) return;
    let set = byNode.get(node);
    if (!set) byNode.set(node, (set = new Set()));
    set.add(f.layer);
    for (const c of Object.keys(f.components ?? {})) set.add(c);
  };
  for (const f of model.flows) {
    add(f.from, f);
    add(f.to, f);
  }
  const out = new Map<string, string[]>();
  for (const [node, set] of byNode)
    out.set(
      node.slice('link/'.length),
      [...set].sort((a, b) => Number(isBaseLayer(b)) - Number(isBaseLayer(a))),
    );
  return out;
}
