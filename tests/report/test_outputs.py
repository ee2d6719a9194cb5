"""Outputs a researcher can trust: escaped everywhere, replaced whole, validated first, modes from
the umask, the same bytes on every run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.paths import SEEDS_DIR
from analysis.report import pipeline
from analysis.report.pipeline import run_report

PAYLOADS = {
    "id": "x<script>alert(1)</script>",
    "author": "<img src=x onerror=alert(2)>",
    "title": "<svg onload=alert(3)>",
    "text": (
        "On June 15, officials <script>alert(4)</script> said the talks would resume.\n\n"
        'See <a href="javascript:alert(5)">this</a> and <b onmouseover=alert(6)>that</b>, '
        "the ministry said on Monday."
    ),
}
RAW = ["<script>alert", "<img src=x", "<svg onload", '<a href="javascript:', "<b onmouseover"]


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def tie_corpus() -> pd.DataFrame:
    """Articles that tie everywhere: one date, names of equal length, the same sentences."""
    lines = [
        "Ann Lee said the port will reopen on Monday.",
        "Bob Kim said the port will reopen on Monday.",
        "Officials from Baku and Oslo met in Rome on June 15.",
    ]
    return pd.DataFrame(
        {
            "id": [f"a{n}" for n in range(6)],
            "date": ["2022-04-12"] * 6,
            "author": ["Desk"] * 6,
            "text": ["\n\n".join(lines[n % 3 :] + lines[: n % 3]) for n in range(6)],
        }
    )


def test_every_browser_or_viewer_output_escapes_the_article(tmp_path):
    frame = pd.DataFrame([{"date": "2022-04-12", **PAYLOADS}])
    other = pd.DataFrame([{**PAYLOADS, "id": "y", "date": "2022-04-13"}])
    result = run_report(pd.concat([frame, other]), tmp_path / "out", progress=False)
    checked = 0
    for name, data in files_of(result.out_dir).items():
        if name.endswith((".html", ".json")):
            text = data.decode("utf-8")
            for raw in RAW:
                assert raw not in text, (name, raw)
            checked += 1
    assert checked >= 2
    timeline = json.loads((result.out_dir / "timeline.json").read_text(encoding="utf-8"))
    texts = [event["text"]["text"] for event in timeline["events"]]
    assert any("&lt;script&gt;alert(4)&lt;/script&gt;" in text for text in texts)


def test_a_finished_run_leaves_nothing_of_an_earlier_one(tmp_path):
    out = tmp_path / "out"
    run_report(tie_corpus(), out, progress=False)
    (out / "figures" / "left-over.png").write_bytes(b"old")
    (out / "notes.txt").write_text("old")
    run_report(SEEDS_DIR, out, progress=False)
    names = set(files_of(out))
    assert "figures/left-over.png" not in names and "notes.txt" not in names
    assert "report.html" in names
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("stop_after", [0, 1, 10, "report.html"])
def test_a_run_stopped_half_way_leaves_the_previous_report_untouched(
    tmp_path, monkeypatch, stop_after
):
    out = tmp_path / "out"
    run_report(SEEDS_DIR, out, progress=False)
    before = files_of(out)
    written = []
    real_write = pipeline.write_atomic

    def interrupted(path, data):
        if path.name == stop_after or len(written) == stop_after:
            raise KeyboardInterrupt
        written.append(path)
        real_write(path, data)

    monkeypatch.setattr(pipeline, "write_atomic", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_report(tie_corpus(), out, progress=False)
    assert files_of(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_killed_run_leaves_the_previous_report_complete(tmp_path):
    out = tmp_path / "out"
    run_report(SEEDS_DIR, out, progress=False)
    before = files_of(out)
    for delay in (2.0, 6.0):
        job = subprocess.Popen(
            [sys.executable, "-m", "analysis", "report", str(SEEDS_DIR), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        job.send_signal(signal.SIGKILL)
        job.wait()
        assert files_of(out) == before


def test_validation_comes_before_any_work(tmp_path, capsys, monkeypatch):
    def no_analysis(*args, **kwargs):
        raise AssertionError("the analysis ran")

    monkeypatch.setattr(pipeline, "load_corpus", no_analysis)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    cases = [
        ([str(SEEDS_DIR), "--out", str(a_file)], f"output folder {a_file} is a file"),
        ([str(tmp_path / "missing"), "--out", str(tmp_path / "o")], "no such file or folder"),
        ([str(SEEDS_DIR), "--out", str(tmp_path / "o"), "--k", "0"], "--k:"),
        ([str(SEEDS_DIR), "--out", str(tmp_path / "o"), "--zone", "Mars"], "unknown time zone"),
    ]
    if os.geteuid() != 0:  # root writes into a read-only folder anyway
        cases.append(([str(SEEDS_DIR), "--out", str(locked / "o")], "is not a writable folder"))
    for args, message in cases:
        with pytest.raises(SystemExit) as stop:
            main(["report", *args])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and message in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "locked"]


@pytest.mark.parametrize(
    ("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
def test_output_modes_follow_the_umask(tmp_path, umask, file_mode, dir_mode):
    previous = os.umask(umask)
    try:
        result = run_report(SEEDS_DIR, tmp_path / "out", progress=False)
    finally:
        os.umask(previous)
    modes = {p.stat().st_mode & 0o777 for p in result.out_dir.rglob("*") if p.is_file()}
    folders = {
        p.stat().st_mode & 0o777 for p in [result.out_dir, *result.out_dir.rglob("*")] if p.is_dir()
    }
    assert (modes, folders) == ({file_mode}, {dir_mode})


def test_the_same_bytes_on_every_run_and_hash_seed(tmp_path):
    corpus = tmp_path / "ties.jsonl"
    tie_corpus().to_json(corpus, orient="records", lines=True)
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run-{seed}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "analysis",
                "report",
                str(corpus),
                "--out",
                str(out),
                "--no-progress",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        runs.append(files_of(out))
    assert sorted(runs[0]) == sorted(runs[1])
    # The family, pair and article pages are among the files compared.
    assert {name.split("/")[0] for name in runs[0] if name.count("/") == 1} >= {
        "families", "pairs", "articles", "tables", "figures",
    }  # fmt: skip
    different = [name for name in runs[0] if runs[0][name] != runs[1][name]]
    assert different == []
