import type { SymmetricAdjacency } from './sparse.ts';

/**
 * Approximate minimum degree ordering (Amestoy, Davis & Duff, "An approximate minimum degree
 * ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4), 1996; George & Liu, "The evolution of the
 * minimum degree ordering algorithm", SIAM Review 31(1), 1989). Written from the papers for
 * pingheng (docs/reconcile.md, "Ordering"): npm has no sparse ordering, and the C and Fortran AMD
 * and CSparse's port in mathjs are LGPL.
 *
 * Elimination runs on the quotient graph: an eliminated pivot p becomes an *element* whose list
 * L_p holds the variables of its clique (the pattern of column p of L), so fill is never stored.
 * A variable's list holds its elements, then its remaining variable neighbours. Per pivot:
 * - L_p = A_p ∪ ⋃ L_e over p's elements e, which are absorbed into p;
 * - for each e adjacent to L_p, |L_e \ L_p| by counting down from |L_e| (the weights w);
 * - each i ∈ L_p gets the approximate external degree
 *     d_i = min(n_left − |i|, d_i(old) + |L_p \ i|, |A_i \ i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p|),
 *   an upper bound on the true degree, tight for the nodes of least degree;
 * - elements with L_e ⊆ L_p are absorbed (aggressive absorption), variables whose lists became
 *   equal merge into supervariables (found by a hash of the list), and a variable left with p as
 *   its only neighbour is eliminated with p (mass elimination).
 * Rows of more than max(16, 10√n) entries are set aside and ordered last (they would make every
 * degree update scan them, and a hub is eliminated last anyway).
 *
 * Returns `perm` with `perm[new] = old`. Deterministic: ties go to the most recently listed node.
 */
export function approximateMinimumDegree(g: SymmetricAdjacency): Int32Array {
  const n = g.ptr.length - 1;
  const q = new QuotientGraph(g);
  q.run();
  if (q.orderCount !== n) throw new Error(`AMD ordered ${q.orderCount} of ${n} nodes`);
  return q.order;
}

const VARIABLE = 0;
const ELEMENT = 1;
/** An absorbed element, a variable merged into a supervariable or eliminated, or a dense row set aside. */
const DEAD = 2;

/** The stamp of `w` and `mark` restarts below this, so stamps never overflow an Int32. */
const STAMP_LIMIT = 1 << 30;

/** The quotient graph and the scratch arrays of one ordering. Lists live in one growable Int32Array `iw`. */
class QuotientGraph {
  readonly n: number;
  iw: Int32Array;
  pfree: number;
  readonly pe: Int32Array;
  readonly len: Int32Array;
  /** Variables: how many entries at the front of the list are elements. */
  readonly elen: Int32Array;
  readonly kind: Uint8Array;
  /** Supervariable weight (0 for a merged or dead node); negative while the variable is in L_p. */
  readonly nv: Int32Array;
  /** Variables: approximate external degree; elements: weighted |L_e|. */
  readonly degree: Int32Array;
  /** Degree buckets (doubly linked lists). */
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** w[e] − wflg = |L_e \ L_p| for the elements met in the current step. */
  readonly w: Int32Array;
  wflg = 1;
  /** Stamps for comparing two lists. */
  readonly mark: Int32Array;
  stamp = 0;
  readonly hash: Int32Array;
  readonly hashHead: Int32Array;
  readonly hashNext: Int32Array;
  /** Members of each supervariable, as a linked list: the first is the supervariable itself. */
  readonly chainNext: Int32Array;
  readonly chainTail: Int32Array;
  readonly order: Int32Array;
  orderCount = 0;
  /** Weighted count of eliminated variables, and of those taking part (dense rows excluded). */
  eliminated = 0;
  live: number;
  mindeg = 0;
  /** L_p of the current step, as positions in iw. */
  lpStart = 0;
  lpEnd = 0;

  constructor(g: SymmetricAdjacency) {
    const n = g.ptr.length - 1;
    this.n = n;
    const nnz = g.ptr[n]!;
    this.iw = new Int32Array(nnz + Math.max(nnz >> 1, 4 * n) + 16);
    this.iw.set(g.adj.subarray(0, nnz));
    this.pfree = nnz;
    this.pe = g.ptr.slice(0, n);
    this.len = new Int32Array(n);
    this.elen = new Int32Array(n);
    this.kind = new Uint8Array(n);
    this.nv = new Int32Array(n).fill(1);
    this.degree = new Int32Array(n);
    this.head = new Int32Array(n + 1).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.w = new Int32Array(n);
    this.mark = new Int32Array(n);
    this.hash = new Int32Array(n);
    this.hashHead = new Int32Array(n).fill(-1);
    this.hashNext = new Int32Array(n).fill(-1);
    this.chainNext = new Int32Array(n).fill(-1);
    this.chainTail = new Int32Array(n);
    this.order = new Int32Array(n);
    const dense = Math.max(16, Math.floor(10 * Math.sqrt(n)));
    const denseRows: number[] = [];
    for (let i = 0; i < n; i++) {
      this.len[i] = g.ptr[i + 1]! - g.ptr[i]!;
      this.chainTail[i] = i;
      if (this.len[i]! > dense) {
        this.kind[i] = DEAD;
        this.nv[i] = 0;
        denseRows.push(i);
      }
    }
    this.live = n - denseRows.length;
    this.dense = denseRows;
    for (let i = 0; i < n; i++) {
      if (this.kind[i] === DEAD) continue;
      let d = 0;
      for (let p = this.pe[i]!, e = p + this.len[i]!; p < e; p++) if (this.nv[this.iw[p]!]! > 0) d++;
      this.degree[i] = d;
      this.insert(i, d);
    }
  }

  readonly dense: number[];

  run(): void {
    while (this.eliminated < this.live) this.eliminate(this.pickPivot());
    for (const i of this.dense) this.order[this.orderCount++] = i;
  }

  insert(i: number, d: number): void {
    const h = this.head[d]!;
    this.next[i] = h;
    this.prev[i] = -1;
    if (h !== -1) this.prev[h] = i;
    this.head[d] = i;
    if (d < this.mindeg) this.mindeg = d;
  }

  remove(i: number): void {
    const { next, prev } = this;
    const a = prev[i]!;
    const b = next[i]!;
    if (b !== -1) prev[b] = a;
    if (a !== -1) next[a] = b;
    else this.head[this.degree[i]!] = b;
  }

  pickPivot(): number {
    const { head } = this;
    let d = this.mindeg;
    while (head[d] === -1) d++;
    this.mindeg = d;
    const p = head[d]!;
    this.remove(p);
    return p;
  }

  /** Appends a supervariable's members to the elimination order. */
  emit(i: number): void {
    const { chainNext, order } = this;
    for (let x = i; x !== -1; x = chainNext[x]!) order[this.orderCount++] = x;
  }

  eliminate(p: number): void {
    const { nv, kind, degree } = this;
    let nvpiv = nv[p]!;
    this.eliminated += nvpiv;
    nv[p] = -nvpiv;
    let degme = this.buildElement(p);
    kind[p] = ELEMENT;
    this.emit(p);
    this.countOutside();
    // degree update, pruning, mass elimination
    const { iw } = this;
    for (let k = this.lpStart; k < this.lpEnd; k++) {
      const i = iw[k]!;
      if (!this.updateVariable(i, p)) {
        // mass elimination: p is i's only neighbour
        const nvi = -nv[i]!;
        degme -= nvi;
        nvpiv += nvi;
        this.eliminated += nvi;
        nv[i] = 0;
        kind[i] = DEAD;
        this.emit(i);
      }
    }
    degree[p] = degme;
    this.mergeSupervariables();
    // final degrees; L_p keeps its live variables
    const left = this.live - this.eliminated;
    let write = this.lpStart;
    for (let k = this.lpStart; k < this.lpEnd; k++) {
      const i = this.iw[k]!;
      if (nv[i]! >= 0) continue; // merged or mass-eliminated
      const nvi = -nv[i]!;
      const d = Math.min(degree[i]! + degme - nvi, left - nvi);
      degree[i] = d;
      nv[i] = nvi;
      this.insert(i, d);
      this.iw[write++] = i;
    }
    this.len[p] = write - this.lpStart;
    nv[p] = nvpiv;
    if (this.len[p] === 0) kind[p] = DEAD;
    this.wflg += this.n + 1;
    if (this.wflg > STAMP_LIMIT) {
      this.w.fill(0);
      this.wflg = 1;
    }
  }

  /**
   * L_p: the live variables of p's own list and of its elements' lists, each flagged (nv < 0) and
   * taken out of its degree bucket; p's elements are absorbed. Built in place when p has no
   * elements (L_p ⊆ A_p), else at the end of iw. Returns the weighted |L_p|.
   */
  buildElement(p: number): number {
    const { nv, kind, pe, len, elen } = this;
    let degme = 0;
    const start = pe[p]!;
    const end = start + len[p]!;
    const elenp = elen[p]!;
    if (elenp === 0) {
      const iw = this.iw;
      let write = start;
      for (let k = start; k < end; k++) {
        const i = iw[k]!;
        if (kind[i] !== VARIABLE || nv[i]! <= 0) continue;
        degme += nv[i]!;
        nv[i] = -nv[i]!;
        this.remove(i);
        iw[write++] = i;
      }
      this.lpStart = start;
      this.lpEnd = write;
      return degme;
    }
    let bound = end - start - elenp;
    for (let k = start; k < start + elenp; k++) {
      const e = this.iw[k]!;
      if (kind[e] === ELEMENT) bound += len[e]!;
    }
    this.reserve(Math.min(bound, this.n));
    const iw = this.iw; // reserve may have moved it, and p's list with it
    const s = pe[p]!;
    const lp = this.pfree;
    let write = lp;
    for (let k = s; k < s + len[p]!; k++) {
      const x = iw[k]!;
      let from = k;
      let to = k + 1;
      if (k < s + elenp) {
        if (kind[x] !== ELEMENT) continue;
        from = pe[x]!;
        to = from + len[x]!;
        kind[x] = DEAD; // absorbed into p
      }
      for (let q = from; q < to; q++) {
        const i = iw[q]!;
        if (kind[i] !== VARIABLE || nv[i]! <= 0) continue;
        degme += nv[i]!;
        nv[i] = -nv[i]!;
        this.remove(i);
        iw[write++] = i;
      }
    }
    pe[p] = lp;
    len[p] = write - lp;
    this.pfree = write;
    this.lpStart = lp;
    this.lpEnd = write;
    return degme;
  }

  /** w[e] − wflg = |L_e \ L_p| for every live element e ≠ p adjacent to a variable of L_p. */
  countOutside(): void {
    const { iw, nv, kind, pe, elen, w, degree, wflg } = this;
    for (let k = this.lpStart; k < this.lpEnd; k++) {
      const i = iw[k]!;
      const nvi = -nv[i]!;
      for (let q = pe[i]!, e = q + elen[i]!; q < e; q++) {
        const el = iw[q]!;
        if (kind[el] !== ELEMENT) continue;
        const we = w[el]!;
        w[el] = we >= wflg ? we - nvi : degree[el]! + wflg - nvi;
      }
    }
  }

  /**
   * Rewrites i's list as [p, its other live elements, its live variables outside L_p], absorbing
   * elements inside L_p, and lowers its degree bound; false when p is all that is left (i is
   * eliminated with p).
   */
  updateVariable(i: number, p: number): boolean {
    const { iw, nv, kind, pe, len, elen, w, wflg } = this;
    const start = pe[i]!;
    const eEnd = start + elen[i]!;
    const end = start + len[i]!;
    let write = start;
    let deg = 0;
    let h = 0;
    for (let q = start; q < eEnd; q++) {
      const e = iw[q]!;
      if (kind[e] !== ELEMENT || e === p) continue;
      const dext = w[e]! - wflg;
      if (dext > 0) {
        deg += dext;
        iw[write++] = e;
        h += e;
      } else kind[e] = DEAD; // L_e ⊆ L_p: aggressive absorption
    }
    const elements = write - start;
    for (let q = eEnd; q < end; q++) {
      const j = iw[q]!;
      if (kind[j] !== VARIABLE || nv[j]! <= 0) continue; // in L_p (p included), merged or dead
      deg += nv[j]!;
      iw[write++] = j;
      h += j;
    }
    if (write === start) return false;
    // p goes first: every list lost an entry (p itself, or an element absorbed into p), so it fits
    iw.copyWithin(start + 1, start, write);
    iw[start] = p;
    len[i] = write - start + 1;
    elen[i] = elements + 1;
    if (deg < this.degree[i]!) this.degree[i] = deg;
    this.hash[i] = (h + p) % this.n;
    return true;
  }

  /** Variables of L_p with equal lists (so equal adjacency) become one supervariable. */
  mergeSupervariables(): void {
    const { iw, nv, kind, pe, len, elen, hash, hashHead, hashNext, mark } = this;
    for (let k = this.lpStart; k < this.lpEnd; k++) {
      const i = iw[k]!;
      if (nv[i]! >= 0) continue;
      const b = hash[i]!;
      hashNext[i] = hashHead[b]!;
      hashHead[b] = i;
    }
    for (let k = this.lpStart; k < this.lpEnd; k++) {
      const first = iw[k]!;
      if (nv[first]! >= 0) continue;
      const b = hash[first]!;
      if (hashHead[b] === -1) continue; // bucket done
      for (let i = hashHead[b]!; i !== -1; i = hashNext[i]!) {
        if (nv[i]! >= 0 || hashNext[i] === -1) continue;
        if (++this.stamp > STAMP_LIMIT) {
          mark.fill(0);
          this.stamp = 1;
        }
        const s = this.stamp;
        for (let q = pe[i]!, e = q + len[i]!; q < e; q++) mark[iw[q]!] = s;
        for (let prevJ = i, j = hashNext[i]!; j !== -1; j = hashNext[j]!) {
          let same = nv[j]! < 0 && len[j] === len[i] && elen[j] === elen[i];
          for (let q = pe[j]!, e = q + len[j]!; same && q < e; q++) same = mark[iw[q]!] === s;
          if (!same) {
            prevJ = j;
            continue;
          }
          nv[i]! += nv[j]!; // both negative while in L_p
          nv[j] = 0;
          kind[j] = DEAD;
          this.chainNext[this.chainTail[i]!] = j;
          this.chainTail[i] = this.chainTail[j]!;
          hashNext[prevJ] = hashNext[j]!;
        }
      }
      hashHead[b] = -1;
    }
  }

  /** Makes room for `need` entries at pfree: compacts the live lists, and grows iw if that is not enough. */
  reserve(need: number): void {
    if (this.pfree + need <= this.iw.length) return;
    this.compact();
    if (this.pfree + need <= this.iw.length) return;
    const bigger = new Int32Array(Math.max(2 * this.iw.length, this.pfree + need + this.n));
    bigger.set(this.iw.subarray(0, this.pfree));
    this.iw = bigger;
  }

  /**
   * Moves every live list to the front of iw, in place: each list's first entry is swapped for a
   * marker −(owner + 1) (entries are ≥ 0), so one sweep finds the lists in storage order.
   */
  compact(): void {
    const { iw, pe, len, kind, nv, n } = this;
    for (let x = 0; x < n; x++) {
      const alive = kind[x] === ELEMENT || (kind[x] === VARIABLE && nv[x] !== 0);
      if (!alive || len[x] === 0) continue;
      const at = pe[x]!;
      pe[x] = iw[at]!;
      iw[at] = -(x + 1);
    }
    let dst = 0;
    for (let src = 0; src < this.pfree; ) {
      const v = iw[src]!;
      if (v >= 0) {
        src++;
        continue;
      }
      const x = -v - 1;
      const l = len[x]!;
      iw[src] = pe[x]!;
      iw.copyWithin(dst, src, src + l);
      pe[x] = dst;
      dst += l;
      src += l;
    }
    this.pfree = dst;
  }
}
