"""Loading benchmark: 100,000 small article files, and one 200 MB JSON Lines file.

Usage::

    .venv/bin/python benchmarks/bench_loading.py                        # this tree only
    .venv/bin/python benchmarks/bench_loading.py --compare ../baseline/src --repeat 3

The inputs are written once into a temporary folder from the Reuters-21578 stories (cycled, each
copy with its own id and date; the text is never stored in the project): ``files`` is a folder of
100,000 seed-format text files (a header ` date YYYY-MM-DD By AUTHOR`, then the paragraphs), and
``jsonl`` one JSON Lines file of about 200 MB with the columns ``id, date, author, text``.

Each load runs in a fresh child process (``load_corpus(path, errors="collect")``), so its time and
peak memory (``ru_maxrss`` of the child) are its own. With ``--compare SRC`` the same loads run
with ``PYTHONPATH=SRC`` too, alternating with this tree's in one run, and the table gives the
ratios: the machine is shared, so absolute times drift while ratios hold.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"

CHILD = r"""
import resource, sys, time
started = time.perf_counter()
from analysis import load_corpus
corpus = load_corpus(sys.argv[1], errors="collect")
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.3f} {peak:.1f} {len(corpus)} {len(corpus.problems)}")
"""


def write_inputs(folder: Path, files: int, megabytes: int) -> dict[str, Path]:
    """Write the two inputs from the Reuters stories; return their paths by case name."""
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.corpus.reuters import read_reuters

    stories = read_reuters(REUTERS)
    stories = stories[stories["text"].str.strip().astype(bool)].reset_index(drop=True)
    texts = stories["text"].tolist()
    small = folder / "files"
    small.mkdir()
    for number in range(files):
        year = 1987 + number // len(texts)
        day = f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        body = texts[number % len(texts)]
        (small / f"a{number:06d}.txt").write_text(f" date {day} By Reuters\n\n{body}\n")
    big = folder / "big.jsonl"
    limit, number = megabytes * 1_000_000, 0
    with big.open("w", encoding="utf-8") as handle:
        while handle.tell() < limit:
            row = {
                "id": f"r{number:07d}",
                "date": f"{1987 + number // len(texts)}-03-{1 + number % 28:02d}",
                "author": "Reuters",
                "text": texts[number % len(texts)],
            }
            handle.write(json.dumps(row) + "\n")
            number += 1
    return {"files": small, "jsonl": big}


def load_once(path: Path, src: Path) -> tuple[float, float, int, int]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", CHILD, str(path)]
    out = subprocess.run(
        command, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another src/ folder to load with")
    args = parser.parse_args(argv)
    trees = {"this tree": ROOT / "src"}
    if args.compare:
        trees["compared"] = args.compare.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp), args.files, args.megabytes)
        size = inputs["jsonl"].stat().st_size / 1e6
        results: dict[tuple[str, str], list[tuple[float, float, int, int]]] = {}
        for _ in range(args.repeat):
            for case, path in inputs.items():
                for name, src in trees.items():
                    results.setdefault((case, name), []).append(load_once(path, src))
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {python}")
    print(f"inputs: {args.files} files; one JSON Lines file of {size:.0f} MB")
    print("| input | tree | articles | problems | seconds (median) | peak MB (median) |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for (case, name), runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        peak = statistics.median(r[1] for r in runs)
        medians[case, name] = (seconds, peak)
        print(f"| {case} | {name} | {runs[0][2]} | {runs[0][3]} | {seconds:.2f} | {peak:.0f} |")
    if args.compare:
        for case in inputs:
            (s1, m1), (s0, m0) = medians[case, "this tree"], medians[case, "compared"]
            print(f"{case}: time ratio {s1 / s0:.2f}, memory ratio {m1 / m0:.2f} (this / compared)")


if __name__ == "__main__":
    main()
