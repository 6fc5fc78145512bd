"""Reference for bench/reconcile-scale.ts: time scipy.sparse.linalg.spsolve on the reduced system
A V A^T lambda = r written by the TypeScript bench (int32 n, int32 nnz, then the upper triangle in
CSC: colPtr int32[n+1], rowIndex int32[nnz], values float64[nnz], then r float64[n]).
Only the solve is timed (best of `reps`); prints {"ms": …}."""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def main() -> None:
    path, reps = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    raw = open(path, "rb").read()
    n, nnz = np.frombuffer(raw, dtype="<i4", count=2)
    off = 8
    colptr = np.frombuffer(raw, dtype="<i4", count=n + 1, offset=off)
    off += 4 * (n + 1)
    rowidx = np.frombuffer(raw, dtype="<i4", count=nnz, offset=off)
    off += 4 * nnz
    vals = np.frombuffer(raw, dtype="<f8", count=nnz, offset=off)
    off += 8 * nnz
    r = np.frombuffer(raw, dtype="<f8", count=n, offset=off)
    upper = sp.csc_matrix((vals, rowidx, colptr), shape=(n, n))
    full = (upper + sp.triu(upper, k=1).T).tocsc()
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        x = spla.spsolve(full, r)
        best = min(best, time.perf_counter() - t0)
    res = np.linalg.norm(full @ x - r) / max(np.linalg.norm(r), 1e-300)
    print(json.dumps({"ms": best * 1000, "relativeResidual": res}))


if __name__ == "__main__":
    main()
