"""Independent NumPy implementation of the attention of DESIGN.md, used to check the core.

It reads only a trace's `input`, its weights and its settings, and recomputes every
intermediate in float64 with NumPy's own matrix product, the way PyTorch's formula
softmax(Q Kᵀ / √dK) V is written.
"""
import json
import math
import sys

import numpy as np


def as_array(rows):
    """JSON rows to a float64 array; null (a masked score) becomes -inf."""
    return np.array([[(-math.inf if x is None else x) for x in row] for row in rows], dtype=np.float64)


def recompute(trace):
    """Every intermediate of the trace, recomputed from input, weights and settings."""
    settings = trace["settings"]
    x = as_array(trace["input"])
    T = x.shape[0]
    heads = []
    for head in trace["heads"]:
        wq, wk, wv = (as_array(head[name]) for name in ("wq", "wk", "wv"))
        q, k, v = x @ wq, x @ wk, x @ wv
        d_k = q.shape[1]
        scores = q @ k.T
        scaled = scores / math.sqrt(d_k) if settings["scale"] else scores.copy()
        masked = scaled.copy()
        if settings["causal"]:
            masked[np.triu_indices(T, k=1)] = -np.inf
        z = masked / settings["temperature"]
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        weights = e / e.sum(axis=1, keepdims=True)
        output = weights @ v
        heads.append(dict(q=q, k=k, v=v, scores=scores, scaled=scaled, masked=masked, weights=weights, output=output))
    concat = np.concatenate([h["output"] for h in heads], axis=1)
    output = concat @ as_array(trace["wo"])
    return heads, concat, output


def to_json(a):
    return [[None if x == -math.inf else float(x) for x in row] for row in a]


def max_error(mine, theirs):
    """Largest difference relative to max(1, |NumPy's value|); masked cells must match exactly."""
    a, b = as_array(mine), np.asarray(theirs)
    if a.shape != b.shape:
        raise ValueError(f"shape {a.shape} vs {b.shape}")
    both_inf = np.isinf(a) & np.isinf(b)
    if (np.isinf(a) != np.isinf(b)).any():
        return math.inf
    a, b = np.where(both_inf, 0, a), np.where(both_inf, 0, b)
    diff = np.abs(a - b) / np.maximum(1, np.abs(b))
    return float(diff.max(initial=0))


def check(trace, tolerance=1e-5):
    """Compares a trace with NumPy's recomputation; returns the worst error per name."""
    heads, concat, output = recompute(trace)
    worst = {}
    for mine, theirs in zip(trace["heads"], heads):
        for name, value in theirs.items():
            worst[name] = max(worst.get(name, 0), max_error(mine[name], value))
    worst["concat"] = max_error(trace["concat"], concat)
    worst["final output"] = max_error(trace["output"], output)
    return worst


if __name__ == "__main__":
    # Usage: npm run trace -- --text "..." | python3 test/golden/numpy_attention.py
    trace = json.load(sys.stdin)
    worst = check(trace)
    for name, err in worst.items():
        print(f"{name:12s} max relative error {err:.2e}")
    bad = [n for n, e in worst.items() if not e <= 1e-5]
    print("OK: NumPy agrees within 1e-5" if not bad else f"MISMATCH in {', '.join(bad)}")
    sys.exit(1 if bad else 0)
