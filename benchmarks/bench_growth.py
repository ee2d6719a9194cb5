"""Time, memory and growth of ``find_reuse`` with corpus size, for code trees side by side.

Run from the project root::

    .venv/bin/python benchmarks/bench_growth.py --sizes 0.125 0.25 0.5 1 \\
        --tree before=../main/src --tree after=src --repeat 2

Each (tree, size, repeat) runs in a fresh child process with ``PYTHONPATH`` set to the tree, so
its peak resident memory is its own and two versions of the package are measured in one run, on
one machine, alternating (the machine is shared: compare ratios within a run, not seconds across
runs). A size below 1 is the first stories of Reuters-21578 in NEWID order; a size of 2 or more is
built as in ``bench_pipeline.py`` (copies whose words get a copy-specific ending, or with
``--copy-tags start`` a copy-specific beginning, which leaves the copies no common stem). Only
``find_reuse`` is timed, in wall and CPU seconds (CPU time of the process and of the worker
processes it forked, ``processes`` above 1: on a shared machine CPU time drifts far less than
wall time); reading and ``load_corpus`` are reported apart. The peak memory of the workers is
reported apart (forked, they share the pages of the parent they do not write to).
``recycled`` is the number of characters of verbatim or edited passages (the union per article,
:func:`analysis.reuse_share`) and ``recycling`` the number of articles holding any. The growth
exponent between two sizes is ``log(t2 / t1) / log(n2 / n1)`` of CPU times, and the overall one
is the least-squares slope of ``log t`` on ``log n``.

``--options`` passes ``find_reuse`` keywords as JSON (``'{"paraphrase": false}'``) to every tree,
``--tree-options NAME=JSON`` to one tree (``--tree-options 'after2={"processes": 2}'``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(size: float, options: dict, tag_at: str = "end") -> dict:
    import analysis
    from analysis.corpus.reuters import read_reuters

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pipeline import REUTERS, scaled_frame

    started = time.perf_counter()
    frame = scaled_frame(read_reuters(REUTERS), size, tag_at)
    corpus = analysis.load_corpus(frame, errors="collect")
    load = time.perf_counter() - started
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = _children_cpu()
    started, cpu = time.perf_counter(), time.process_time()
    reuse = analysis.find_reuse(corpus, **options)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    workers = _children_cpu() - workers
    share = analysis.reuse_share(corpus, reuse[reuse["kind"].isin(["verbatim", "edited"])])
    return {
        "cpu": cpu + workers,
        "worker_cpu": workers,
        "worker_peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "recycled": int(share["reused_chars"].sum()),
        "recycling": int((share["reused_chars"] > 0).sum()),
        "articles": len(corpus),
        "load": load,
        "wall": wall,
        "rss_before": before,
        "rss_peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "passages": len(reuse),
        "kinds": reuse["kind"].value_counts().sort_index().to_dict(),
    }


def _children_cpu() -> float:
    """CPU seconds of the worker processes that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def slope(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.125, 0.25, 0.5, 1])
    parser.add_argument(
        "--tree", action="append", help="NAME=PATH of a src/ folder (default: this tree)"
    )
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--options", default="{}", help="find_reuse keywords as JSON")
    parser.add_argument(
        "--tree-options",
        action="append",
        default=[],
        help="NAME=JSON: find_reuse keywords for one tree only (e.g. processes)",
    )
    parser.add_argument(
        "--copy-tags",
        choices=("end", "start"),
        default="end",
        help="where a copy's tag goes in each word for sizes of 2 or more (bench_pipeline.py)",
    )
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    options = json.loads(args.options)
    if args.child:
        print(json.dumps(child(args.child, options, args.copy_tags)))
        return
    trees = [t.split("=", 1) for t in (args.tree or [f"this={ROOT / 'src'}"])]
    tree_options = {
        name: json.loads(value) for name, value in (t.split("=", 1) for t in args.tree_options)
    }
    results: dict[tuple[str, float], list[dict]] = {}
    for _ in range(args.repeat):
        for size in args.sizes:
            for name, path in trees:
                env = {**os.environ, "PYTHONPATH": str(Path(path).resolve())}
                mine = json.dumps({**options, **tree_options.get(name, {})})
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(size), "--options", mine]
                    + ["--copy-tags", args.copy_tags],
                    check=True,
                    stdout=subprocess.PIPE,
                    text=True,
                    env=env,
                )
                result = json.loads(out.stdout.strip().splitlines()[-1])
                results.setdefault((name, size), []).append(result)
                print(f"{name} {size:g}: {result['wall']:.1f} s", file=sys.stderr)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average at the end "
        f"{os.getloadavg()[0]:.2f}; options {options or 'defaults'}; copy tags at the "
        f"{args.copy_tags} of words\n"
    )
    header = "| tree | size | articles | load s | find_reuse wall s | CPU s | CPU vs first tree | "
    header += "CPU exponent vs previous size | of which workers s | peak MiB | worker peak MiB | "
    header += "passages | recycled chars | articles recycling | kinds |"
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    first = trees[0][0]
    for name, _ in trees:
        previous = None
        for size in args.sizes:
            runs = results[(name, size)]
            wall = min(r["wall"] for r in runs)
            best = min(r["cpu"] for r in runs)
            base = min(r["cpu"] for r in results[(first, size)])
            n = runs[0]["articles"]
            exponent = (
                f"{math.log(best / previous[1]) / math.log(n / previous[0]):.2f}"
                if previous
                else ""
            )
            previous = (n, best)
            kinds = ", ".join(f"{k} {v:,}" for k, v in runs[0]["kinds"].items())
            print(
                f"| {name} | {size:g} | {n:,} | {min(r['load'] for r in runs):.1f} | {wall:.2f} | "
                f"{best:.2f} | {best / base:.2f} | {exponent} | "
                f"{min(r.get('worker_cpu', 0.0) for r in runs):.2f} | "
                f"{max(r['rss_peak'] for r in runs):.0f} | "
                f"{max(r.get('worker_peak', 0.0) for r in runs):.0f} | {runs[0]['passages']:,} | "
                f"{runs[0]['recycled']:,} | {runs[0]['recycling']:,} | {kinds} |"
            )
    print()
    for name, _ in trees if len(args.sizes) > 1 else []:
        points = [
            (results[(name, s)][0]["articles"], min(r["cpu"] for r in results[(name, s)]))
            for s in args.sizes
        ]
        print(f"- {name}: CPU growth exponent (log-log slope over all sizes) {slope(points):.2f}")


if __name__ == "__main__":
    main()
