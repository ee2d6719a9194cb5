"""Benchmark reuse detection on Reuters-21578 against exhaustive alignment and two peers.

Run from the project root::

    .venv/bin/python benchmarks/bench_reuse.py

What it measures
----------------
* **Whole corpus** (19,043 stories with a body), each method in a fresh child process so that its
  peak memory is its own: wall time, peak resident memory, passages, article pairs, families.
  Methods: ``analysis.find_reuse`` (every candidate pair, without and with paraphrase search, and
  ``sources="covering"``), and a plain baseline: datasketch MinHash-LSH over each story's word
  4-gram shingles, then ``difflib.SequenceMatcher`` on the words of every LSH candidate pair,
  keeping matching blocks of 10 words or more.
* **Recall** against exhaustive alignment: ``--sample`` stories drawn at random (fixed seed); each
  is paired with *every* other story (source = the earlier one) and every pair is aligned with
  :func:`analysis.align_pair` (a pair that shares no word 4-gram cannot hold a passage and is
  skipped without changing the result). Each reference passage of 10+ words counts as found by a
  method when the method reports a passage for the same pair whose target span covers at least
  half of it ("exact" also requires identical offsets).
* **text-matcher** (PyPI 0.1.6), run in process on the sampled pairs that hold reference
  passages (its Python cost rules out all pairs), and on the seeds, where its boundaries on the
  shared background block are compared with the true paragraph boundaries. NLTK's stopword list
  cannot be downloaded here, so it runs with ``removeStopwords=False``.

The script prints Markdown; ``--output`` also writes it to a file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pickle
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pandas as pd

import analysis
from analysis.corpus.reuters import read_reuters
from analysis.paths import PROJECT_ROOT, SEEDS_DIR, SHARED_DATA_DIR
from analysis.reuse.alignment import align_pair
from analysis.reuse.index import ngram_hashes, word_keys

MIN_WORDS = 10
WORD_RE = re.compile(r"\w+")
METHODS = {
    "find_reuse": {"paraphrase": False},
    "find_reuse_paraphrase": {"paraphrase": True},
    "find_reuse_covering": {"paraphrase": False, "sources": "covering"},
    "minhash_difflib": None,
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def minhash_difflib(corpus: analysis.Corpus, *, threshold: float = 0.3, num_perm: int = 128):
    """The plain baseline: document MinHash-LSH candidates, difflib matching blocks."""
    from datasketch import MinHash, MinHashLSH

    texts = corpus.articles["text"]
    dates = corpus.articles["date"]
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    words, hashes = {}, {}
    for article_id, text in texts.items():
        spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
        tokens = [text[s:e].lower() for s, e in spans]
        words[article_id] = (spans, tokens)
        shingles = {" ".join(tokens[i : i + 4]).encode() for i in range(len(tokens) - 3)}
        m = MinHash(num_perm=num_perm, seed=1)
        m.update_batch(list(shingles) or [b""])
        hashes[article_id] = m
        lsh.insert(article_id, m)
    rows = []
    for article_id in texts.index:
        for other in sorted(lsh.query(hashes[article_id])):
            if other == article_id or (dates[other], other) > (dates[article_id], article_id):
                continue
            (s_spans, s_tokens), (t_spans, t_tokens) = words[other], words[article_id]
            matcher = SequenceMatcher(None, s_tokens, t_tokens, autojunk=False)
            for block in matcher.get_matching_blocks():
                if block.size >= MIN_WORDS:
                    rows.append(
                        {
                            "source_id": other,
                            "target_id": article_id,
                            "source_start": s_spans[block.a][0],
                            "source_end": s_spans[block.a + block.size - 1][1],
                            "target_start": t_spans[block.b][0],
                            "target_end": t_spans[block.b + block.size - 1][1],
                            "kind": "verbatim",
                            "similarity": 1.0,
                            "n_words": block.size,
                            "edits": "",
                        }
                    )
    return pd.DataFrame(rows, columns=analysis.reuse.REUSE_COLUMNS)


def run_child(method: str, corpus_path: str, out_path: str) -> None:
    """Child process: load the pickled corpus, run one method, report time and memory."""
    with open(corpus_path, "rb") as handle:
        corpus = pickle.load(handle)
    before = peak_rss_mb()
    start = time.perf_counter()
    if METHODS[method] is None:
        reuse = minhash_difflib(corpus)
    else:
        reuse = analysis.find_reuse(corpus, **METHODS[method])
    wall = time.perf_counter() - start
    reuse.to_pickle(out_path)
    print(json.dumps({"wall": wall, "rss_before": before, "rss_peak": peak_rss_mb()}))


def exhaustive_reference(corpus: analysis.Corpus, sample: list[str]) -> tuple[pd.DataFrame, float]:
    """Align every pair (sampled story, any other story); return passages of 10+ words."""
    texts = corpus.articles["text"]
    dates = corpus.articles["date"]
    grams = {a: frozenset(ngram_hashes(word_keys(t), 4).tolist()) for a, t in texts.items()}
    start = time.perf_counter()
    rows = []
    for article_id in sample:
        mine = grams[article_id]
        for other, theirs in grams.items():
            if other == article_id or mine.isdisjoint(theirs):
                continue
            source, target = sorted((article_id, other), key=lambda a: (dates[a], a))
            for p in align_pair(texts[source], texts[target], paraphrase=False):
                if p["n_words"] >= MIN_WORDS:
                    rows.append({"source_id": source, "target_id": target, **p})
    return pd.DataFrame(rows), time.perf_counter() - start


def recall(reference: pd.DataFrame, found: pd.DataFrame) -> tuple[float, float, float, int]:
    """Recall of ``found`` on the reference passages: (same pair, target span covering at least
    half of the passage), (same pair, identical offsets), (any source: at least half of the
    passage's target characters recycled), and the number of reference passages."""
    if reference.empty:
        return float("nan"), float("nan"), float("nan"), 0
    index: dict[tuple[str, str], list] = {}
    by_target: dict[str, list[tuple[int, int]]] = {}
    for row in found.itertuples(index=False):
        index.setdefault((row.source_id, row.target_id), []).append(row)
        by_target.setdefault(row.target_id, []).append((row.target_start, row.target_end))
    hit = exact = covered = 0
    for ref in reference.itertuples(index=False):
        candidates = index.get((ref.source_id, ref.target_id), [])
        length = ref.target_end - ref.target_start
        if any(
            2 * (min(ref.target_end, c.target_end) - max(ref.target_start, c.target_start))
            >= length
            for c in candidates
        ):
            hit += 1
        if any(
            (c.source_start, c.source_end, c.target_start, c.target_end)
            == (ref.source_start, ref.source_end, ref.target_start, ref.target_end)
            for c in candidates
        ):
            exact += 1
        mask = np.zeros(length, dtype=bool)
        for start, end in by_target.get(ref.target_id, ()):
            mask[
                max(start, ref.target_start) - ref.target_start : max(
                    0, min(end, ref.target_end) - ref.target_start
                )
            ] = True
        covered += 2 * int(mask.sum()) >= length
    n = len(reference)
    return hit / n, exact / n, covered / n, n


def text_matcher_pairs(corpus: analysis.Corpus, pairs: list[tuple[str, str]]):
    """Run text-matcher in process on each pair; return its passages and the time taken."""
    from text_matcher.matcher import Matcher, Text

    texts = corpus.articles["text"]
    rows = []
    start = time.perf_counter()
    for source, target in pairs:
        with contextlib.redirect_stdout(io.StringIO()):
            a = Text(texts[source], source, removeStopwords=False)
            b = Text(texts[target], target, removeStopwords=False)
            if a.text != texts[source] or b.text != texts[target]:
                continue
            try:
                _, spans_a, spans_b = Matcher(a, b).match()
            except (IndexError, ValueError):
                continue
        for (s0, s1), (t0, t1) in zip(spans_a, spans_b, strict=True):
            rows.append(
                {
                    "source_id": source,
                    "target_id": target,
                    "source_start": s0,
                    "source_end": s1,
                    "target_start": t0,
                    "target_end": t1,
                }
            )
    return pd.DataFrame(rows), time.perf_counter() - start


def seed_boundaries() -> list[tuple[str, str, str]]:
    """Where each method puts the seeds' shared background block, against the true boundaries."""
    from text_matcher.matcher import Matcher, Text

    corpus = analysis.load_corpus(SEEDS_DIR)
    old, new = corpus.articles.sort_values("date").index
    paras = corpus.paragraphs.set_index(["article_id", "para"])
    truth = (
        paras.loc[(old, 7), "start"],
        paras.loc[(old, 10), "end"],
        paras.loc[(new, 4), "start"],
        paras.loc[(new, 7), "end"],
    )
    ours = analysis.find_reuse(corpus)
    block = ours[ours["kind"] == "verbatim"].iloc[0]
    with contextlib.redirect_stdout(io.StringIO()):
        _, spans_a, spans_b = Matcher(
            Text(corpus.text(old), old, removeStopwords=False),
            Text(corpus.text(new), new, removeStopwords=False),
        ).match()
    longest = max(range(len(spans_a)), key=lambda i: spans_a[i][1] - spans_a[i][0])
    theirs = (*spans_a[longest], *spans_b[longest])

    def describe(found) -> str:
        parts = []
        for (side, text), (f0, f1), (t0, t1) in zip(
            ((old, corpus.text(old)), (new, corpus.text(new))),
            (found[:2], found[2:]),
            (truth[:2], truth[2:]),
            strict=True,
        ):
            before = _word_difference(text, f0, t0)
            after = _word_difference(text, t1, f1)
            parts.append(f"{'2021' if side == old else '2022'}: start {before}, end {after}")
        return "; ".join(parts)

    return [
        (
            "analysis.find_reuse",
            str(
                tuple(
                    int(v)
                    for v in (
                        block.source_start,
                        block.source_end,
                        block.target_start,
                        block.target_end,
                    )
                )
            ),
            describe((block.source_start, block.source_end, block.target_start, block.target_end)),
        ),
        ("text-matcher", str(tuple(int(v) for v in theirs)), describe(theirs)),
        ("truth (paragraph boundaries)", str(tuple(int(v) for v in truth)), "exact"),
    ]


def _word_difference(text: str, first: int, second: int) -> str:
    """How the found boundary compares with the true one, in characters and words."""
    if first == second:
        return "exact"
    low, high = sorted((first, second))
    words = len(WORD_RE.findall(text[low:high]))
    direction = "over" if first < second else "short"
    return f"{direction} by {high - low} chars ({words} words)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA_DIR / "reuters21578")
    parser.add_argument("--sample", type=int, default=300, help="stories for the recall check")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tm-pairs", type=int, default=150, help="pairs for text-matcher")
    parser.add_argument("--repeat", type=int, default=3, help="runs per whole-corpus method")
    parser.add_argument("--output", type=Path)
    parser.add_argument(
        "--child", nargs=3, metavar=("METHOD", "CORPUS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        run_child(*args.child)
        return
    if not args.data.is_dir():
        sys.exit(f"{args.data}: Reuters-21578 not found (see ../shared/data/README.md)")

    load = os.getloadavg()[0]
    start = time.perf_counter()
    frame = read_reuters(args.data)
    corpus = analysis.load_corpus(frame)
    read_time = time.perf_counter() - start
    skipped = frame.attrs["skipped"]

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus_path = os.path.join(tmp, "corpus.pkl")
        with open(corpus_path, "wb") as handle:
            pickle.dump(corpus, handle)
        for method in METHODS:
            out = os.path.join(tmp, f"{method}.pkl")
            runs = []
            for _ in range(args.repeat):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", method, corpus_path, out],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=PROJECT_ROOT,
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            stats = min(runs, key=lambda r: r["wall"])
            stats["median"] = float(np.median([r["wall"] for r in runs]))
            results[method] = (stats, pd.read_pickle(out))

    rng = random.Random(args.seed)
    sample = sorted(rng.sample(sorted(corpus.articles.index), args.sample))
    reference, reference_time = exhaustive_reference(corpus, sample)
    reference_pairs = sorted(set(zip(reference["source_id"], reference["target_id"], strict=True)))
    n_pairs = args.sample * (len(corpus) - 1) - args.sample * (args.sample - 1) // 2
    tm_pairs = reference_pairs[: args.tm_pairs]
    tm_found, tm_time = text_matcher_pairs(corpus, tm_pairs)
    tm_reference = reference[
        [
            pair in set(tm_pairs)
            for pair in zip(reference["source_id"], reference["target_id"], strict=True)
        ]
    ]

    lines = [
        "## Boilerplate reuse on Reuters-21578",
        "",
        f"Command: `.venv/bin/python benchmarks/bench_reuse.py --sample {args.sample} "
        f"--seed {args.seed} --tm-pairs {args.tm_pairs} --repeat {args.repeat}`  ",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}, {platform.system()}; load average {load:.2f} at the "
        "start (other jobs share the cores).  ",
        f"Corpus: {len(corpus):,} stories with a body read in {read_time:.1f} s; "
        f"{len(skipped):,} stories skipped and counted "
        f"({', '.join(f'{n:,} {r}' for r, n in skipped['reason'].value_counts().items())}).",
        "",
        "### Whole corpus",
        "",
        "| method | wall time (s): best (median) | peak RSS (MB) | passages | article pairs | "
        "families | "
        f"recall, {MIN_WORDS}+ words: pair overlap / exact / text covered |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    labels = {
        "find_reuse": "`find_reuse` (all candidate pairs, no paraphrase)",
        "find_reuse_paraphrase": "`find_reuse` with paraphrase search",
        "find_reuse_covering": '`find_reuse(sources="covering")`',
        "minhash_difflib": "datasketch MinHash-LSH (0.3, 128 perm) + difflib",
    }
    for method, (stats, reuse) in results.items():
        long = reuse[reuse["n_words"] >= MIN_WORDS] if len(reuse) else reuse
        families = analysis.boilerplate_families(corpus, reuse)
        hit, exact, covered, total = recall(reference, long)
        lines.append(
            f"| {labels[method]} | {stats['wall']:.1f} ({stats['median']:.1f}) | "
            f"{stats['rss_peak']:.0f} "
            f"(+{stats['rss_peak'] - stats['rss_before']:.0f}) | {len(reuse):,} | "
            f"{len(reuse[['source_id', 'target_id']].drop_duplicates()):,} | {len(families):,} | "
            f"{hit:.4f} / {exact:.4f} / {covered:.4f} |"
        )
    hit, exact, covered, total = recall(tm_reference, tm_found)
    lines += [
        f"| text-matcher 0.1.6, on {len(tm_pairs)} sampled pairs with reuse | "
        f"{tm_time:.1f} ({1000 * tm_time / max(len(tm_pairs), 1):.0f} ms/pair) | | "
        f"{len(tm_found):,} | {len(tm_pairs)} | | {hit:.4f} / {exact:.4f} / {covered:.4f} "
        f"(of {total} passages) |",
        "",
        f"Exhaustive reference: {args.sample} random stories (seed {args.seed}) x every other "
        f"story = {n_pairs:,} pairs, aligned in {reference_time:.1f} s; {len(reference):,} "
        f"passages of {MIN_WORDS}+ words in {len(reference_pairs):,} pairs. Wall time: best and "
        f"median of {args.repeat} runs, each in a fresh process. Peak RSS in parentheses: added "
        "by the method over the loaded corpus. Recall: *pair overlap*, the "
        "method reports a passage in the same pair covering at least half of the reference "
        "passage's target span; *exact*, identical offsets on both sides; *text covered*, at "
        "least half of the reference passage's target text is reported as recycled, from any "
        'source (the measure that fits `sources="covering"`, which names one source per '
        "recycled stretch).",
        "",
        "### The seeds' shared background block",
        "",
        "| method | span (source start, end, target start, end) | boundaries |",
        "|---|---|---|",
    ]
    lines += [f"| {m} | {span} | {how} |" for m, span, how in seed_boundaries()]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
