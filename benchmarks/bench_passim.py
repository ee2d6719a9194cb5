"""``find_reuse`` and passim 2.0.1 side by side on the same Reuters-21578 stories.

Run from the project root::

    .venv/bin/python benchmarks/bench_passim.py --passim ../shared/peers/passim-2.0.1

What it does
------------
* **Input**: the stories of :func:`analysis.corpus.reuters.read_reuters` as
  :func:`analysis.load_corpus` keeps them (all, or ``--sample N`` drawn with ``--seed``), written
  as passim's JSON Lines (``id``, ``series`` = ``id``, ``text`` = the corpus text), so both tools
  read the very same characters.
* **passim** is copied into a scratch folder under ``/tmp`` (never into the repository), installed
  into its own virtualenv (it pulls PySpark 4.0.1) and run as in ``../shared/peers/README.md``:
  ``spark-submit --master local[2]`` with ``--all-pairs --pairwise`` and its defaults (character
  25-grams, ``maxDF`` 100, 5 matching n-grams, alignments of 50 characters or more).
* **find_reuse** runs in a child process with every kind on, twice: its default
  (``sources="nearest"``: each stretch linked to its origin and nearest earlier copy) and
  ``sources="all"`` (every earlier article holding it, as passim's ``--all-pairs`` does).
* **Cost**: wall time; CPU time and peak resident memory of the largest process from ``wait4``
  (children included); and the peak of the summed resident memory of the process tree, sampled
  every 0.2 s from ``/proc`` (passim runs a JVM and Python workers at once).
* **Offsets**: passim's ``begin, end`` (and ``begin2, end2``) index the text it was given; every
  passage is checked: its aligned string ``s1`` (``s2``) without the gap marks ``-`` must equal
  the text between its offsets, whose hyphens the alignment writes as U+2010.
* **Agreement**, both ways, on unordered article pairs: a passage of one tool is *matched* when the
  other reports a passage on the same two articles whose character spans intersect its spans on
  both articles. Reported for all passages and by kind of ours; and, blind to pairs, the share
  of passim's passages whose two spans both cross passages of ours (with any partner).
* **Samples** to read: ``--judge`` passages found only by us and as many found only by passim
  (``sources="all"`` run, seeded), written with their texts to the scratch folder (never into the
  repository). ``--judgments FILE`` (ids, offsets and a label per passage, no text) is summarised
  into a table.

The script prints Markdown; ``--output`` also writes it to a file.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def read_stories(folder: Path, sample: int | None, seed: int) -> pd.DataFrame:
    """The stories of Reuters-21578 (or a seeded sample), ``text`` as ``load_corpus`` keeps it.

    ``date`` and ``author`` stay as the reader gives them, so the child process loads the same
    corpus (same order of articles); ``text`` is the corpus text, the one both tools read.
    """
    import analysis
    from analysis.corpus.reuters import read_reuters

    frame = read_reuters(folder)
    if sample:
        frame = frame.sample(sample, random_state=seed).sort_values("id")
    texts = analysis.load_corpus(frame, errors="collect").articles["text"]
    frame = frame.set_index("id").loc[texts.index]
    return frame.assign(text=texts)


def ours_child(stories: Path, out: Path, options: dict) -> None:
    """Run ``find_reuse`` on the stories of a JSON Lines file; pickle the passages to ``out``."""
    import analysis

    frame = pd.read_json(stories, lines=True, dtype=False)
    corpus = analysis.load_corpus(frame[["id", "date", "author", "outlet", "text"]])
    if corpus.articles["text"].to_dict() != dict(zip(frame["id"], frame["text"], strict=True)):
        raise RuntimeError("load_corpus changed the texts passim reads: offsets would differ")
    started = time.perf_counter()
    reuse = analysis.find_reuse(corpus, **options)
    reuse.attrs["find_reuse_seconds"] = time.perf_counter() - started
    reuse.to_pickle(out)


def tree_usage(root: int, cpu: dict[int, float]) -> int:
    """Summed resident bytes of ``root`` and all its descendants (from ``/proc``); ``cpu`` is
    updated with the CPU seconds each of them has used so far."""
    children: dict[int, list[int]] = collections.defaultdict(list)
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].append(int(entry))
        stats[int(entry)] = int(fields[21]) * PAGE, (int(fields[11]) + int(fields[12])) / TICKS
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        rss, seconds = stats.get(pid, (0, 0.0))
        total += rss
        cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        stack.extend(children.get(pid, ()))
    return total


def measured(command: list[str], env: dict, log: Path, done: Path | None = None) -> dict:
    """Run a command; its wall and CPU seconds, largest-process and summed-tree peak memory.

    ``cpu`` is the CPU time of the process tree sampled every 0.2 s (passim's Python workers are
    ended by the JVM without being waited for, so ``wait4`` does not count them), ``largest_mib``
    the peak of the largest process (``wait4``). A non-zero exit status fails, unless the file
    ``done`` exists: passim writes its pairwise alignments, then fails in its clustering step,
    which needs graphframes from Maven.
    """
    started = time.perf_counter()
    cpu: dict[int, float] = {}
    with open(log, "w") as handle:
        process = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT)
        peak = 0
        while True:
            peak = max(peak, tree_usage(process.pid, cpu))
            # wait4: the rusage of this child alone (with the descendants it waited for).
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.2)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 and not (done is not None and done.exists()):
        raise RuntimeError(f"{command[0]} failed ({process.returncode}); see {log}")
    cpu[process.pid] = usage.ru_utime + usage.ru_stime
    return {
        "wall": wall,
        "cpu": max(sum(cpu.values()), usage.ru_utime + usage.ru_stime),
        "largest_mib": usage.ru_maxrss / 1024,
        "tree_peak_mib": peak / 2**20,
    }


def setup_passim(source: Path, scratch: Path) -> Path:
    """Copy passim into the scratch folder and install it into a virtualenv there."""
    venv = scratch / "venv"
    if (venv / "share" / "submit-seriatim.py").exists():
        return venv
    shutil.copytree(source, scratch / "src", dirs_exist_ok=True)
    subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(scratch / "src")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return venv


def passim_command(venv: Path, stories: Path, out: Path) -> tuple[list[str], dict]:
    env = {
        **os.environ,
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "PYSPARK_PYTHON": str(venv / "bin" / "python"),
        "PYSPARK_DRIVER_PYTHON": str(venv / "bin" / "python"),
        "SPARK_CONF_DIR": str(venv / "conf"),
    }
    command = [
        str(venv / "bin" / "spark-submit"),
        "--master",
        "local[2]",
        "--driver-memory",
        "10G",
        str(venv / "share" / "submit-seriatim.py"),
        "--all-pairs",
        "--fields",
        "xxhash64(series) as gid",
        "--filterpairs",
        "gid < gid2",
        "--pairwise",
        str(stories),
        str(out) + "/",
    ]
    return command, env


def read_passim(out: Path, texts: dict[str, str]) -> pd.DataFrame:
    """passim's pairwise passages (``id, begin, end, id2, begin2, end2``), offsets verified."""
    rows = []
    for part in sorted((out / "align.json").glob("part-*.json")):
        with open(part) as handle:
            rows.extend(json.loads(line) for line in handle)
    frame = pd.DataFrame(rows)
    bad = 0
    for row in frame.itertuples():
        for ident, begin, end, aligned in (
            (row.id, row.begin, row.end, row.s1),
            (row.id2, row.begin2, row.end2, row.s2),
        ):
            # The alignment marks a gap with "-" and writes the text's own hyphens as U+2010.
            if texts[ident][begin:end].replace("-", "\u2010") != aligned.replace("-", ""):
                bad += 1
    frame.attrs["offset_mismatches"] = bad
    return frame[["id", "begin", "end", "id2", "begin2", "end2", "matches"]]


def oriented(ours: pd.DataFrame, passim: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables as ``a, a_start, a_end, b, b_start, b_end`` with ``a < b`` (unordered pairs)."""
    columns = ["a", "a_start", "a_end", "b", "b_start", "b_end"]

    def orient(frame, x, xs, xe, y, ys, ye):
        swap = frame[x] > frame[y]
        out = pd.DataFrame(index=frame.index)
        for target, first, second in zip(
            columns, (x, xs, xe, y, ys, ye), (y, ys, ye, x, xs, xe), strict=True
        ):
            out[target] = frame[first].where(~swap, frame[second])
        return out

    a = orient(
        ours, "source_id", "source_start", "source_end", "target_id", "target_start", "target_end"
    )
    b = orient(passim, "id", "begin", "end", "id2", "begin2", "end2")
    return a, b


def matched(left: pd.DataFrame, right: pd.DataFrame) -> pd.Series:
    """Per row of ``left``: does ``right`` hold a passage of the same pair crossing it on both?"""
    spans: dict[tuple[str, str], list[tuple[int, int, int, int]]] = collections.defaultdict(list)
    for row in right.itertuples(index=False):
        spans[(row.a, row.b)].append((row.a_start, row.a_end, row.b_start, row.b_end))
    found = []
    for row in left.itertuples(index=False):
        found.append(
            any(
                s0 < row.a_end and row.a_start < e0 and s1 < row.b_end and row.b_start < e1
                for s0, e0, s1, e1 in spans.get((row.a, row.b), ())
            )
        )
    return pd.Series(found, index=left.index)


def touched(left: pd.DataFrame, right: pd.DataFrame) -> pd.Series:
    """Per row of ``left``: do passages of ``right`` (with any partner) cross both of its spans?

    The pair-blind view of agreement: linked to its nearest earlier copy and its origin, a
    passage of a family is found even where the other tool pairs it with another member.
    """
    spans: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for row in right.itertuples(index=False):
        spans[row.a].append((row.a_start, row.a_end))
        spans[row.b].append((row.b_start, row.b_end))

    def crossed(article, start, end):
        return any(s < end and start < e for s, e in spans.get(article, ()))

    return pd.Series(
        [
            crossed(row.a, row.a_start, row.a_end) and crossed(row.b, row.b_start, row.b_end)
            for row in left.itertuples(index=False)
        ],
        index=left.index,
    )


def write_samples(
    path: Path, texts: dict, ours: pd.DataFrame, passim: pd.DataFrame, n: int, seed: int
) -> None:
    """The passages to judge, with their texts, to a scratch file (never into the repository)."""
    with open(path, "w") as handle:
        for label, frame in (("ours", ours), ("passim", passim)):
            sample = frame.sample(min(n, len(frame)), random_state=seed)
            for number, row in enumerate(sample.itertuples(index=False)):
                record = {
                    "found_by": label,
                    "number": number,
                    "a": row.a,
                    "a_start": int(row.a_start),
                    "a_end": int(row.a_end),
                    "b": row.b,
                    "b_start": int(row.b_start),
                    "b_end": int(row.b_end),
                    "kind": getattr(row, "kind", ""),
                    "a_text": texts[row.a][row.a_start : row.a_end],
                    "b_text": texts[row.b][row.b_start : row.b_end],
                }
                handle.write(json.dumps(record) + "\n")


def judgment_table(path: Path) -> list[str]:
    """Markdown rows: per tool, how many sampled passages got each label."""
    judged = json.loads(path.read_text())
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for record in judged["passages"]:
        counts[record["found_by"]][record["label"]] += 1
    labels = judged["labels"]
    lines = ["| found only by | judged | " + " | ".join(labels) + " | true reuse |"]
    lines.append("|---|---:|" + "---:|" * (len(labels) + 1))
    for tool, count in counts.items():
        total = sum(count.values())
        true = sum(v for k, v in count.items() if k != "spurious")
        cells = " | ".join(str(count.get(label, 0)) for label in labels)
        lines.append(f"| {tool} | {total} | {cells} | {true} ({true / total:.0%}) |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passim", type=Path, help="passim's source folder (to run it)")
    parser.add_argument(
        "--passim-out", type=Path, help="the output folder of an earlier passim run (not timed)"
    )
    parser.add_argument("--scratch", type=Path, help="scratch folder (default: new, in /tmp)")
    parser.add_argument("--reuters", type=Path, default=REUTERS, help="the Reuters-21578 folder")
    parser.add_argument("--sample", type=int, help="stories drawn at random (default: all)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--judge", type=int, default=50, help="passages sampled per tool")
    parser.add_argument("--judgments", type=Path, help="JSON of judged passages to summarise")
    parser.add_argument(
        "--analyse", action="store_true", help="only read the runs already in --scratch again"
    )
    # A run whose cost is in --scratch/costs.json is not repeated (a broken-off run resumes).
    parser.add_argument("--output", type=Path)
    parser.add_argument("--ours-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ours_child:
        stories, out, options = args.ours_child
        ours_child(Path(stories), Path(out), json.loads(options))
        return
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="bench_passim_", dir="/tmp"))
    scratch.mkdir(parents=True, exist_ok=True)
    if ROOT in scratch.resolve().parents:
        raise SystemExit("the scratch folder must be outside the repository")
    articles = read_stories(args.reuters, args.sample, args.seed)
    texts = articles["text"].to_dict()
    stories = scratch / "stories.jsonl"
    with open(stories, "w") as handle:
        for ident, row in articles.iterrows():
            record = {"id": ident, "series": ident, **row.to_dict()}
            handle.write(json.dumps(record) + "\n")

    costs, tables = {}, {}
    runs = (("find_reuse", {}), ("find_reuse, all", {"sources": "all"}))
    out = args.passim_out or scratch / "passim_out"
    if (scratch / "costs.json").exists():
        costs = json.loads((scratch / "costs.json").read_text())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for name, options in runs:
        table = scratch / f"{name.replace(', ', '_')}.pkl"
        if not args.analyse and name not in costs:
            command = [sys.executable, __file__, "--ours-child", str(stories), str(table)]
            costs[name] = measured([*command, json.dumps(options)], env, scratch / "ours.log")
            (scratch / "costs.json").write_text(json.dumps(costs, indent=1))
            print(f"{name}: {costs[name]['wall']:.1f} s", file=sys.stderr)
        tables[name] = pd.read_pickle(table)
        costs[name]["inner"] = tables[name].attrs["find_reuse_seconds"]
    if args.passim and not args.analyse and "passim" not in costs:
        venv = setup_passim(args.passim.resolve(), scratch)
        shutil.rmtree(out, ignore_errors=True)
        command, passim_env = passim_command(venv, stories, out)
        done = out / "align.json" / "_SUCCESS"
        costs["passim"] = {**measured(command, passim_env, scratch / "passim.log", done)}
        costs["passim"]["inner"] = None
        print(f"passim: {costs['passim']['wall']:.1f} s", file=sys.stderr)
    (scratch / "costs.json").write_text(json.dumps(costs, indent=1))
    passim = read_passim(out, texts)

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average at the end {os.getloadavg()[0]:.2f}; "
        f"{len(articles):,} stories"
        + (f" (seeded sample, seed {args.seed})" if args.sample else ""),
        "",
        f"passim offsets checked: {2 * len(passim):,} spans, "
        f"{passim.attrs['offset_mismatches']} differ from the text they index.",
        "",
        "| tool | wall s | find_reuse s | CPU s | largest process MiB | process tree peak MiB "
        "| passages | article pairs |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first = None
    for name, cost in costs.items():
        if name == "passim":
            frame = passim
            pairs = len(set(zip(frame["id"], frame["id2"], strict=True)))
        else:
            frame = tables[name]
            pairs = len(set(zip(frame["source_id"], frame["target_id"], strict=True)))
        first = first or cost["wall"]
        inner = f"{cost['inner']:.1f}" if cost["inner"] is not None else ""
        lines.append(
            f"| {name} | {cost['wall']:.1f} | {inner} | {cost['cpu']:.1f} | "
            f"{cost['largest_mib']:.0f} | {cost['tree_peak_mib']:.0f} | {len(frame):,} | "
            f"{pairs:,} |"
        )
    if "passim" not in costs:
        lines.append(f"| passim (earlier run, {out}) | | | | | | {len(passim):,} | |")

    lines += [
        "",
        "| ours | our passages | matched by passim | passim passages | matched by ours "
        "| passim's, both spans in passages of ours (any pair) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    only = {}
    for name in tables:
        mine, theirs = oriented(tables[name], passim)
        mine["kind"] = tables[name]["kind"]
        ours_hit, passim_hit = matched(mine, theirs), matched(theirs, mine)
        lines.append(
            f"| {name} | {len(mine):,} | {ours_hit.mean():.1%} | {len(theirs):,} | "
            f"{passim_hit.mean():.1%} | {touched(theirs, mine).mean():.1%} |"
        )
        only[name] = mine[~ours_hit], theirs[~passim_hit]
        if name == "find_reuse, all":
            by_kind = mine.assign(hit=ours_hit).groupby("kind")["hit"].agg(["size", "mean"])
    lines += ["", "| kind (sources all) | passages | matched by passim |", "|---|---:|---:|"]
    lines += [f"| {k} | {int(r['size']):,} | {r['mean']:.1%} |" for k, r in by_kind.iterrows()]
    ours_only, passim_only = only["find_reuse, all"]
    samples = scratch / "to_judge.jsonl"
    write_samples(samples, texts, ours_only, passim_only, args.judge, args.seed)
    lines += ["", f"Passages to read: {samples} (seed {args.seed})."]
    if args.judgments:
        lines += ["", *judgment_table(args.judgments)]
    report = "\n".join(lines)
    print(report)
    if args.output:
        args.output.write_text(report + "\n")


if __name__ == "__main__":
    main()
