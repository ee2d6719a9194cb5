"""The main job: command line, output files, atomic writes, escaping, bad input."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from analysis import AnalysisOptions, ReuseOptions
from analysis.__main__ import main
from analysis.paths import SEEDS_DIR
from analysis.report.pipeline import run_report
from analysis.report.steps import MissingStepError, chronology_step, corpus_step, reuse_step
from analysis.report.writing import write_atomic


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return run_report(SEEDS_DIR, out, progress=False)


def test_report_files(seed_report):
    out = seed_report.out_dir
    assert (out / "report.html").is_file()
    for name in ("corpus_articles", "corpus_paragraphs", "corpus_problems"):
        assert (out / "tables" / f"{name}.csv").is_file()
        assert (out / "tables" / f"{name}.parquet").is_file()
    for ext in ("png", "svg"):
        assert (out / "figures" / f"corpus_paragraph_strips.{ext}").stat().st_size > 1000
    assert not list(out.rglob("*.part")), "no temporary file may be left behind"


def test_report_has_every_analysis(seed_report):
    out = seed_report.out_dir
    assert seed_report.sections == ["corpus", "reuse", "chronology", "sources"]
    for name in (
        "reuse_passages",
        "reuse_families",
        "reuse_share",
        "chronology_mentions",
        "chronology_timeline",
        "sources_attributions",
        "sources_entities",
        "sources_overlap",
        "sources_matrix",
    ):
        assert (out / "tables" / f"{name}.parquet").is_file(), name
    passages = pd.read_parquet(out / "tables" / "reuse_passages.parquet")
    assert passages[["target_start", "target_end", "kind"]].values.tolist() == [
        [230, 425, "paraphrase"],
        [666, 1661, "verbatim"],
    ]
    timeline = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert "events" in timeline and len(timeline["events"]) > 0
    assert seed_report.summary["reused passages"] == 2
    assert seed_report.summary["stale dates"] == 0


def test_report_tables_round_trip(seed_report):
    tables = seed_report.out_dir / "tables"
    articles = pd.read_parquet(tables / "corpus_articles.parquet")
    assert articles["article_id"].tolist() == ["000_5b183b1fed710e9a", "001_80062493b65dd1fc"]
    assert articles["paragraphs"].tolist() == [11, 11]
    paragraphs = pd.read_csv(tables / "corpus_paragraphs.csv")
    assert len(paragraphs) == 22
    assert seed_report.summary["articles"] == 2


def test_report_html_is_self_contained(seed_report):
    page = (seed_report.out_dir / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "data:image/png;base64," in page
    assert "src='figures/" not in page
    assert "<img alt='Articles, paragraph by paragraph' src='data:image/png;base64," in page
    assert (
        "<details id='pair-1' open><summary>2021-07-15 · Azernews: Defence Minister Zakir Hasanov "
        "has said … (000_5b183b1fed710e9a) &rarr; 2022-04-12 · Vugar Khalilov: Azerbaijani "
        "Defence Minister Col-Gen Zakir Hasanov … (001_80062493b65dd1fc)"
    ) in page


def test_article_text_is_escaped(tmp_path):
    frame = pd.DataFrame(
        [
            {
                "id": "x<script>alert(1)</script>",
                "date": "2021-01-01",
                "author": "<b>A&B</b>",
                "title": "<img src=x onerror=alert(2)>",
                "text": "Body <svg onload=alert(3)>.\n\nSee <a href='javascript:alert(4)'>it</a>.",
            }
        ]
    )
    result = run_report(frame, tmp_path / "out", progress=False)
    page = (result.out_dir / "report.html").read_text(encoding="utf-8")
    for payload in ("<script>alert(1)", "<b>A&B</b>", "<img src=x", "<svg onload", "<a href='java"):
        assert payload not in page
    assert "x&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in page


def test_cli_bad_input_exits_non_zero_with_clear_message(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("no header here\n\nbody", encoding="utf-8")
    status = main(["report", str(bad), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert status == 2
    assert f"error: {bad}, line 1: expected a header" in err
    assert not (tmp_path / "out" / "report.html").exists()


def test_cli_collect_lists_skipped_files(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(" date 2021-01-01\n\nGood story.", encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_text(" date 2021-02-30\n\nBad date.", encoding="utf-8")
    out = tmp_path / "out"
    status = main(
        ["report", str(tmp_path / "in"), "--out", str(out), "--errors", "collect", "--no-progress"]
    )
    assert status == 0
    assert "problems: 1" in capsys.readouterr().out
    problems = pd.read_csv(out / "tables" / "corpus_problems.csv")
    assert problems["path"].tolist() == [str(tmp_path / "in" / "bad.txt")]
    assert "impossible date" in problems["reason"][0]
    assert "bad.txt" in (out / "report.html").read_text(encoding="utf-8")


def test_cli_dask_matches_in_process(tmp_path, seed_report):
    out = tmp_path / "dask"
    status = main(
        ["report", str(SEEDS_DIR), "--out", str(out), "--dask", "--workers", "2", "--no-progress"]
    )
    assert status == 0
    for name in ("reuse_passages", "chronology_mentions", "sources_attributions"):
        got = pd.read_parquet(out / "tables" / f"{name}.parquet")
        expected = pd.read_parquet(seed_report.out_dir / "tables" / f"{name}.parquet")
        pd.testing.assert_frame_equal(got, expected)


def test_cli_parse_processes_match_one_process(tmp_path, seed_report):
    out = tmp_path / "two"
    status = main(
        ["report", str(SEEDS_DIR), "--out", str(out), "--sources-processes", "2", "--no-progress"]
    )
    assert status == 0
    for name in ("sources_attributions", "sources_entities", "sources_overlap"):
        got = pd.read_parquet(out / "tables" / f"{name}.parquet")
        expected = pd.read_parquet(seed_report.out_dir / "tables" / f"{name}.parquet")
        pd.testing.assert_frame_equal(got, expected)


def test_write_atomic_keeps_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "t.txt"
    write_atomic(target, b"old")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_cli_options_reach_the_analyses(tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["report", str(SEEDS_DIR), "--out", str(out), "--no-progress", "--no-paraphrase"])
    assert status == 0
    passages = pd.read_parquet(out / "tables" / "reuse_passages.parquet")
    assert passages[["target_start", "target_end", "kind"]].values.tolist() == [
        [666, 1661, "verbatim"]
    ]
    assert "reused passages: 1" in capsys.readouterr().out


def test_cli_bad_option_is_one_line_and_status_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["report", str(SEEDS_DIR), "--out", str(tmp_path / "out"), "--min-words", "0"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "python -m analysis: error: --min-words: min_words must be a positive integer, got 0"
    )
    assert not (tmp_path / "out").exists()


def test_a_step_never_computes_an_earlier_step(tmp_path):
    with pytest.raises(MissingStepError, match="reused_spans is made by the reuse step"):
        run_report(SEEDS_DIR, tmp_path / "out", steps=[corpus_step, chronology_step])
    with pytest.raises(TypeError, match="options must be an AnalysisOptions, got ReuseOptions"):
        run_report(SEEDS_DIR, tmp_path / "out", options=ReuseOptions())


def test_run_report_takes_options(tmp_path):
    options = AnalysisOptions(reuse=ReuseOptions(paraphrase=False))
    result = run_report(
        SEEDS_DIR, tmp_path / "out", options=options, steps=[corpus_step, reuse_step],
        progress=False,
    )  # fmt: skip
    assert result.sections == ["corpus", "reuse"]
    assert result.summary["reused passages"] == 1


def test_figures_are_the_same_bytes_on_every_run(tmp_path):
    first = run_report(SEEDS_DIR, tmp_path / "a", steps=[corpus_step, reuse_step], progress=False)
    second = run_report(SEEDS_DIR, tmp_path / "b", steps=[corpus_step, reuse_step], progress=False)
    names = sorted(p.name for p in (first.out_dir / "figures").iterdir())
    assert names == [
        "corpus_paragraph_strips.png",
        "corpus_paragraph_strips.svg",
        "reuse_share.png",
        "reuse_share.svg",
    ]
    for name in names:
        a = (first.out_dir / "figures" / name).read_bytes()
        assert a == (second.out_dir / "figures" / name).read_bytes(), name


def test_cli_loads_a_scraped_table_with_a_column_mapping(tmp_path, capsys):
    table = tmp_path / "scraped.csv"
    pd.DataFrame(
        {
            "link": ["https://example.org/a"],
            "when": ["2022-05-21 11:31"],
            "body": ["By Jane Roe\n\nTalks resumed in Baku on Friday, the ministry said."],
            "site": ["Example News"],
        }
    ).to_csv(table, index=False)
    out = tmp_path / "out"
    args = ["report", str(table), "--out", str(out), "--no-progress", "--zone", "Asia/Baku"]
    status = main([*args, "--columns", "id=link,date=when,text=body,outlet=site"])
    assert status == 0
    summary = pd.read_parquet(out / "tables" / "corpus_articles.parquet")
    assert summary[["article_id", "author"]].values.tolist() == [
        ["https://example.org/a", "Jane Roe"]
    ]
    assert "1 articles opened with a byline paragraph and 0 ended in a page footer" in (
        out / "report.html"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ["--columns", "id"],
            "argument --columns: expected FIELD=COLUMN[,FIELD=COLUMN...], got 'id'",
        ),
        (["--columns", "body=text"], "argument --columns: columns maps unknown field(s) ['body']"),
        (["--zone", "Mars"], "unknown time zone 'Mars'"),
    ],
)
def test_cli_bad_loading_flags_are_one_line_and_status_2(tmp_path, capsys, flags, message):
    with pytest.raises(SystemExit) as stop:
        main(["report", str(SEEDS_DIR), "--out", str(tmp_path / "out"), *flags])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err.splitlines()[-1]
    assert not (tmp_path / "out").exists()
