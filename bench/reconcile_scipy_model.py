"""Reference for the end-to-end benchmark (bench/reconcile-scale.ts): the same model file that
`pingheng reconcile` reads, reconciled the textbook way with scipy — unmeasured flows eliminated by
merging the nodes they join, then lambda = (A V A^T)^-1 A m by spsolve, x = m - V A^T lambda,
chi2 = r . lambda. No tests, no variances: a lower bound on what a python user would write.
Prints {"chi2": ..., "dof": ..., "ms": ...} (ms: after imports, file read to result)."""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

t0 = time.perf_counter()
model = json.load(open(sys.argv[1], encoding="utf-8"))
index = {node["id"]: i for i, node in enumerate(model["nodes"])}
env = len(index)
parent = list(range(env + 1))


def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


ends = [(env if f["from"] is None else index[f["from"]], env if f["to"] is None else index[f["to"]]) for f in model["flows"]]
for f, (a, b) in zip(model["flows"], ends):
    if "value" not in f:
        parent[find(a)] = find(b)
group = [find(v) for v in range(env + 1)]
# a set of groups joined by measured flows but not to the outside has one balance too many: drop one
for f, (a, b) in zip(model["flows"], ends):
    if "value" in f:
        parent[find(group[a])] = find(group[b])
outside = find(group[env])
row_of, dropped = {}, {outside}
for v in range(env):
    g, c = group[v], find(group[v])
    if g in row_of or g == group[env]:
        continue
    if c not in dropped:
        dropped.add(c)
        continue
    row_of[g] = len(row_of)
rows, cols, vals, m, var = [], [], [], [], []
for f, (a, b) in zip(model["flows"], ends):
    if "value" not in f or group[a] == group[b]:
        continue
    k = len(m)
    m.append(f["value"])
    var.append(f["sd"] ** 2)
    for g, s in ((group[b], 1.0), (group[a], -1.0)):
        if g in row_of:
            rows.append(row_of[g])
            cols.append(k)
            vals.append(s)
A = sp.csr_matrix((vals, (rows, cols)), shape=(len(row_of), len(m)))
m, var = np.array(m), np.array(var)
r = A @ m
lam = spla.spsolve((A @ sp.diags(var) @ A.T).tocsc(), r)
x = m - var * (A.T @ lam)
print(json.dumps({"chi2": float(r @ lam), "dof": len(row_of), "ms": (time.perf_counter() - t0) * 1000}))
