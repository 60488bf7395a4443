#!/usr/bin/env python3
"""Train the suggestion model: a logistic regression over explainable cue features.

    python3 scripts/train_suggest.py [SHARED_DIR]   (default ../shared or $CLAIMMARK_SHARED)

Reads NewsSD-ENG (conformance/subjectivity/train.csv, CC BY 4.0; never copied
into this repository), asks the Rust code for each sentence's features
(`claimmark suggest --jsonl --features`, so Rust stays the one definition of a
feature), fits class-balanced L2 logistic regression (Newton's method, stdlib only),
chooses the L2 strength by 5-fold cross-validation on train (macro-F1), and writes
src/suggest/weights.rs with each weight commented by its feature.
val.csv is only reported, never used for a choice.
"""
import csv
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return os.environ.get("CLAIMMARK_SHARED", os.path.join(ROOT, "..", "shared"))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["Sentence"].strip() for r in rows], [1 if r["Label"] == "SUBJ" else 0 for r in rows]


def features(texts):
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    run = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--", "suggest", "--jsonl", "--features"],
        cwd=ROOT, input=lines, capture_output=True, text=True,
    )
    if run.returncode != 0:
        sys.exit("claimmark suggest --features failed:\n" + run.stderr)
    return [json.loads(l)["features"] for l in run.stdout.splitlines()]


def feature_names():
    src = open(os.path.join(ROOT, "src/suggest/cues.rs"), encoding="utf-8").read()
    block = src.split("pub const FEATURES: &[&str] = &[", 1)[1].split("];", 1)[0]
    return [s.strip().strip('",') for s in block.split("\n") if s.strip()]


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(x, y, l2):
    """Class-balanced L2 logistic regression; returns [bias, w...]."""
    n, d = len(x), len(x[0]) + 1
    pos = sum(y)
    cw = {1: n / (2.0 * max(pos, 1)), 0: n / (2.0 * max(n - pos, 1))}
    xs = [[1.0] + r for r in x]
    w = [0.0] * d
    for _ in range(30):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for xi, yi in zip(xs, y):
            z = sum(a * b for a, b in zip(w, xi))
            p = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            c = cw[yi]
            for j in range(d):
                g[j] += c * (p - yi) * xi[j]
                cj = c * p * (1 - p) * xi[j]
                for k in range(j, d):
                    h[j][k] += cj * xi[k]
        for j in range(d):
            for k in range(j):
                h[j][k] = h[k][j]
            if j > 0:
                g[j] += l2 * w[j]
                h[j][j] += l2
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def predict(w, x):
    return [1 if w[0] + sum(a * b for a, b in zip(w[1:], r)) > 0 else 0 for r in x]


def metrics(y, p):
    cm = [[0, 0], [0, 0]]  # cm[gold][pred]; 0 = OBJ, 1 = SUBJ
    for a, b in zip(y, p):
        cm[a][b] += 1
    f1s = []
    for c in (0, 1):
        tp = cm[c][c]
        fp = cm[1 - c][c]
        fn = cm[c][1 - c]
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    acc = (cm[0][0] + cm[1][1]) / max(len(y), 1)
    return acc, sum(f1s) / 2, cm


def cross_val(x, y, l2, k=5):
    preds = [0] * len(y)
    for f in range(k):
        tr = [i for i in range(len(y)) if i % k != f]
        w = fit([x[i] for i in tr], [y[i] for i in tr], l2)
        for i in range(f, len(y), k):
            preds[i] = predict(w, [x[i]])[0]
    return metrics(y, preds)


def main():
    base = os.path.join(shared_dir(), "conformance", "subjectivity")
    names = feature_names()
    tx, ty = read(os.path.join(base, "train.csv"))
    vx, vy = read(os.path.join(base, "val.csv"))
    ftr, fva = features(tx), features(vx)
    assert len(ftr[0]) == len(names), "feature names and vectors disagree"
    best = None
    for l2 in (0.1, 0.3, 1.0, 3.0, 10.0, 30.0):
        acc, f1, _ = cross_val(ftr, ty, l2)
        print(f"l2={l2:<5} 5-fold CV on train: accuracy {acc:.3f} macro-F1 {f1:.3f}")
        if best is None or f1 > best[0]:
            best = (f1, l2)
    l2 = best[1]
    w = fit(ftr, ty, l2)
    for name, data, gold in (("train", ftr, ty), ("val", fva, vy)):
        acc, f1, cm = metrics(gold, predict(w, data))
        print(f"{name}: accuracy {acc:.3f} macro-F1 {f1:.3f} confusion [gold][pred] OBJ/SUBJ {cm}")
    out = [
        "//! Weights of the suggestion model, written by `scripts/train_suggest.py`",
        "//! (class-balanced L2 logistic regression on NewsSD-ENG train.csv, CC BY 4.0;",
        f"//! L2 = {l2} chosen by 5-fold cross-validation on train). Do not edit by hand:",
        "//! change the features in `cues.rs` and run the script again.",
        "//! A positive weight pushes a sentence towards analysis (subjective).",
        "#![allow(clippy::approx_constant)] // learned numbers may look like constants",
        "",
        "/// Intercept of the logistic model (log-odds of analysis with no cue).",
        f"pub const BIAS: f32 = {w[0]:.4f};",
        "",
        "/// One weight per feature of [`super::cues::FEATURES`], in order.",
        "pub const WEIGHTS: &[f32] = &[",
    ]
    cells = [f"{v:.4f}," for v in w[1:]]
    width = max(len(c) for c in cells)  # aligned as rustfmt aligns trailing comments
    for name, c in zip(names, cells):
        out.append(f"    {c:<{width}} // {name}")
    out.append("];")
    path = os.path.join(ROOT, "src", "suggest", "weights.rs")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
