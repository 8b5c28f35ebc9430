"""Writes the golden files in test/golden/cases: for a few traces made by `npm run trace`,
the input and weights together with NumPy's recomputation of every intermediate.

Run with `npm run golden` after changing the weights or the vector table; commit the result.
"""
import json
import os
import subprocess
import sys

from numpy_attention import recompute, to_json

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

CASES = {
    "i-love-tennis-w8": ["--text", "I love tennis.", "--width", "8"],
    "i-love-tennis-w100-noscale": ["--text", "I love tennis.", "--width", "100", "--no-scale", "--no-positions"],
    "cat-w16-h4-causal": ["--text", "The cat sat on the mat because it was tired.", "--width", "16", "--heads", "4", "--causal"],
    "nadal-w32-h2-random-t05": ["--text", "I love Tennis & I am a big fan of Rafael Nadal.", "--width", "32", "--heads", "2", "--weights", "random", "--temperature", "0.5", "--seed", "42"],
    "dont-w4-h2-noscale": ["--text", "Don't you love it?", "--width", "4", "--heads", "2", "--no-scale", "--weights", "random"],
    "learned-cat-w8": ["--text", "The cat sat on the mat because it was tired.", "--weights", "learned"],
    "learned-tennis-w100-h4": ["--text", "I love tennis.", "--width", "100", "--heads", "4", "--weights", "learned"],
}


def main():
    out_dir = os.path.join(HERE, "cases")
    os.makedirs(out_dir, exist_ok=True)
    for name, args in CASES.items():
        result = subprocess.run(
            ["npx", "tsx", "src/cli/trace.ts", *args], cwd=ROOT, check=True, capture_output=True, text=True
        )
        trace = json.loads(result.stdout)
        heads, concat, output = recompute(trace)
        golden = {
            "args": args,
            "settings": trace["settings"],
            "input": trace["input"],
            "wo": trace["wo"],
            "heads": [
                {
                    **{w: head[w] for w in ("wq", "wk", "wv")},
                    "numpy": {key: to_json(value) for key, value in mine.items()},
                }
                for head, mine in zip(trace["heads"], heads)
            ],
            "numpy": {"concat": to_json(concat), "output": to_json(output)},
        }
        with open(os.path.join(out_dir, f"{name}.json"), "w") as f:
            json.dump(golden, f, separators=(",", ":"))
        print(f"wrote {name}.json", file=sys.stderr)


if __name__ == "__main__":
    main()
