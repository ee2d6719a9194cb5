"""Benchmark attributions against the independent annotation of 60 Reuters-21578 stories.

The gold set (``benchmarks/data/reuters_attributions.json``: offsets and labels, PARC 3.0
conventions, see ``benchmarks/data/ATTRIBUTION_GUIDELINES.md``) is split into a development half
and a held-back half. The stories are read from ``../shared/data/reuters21578`` with
``analysis.corpus.reuters.read_reuters`` and loaded with ``load_corpus``; the scorer checks that
every story's text is the annotated one (SHA-256) before scoring. Scored: ``extract_sources`` and
the rule-free baseline of ``analysis.sources.evaluation``, per role, exact and overlapping spans.

``--errors`` lists, for the development half only, the gold attributions no prediction matches
and the predictions that match no gold attribution (overlap on the cue, then on the source).

Run:  .venv/bin/python benchmarks/bench_attributions.py [--split development|held_back] [--errors]
"""

from __future__ import annotations

import argparse

from analysis import extract_sources, load_corpus, parse_corpus
from analysis.corpus.reuters import read_reuters
from analysis.paths import SHARED_DATA_DIR
from analysis.sources.evaluation import (
    baseline_attributions,
    check_texts,
    from_sources,
    match_spans,
    read_gold,
    score_attributions,
)

REUTERS = SHARED_DATA_DIR / "reuters21578"


def load_stories(gold):
    frame = read_reuters(REUTERS)
    frame = frame[frame["id"].isin(gold.stories.index)].reset_index(drop=True)
    corpus = load_corpus(frame)
    check_texts(gold, corpus)
    return corpus


def table(name, scores) -> list[str]:
    lines = []
    for r in scores.itertuples():
        kind = "" if r.kind_accuracy != r.kind_accuracy else f"{r.kind_accuracy:.3f}"
        lines.append(
            f"| {name} | {r.role} | {r.match} | {r.gold} | {r.predicted} | {r.matched} | "
            f"{r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {kind} |"
        )
    return lines


def show(text, start, end, width=60):
    snippet = text[start:end].replace("\n", " ")
    return snippet if len(snippet) <= width else snippet[: width - 3] + "..."


def _spans(text, row) -> str:
    """A row's source, cue and content as written, shortened."""
    return (
        f"{show(text, row.source_start, row.source_end, 40)!r} | "
        f"{show(text, row.cue_start, row.cue_end, 30)!r} | "
        f"{show(text, row.content_start, row.content_end)!r}"
    )


def errors(corpus, gold, predicted) -> None:
    truth_by = dict(tuple(gold.attributions.groupby("article_id")))
    guess_by = dict(tuple(predicted.groupby("article_id")))
    for article in gold.stories.index:
        text = corpus.text(article)
        truth = truth_by.get(article, gold.attributions.iloc[:0])
        guess = guess_by.get(article, predicted.iloc[:0])
        spans = {
            role: (
                list(zip(truth[f"{role}_start"], truth[f"{role}_end"], strict=True)),
                list(zip(guess[f"{role}_start"], guess[f"{role}_end"], strict=True)),
            )
            for role in ("source", "cue", "content")
        }
        pairs = match_spans(*spans["cue"], exact=False)
        hit_gold = {g for g, _ in pairs}
        hit_guess = {p for _, p in pairs}
        for i, row in enumerate(truth.itertuples()):
            if i not in hit_gold:
                nested = " nested" if row.nested else ""
                print(f"MISS {article} [{row.source_kind}{nested}] {_spans(text, row)}")
        for i, row in enumerate(guess.itertuples()):
            if i not in hit_guess:
                print(f"FALSE {article} [{row.source_kind}] {_spans(text, row)}")
        for role in ("source", "content"):
            matched = dict(match_spans(*spans[role], exact=False))
            for g, p in pairs:
                if matched.get(g) != p:
                    gs, ps = spans[role][0][g], spans[role][1][p]
                    print(f"SPAN-{role} {article} gold {show(text, *gs)!r} got {show(text, *ps)!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["development", "held_back"], default="development")
    parser.add_argument("--coverage", choices=["named", "parc"], default="parc")
    parser.add_argument("--errors", action="store_true", help="list errors (development only)")
    args = parser.parse_args()
    if args.errors and args.split != "development":
        parser.error("--errors reads the development half only")
    gold = read_gold().split(args.split)
    corpus = load_stories(gold)
    parsed = parse_corpus(corpus)
    predicted = from_sources(extract_sources(corpus, parsed, reused=None, coverage=args.coverage))
    if args.errors:
        errors(corpus, gold, predicted)
        return
    print(
        f"{args.split}: {len(gold.stories)} stories, {len(gold.attributions)} gold attributions\n"
    )
    print("| system | role | match | gold | predicted | matched | P | R | F1 | kind acc. |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for line in table("extract_sources", score_attributions(predicted, gold)):
        print(line)
    for line in table("baseline", score_attributions(baseline_attributions(corpus), gold)):
        print(line)


if __name__ == "__main__":
    main()
