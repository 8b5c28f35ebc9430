"""Writes test/golden/covering/covering_edges.json: rows of attention weights and, for a few
coverages, the covering edges NumPy finds for them (the rule of `coveringEdges` in
src/viz/graph/edges.ts, recomputed independently with NumPy's sorts and cumulative sums).

Run with `python3 test/golden/covering_edges.py` after changing the rule; commit the result.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
COVERAGES = [0.0, 0.5, 0.8, 0.9, 0.95, 1.0]
# The relative slack of the TypeScript rule (COVER_SLACK): a row summed in float64 may
# miss its own total by a few ulps.
SLACK = 1e-9


def rows(rng):
    """Softmax rows of every sharpness, masked rows and rows full of ties, as float32."""
    out = []
    for t in [1, 2, 3, 4, 7, 11, 16, 40, 128]:
        for scale in [0.1, 1.0, 3.0, 10.0]:
            z = rng.normal(size=t) * scale
            w = np.exp(z - z.max())
            out.append((w / w.sum()).astype(np.float32))
        # A causal row: the later keys masked to weight 0.
        z = rng.normal(size=t) * 2.0
        w = np.exp(z - z.max())
        w[t // 2 + 1 :] = 0
        out.append((w / w.sum()).astype(np.float32))
        # Ties: a few distinct values, repeated.
        k = rng.integers(0, 4, size=t).astype(np.float64)
        if k.sum() == 0:
            k[0] = 1
        out.append((k / k.sum()).astype(np.float32))
    out.append(np.full(5, 0.2, dtype=np.float32))
    out.append(np.zeros(3, dtype=np.float32))
    return out


def covering(row, coverage):
    """Indices of the strongest weights, ties to the lower index, until `coverage` is covered."""
    w = row.astype(np.float64)
    idx = np.flatnonzero(w > 0)
    if idx.size == 0:
        return []
    # lexsort sorts by the last key first: by weight descending, then by index.
    order = idx[np.lexsort((idx, -w[idx]))]
    if coverage >= 1:
        return order.tolist()
    total = 0.0
    for j in idx:  # in index order, as the TypeScript sums them
        total += w[j]
    goal = max(0.0, coverage) * total * (1 - SLACK)
    reached = np.cumsum(w[order]) >= goal
    k = int(np.argmax(reached)) + 1 if reached.any() else order.size
    return order[:k].tolist()


def main():
    rng = np.random.default_rng(13)
    cases = []
    for row in rows(rng):
        cases.append(
            {
                # float32 values written exactly (repr of the float64 they widen to).
                "row": [float(x) for x in row],
                "covering": {str(c): covering(row, c) for c in COVERAGES},
            }
        )
    path = os.path.join(HERE, "covering", "covering_edges.json")
    with open(path, "w") as f:
        json.dump({"coverages": COVERAGES, "cases": cases}, f)
        f.write("\n")
    print(f"wrote {len(cases)} rows to {os.path.relpath(path)}")


if __name__ == "__main__":
    main()
