import { symUpperMatVec, type CscMatrix } from './sparse.ts';

export interface PcgResult {
  x: Float64Array;
  iterations: number;
  /** ‖b − M·x‖ / ‖b‖, recomputed from x after the iteration (not the recurrence's estimate). */
  relativeResidual: number;
  converged: boolean;
}

/**
 * Jacobi-preconditioned conjugate gradients for a symmetric positive definite matrix stored as its
 * upper triangle (Hestenes & Stiefel 1952; Saad, *Iterative Methods for Sparse Linear Systems*,
 * 2003, alg. 9.1). Converged means the *recomputed* relative residual is within `tol`.
 * No fill, so it suits networks whose random cross-links make a direct factor fill in.
 */
export function pcg(m: CscMatrix, b: ArrayLike<number>, tol = 1e-12, maxIterations = 10 * m.cols + 100): PcgResult {
  const n = m.cols;
  const invDiag = new Float64Array(n).fill(1);
  for (let j = 0; j < n; j++)
    for (let p = m.colPtr[j]!; p < m.colPtr[j + 1]!; p++)
      if (m.rowIndex[p] === j && m.values[p]! > 0) invDiag[j] = 1 / m.values[p]!;
  const x = new Float64Array(n);
  const r = Float64Array.from(b);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  let bnorm = 0;
  for (let i = 0; i < n; i++) bnorm += r[i]! * r[i]!;
  bnorm = Math.sqrt(bnorm);
  if (bnorm === 0) return { x, iterations: 0, relativeResidual: 0, converged: true };
  for (let i = 0; i < n; i++) p[i] = z[i] = r[i]! * invDiag[i]!;
  let rz = 0;
  for (let i = 0; i < n; i++) rz += r[i]! * z[i]!;
  let it = 0;
  for (; it < maxIterations; it++) {
    symUpperMatVec(m, p, q);
    let pq = 0;
    for (let i = 0; i < n; i++) pq += p[i]! * q[i]!;
    const alpha = rz / pq;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * q[i]!;
      rr += r[i]! * r[i]!;
    }
    if (Math.sqrt(rr) <= tol * bnorm * 0.1) break;
    let rzNew = 0;
    for (let i = 0; i < n; i++) {
      z[i] = r[i]! * invDiag[i]!;
      rzNew += r[i]! * z[i]!;
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
  const mx = symUpperMatVec(m, x);
  let res = 0;
  for (let i = 0; i < n; i++) res += (b[i]! - mx[i]!) ** 2;
  const relativeResidual = Math.sqrt(res) / bnorm;
  return { x, iterations: it + 1, relativeResidual, converged: relativeResidual <= tol };
}
