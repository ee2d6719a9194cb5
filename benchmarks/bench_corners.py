"""Corner cases that must not be quadratic: one very long paragraph, and many copies of one story.

Usage::

    .venv/bin/python benchmarks/bench_corners.py
    .venv/bin/python benchmarks/bench_corners.py --words 5000 10000 20000 50000 --copies 300

1. ``split_sentences`` and ``build_timeline`` (with ``timeline_mentions``) on one paragraph of
   5,000 to 50,000 words (sentences of the seeds' paragraphs, repeated; nothing else in the
   corpus). Linear growth means the time per 1,000 words stays flat.
2. The whole report (``run_report``: load, reuse, chronology, sources, writing) on 300
   near-identical copies of one seed article, each with its own id, date and one changed number,
   so every copy recycles every other.

Each case runs in this process; times are wall seconds (the machine is shared: compare the rows
of one run, not runs of different days).
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import pandas as pd

import analysis
from analysis.corpus.units import split_sentences
from analysis.paths import SEEDS_DIR
from analysis.report.pipeline import run_report


def long_paragraph(words: int) -> str:
    seeds = analysis.load_corpus(SEEDS_DIR)
    sentences = [s for s in seeds.sentences["text"] if "\n" not in s]
    parts, count, n = [], 0, 0
    while count < words:
        sentence = sentences[n % len(sentences)]
        parts.append(sentence)
        count += len(sentence.split())
        n += 1
    return " ".join(parts)


def copies(n: int) -> pd.DataFrame:
    seeds = analysis.load_corpus(SEEDS_DIR)
    text = seeds.articles["text"].iloc[1]
    return pd.DataFrame(
        {
            "id": [f"copy-{k:03d}" for k in range(n)],
            "date": [
                str(pd.Timestamp("2022-04-12") + pd.Timedelta(days=k % 60))[:10] for k in range(n)
            ],
            "author": ["Desk"] * n,
            "text": [text.replace("2022", str(2022 + k % 3), 1) for k in range(n)],
        }
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[5000, 10000, 20000, 50000])
    parser.add_argument("--copies", type=int, default=300)
    args = parser.parse_args(argv)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("| words | split_sentences s | per 1,000 words | timeline s | per 1,000 words |")
    print("|---|---|---|---|---|")
    for words in args.words:
        text = long_paragraph(words)
        started = time.perf_counter()
        split_sentences(text)
        split = time.perf_counter() - started
        corpus = analysis.load_corpus(
            pd.DataFrame({"id": ["long"], "date": ["2022-04-12"], "author": [None], "text": [text]})
        )
        started = time.perf_counter()
        mentions = analysis.timeline_mentions(
            corpus, reuse=analysis.reused_spans(corpus, analysis.find_reuse(corpus))
        )
        analysis.build_timeline(mentions)
        timeline = time.perf_counter() - started
        print(
            f"| {words:,} | {split:.2f} | {1000 * split / words:.3f} | {timeline:.2f} | "
            f"{1000 * timeline / words:.3f} |"
        )
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = run_report(copies(args.copies), Path(tmp) / "out", progress=False)
        seconds = time.perf_counter() - started
    print(f"\n{args.copies} copies of one story, whole report: {seconds:.1f} s")
    print({k: v for k, v in result.summary.items() if k != "seconds"})


if __name__ == "__main__":
    main()
