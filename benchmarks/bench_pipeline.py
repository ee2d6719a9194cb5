"""Scale benchmark: the whole pipeline on Reuters-21578 and on corpora 2x, 5x and 10x its size.

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py                      # 1x 2x 5x 10x, all steps
    .venv/bin/python benchmarks/bench_pipeline.py --sizes 1 2 --steps load reuse
    .venv/bin/python benchmarks/bench_pipeline.py --stories 1000 4000 --steps report

Each size runs in a fresh child process, so its peak memory (``ru_maxrss``) is its own. The steps
are the ones ``python -m analysis report`` runs: load (the Reuters reader and ``load_corpus``),
reuse (``find_reuse``, families, reuse shares, reused spans), chronology (``timeline_mentions``,
``build_timeline``) and sources (``extract_sources``, ``extract_entities``, ``source_overlap``,
``source_matrix``, timed apart as ``overlap``). The ``report`` step is instead the whole of
``python -m analysis report`` (``run_report``, with ``errors="collect"``, into a temporary folder),
timed per report step (corpus, reuse, chronology, sources) and for writing the files (tables,
figures, ``report.html``), in wall seconds and in CPU seconds of the process (``cpu ...``: on a
shared machine the CPU seconds are what the run itself costs). ``--stories N`` takes the first N
stories instead of a size factor.

Growing the corpus: copy 0 is Reuters itself; copy ``k`` (k >= 1) is Reuters again with every
word of two or more letters given a copy-specific ending (``price`` -> ``pricekb``), except month
and weekday names; numbers are kept. Within a copy, text shared by two stories stays shared, so
each copy carries Reuters' own reuse; across copies no run of words survives, so the copies do not
pair with each other (exact copies, or copies that keep short words, are edited reprints of one
another, and the reuse work grows with the square of the number of copies). The chronology step
still finds the month-and-day dates; relative expressions ("last week") and reporting verbs are
only found in copy 0.

An ending keeps the first six letters of a long word (``minister`` -> ``ministerkb``), and those
six letters are the stems the paraphrase, rewrite and template searches compare: with endings,
every copy of a story is a rewrite of every other copy; and words in capitals and numbers are
kept, so tables of figures and lines in capitals pair across copies. ``tag_at="start"``
(``--copy-tags start`` of ``bench_growth.py``) puts the tag first instead, on every word that is
not a stop word (:data:`analysis.lexicon.stop_words.STOP_WORDS`), a month or a weekday name
(``price`` -> ``kbprice``, ``Japan`` -> ``Kbjapan``, ``WHEAT`` -> ``KBWHEAT``), and the copy's
number before every run of digits (``2.55`` -> ``12.155`` in copy 1): no content stem, word in
capitals or figure survives across copies, while stop words stay stop words and figures stay
figures, so each copy is a corpus with Reuters' own reuse, templates and paraphrases (its dates
are not Reuters', so it is for the reuse search only).
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.lexicon.calendar import MONTHS
from analysis.lexicon.calendar_names import WEEKDAY_NAMES
from analysis.lexicon.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"
STEPS = ("load", "reuse", "chronology", "sources", "report")
_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")
_KEPT = frozenset(
    [form.capitalize() for form in MONTHS] + [name.capitalize() for name in WEEKDAY_NAMES.values()]
)
_WORD_OR_FIGURE = re.compile(r"\b[A-Za-z][A-Za-z]+\b|\d+")
_TAGS = "bcdfghjklmnpqrstvwxz"


def scaled_frame(frame: pd.DataFrame, factor: float, tag_at: str = "end") -> pd.DataFrame:
    """Return ``factor`` copies of ``frame``; copies after the first have their own words, their
    tag at the ``"end"`` or the ``"start"`` of each word. A factor below 1 takes the first
    stories (in NEWID order)."""
    if tag_at not in ("end", "start"):
        raise ValueError(f"tag_at must be 'end' or 'start', got {tag_at!r}")
    frame = frame.copy()
    frame.attrs = {}
    if factor < 1:
        return frame.head(int(len(frame) * factor)).reset_index(drop=True)
    factor = int(factor)
    copies = [frame]
    for k in range(1, factor):
        tag = _TAGS[k % len(_TAGS)] + _TAGS[k // len(_TAGS)]
        copy = frame.copy()
        copy["id"] = copy["id"] + f"~{k}"
        copy["text"] = copy["text"].str.replace(
            _WORD if tag_at == "end" else _WORD_OR_FIGURE,
            functools.partial(_tagged, tag=tag, at=tag_at, number=str(k)),
            regex=True,
        )
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def _tagged(match: re.Match, tag: str, at: str, number: str) -> str:
    word = match.group(0)
    if at == "end":
        return word if word in _KEPT else word + tag
    if word.isdigit():
        return number + word
    if word in _KEPT or word.casefold() in STOP_WORDS:
        return word
    if word.isupper():
        return tag.upper() + word
    if word[0].isupper():
        return tag.capitalize() + word[0].lower() + word[1:]
    return tag + word


def run_report_steps(frame: pd.DataFrame) -> tuple[dict[str, float], dict[str, int]]:
    """``run_report`` on ``frame`` into a temporary folder: seconds per step and for writing."""
    import tempfile

    from analysis.report.pipeline import run_report
    from analysis.report.steps import DEFAULT_STEPS

    timings: dict[str, float] = {}

    def timed(step):
        def run(state):
            t0, c0 = time.perf_counter(), time.process_time()
            section = step(state)
            timings[f"report {section.key}"] = time.perf_counter() - t0
            timings[f"cpu {section.key}"] = time.process_time() - c0
            return section

        return run

    with tempfile.TemporaryDirectory() as out:
        t0, c0 = time.perf_counter(), time.process_time()
        result = run_report(
            frame, out, errors="collect", steps=[timed(s) for s in DEFAULT_STEPS], progress=False
        )
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
        overlap = Path(out) / "tables" / "sources_overlap.csv"
        counts = {
            "overlap rows": sum(1 for _ in overlap.open()) - 1,
            "overlap csv MB": round(overlap.stat().st_size / 1e6, 1),
        }
    timings["report writing"] = total - sum(v for k, v in timings.items() if k.startswith("report"))
    timings["cpu writing"] = cpu - sum(v for k, v in timings.items() if k.startswith("cpu"))
    timings["report"], timings["cpu"] = total, cpu
    counts.update({k: v for k, v in result.summary.items() if isinstance(v, int)})
    return timings, counts


def run_size(
    factor: float, steps: list[str], max_df: int | None = None, stories: bool = False
) -> dict:
    """Run the pipeline steps on one corpus size in this process; return timings and memory.
    With ``stories``, ``factor`` is a number of stories (the first ones)."""
    import analysis
    from analysis.corpus.reuters import read_reuters

    timings: dict[str, float] = {}
    counts: dict[str, int] = {}
    started = time.perf_counter()
    frame = read_reuters(REUTERS)
    frame = frame.head(int(factor)) if stories else scaled_frame(frame, factor)
    if "report" in steps:
        timings, counts = run_report_steps(frame)
        counts["words"] = int(frame["text"].str.count(r"\S+").sum())
        timings["total"] = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"factor": factor, "timings": timings, "counts": counts, "peak_mib": peak_mib}
    corpus = analysis.load_corpus(frame)
    timings["load"] = time.perf_counter() - started
    counts["articles"] = len(corpus)
    counts["words"] = int(corpus.articles["text"].str.count(r"\S+").sum())
    reuse = None
    if "reuse" in steps:
        t0 = time.perf_counter()
        reuse = analysis.find_reuse(corpus, max_df=max_df)
        families = analysis.boilerplate_families(corpus, reuse)
        analysis.reuse_share(corpus, reuse)
        timings["reuse"] = time.perf_counter() - t0
        counts["passages"] = len(reuse)
        counts["families"] = len(families)
    spans = None
    if reuse is not None:
        t0 = time.perf_counter()
        spans = analysis.reused_spans(corpus, reuse)
        timings["reuse"] += time.perf_counter() - t0
    if "chronology" in steps:
        t0 = time.perf_counter()
        mentions = analysis.timeline_mentions(corpus, reuse=spans)
        timeline = analysis.build_timeline(mentions)
        timings["chronology"] = time.perf_counter() - t0
        counts["date mentions"] = len(mentions)
        counts["timeline events"] = len(timeline)
    if "sources" in steps:
        t0 = time.perf_counter()
        parsed = analysis.parse_corpus(corpus)
        sources = analysis.extract_sources(corpus, parsed, reused=spans)
        entities = analysis.extract_entities(parsed)
        timings["sources"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        overlap = analysis.source_overlap(corpus, sources=sources, entities=entities, reused=spans)
        analysis.source_matrix(sources)
        timings["overlap"] = time.perf_counter() - t0
        timings["sources"] += timings["overlap"]
        counts["attributions"] = len(sources)
        counts["overlap rows"] = len(overlap)
    timings["total"] = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"factor": factor, "timings": timings, "counts": counts, "peak_mib": peak_mib}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10])
    parser.add_argument("--steps", nargs="+", choices=STEPS[1:], default=list(STEPS[1:]))
    parser.add_argument(
        "--max-df", type=int, help="find_reuse's max_df (n-gram occurrence cap); default: none"
    )
    parser.add_argument(
        "--stories", type=int, nargs="+", help="corpus sizes as numbers of first stories"
    )
    parser.add_argument("--save", type=Path, help="also write each size's result to this folder")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(args.child, args.steps, args.max_df, args.stories is not None)))
        return
    if not REUTERS.is_dir():
        sys.exit(f"Reuters-21578 not found at {REUTERS}")
    results = []
    for factor in args.stories or args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(factor), "--steps", *args.steps]
            + (["--max-df", str(args.max_df)] if args.max_df else [])
            + (["--stories", "0"] if args.stories else []),
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"size-{factor:g}.json").write_text(json.dumps(results[-1]))
        unit = "" if args.stories else "x"
        print(f"{factor:g}{unit} done: {results[-1]['timings']['total']:.1f} s", file=sys.stderr)
    base = results[0]

    def label(r: dict) -> str:
        return f"{r['factor']:g}" + ("" if args.stories else "x")

    step_names = (
        [k for k in base["timings"] if k.startswith(("report ", "cpu"))] + ["report"]
        if "report" in args.steps
        else ["load", *args.steps] + (["overlap"] if "sources" in args.steps else [])
    )
    print(
        f"Machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {__import__('os').cpu_count()} cores\n"
    )
    header = [
        "size",
        "articles",
        "words",
        *[f"{s} s" for s in step_names],
        "total s",
        "s per 1k articles",
        "time vs first",
        "peak MiB",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in results:
        t, c = r["timings"], r["counts"]
        per_k = 1000 * t["total"] / c["articles"]
        ratio = t["total"] / base["timings"]["total"]
        cells = [
            label(r),
            f"{c['articles']:,}",
            f"{c['words']:,}",
            *[f"{t[s]:.1f}" for s in step_names],
            f"{t['total']:.1f}",
            f"{per_k:.2f}",
            f"{ratio:.2f}",
            f"{r['peak_mib']:.0f}",
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    extra = sorted({k for r in results for k in r["counts"]} - {"articles", "words"})
    print("| size | " + " | ".join(extra) + " |")
    print("|---|" + "---|" * len(extra))
    for r in results:
        print(f"| {label(r)} | " + " | ".join(f"{r['counts'].get(k, '')}" for k in extra) + " |")


if __name__ == "__main__":
    main()
