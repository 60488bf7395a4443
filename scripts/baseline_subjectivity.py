#!/usr/bin/env python3
"""Reference baselines for the suggestion model on NewsSD-ENG (not part of the tests).

    python3 scripts/baseline_subjectivity.py [SHARED_DIR]   (needs scikit-learn)

Trains on train.csv and reports macro-F1 on val.csv for plain text classifiers
of the kind the data set's paper lists (TF-IDF + logistic regression), to put
the cue model's figure (`cargo test --test suggest_subjectivity -- --nocapture`)
in context. Same rule as scripts/train_suggest.py: C is chosen by 5-fold
cross-validation on train, never by val. scikit-learn is not a dependency of
the project: install it in a scratch virtual environment to run this.
"""
import os
import sys

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
except ImportError:
    sys.exit("needs scikit-learn: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_suggest import read, shared_dir  # noqa: E402


def main():
    base = os.path.join(shared_dir(), "conformance", "subjectivity")
    tx, ty = read(os.path.join(base, "train.csv"))
    vx, vy = read(os.path.join(base, "val.csv"))
    vectorizers = {
        "TF-IDF words 1-2": lambda: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        "TF-IDF chars 2-5": lambda: TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
        ),
    }
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    for name, make in vectorizers.items():

        def model(c):
            lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
            return make_pipeline(make(), lr)

        best = None
        for c in (0.3, 1.0, 3.0, 10.0):
            cv = cross_val_score(model(c), tx, ty, cv=folds, scoring="f1_macro").mean()
            if best is None or cv > best[0]:
                best = (cv, c)
        pred = model(best[1]).fit(tx, ty).predict(vx)
        print(
            f"{name} + logistic regression (C={best[1]} by CV, train CV macro-F1 {best[0]:.3f}): "
            f"val accuracy {accuracy_score(vy, pred):.3f} macro-F1 {f1_score(vy, pred, average='macro'):.3f}"
        )

if __name__ == "__main__":
    main()
