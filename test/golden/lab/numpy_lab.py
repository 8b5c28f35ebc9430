"""Independent NumPy implementation of the Attention Lab's model (issue 11), used to check the
trainer's loss and hand-derived gradients.

It reads only an 'attention-graph-lab' document made with `npm run lab -- --grad-check --json`
(its config, params and batch) and recomputes, in float64, the loss of the batch and the
gradient of every parameter. It is written from the model's definition, not from the
TypeScript: the whole batch at once with einsum, and the softmax backward through the full
Jacobian diag(p) - p pᵀ of each row rather than the shortcut the trainer uses.

    x0 = embed[tokens] + pos                       (B, T, d)   pos left out without positions
    x(l+1) = x(l) + concat_h(softmax(mask(q kᵀ / √dK)) v) · wo
    logits = x_L · unembed + bias                  (B, T, V)
    loss = mean over positions with target ≥ 0 of -log softmax(logits)[target]

Usage: python3 numpy_lab.py DOCUMENT.json   prints NumPy's loss and the largest relative
difference from the document's own loss and gradients.
"""
import json
import math
import sys

import numpy as np


def arr(rows):
    return np.array(rows, dtype=np.float64)


def read_params(params):
    """The parameters as float64 arrays, in the document's nesting."""
    return {
        "embed": arr(params["embed"]),
        "pos": arr(params["pos"]),
        "layers": [
            {
                "heads": [{name: arr(head[name]) for name in ("wq", "wk", "wv")} for head in layer["heads"]],
                "wo": arr(layer["wo"]),
            }
            for layer in params["layers"]
        ],
        "unembed": arr(params["unembed"]),
        "bias": arr(params["bias"]),
    }


def softmax_rows(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def loss_and_grads(doc):
    """The batch's loss and the gradient of every parameter, as nested float64 arrays."""
    cfg = doc["config"]
    p = read_params(doc["params"])
    tokens = np.array(doc["batch"]["tokens"], dtype=np.int64)  # (B, T)
    targets = np.array(doc["batch"]["targets"], dtype=np.int64)  # (B, T)
    B, T = tokens.shape
    V = p["embed"].shape[0]
    scale = 1.0 / math.sqrt(cfg["dK"]) if cfg["scale"] else 1.0
    future = np.triu(np.ones((T, T), dtype=bool), k=1)

    # Forward, keeping what the backward pass needs.
    x = p["embed"][tokens] + (p["pos"][None, :, :] if cfg["positions"] else 0.0)  # (B, T, d)
    caches = []
    for layer in p["layers"]:
        heads = []
        for h in layer["heads"]:
            q = x @ h["wq"]  # (B, T, dK)
            k = x @ h["wk"]
            v = x @ h["wv"]
            s = np.einsum("bik,bjk->bij", q, k) * scale  # (B, T, T)
            if cfg["causal"]:
                s = np.where(future[None], -np.inf, s)
            w = softmax_rows(s)
            heads.append(dict(q=q, k=k, v=v, w=w, o=w @ v))
        concat = np.concatenate([hd["o"] for hd in heads], axis=-1)  # (B, T, H·dK)
        caches.append(dict(x=x, heads=heads, concat=concat))
        x = x + concat @ layer["wo"]
    logits = x @ p["unembed"] + p["bias"]  # (B, T, V)

    answer = targets >= 0
    n = answer.sum()
    z = logits - logits.max(axis=-1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    safe = np.where(answer, targets, 0)
    picked = np.take_along_axis(log_probs, safe[..., None], axis=-1)[..., 0]
    loss = -(picked * answer).sum() / n

    # Backward.
    onehot = np.eye(V)[safe]
    dlogits = (np.exp(log_probs) - onehot) * answer[..., None] / n  # (B, T, V)
    grads = {
        "unembed": np.einsum("btd,btv->dv", x, dlogits),
        "bias": dlogits.sum(axis=(0, 1)),
        "layers": [None] * len(p["layers"]),
    }
    dx = dlogits @ p["unembed"].T  # (B, T, d)
    for l in reversed(range(len(p["layers"]))):
        layer, cache = p["layers"][l], caches[l]
        xin = cache["x"]
        d_out = dx
        g_wo = np.einsum("btc,btd->cd", cache["concat"], d_out)
        d_concat = d_out @ layer["wo"].T  # (B, T, H·dK)
        dx_in = dx.copy()  # the residual path
        head_grads = []
        dk_size = layer["heads"][0]["wq"].shape[1]
        for i, (h, hc) in enumerate(zip(layer["heads"], cache["heads"])):
            d_o = d_concat[..., i * dk_size:(i + 1) * dk_size]  # (B, T, dK)
            d_v = np.einsum("bij,bik->bjk", hc["w"], d_o)
            d_w = np.einsum("bik,bjk->bij", d_o, hc["v"])  # (B, T, T)
            # Row by row, dS = J dW with the softmax Jacobian J = diag(w) - w wᵀ.
            jac = np.einsum("bij,jk->bijk", hc["w"], np.eye(T)) - np.einsum("bij,bik->bijk", hc["w"], hc["w"])
            d_s = np.einsum("bijk,bik->bij", jac, d_w) * scale
            d_q = np.einsum("bij,bjk->bik", d_s, hc["k"])
            d_k = np.einsum("bij,bik->bjk", d_s, hc["q"])
            head_grads.append(
                {
                    "wq": np.einsum("btd,btk->dk", xin, d_q),
                    "wk": np.einsum("btd,btk->dk", xin, d_k),
                    "wv": np.einsum("btd,btk->dk", xin, d_v),
                }
            )
            dx_in = dx_in + d_q @ h["wq"].T + d_k @ h["wk"].T + d_v @ h["wv"].T
        grads["layers"][l] = {"heads": head_grads, "wo": g_wo}
        dx = dx_in
    d_embed = np.zeros_like(p["embed"])
    np.add.at(d_embed, tokens, dx)
    grads["embed"] = d_embed
    grads["pos"] = dx.sum(axis=0) if cfg["positions"] else np.zeros_like(p["pos"])
    return float(loss), grads


def to_json(grads):
    """Nested arrays to nested lists, in the document's key order."""
    return {
        "embed": grads["embed"].tolist(),
        "pos": grads["pos"].tolist(),
        "layers": [
            {"heads": [{k: h[k].tolist() for k in ("wq", "wk", "wv")} for h in layer["heads"]], "wo": layer["wo"].tolist()}
            for layer in grads["layers"]
        ],
        "unembed": grads["unembed"].tolist(),
        "bias": grads["bias"].tolist(),
    }


def flat(tree):
    """Every number of a nested structure, in order."""
    if isinstance(tree, dict):
        return [x for key in ("embed", "pos", "layers", "heads", "wq", "wk", "wv", "wo", "unembed", "bias") if key in tree for x in flat(tree[key])]
    if isinstance(tree, list):
        return [x for item in tree for x in flat(item)]
    return [tree]


def main():
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    loss, grads = loss_and_grads(doc)
    ours = np.array(flat(to_json(grads)))
    theirs = np.array(flat(doc["grads"]))
    rel = np.abs(ours - theirs) / np.maximum(np.abs(ours), 1e-12)
    print(f"numpy loss {loss!r}, document loss {doc['loss']!r}")
    print(f"largest relative difference of {ours.size} gradients: {rel.max():.3e}")


if __name__ == "__main__":
    main()
