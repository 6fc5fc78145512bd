import { solve } from 'yalps';

/**
 * The covering problem under meter-placement advice (docs/advice.md §Optimality): choose candidates
 * (meters to add, replace or re-verify) of least total cost so that every requirement row gets enough
 * — a count row needs k more metered points (Σ x_j ≥ k), a volume row (GB 24789 Km) more metered
 * volume (Σ v_j x_j ≥ V), and some candidates are mandatory. A multi-cover integer programme:
 *
 *   minimise Σ c_j x_j   subject to   Σ_j a_rj x_j ≥ b_r (every row r),   x_j ∈ {0, 1}.
 *
 * Rows that share no candidate are independent, so the problem is split into connected components,
 * each solved exactly by branch and cut (yalps: LP relaxation by the simplex method, branching on
 * fractional variables; "optimal" is proven). A component too large for the time budget is solved
 * greedily and its answer given with a lower bound: the largest, over its rows, of the least cost of
 * closing that row alone — so `optimal: false` always comes with how far from optimal it can be.
 */

export interface CoverRow {
  id: string;
  /** What the row still needs: a count of points, or a volume (same unit as the weights). */
  need: number;
  /** Candidates that serve the row and how much each brings (1 for a count row, its volume for Km). */
  members: { candidate: string; weight: number }[];
}

export interface CoverProblem {
  candidates: { id: string; cost: number }[];
  rows: CoverRow[];
  /** Candidates that must be chosen whatever they cost (a flow whose unknown volume must be metered). */
  mandatory?: readonly string[];
}

export interface CoverResult {
  chosen: string[];
  cost: number;
  /** True when every component was solved to proven optimality. */
  optimal: boolean;
  /** A lower bound on the optimal cost (= cost when optimal). */
  bound: number;
  /** Rows that no choice can close (not enough candidates): the problem is infeasible there. */
  unreachable: string[];
  components: { rows: number; candidates: number; method: 'branch-and-cut' | 'greedy'; ms: number }[];
}

export interface CoverOptions {
  /** Milliseconds of branch and cut per component before it falls back to greedy (default 5 000). */
  timeout?: number;
  /** Components with more candidates × rows than this go greedy at once (default 60 000: yalps's dense tableau). */
  maxCells?: number;
}

const EPS = 1e-9;

/** Splits rows into components joined by shared candidates (union–find over rows). */
function components(rows: CoverRow[]): CoverRow[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const ownerOf = new Map<string, number>();
  rows.forEach((r, i) => {
    for (const m of r.members) {
      const o = ownerOf.get(m.candidate);
      if (o === undefined) ownerOf.set(m.candidate, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, CoverRow[]>();
  rows.forEach((r, i) => {
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r);
  });
  return [...groups.values()];
}

/** The least cost of closing one row alone: its members by cost per unit served, fractional at the end. */
function rowBound(row: CoverRow, cost: Map<string, number>): number {
  const members = [...row.members].sort(
    (a, b) => cost.get(a.candidate)! / a.weight - cost.get(b.candidate)! / b.weight,
  );
  let need = row.need;
  let total = 0;
  for (const m of members) {
    if (need <= EPS) break;
    const take = Math.min(1, need / m.weight);
    total += take * cost.get(m.candidate)!;
    need -= take * m.weight;
  }
  return total;
}

/** Greedy: repeatedly the candidate with the most still-needed coverage per cost. */
function greedy(rows: CoverRow[], cost: Map<string, number>): string[] {
  const need = new Map(rows.map((r) => [r.id, r.need]));
  const rowsOf = new Map<string, { row: string; weight: number }[]>();
  for (const r of rows)
    for (const m of r.members) {
      if (!rowsOf.has(m.candidate)) rowsOf.set(m.candidate, []);
      rowsOf.get(m.candidate)!.push({ row: r.id, weight: m.weight });
    }
  const chosen: string[] = [];
  const left = new Set(rowsOf.keys());
  while ([...need.values()].some((n) => n > EPS) && left.size > 0) {
    let best: string | undefined;
    let bestScore = 0;
    for (const c of left) {
      let served = 0;
      for (const { row, weight } of rowsOf.get(c)!) {
        const n = need.get(row)!;
        // a row's share closed by this candidate (count rows: 1 each)
        if (n > EPS) served += Math.min(weight, n) / Math.max(n, weight);
      }
      const score = served / Math.max(cost.get(c)!, EPS);
      if (score > bestScore + EPS || (Math.abs(score - bestScore) <= EPS && best !== undefined && c < best)) {
        best = c;
        bestScore = score;
      }
    }
    if (best === undefined || bestScore <= EPS) break;
    chosen.push(best);
    left.delete(best);
    for (const { row, weight } of rowsOf.get(best)!) need.set(row, need.get(row)! - weight);
  }
  return chosen;
}

/**
 * Solves the covering problem (see the head comment).
 *
 * @example
 * // two rows that each need one of two candidates: b covers both, at cost 1
 * const r1 = { id: 'r1', need: 1, members: [{ candidate: 'a', weight: 1 }, { candidate: 'b', weight: 1 }] };
 * const r2 = { id: 'r2', need: 1, members: [{ candidate: 'b', weight: 1 }, { candidate: 'c', weight: 1 }] };
 * solveCover({ candidates: [{ id: 'a', cost: 1 }, { id: 'b', cost: 1 }, { id: 'c', cost: 1 }], rows: [r1, r2] }).chosen // => ['b']
 */
export function solveCover(problem: CoverProblem, options: CoverOptions = {}): CoverResult {
  const timeout = options.timeout ?? 5000;
  const maxCells = options.maxCells ?? 60_000;
  const cost = new Map(problem.candidates.map((c) => [c.id, c.cost]));
  const mandatory = new Set(problem.mandatory ?? []);
  // Mandatory candidates are taken first; the rows keep what is left to find.
  const rows: CoverRow[] = problem.rows.map((r) => {
    let need = r.need;
    for (const m of r.members) if (mandatory.has(m.candidate)) need -= m.weight;
    return { ...r, need, members: r.members.filter((m) => !mandatory.has(m.candidate) && cost.has(m.candidate)) };
  });
  const unreachable = rows
    .filter((r) => r.need > EPS && r.members.reduce((a, m) => a + m.weight, 0) < r.need - EPS)
    .map((r) => r.id);
  const open = rows.filter((r) => r.need > EPS && !unreachable.includes(r.id));
  const chosen = [...mandatory];
  let total = [...mandatory].reduce((a, c) => a + (cost.get(c) ?? 0), 0);
  let bound = total;
  let optimal = true;
  const report: CoverResult['components'] = [];
  for (const comp of components(open)) {
    const t0 = performance.now();
    const candidates = [...new Set(comp.flatMap((r) => r.members.map((m) => m.candidate)))].sort();
    let picked: string[] | undefined;
    let method: 'branch-and-cut' | 'greedy' = 'greedy';
    if (candidates.length * comp.length <= maxCells) {
      const variables = new Map<string, [string, number][]>(candidates.map((c) => [c, [['cost', cost.get(c)!]]]));
      for (const r of comp) for (const m of r.members) variables.get(m.candidate)!.push([r.id, m.weight]);
      const solution = solve(
        {
          direction: 'minimize',
          objective: 'cost',
          constraints: new Map(comp.map((r) => [r.id, { min: r.need - EPS }])),
          variables,
          binaries: true,
        },
        { timeout },
      );
      if (solution.status === 'optimal') {
        picked = solution.variables.filter(([, v]) => v > 0.5).map(([c]) => c);
        method = 'branch-and-cut';
      }
    }
    const c = picked ?? greedy(comp, cost);
    const compCost = c.reduce((a, x) => a + cost.get(x)!, 0);
    chosen.push(...c);
    total += compCost;
    if (method === 'branch-and-cut') bound += compCost;
    else {
      optimal = false;
      bound += Math.max(0, ...comp.map((r) => rowBound(r, cost)));
    }
    report.push({ rows: comp.length, candidates: candidates.length, method, ms: performance.now() - t0 });
  }
  return { chosen, cost: total, optimal, bound, unreachable, components: report };
}
