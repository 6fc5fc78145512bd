import { defaultSignificance, maxEliminationSteps } from '../data/reconcile-statistics.ts';
import { reconcileBounded, type BoundedProblem, type BoundedResult } from './bounds.ts';
import { FlowStatus, type LinearOptions } from './linear.ts';
import { chiSquareCritical, chiSquarePValue, sidakNormalCritical } from './statistics.ts';

export interface TestOptions extends LinearOptions {
  /** Significance level of every test (default 0.05). */
  alpha?: number;
  /** Flows never named as suspects (pinned meters). */
  trusted?: Uint8Array;
  /** Consider a leak / missing flow at a node as a hypothesis too (default true). */
  leaks?: boolean;
  maxSteps?: number;
}

export interface TestedResult extends BoundedResult {
  alpha: number;
  /** Global test: χ² against the (1 − α) quantile with dof = rank of the reduced balances. */
  critical: number;
  pass: boolean;
  pValue: number;
  /** Šidák-corrected critical |z| of the measurement test over the tested measurements. */
  measurementCritical: number;
  measurementTested: number;
  /** Šidák-corrected critical |z| of the nodal test over the balance rows. */
  nodalCritical: number;
  /** Flows whose |z| exceeds the measurement-test critical value. */
  measurementFailures: number[];
  /** Rows whose |r|/σ_r exceeds the nodal critical value. */
  nodalFailures: number[];
}

/**
 * Reconciles (with bounds) and runs the three classical tests (Narasimhan & Jordache 2000, ch. 7):
 * the global test χ² = rᵀ(AVAᵀ)⁻¹r ~ χ²(dof); the measurement test |z_j| ~ N(0,1) against the
 * Šidák-corrected critical value; the nodal test |r_i|/√(AVAᵀ)_ii ~ N(0,1), likewise corrected.
 *
 * @example
 * // a chain of four measured flows (100, 101, 120, 99; σ = 1) through three nodes: χ² = 302 against the
 * // 95 % quantile χ²(3) = 7.81 — the global test fails
 * const network = networkFromIncidence([[1, -1, 0, 0], [0, 1, -1, 0], [0, 0, 1, -1]]);
 * const r = reconcileAndTest({ network, measured: Float64Array.of(100, 101, 120, 99), sd: Float64Array.of(1, 1, 1, 1) });
 * [roundTo(r.chi2, 6), r.dof, roundTo(r.critical, 2), r.pass] // => [302, 3, 7.81, false]
 */
export function reconcileAndTest(p: BoundedProblem, options: TestOptions = {}): TestedResult {
  const alpha = options.alpha ?? defaultSignificance.alpha;
  const r = reconcileBounded(p, options);
  const critical = chiSquareCritical(r.dof, alpha);
  const z = r.z; // a local: the loops then read a plain typed array, not a property of the spread result
  let tested = 0;
  for (let j = 0; j < z.length; j++) if (!Number.isNaN(z[j]!)) tested++;
  const measurementCritical = sidakNormalCritical(tested, alpha);
  const nodalCritical = sidakNormalCritical(r.rows.length, alpha);
  const measurementFailures: number[] = [];
  for (let j = 0; j < z.length; j++) if (Math.abs(z[j]!) > measurementCritical) measurementFailures.push(j);
  const nodalFailures: number[] = [];
  r.rows.forEach((row, i) => {
    if (row.sd > 0 && Math.abs(row.residual) / row.sd > nodalCritical) nodalFailures.push(i);
  });
  return {
    ...r,
    alpha,
    critical,
    pass: r.dof === 0 || r.chi2 <= critical,
    pValue: chiSquarePValue(r.chi2, r.dof),
    measurementCritical,
    measurementTested: tested,
    nodalCritical,
    measurementFailures,
    nodalFailures,
  };
}

export interface EliminationStep {
  kind: 'meter' | 'leak';
  /** The excluded measurement (kind 'meter'). */
  flow?: number;
  /** The nodes of the balance given an unknown leak (kind 'leak'). */
  nodes?: number[];
  /** Expected χ² reduction: z² for a meter, λ²/(S⁻¹)ᵢᵢ for a leak (generalised likelihood ratio). */
  statistic: number;
  /** Statistics of a meter and a leak that explain the data equally well (a boundary flow's meter vs its node). */
  equivalent?: { kind: 'meter' | 'leak'; flow?: number; nodes?: number[] }[];
  chi2Before: number;
  chi2After: number;
  dofAfter: number;
  passAfter: boolean;
  /** Meter: measured value, its reconciled value with it, and the value the other meters imply without it. */
  measured?: number;
  reconciledBefore?: number;
  reconciledAfter?: number;
  sdAfter?: number;
  /** Leak: the estimated unknown outflow (negative = a missing inflow) and its σ. */
  leakValue?: number;
  leakSd?: number;
}

export interface EliminationResult {
  initial: TestedResult;
  final: TestedResult;
  steps: EliminationStep[];
  excluded: Uint8Array;
  leakNodes: number[];
}

/**
 * Serial elimination (Ripps 1965; Narasimhan & Jordache 2000, §8.3 with the GLR test of
 * Narasimhan & Mah 1987): while the global test fails, take the hypothesis that lowers χ² most —
 * excluding one measurement (statistic z_j²) or adding an unknown leak at one balance
 * (statistic λ_i²/(S⁻¹)_ii) — apply it, re-reconcile, and repeat. Trusted flows are never excluded.
 *
 * @example
 * // the same chain: excluding flow 2 (120) drops χ² from 302 to 2 and the rest passes
 * const network = networkFromIncidence([[1, -1, 0, 0], [0, 1, -1, 0], [0, 0, 1, -1]]);
 * const r = serialElimination({ network, measured: Float64Array.of(100, 101, 120, 99), sd: Float64Array.of(1, 1, 1, 1) });
 * r.steps.map((s) => [s.flow, roundTo(s.chi2After, 6), s.passAfter]) // => [[2, 2, true]]
 */
export function serialElimination(p: BoundedProblem, options: TestOptions = {}): EliminationResult {
  const n = p.network.from.length;
  const excluded = p.excluded ? Uint8Array.from(p.excluded) : new Uint8Array(n);
  const leakNodes = [...(p.leakNodes ?? [])];
  const maxSteps = options.maxSteps ?? maxEliminationSteps.steps;
  const run = () => reconcileAndTest({ ...p, excluded, leakNodes }, options);
  const initial = run();
  let current = initial;
  const steps: EliminationStep[] = [];
  const tieTol = 1e-9;
  while (!current.pass && steps.length < maxSteps) {
    type Candidate = { kind: 'meter' | 'leak'; flow?: number; row?: number; statistic: number; relativeError: number };
    const cands: Candidate[] = [];
    for (let j = 0; j < n; j++) {
      if (current.status[j] !== FlowStatus.redundant || Number.isNaN(current.z[j]!) || options.trusted?.[j]) continue;
      // GLR estimate of the bias: b̂ = (Aᵀλ)_j / q_j = z² / (Aᵀλ)_j.
      const bias = current.atLambda[j] === 0 ? 0 : current.z[j]! ** 2 / current.atLambda[j]!;
      cands.push({
        kind: 'meter',
        flow: j,
        statistic: current.z[j]! ** 2,
        relativeError: Math.abs(bias / p.measured[j]!),
      });
    }
    if (options.leaks !== false)
      current.rows.forEach((row, i) => {
        if (Number.isFinite(row.leakStatistic))
          cands.push({ kind: 'leak', row: i, statistic: row.leakStatistic, relativeError: Infinity });
      });
    // The largest χ² reduction wins. Hypotheses that explain the data equally well are ranked:
    // a meter before a leak, then the smallest relative correction (a meter 60 % off is likelier
    // than one off by a factor of 600), then the model's order.
    let best: Candidate | undefined;
    const maxStat = cands.reduce((m, c) => Math.max(m, c.statistic), 0);
    for (const c of cands) {
      if (c.statistic < maxStat * (1 - tieTol)) continue;
      if (
        !best ||
        (best.kind === 'leak' && c.kind === 'meter') ||
        (best.kind === c.kind && c.relativeError < best.relativeError)
      )
        best = c;
    }
    if (!best) break;
    const top = best;
    const equivalent = cands
      .filter((c) => c !== top && Math.abs(c.statistic - top.statistic) <= tieTol * top.statistic)
      .map((c) =>
        c.kind === 'meter' ? { kind: c.kind, flow: c.flow } : { kind: c.kind, nodes: current.rows[c.row!]!.nodes },
      );
    const step: EliminationStep = {
      kind: top.kind,
      statistic: top.statistic,
      chi2Before: current.chi2,
      chi2After: 0,
      dofAfter: 0,
      passAfter: false,
    };
    if (equivalent.length > 0) step.equivalent = equivalent;
    if (top.kind === 'meter') {
      const j = top.flow!;
      excluded[j] = 1;
      step.flow = j;
      step.measured = p.measured[j];
      step.reconciledBefore = current.reconciled[j];
    } else {
      const nodes = current.rows[top.row!]!.nodes;
      step.nodes = nodes;
      leakNodes.push(nodes[0]!);
    }
    current = run();
    step.chi2After = current.chi2;
    step.dofAfter = current.dof;
    step.passAfter = current.pass;
    if (top.kind === 'meter') {
      step.reconciledAfter = current.reconciled[step.flow!];
      step.sdAfter = current.reconciledSd[step.flow!];
    } else {
      const leak = current.leaks[current.leaks.length - 1]!;
      step.leakValue = leak.value;
      step.leakSd = leak.sd;
    }
    steps.push(step);
  }
  return { initial, final: current, steps, excluded, leakNodes };
}
