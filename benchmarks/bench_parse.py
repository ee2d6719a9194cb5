"""The floor of the report's sources step: the spaCy parse of a corpus's distinct paragraphs alone.

Run from the project root::

    .venv/bin/python benchmarks/bench_parse.py CORPUS [--workers 1 2]

``CORPUS`` is any path :func:`analysis.load_corpus` reads. For each number of workers, in a fresh
child process, the paragraphs are parsed as the report's sources step parses them
(:class:`analysis.sources.parsing.ParagraphParse`, no parse cache; ``1`` is the in-process parse,
more are worker processes) and every doc is read once; nothing else is done with them. Wall and
CPU seconds (the child's own and its workers', user + sys) count the parse from the first
paragraph to the last doc, not reading the corpus or loading the model. The docs of every run are
compared with the first run's (sha256 of :func:`analysis.sources.docstore.pack_docs`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(corpus_path: str, workers: int) -> dict:
    from analysis import load_corpus
    from analysis.sources.docstore import pack_docs
    from analysis.sources.parsing import ParagraphParse, load_nlp

    corpus = load_corpus(corpus_path, errors="collect")
    load_nlp()
    started, cpu = time.perf_counter(), _cpu()
    parse = ParagraphParse(corpus, workers=None if workers == 1 else workers)
    digest, seen = hashlib.sha256(), set()
    for _, _, doc in parse:
        if doc.text not in seen:  # a recycled paragraph's doc serves every copy
            seen.add(doc.text)
            digest.update(pack_docs([doc]))
    return {
        "wall": time.perf_counter() - started,
        "cpu": _cpu() - cpu,
        "articles": len(corpus),
        "paragraphs": len(corpus.paragraphs),
        "distinct": corpus.paragraphs["text"].nunique(),
        "digest": digest.hexdigest()[:16],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.corpus, args.child)))
        return
    rows = []
    for workers in args.workers:
        out = subprocess.run(
            [sys.executable, __file__, args.corpus, "--child", str(workers)],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        rows.append((workers, json.loads(out.stdout.strip().splitlines()[-1])))
        print(f"{workers} worker(s): {rows[-1][1]['wall']:.1f} s", file=sys.stderr)
    first = rows[0][1]
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average at the end {os.getloadavg()[0]:.2f}; "
        f"{first['articles']:,} articles, {first['paragraphs']:,} paragraphs, "
        f"{first['distinct']:,} distinct\n"
    )
    print("| workers | wall s | CPU s | CPU ms per distinct paragraph | docs as the first run's |")
    print("|---:|---:|---:|---:|---|")
    for workers, row in rows:
        per = 1000 * row["cpu"] / row["distinct"]
        same = "yes" if row["digest"] == first["digest"] else "NO"
        print(f"| {workers} | {row['wall']:.1f} | {row['cpu']:.1f} | {per:.2f} | {same} |")


if __name__ == "__main__":
    main()
