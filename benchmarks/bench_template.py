"""Precision and recall of the template search on the constructed template set.

Run from the project root::

    .venv/bin/python benchmarks/bench_template.py --part dev
    .venv/bin/python benchmarks/bench_template.py --part held   # rarely; record it in BENCHMARKS.md

The cases of one part (``tests/reuse/template_set.py``) are loaded as one corpus, every article
on its own day (``a`` before ``b``; :func:`bench_rewrite.case_corpus`), and
:func:`analysis.find_reuse` runs on it with its defaults.

*Pairs*: a pair of articles is predicted to share a template when it has a ``template`` row; the
truth is the ``template`` cases (any other pair, in a ``topic`` or ``verbatim`` case or across
cases, must not hold one).

*Passages*: the truth is the (paragraph of a, paragraph of b) pairs each template case lists.
A ``template`` row is right when it joins the case's two articles and its source span overlaps
the listed paragraph of a whose partner paragraph of b its target span overlaps (one row may
cover two listed paragraph pairs of a frame that runs over two paragraphs); a listed paragraph
pair is found when a right row overlaps both of its paragraphs. Passage P is right rows over all
``template`` rows, passage R found paragraph pairs over all listed ones. ``verbatim cases`` counts
the ``verbatim`` cases whose copy was reported as ``verbatim``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import analysis

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reuse"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_rewrite import case_corpus  # noqa: E402
from template_set import CASES  # noqa: E402


def _overlap(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


def score(part: str) -> dict:
    cases = [c for c in CASES if part == "all" or c["part"] == part]
    corpus, true_pairs, true_passages = case_corpus(cases, label="template")
    reuse = analysis.find_reuse(corpus)
    found = reuse[reuse["kind"] == "template"]
    pairs = set(zip(found["source_id"], found["target_id"], strict=True))
    right_rows, found_passages = 0, set()
    for row in found.itertuples(index=False):
        hits = {
            passage
            for passage in true_passages
            if passage[:2] == (row.source_id, row.target_id)
            and _overlap(row.source_start, row.source_end, passage[2:4])
            and _overlap(row.target_start, row.target_end, passage[4:6])
        }
        right_rows += bool(hits)
        found_passages |= hits
    verbatim_cases = [c for c in cases if c["label"] == "verbatim"]
    verbatim_pairs = set(
        zip(
            reuse.loc[reuse["kind"] == "verbatim", "source_id"],
            reuse.loc[reuse["kind"] == "verbatim", "target_id"],
            strict=True,
        )
    )

    def ratio(hit: int, total: int) -> float:
        return hit / total if total else 1.0

    return {
        "part": part,
        "cases": len(cases),
        "template pairs": len(true_pairs),
        "pair P": ratio(len(pairs & true_pairs), len(pairs)),
        "pair R": ratio(len(pairs & true_pairs), len(true_pairs)),
        "paragraph pairs": len(true_passages),
        "template rows": len(found),
        "passage P": ratio(right_rows, len(found)),
        "passage R": ratio(len(found_passages), len(true_passages)),
        "verbatim cases": sum(
            (f"{c['name']}_a", f"{c['name']}_b") in verbatim_pairs for c in verbatim_cases
        ),
        "false pairs": sorted(pairs - true_pairs),
        "missed pairs": sorted(true_pairs - pairs),
        "missed paragraph pairs": sorted(p[:2] for p in true_passages - found_passages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["dev", "held", "all"], default="dev")
    args = parser.parse_args()
    result = score(args.part)
    shown = {k: v for k, v in result.items() if not isinstance(v, list)}
    print("| " + " | ".join(shown) + " |")
    print("|" + "---|" * len(shown))
    print(
        "| "
        + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in shown.values())
        + " |"
    )
    if args.part == "dev":
        for key, value in result.items():
            if isinstance(value, list):
                print(f"- {key}: {value}")


if __name__ == "__main__":
    main()
