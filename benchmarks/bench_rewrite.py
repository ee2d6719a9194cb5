"""Precision and recall of the rewrite search on the constructed rewrite set.

Run from the project root::

    .venv/bin/python benchmarks/bench_rewrite.py --part dev
    .venv/bin/python benchmarks/bench_rewrite.py --part held    # rarely; record it in BENCHMARKS.md

The cases of one part (``tests/reuse/rewrite_set.py``) are loaded as one corpus, every article on
its own day (``a`` before ``b``), and :func:`analysis.find_reuse` runs on it with its defaults.
*Pairs*: a pair of articles is predicted a rewrite when it has a ``rewrite`` row; the truth is
the ``rewrite`` cases (any other pair, within a topic case or across cases, must not match).
*Sentences*: a predicted sentence pair is right when its two spans are exactly the two sentences
the case lists as rewriting one another.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import analysis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reuse"))
from rewrite_set import CASES  # noqa: E402


def case_corpus(cases: list[dict], label: str = "rewrite") -> tuple[analysis.Corpus, set, set]:
    """The corpus of the cases, the true pairs of the cases labelled ``label`` and their true
    paragraph pairs (spans; a rewrite set's paragraphs are its sentences)."""
    rows, pairs, sentences = [], set(), set()
    for number, case in enumerate(cases):
        spans = {}
        for side in ("a", "b"):
            text, cursor, offsets = "", 0, []
            for sentence in case[side]:
                if text:
                    text += "\n\n"
                cursor = len(text)
                text += sentence
                offsets.append((cursor, len(text)))
            spans[side] = offsets
            day = 2 * number + (side == "b") + 1
            date = pd.Timestamp("2024-01-01") + pd.Timedelta(days=day)
            rows.append({"id": f"{case['name']}_{side}", "date": date, "text": text})
        if case["label"] == label:
            pairs.add((f"{case['name']}_a", f"{case['name']}_b"))
            for i, j in case["pairs"]:
                sentences.add(
                    (f"{case['name']}_a", f"{case['name']}_b", *spans["a"][i], *spans["b"][j])
                )
    frame = pd.DataFrame(rows)
    frame["author"] = "Desk"
    return analysis.load_corpus(frame), pairs, sentences


def score(part: str) -> dict:
    cases = [c for c in CASES if part == "all" or c["part"] == part]
    corpus, true_pairs, true_sentences = case_corpus(cases)
    reuse = analysis.find_reuse(corpus)
    found = reuse[reuse["kind"] == "rewrite"]
    pairs = set(zip(found["source_id"], found["target_id"], strict=True))
    sentences = set(
        found[
            ["source_id", "target_id", "source_start", "source_end", "target_start", "target_end"]
        ].itertuples(index=False, name=None)
    )

    def pr(predicted, truth):
        hit = len(predicted & truth)
        return (hit / len(predicted) if predicted else 1.0, hit / len(truth) if truth else 1.0)

    pair_p, pair_r = pr(pairs, true_pairs)
    sent_p, sent_r = pr(sentences, true_sentences)
    return {
        "part": part,
        "cases": len(cases),
        "rewrite pairs": len(true_pairs),
        "pair P": pair_p,
        "pair R": pair_r,
        "sentence pairs": len(true_sentences),
        "sentence P": sent_p,
        "sentence R": sent_r,
        "other kinds": len(reuse) - len(found),
        "false pairs": sorted(pairs - true_pairs),
        "missed pairs": sorted(true_pairs - pairs),
        "named origins": sorted(set(found["named_origin"]) - {""}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["dev", "held", "all"], default="dev")
    args = parser.parse_args()
    result = score(args.part)
    print("| " + " | ".join(k for k in result if not isinstance(result[k], list)) + " |")
    print("|" + "---|" * sum(not isinstance(v, list) for v in result.values()))
    print(
        "| "
        + " | ".join(
            f"{v:.3f}" if isinstance(v, float) else str(v)
            for v in result.values()
            if not isinstance(v, list)
        )
        + " |"
    )
    for key, value in result.items():
        if isinstance(value, list) and (args.part == "dev" or key == "named origins"):
            print(f"- {key}: {value}")


if __name__ == "__main__":
    main()
