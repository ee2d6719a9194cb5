"""Benchmark source extraction: precision and recall on the gold set, attributions/s on Reuters.

Quality: the seeds' gold attributions and the written news cases of
``tests/sources/test_attributions.py`` (``GOLD_SEEDS``, ``NEWS_CASES``). A predicted attribution
matches a gold one when the article, the canonical source, the cue and the statement span are all
identical (*strict*); *source + cue* matches on article, source and cue only. Kind accuracy counts
matched pairs whose source kind is also right.

Speed: ``extract_sources`` (spaCy parse of every paragraph, entities, attribution) on the first
stories with a body of Reuters-21578 (read from ``../shared/data/reuters21578``; the SGML is read
here with a few regular expressions), recycled-text detection left out (``reused`` given empty).

Overlap: ``source_overlap`` and ``source_matrix`` on the same stories (the same parse): rows of
the sparse overlap table against the number of all pairs, seconds, and the size of its CSV.

Old against new (``--against OLD/src``): ``parse_corpus``, ``extract_sources`` and
``extract_entities`` on the first N stories of Reuters-21578 as ``analysis.corpus.reuters`` reads
them (``--sizes 2000 0``; 0 is all 19,043), each run in a fresh child process, the old code
(``PYTHONPATH=OLD/src``, one process) and this code with one and with ``--processes`` worker
processes, one run after the other in the same session. A run's time counts the parse and both
tables, not reading the files or loading the model; CPU seconds add the run's own and its worker
processes'. Each new table is compared with the old one (``DataFrame.equals``).

The sources step's own Python (``--steps OLD/src --corpus PATH --cache DIR``): the calls of the
report's sources step (:func:`analysis.report.steps.sources_step`) after the spaCy parse, that is
``parse_corpus`` on ready docs, ``extract_sources`` with the report's coverage and recycled spans,
``extract_entities``, ``source_overlap`` and ``source_matrix``, on a corpus whose parse cache is
warm. The old and this code run in turn, ``--rounds`` times each, each run in a fresh child
process; CPU seconds (user + sys) count the calls, not reading the corpus, the cache or the model.
The recycled spans are found once beforehand (this code) and given to both. Each run also times
the floor no change to these functions can remove: putting every doc in a ``DocStore`` and
reading it back once (the store is the same code in both). Every table of every run is compared
with the old code's first (``pandas.testing.assert_frame_equal``, and the overlap's
``attrs``).

Run:  .venv/bin/python benchmarks/bench_sources.py [--stories N]
      .venv/bin/python benchmarks/bench_sources.py --against /tmp/base/src --sizes 2000 0
      .venv/bin/python benchmarks/bench_sources.py --steps /tmp/base/src \\
          --corpus corpus.jsonl --cache parse-cache/ --rounds 3
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

import pandas as pd

from analysis import (
    extract_entities,
    extract_sources,
    load_corpus,
    parse_corpus,
    source_matrix,
    source_overlap,
)
from analysis.paths import PROJECT_ROOT, SEEDS_DIR, SHARED_DATA_DIR
from analysis.report.writing import table_bytes
from analysis.sources.parsing import load_nlp, parse_paragraphs

REUTERS = SHARED_DATA_DIR / "reuters21578"
NO_REUSE = pd.DataFrame({"article_id": [], "start": [], "end": []})


def load_gold():
    spec = importlib.util.spec_from_file_location(
        "gold_sources", PROJECT_ROOT / "tests" / "sources" / "test_attributions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_items(gold) -> tuple[set, set, dict]:
    corpus = load_corpus(SEEDS_DIR)
    predicted = extract_sources(
        corpus, parse_corpus(corpus), reused=NO_REUSE
    )  # reuse flags are not scored here
    expected = {}
    for row in gold.GOLD_SEEDS:
        article, source, kind, _, _, cue, cue_start, start, end = row[:9]
        expected[(article, source, cue, cue_start, start, end)] = kind
    got = {
        (r.article_id, r.source, r.cue, r.cue_start, r.start, r.end): r.source_kind
        for r in predicted.itertuples()
    }
    return set(expected), set(got), {k: (v, got.get(k)) for k, v in expected.items()}


def case_items(gold) -> tuple[set, set, dict]:
    names = list(gold.NEWS_CASES)
    corpus = gold.news_corpus(names)
    predicted = extract_sources(corpus, parse_corpus(corpus), reused=NO_REUSE)
    expected = {}
    for i, name in enumerate(names):
        text = corpus.text(f"case{i:02d}")
        for source, kind, cue, statement, *_ in gold.NEWS_CASES[name][2]:
            start = text.index(statement)
            key = (f"case{i:02d}", source, cue, start, start + len(statement))
            expected[key] = kind
    got = {
        (r.article_id, r.source, r.cue, r.start, r.end): r.source_kind
        for r in predicted.itertuples()
    }
    return set(expected), set(got), {k: (v, got.get(k)) for k, v in expected.items()}


def scores(expected: set, got: set) -> tuple[float, float, float, float, int, int]:
    """Strict P/R on whole keys; source+cue P/R on (article, source, cue) counted as multisets."""
    strict_hits = len(expected & got)
    loose_e = Counter(k[:3] for k in expected)
    loose_g = Counter(k[:3] for k in got)
    loose_hits = sum((loose_e & loose_g).values())
    return (
        strict_hits / len(got) if got else 1.0,
        strict_hits / len(expected) if expected else 1.0,
        loose_hits / len(got) if got else 1.0,
        loose_hits / len(expected) if expected else 1.0,
        len(expected),
        len(got),
    )


_STORY_RE = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
_DATE_RE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})")
_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def reuters_stories(limit: int) -> pd.DataFrame:
    rows = []
    for path in sorted(REUTERS.glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for story in _STORY_RE.findall(raw):
            body, date = _BODY_RE.search(story), _DATE_RE.search(story)
            if not body or not date:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "")
            text = re.sub(r"\n(?=\s{2,}\S)", "\n\n", text).strip()
            text = re.sub(r"\s*Reuter\s*$", "", text)
            if not text:
                continue
            day, month, year = int(date[1]), _MONTHS.index(date[2]) + 1, int(date[3])
            rows.append((f"r{len(rows):05d}", f"{year:04d}-{month:02d}-{day:02d}", None, text))
            if len(rows) >= limit:
                return pd.DataFrame(rows, columns=["id", "date", "author", "text"])
    return pd.DataFrame(rows, columns=["id", "date", "author", "text"])


def timed_run(stories: int, processes: int, out: str) -> None:
    """One run in this process (the child of :func:`against`): tables and timings to ``out``."""
    from analysis.corpus.reuters import read_reuters

    frame = read_reuters(REUTERS)
    corpus = load_corpus(frame.head(stories) if stories else frame)
    load_nlp()
    before, start = os.times(), time.perf_counter()
    kwargs = {"n_process": processes} if processes > 1 else {}
    parsed = parse_corpus(corpus, **kwargs)
    found = extract_sources(corpus, parsed, reused=None)
    entities = extract_entities(parsed)
    seconds = time.perf_counter() - start
    after = os.times()
    cpu = sum(after[:4]) - sum(before[:4])
    stats = {
        "stories": len(corpus),
        "paragraphs": len(corpus.paragraphs),
        "seconds": seconds,
        "cpu": cpu,
        "load": os.getloadavg()[0],
    }
    with open(out, "wb") as handle:
        pickle.dump((stats, found, entities), handle)


def against(old_src: str, sizes: list[int], processes: int) -> None:
    """Old code against this code, run after run, on the first ``sizes`` Reuters stories."""
    if not REUTERS.is_dir():
        raise SystemExit(f"Reuters-21578 not found at {REUTERS} (set ANALYSIS_SHARED_DATA)")
    here = os.path.abspath(__file__)
    new_src = str(PROJECT_ROOT / "src")
    print("### Source extraction, old against new (Reuters-21578)\n")
    print(
        "| stories | paragraphs | code | processes | seconds | CPU s | load | time vs old "
        "| attributions | entities | tables equal to old |"
    )
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    runs = [("old", old_src, 1), ("new", new_src, processes)]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            chosen = runs if size == 0 else [*runs, ("new", new_src, 1)]
            results = {}
            for code, src, n in chosen:
                out = os.path.join(tmp, f"{code}-{n}-{size}.pkl")
                env = {
                    **os.environ,
                    "PYTHONPATH": src,
                    "PYTHONHASHSEED": "0",
                    "ANALYSIS_SHARED_DATA": str(SHARED_DATA_DIR),
                }
                subprocess.run(
                    [sys.executable, here, "--run", str(size), str(n), out], env=env, check=True
                )
                with open(out, "rb") as handle:
                    results[code, n] = pickle.load(handle)
            old_stats, old_found, old_entities = results["old", 1]
            for (code, n), (stats, found, entities) in results.items():
                equal = found.equals(old_found) and entities.equals(old_entities)
                print(
                    f"| {stats['stories']} | {stats['paragraphs']} | {code} | {n} "
                    f"| {stats['seconds']:.1f} | {stats['cpu']:.1f} | {stats['load']:.1f} "
                    f"| {stats['seconds'] / old_stats['seconds']:.2f} | {len(found)} "
                    f"| {len(entities)} | {'yes' if equal else 'NO'} |",
                    flush=True,
                )
    print(f"\n{os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.2f}.")


def steps_run(corpus_path: str, spans_path: str, cache: str, out: str) -> None:
    """One run of the sources step's calls in this process (a child of :func:`steps`)."""
    from analysis.options import AnalysisOptions
    from analysis.sources.docstore import DocStore

    corpus = load_corpus(corpus_path, errors="collect")
    spans = pd.read_pickle(spans_path)
    options = AnalysisOptions()
    docs = list(parse_paragraphs(corpus, cache=cache))

    def cpu() -> float:
        return sum(os.times()[:2])

    times = {}
    start = cpu()
    store = DocStore(load_nlp().vocab)
    for article_id, offset, doc in docs:
        store.append(article_id, offset, doc)
    for _ in store:
        pass
    times["store floor"] = cpu() - start
    del store
    start = cpu()
    parsed = parse_corpus(corpus, docs=docs)
    times["parse_corpus"] = cpu() - start
    start = cpu()
    found = extract_sources(corpus, parsed, reused=spans, coverage=options.sources.coverage)
    times["extract_sources"] = cpu() - start
    start = cpu()
    entities = extract_entities(parsed)
    times["extract_entities"] = cpu() - start
    start = cpu()
    overlap = source_overlap(
        corpus, sources=found, entities=entities, reused=spans, options=options.overlap
    )
    times["source_overlap"] = cpu() - start
    start = cpu()
    matrix = source_matrix(found, articles=list(corpus.articles.index))
    times["source_matrix"] = cpu() - start
    tables = {"attributions": found, "entities": entities, "overlap": overlap, "matrix": matrix}
    with open(out, "wb") as handle:
        pickle.dump((times, os.getloadavg()[0], tables, dict(overlap.attrs)), handle)


STEP_CALLS = ("parse_corpus", "extract_sources", "extract_entities", "source_overlap")


def steps(old_src: str, corpus_path: str, cache: str, rounds: int) -> None:
    """The sources step's calls, old code and this code in turn (see the module doc)."""
    from analysis.options import AnalysisOptions
    from analysis.reuse.detection import find_reuse
    from analysis.reuse.origins import reused_spans

    here = os.path.abspath(__file__)
    new_src = str(PROJECT_ROOT / "src")
    corpus = load_corpus(corpus_path, errors="collect")
    results: dict[str, list] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as tmp:
        spans_path = os.path.join(tmp, "spans.pkl")
        reused_spans(corpus, find_reuse(corpus, AnalysisOptions().reuse)).to_pickle(spans_path)
        for round_ in range(rounds):
            for code, src in (("old", old_src), ("new", new_src)):
                out = os.path.join(tmp, f"{code}-{round_}.pkl")
                env = {**os.environ, "PYTHONPATH": src, "PYTHONHASHSEED": "0"}
                command = [sys.executable, here, "--steps-run", corpus_path, spans_path, cache, out]
                subprocess.run(command, env=env, check=True)
                with open(out, "rb") as handle:
                    results[code].append(pickle.load(handle))
    _, _, reference, reference_attrs = results["old"][0]
    for code in ("old", "new"):
        for _, _, tables, attrs in results[code]:
            for name, table in tables.items():
                pd.testing.assert_frame_equal(table, reference[name], check_exact=True)
            assert attrs == reference_attrs, "overlap attrs differ"
    print(f"### The sources step's own Python: {len(corpus)} articles, warm parse cache\n")
    columns = [*STEP_CALLS, "source_matrix"]
    print(f"| code | run | {' | '.join(columns)} | all | store floor | all - floor | load |")
    print(f"|---|---:|{'---:|' * (len(columns) + 4)}")
    medians = {}
    for code in ("old", "new"):
        totals = []
        for k, (times, load, _, _) in enumerate(results[code]):
            total = sum(times[c] for c in columns)
            totals.append((total, total - times["store floor"]))
            cells = " | ".join(f"{times[c]:.2f}" for c in columns)
            print(
                f"| {code} | {k + 1} | {cells} | {total:.2f} | {times['store floor']:.2f} "
                f"| {total - times['store floor']:.2f} | {load:.1f} |"
            )
        medians[code] = [sorted(t[i] for t in totals)[len(totals) // 2] for i in (0, 1)]
    ratio, own = (medians["new"][i] / medians["old"][i] for i in (0, 1))
    print(
        f"\nMedian CPU s, old -> new: all {medians['old'][0]:.2f} -> {medians['new'][0]:.2f} "
        f"({ratio:.2f}); without the store floor {medians['old'][1]:.2f} -> "
        f"{medians['new'][1]:.2f} ({own:.2f}). Tables identical in every run: attributions, "
        f"entities, overlap (and its attrs), matrix. {os.cpu_count()} cores."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=500, help="Reuters stories to time")
    parser.add_argument("--against", help="the src folder of the old code: time old against new")
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[2000, 0], help="stories per run (0: all)"
    )
    parser.add_argument("--processes", type=int, default=2, help="worker processes of the new run")
    parser.add_argument("--run", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument(
        "--steps", metavar="OLD_SRC", help="the src folder of the old code: time the step's calls"
    )
    parser.add_argument("--corpus", help="--steps: the corpus (a path load_corpus reads)")
    parser.add_argument("--cache", help="--steps: a warm parse cache of that corpus")
    parser.add_argument("--rounds", type=int, default=3, help="--steps: runs of each code")
    parser.add_argument("--steps-run", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        timed_run(int(args.run[0]), int(args.run[1]), args.run[2])
        return
    if args.steps_run:
        steps_run(*args.steps_run)
        return
    if args.steps:
        if not args.corpus or not args.cache:
            parser.error("--steps needs --corpus and --cache")
        steps(args.steps, args.corpus, args.cache, args.rounds)
        return
    if args.against:
        against(args.against, args.sizes, args.processes)
        return

    gold = load_gold()
    print("### Source attribution quality\n")
    print(
        "| set | gold | predicted | strict P | strict R | source+cue P | source+cue R | kind acc. |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    totals_e, totals_g, totals_k = set(), set(), {}
    for label, (expected, got, kinds) in (
        ("seeds", seed_items(gold)),
        ("news cases", case_items(gold)),
    ):
        p, r, lp, lr, n_e, n_g = scores(expected, got)
        matched = [v for v in kinds.values() if v[1] is not None]
        kind_acc = sum(a == b for a, b in matched) / len(matched) if matched else 1.0
        print(
            f"| {label} | {n_e} | {n_g} | {p:.3f} | {r:.3f} | {lp:.3f} | {lr:.3f} "
            f"| {kind_acc:.3f} |"
        )
        totals_e |= {(f"{label}:{k[0]}", *k[1:]) for k in expected}
        totals_g |= {(f"{label}:{k[0]}", *k[1:]) for k in got}
        totals_k.update({(f"{label}:{k[0]}", *k[1:]): v for k, v in kinds.items()})
    p, r, lp, lr, n_e, n_g = scores(totals_e, totals_g)
    matched = [v for v in totals_k.values() if v[1] is not None]
    kind_acc = sum(a == b for a, b in matched) / len(matched)
    print(f"| all | {n_e} | {n_g} | {p:.3f} | {r:.3f} | {lp:.3f} | {lr:.3f} | {kind_acc:.3f} |")

    if not REUTERS.is_dir():
        print("\nReuters-21578 not found at ../shared/data/reuters21578: speed not measured.")
        return
    stories = reuters_stories(args.stories)
    corpus = load_corpus(stories)
    load_nlp()
    warm = load_corpus(stories.head(5))
    extract_sources(warm, parse_corpus(warm), reused=NO_REUSE)  # warm-up
    start = time.perf_counter()
    for _ in parse_paragraphs(corpus):
        pass
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    parsed = parse_corpus(corpus)
    found = extract_sources(corpus, parsed, reused=NO_REUSE)
    seconds = time.perf_counter() - start
    words = int(corpus.articles["text"].str.split().str.len().sum())
    print("\n### Source extraction speed (Reuters-21578)\n")
    print(
        "| stories | paragraphs | words | attributions | seconds | stories/s | attributions/s "
        "| words/s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(corpus)} | {len(corpus.paragraphs)} | {words} | {len(found)} | {seconds:.1f} | "
        f"{len(corpus) / seconds:.1f} | {len(found) / seconds:.1f} | {words / seconds:.0f} |"
    )
    print(
        f"\nThe spaCy parse alone (same paragraphs, run separately): {parse_seconds:.1f} s "
        f"({words / parse_seconds:.0f} words/s). Load average at the end: "
        f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores."
    )
    kinds = found["source_kind"].value_counts().to_dict()
    cues = found["cue"].str.lower().value_counts().head(8).to_dict()
    print(f"\nSource kinds: {kinds}. Most frequent cues: {cues}.")

    entities = extract_entities(parsed)
    start = time.perf_counter()
    overlap = source_overlap(corpus, sources=found, entities=entities, reused=NO_REUSE)
    overlap_seconds = time.perf_counter() - start
    start = time.perf_counter()
    matrix = source_matrix(found)
    matrix_seconds = time.perf_counter() - start
    pairs = len(corpus) * (len(corpus) - 1) // 2
    print("\n### Source overlap (Reuters-21578)\n")
    print("| stories | all pairs | rows | share | seconds | CSV MB | matrix rows |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(corpus)} | {pairs} | {len(overlap)} | {len(overlap) / max(pairs, 1):.3f} "
        f"| {overlap_seconds:.1f} | {len(table_bytes(overlap, 'csv')) / 1e6:.1f} "
        f"| {len(matrix)} ({matrix_seconds:.2f} s) |"
    )


if __name__ == "__main__":
    main()
