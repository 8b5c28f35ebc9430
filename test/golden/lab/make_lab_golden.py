"""Writes the golden files in test/golden/lab/cases: for a few models made by
`npm run lab -- --grad-check --json`, the configuration, parameters and batch together with
NumPy's loss and gradients (numpy_lab.py). test/core/lab/golden.test.ts recomputes them with
the trainer and compares; it reads only these files and never runs Python.

Run with `python3 test/golden/lab/make_lab_golden.py` after changing the tasks or the
initialisation; commit the result.
"""
import json
import os
import subprocess
import sys

from numpy_lab import loss_and_grads, to_json

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))

CASES = {
    "lookup-defaults-step20": ["--task", "lookup", "--steps", "20", "--batch", "4"],
    "previous-w8-h2-step10": ["--task", "previous", "--width", "8", "--heads", "2", "--steps", "10", "--batch", "3"],
    "reverse-w8-nopositions": ["--task", "reverse", "--width", "8", "--no-positions", "--steps", "5", "--batch", "3"],
    "induction-2layers-2heads-step30": ["--task", "induction", "--width", "8", "--heads", "2", "--steps", "30", "--batch", "3"],
    "induction-3layers-3heads-w7-nopositions": [
        "--task", "induction", "--layers", "3", "--heads", "3", "--width", "7", "--no-positions", "--steps", "3", "--batch", "2", "--seed", "42",
    ],
}


def main():
    out_dir = os.path.join(HERE, "cases")
    os.makedirs(out_dir, exist_ok=True)
    for name, args in CASES.items():
        result = subprocess.run(
            ["npx", "tsx", "src/cli/lab.ts", *args, "--grad-check", "--json"],
            cwd=ROOT, check=True, capture_output=True, text=True,
        )
        doc = json.loads(result.stdout)
        loss, grads = loss_and_grads(doc)
        golden = {
            "args": args,
            "document": {key: doc[key] for key in ("format", "version", "task", "vocab", "config", "params", "batch")},
            "numpy": {"loss": loss, "grads": to_json(grads)},
        }
        with open(os.path.join(out_dir, f"{name}.json"), "w") as f:
            json.dump(golden, f, separators=(",", ":"))
        print(f"wrote {name}.json (numpy loss {loss:.6f}, trainer loss {doc['loss']:.6f})", file=sys.stderr)


if __name__ == "__main__":
    main()
