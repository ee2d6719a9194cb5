"""Benchmark the temporal tagger on the TempEval-3 TBAQ data (TimeBank + AQUAINT), Task A scores.

Run from the project root::

    .venv/bin/python benchmarks/bench_tempeval.py [--data DIR] [--parts dev held-back] [--errors N]
    .venv/bin/python benchmarks/bench_tempeval.py --timeline 1000 5000 19043 [--processes N]
        [--sentences]

The 256 documents are split once, by a fixed rule decided before any score was seen: a document is
*held back* when the first byte of ``sha1("chronology-split-v1:" + file name)`` is below 77 (out of
0..255, i.e. about 70% development, 30% held back). The tagger's rules were developed by reading
development documents only; the held-back part measures them on text they were not tuned on.

Prints a Markdown table: strict and relaxed span P/R/F1, type F1 and value F1 for both parts and
documents (and words) per second of tagging on one core. With ``--reuters N`` it also tags the
first N Reuters-21578 stories that have a body (anchored on their ``<DATE>``) and reports their
speed: newswire of ordinary length, beside the TimeBank documents. With ``--timeline N [N ...]``
it times the chronology step, :func:`analysis.timeline_mentions` (its sentence split included)
and :func:`analysis.build_timeline` (given those mentions), on the first N Reuters-21578 stories
read by :func:`analysis.corpus.reuters.read_reuters`, with an empty reused-spans frame so the
reuse detection is left out; on a shared machine its CPU seconds (the worker processes' included)
say more than the wall. ``--processes N`` runs the step with ``TimelineOptions(processes=N)``
(without it, with the code's default). ``--sentences`` splits the corpus into sentences
(``Corpus.sentences``) before the clock starts, as the report's corpus step does before its
chronology step, which then reuses them. Run it with ``PYTHONPATH`` set to another ``src`` to time
that code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import re
import sys
import time
from pathlib import Path

from analysis.chronology.tagger import extract_timexes
from analysis.chronology.tempeval import score_timexes
from analysis.corpus.timeml import read_timeml
from analysis.paths import SHARED_DATA_DIR

SPLIT_SALT = "chronology-split-v1:"
HELD_BACK_FROM_BYTE = 77


def part_of(file_name: str) -> str:
    """``"dev"`` or ``"held-back"``: the fixed, seeded split of the TBAQ documents."""
    first_byte = hashlib.sha1((SPLIT_SALT + file_name).encode()).digest()[0]
    return "held-back" if first_byte < HELD_BACK_FROM_BYTE else "dev"


def load_documents(data_dir: Path) -> dict[str, list]:
    """The TBAQ documents of each part, in file-name order."""
    parts: dict[str, list] = {"dev": [], "held-back": []}
    for path in sorted(data_dir.glob("*/*.tml")):
        parts[part_of(path.name)].append(read_timeml(path))
    return parts


def tag(documents: list) -> tuple[dict, float]:
    """Tag every document; return the system frames by document id and the seconds spent."""
    began = time.perf_counter()
    frames = {doc.doc_id: extract_timexes(doc.text, doc.dct) for doc in documents}
    return frames, time.perf_counter() - began


def reuters_stories(folder: Path, limit: int) -> list[tuple[str, dt.date]]:
    """The first ``limit`` Reuters-21578 bodies with their dates, in file order."""
    stories: list[tuple[str, dt.date]] = []
    for path in sorted(folder.glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for story in re.finditer(r"<REUTERS.*?</REUTERS>", raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story.group(0), re.S)
            date = re.search(r"<DATE>\s*(\d+)-(\w{3})-(\d{4})", story.group(0))
            if body and date:
                day = dt.datetime.strptime("-".join(date.groups()), "%d-%b-%Y").date()
                stories.append((html.unescape(body.group(1)), day))
                if len(stories) == limit:
                    return stories
    return stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA_DIR / "tempeval3-tbaq")
    parser.add_argument("--errors", type=int, default=0, help="print N dev-part value errors")
    parser.add_argument("--classes", action="store_true", help="count the dev-part errors by class")
    parser.add_argument("--parts", nargs="+", default=["dev", "held-back"], help="parts to score")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is reported)")
    parser.add_argument("--reuters", type=int, default=0, help="also time N Reuters stories")
    parser.add_argument(
        "--timeline", type=int, nargs="+", default=[], help="time the timeline on N Reuters stories"
    )
    parser.add_argument(
        "--processes", type=int, default=None, help="processes of the timeline (TimelineOptions)"
    )
    parser.add_argument(
        "--sentences", action="store_true", help="split the sentences before timing the timeline"
    )
    args = parser.parse_args(argv)
    if args.timeline:
        print_timeline_timings(
            args.data.parent / "reuters21578", args.timeline, args.processes, args.sentences
        )
        return 0
    if not args.data.is_dir():
        print(f"TBAQ data not found at {args.data}", file=sys.stderr)
        return 1
    parts = load_documents(args.data)
    print(
        "| part | docs | gold | strict P | strict R | strict F1 | relaxed P | relaxed R "
        "| relaxed F1 | type F1 | value F1 | docs/s | words/s |"
    )
    print("|" + "---|" * 13)
    for name in args.parts:
        documents = parts[name]
        gold = {doc.doc_id: doc.timexes for doc in documents}
        seconds = min(tag(documents)[1] for _ in range(args.repeat))
        system, _ = tag(documents)
        scores = score_timexes(gold, system)
        words = sum(len(doc.text.split()) for doc in documents)
        s = scores
        print(
            f"| {name} | {len(documents)} | {int(s.at['value', 'gold'])} "
            f"| {s.at['strict', 'precision']:.3f} | {s.at['strict', 'recall']:.3f} "
            f"| {s.at['strict', 'f1']:.3f} | {s.at['relaxed', 'precision']:.3f} "
            f"| {s.at['relaxed', 'recall']:.3f} | {s.at['relaxed', 'f1']:.3f} "
            f"| {s.at['type', 'f1']:.3f} | {s.at['value', 'f1']:.3f} "
            f"| {len(documents) / seconds:.0f} | {words / seconds:.0f} |"
        )
        if name == "dev" and args.errors:
            print_errors(documents, system, args.errors)
        if name == "dev" and args.classes:
            print_error_classes(documents, system)
    if args.reuters:
        stories = reuters_stories(args.data.parent / "reuters21578", args.reuters)
        timings = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            found = sum(len(extract_timexes(text, day)) for text, day in stories)
            timings.append(time.perf_counter() - began)
        words = sum(len(text.split()) for text, _ in stories)
        print(
            f"\nReuters-21578: {len(stories)} stories, {words} words, {found} expressions: "
            f"{len(stories) / min(timings):.0f} stories/s, {words / min(timings):.0f} words/s"
        )
    return 0


def print_timeline_timings(
    folder: Path, sizes: list[int], processes: int | None = None, sentences: bool = False
) -> None:
    """Time the chronology step (``timeline_mentions``, ``build_timeline``) on N Reuters stories.

    Each size gets a freshly loaded corpus, so the sentence split the timeline needs is part of
    the step, as in the pipeline, unless ``sentences``: then they are split before the clock
    starts, as the report does. CPU seconds include the worker processes'. ``processes`` is
    passed only when given, so the code's default is timed otherwise.
    """
    import resource

    import pandas as pd

    from analysis import build_timeline, load_corpus, timeline_mentions
    from analysis.corpus.reuters import read_reuters

    def clocks() -> tuple[float, float]:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = time.process_time() + children.ru_utime + children.ru_stime
        return time.perf_counter(), cpu

    stories = read_reuters(folder)
    no_reuse = pd.DataFrame(columns=["article_id", "start", "end", "origin_id", "origin_date"])
    options = {"processes": processes} if processes is not None else {}
    print(
        "| stories | mentions | dated | largest value group | events | timeline_mentions s "
        "| CPU s | build_timeline s | CPU s | chronology s | chronology CPU s |"
    )
    print("|" + "---|" * 11)
    for size in sizes:
        corpus = load_corpus(stories.head(size), errors="collect")
        if sentences:
            len(corpus.sentences)  # split and kept, as the corpus step of the report does
        began = clocks()
        mentions = timeline_mentions(corpus, reuse=no_reuse, **options)
        tagged = clocks()
        events = build_timeline(mentions, **options)
        ended = clocks()
        dated = mentions[mentions["date_start"].notna() & mentions["type"].isin(["DATE", "TIME"])]
        print(
            f"| {len(corpus.articles)} | {len(mentions)} | {len(dated)} "
            f"| {dated['value'].value_counts().max()} | {len(events)} "
            f"| {tagged[0] - began[0]:.1f} | {tagged[1] - began[1]:.1f} "
            f"| {ended[0] - tagged[0]:.1f} | {ended[1] - tagged[1]:.1f} "
            f"| {ended[0] - began[0]:.1f} | {ended[1] - began[1]:.1f} |",
            flush=True,
        )


ERROR_CLASSES = (
    "missed", "spurious", "span too short", "span too long", "span shifted", "wrong granularity",
    "wrong value",
)  # fmt: skip


def error_classes(documents: list, system: dict) -> dict[str, int]:
    """Count the development-part errors by class.

    An unaligned gold expression is *missed*, an unaligned system one *spurious*. An aligned
    pair whose extents differ is a span error: the system's lies inside the gold one (*too
    short*), holds it (*too long*) or overlaps it (*shifted*). An aligned pair whose values
    differ is a value error: *wrong granularity* when the two values name units of another kind
    (a day for a week, a date for a duration), else *wrong value*. A pair can have a span and a
    value error at once.
    """
    from analysis.chronology.tagger import timex_granularity
    from analysis.chronology.tempeval import align_timexes

    counts = dict.fromkeys(ERROR_CLASSES, 0)
    for doc in documents:
        gold, found = doc.timexes, system[doc.doc_id].reset_index(drop=True)
        pairs = align_timexes(gold, found)
        counts["missed"] += len(gold) - len(pairs)
        counts["spurious"] += len(found) - len(pairs)
        for g, s, strict in pairs:
            g_span, s_span = (gold.start[g], gold.end[g]), (found.start[s], found.end[s])
            if not strict:
                if g_span[0] <= s_span[0] and s_span[1] <= g_span[1]:
                    counts["span too short"] += 1
                elif s_span[0] <= g_span[0] and g_span[1] <= s_span[1]:
                    counts["span too long"] += 1
                else:
                    counts["span shifted"] += 1
            if gold.value[g] != found.value[s]:
                same = timex_granularity(gold.value[g]) == timex_granularity(found.value[s])
                counts["wrong value" if same else "wrong granularity"] += 1
    return counts


def print_error_classes(documents: list, system: dict) -> None:
    """Print the development-part error classes as a Markdown table."""
    counts = error_classes(documents, system)
    print("\n| error class (dev) | count |\n|---|---|")
    for name, count in counts.items():
        print(f"| {name} | {count} |")


def print_errors(documents: list, system: dict, limit: int) -> None:
    """Print development-part misses, false alarms and wrong values (for rule development)."""
    from analysis.chronology.tempeval import align_timexes

    shown = 0
    for doc in documents:
        gold, found = doc.timexes, system[doc.doc_id].reset_index(drop=True)
        pairs = align_timexes(gold, found)
        matched_g = {g for g, _, _ in pairs}
        matched_s = {s for _, s, _ in pairs}
        lines = []
        for g, s, _ in pairs:
            if gold.value[g] != found.value[s] or gold.type[g] != found.type[s]:
                lines.append(
                    f"VALUE {gold.text[g]!r} {gold.type[g]} {gold.value[g]} | "
                    f"{found.text[s]!r} {found.type[s]} {found.value[s]} {found.rule[s]}"
                )
        lines += [
            f"MISS  {gold.text[g]!r} {gold.type[g]} {gold.value[g]} :: "
            f"{doc.text[max(0, gold.start[g] - 40) : gold.end[g] + 20]!r}"
            for g in range(len(gold))
            if g not in matched_g
        ]
        lines += [
            f"FALSE {found.text[s]!r} {found.type[s]} {found.value[s]} {found.rule[s]}"
            for s in range(len(found))
            if s not in matched_s
        ]
        for line in lines:
            print(f"  [{doc.doc_id} dct={doc.dct}] {line}")
            shown += 1
            if shown >= limit:
                return


if __name__ == "__main__":
    raise SystemExit(main())
