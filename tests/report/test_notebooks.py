"""The numbered notebooks run on any corpus: papermill's parameters, one folder, failures kept."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.report.notebooks import notebook_paths, run_notebooks
from analysis.sources.parsecache import ParseCache
from analysis.sources.parsing import load_nlp

NAMES = ["01_corpus_overview", "02_boilerplate_reuse", "03_chronology", "04_source_overlap"]


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell("CORPUS = None\nCOLUMNS = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nbformat.write(nb, path)
    return path


def test_every_notebook_has_a_parameters_cell_first_among_code_cells():
    for path in notebook_paths():
        nb = json.loads(path.read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code[0]["metadata"].get("tags") == ["parameters"], path.name
        lines = "".join(code[0]["source"]).splitlines()
        settings = [line for line in lines if not line.startswith("#")]
        parses = ["PARSE_CACHE = None"] if path.name.startswith("04_") else []
        assert settings == ["CORPUS = None", "COLUMNS = None", *parses], path.name


def test_the_four_notebooks_run_on_a_one_article_corpus(tmp_path):
    """One article shares nothing with another: every notebook still runs to the end."""
    table = tmp_path / "one.csv"
    pd.DataFrame(
        {
            "url": ["https://example.org/a"],
            "published": ["2023-05-04"],
            "body": [
                "The port authority said on Monday that the new terminal opens in June.\n\n"
                "Officials expect 200 ships a year, according to a statement."
            ],
        }
    ).to_csv(table, index=False)
    columns = {"id": "url", "date": "published", "text": "body"}
    runs = run_notebooks(table, tmp_path / "out", columns=columns, parse_cache=tmp_path / "cache")
    assert [(r.name, r.error) for r in runs] == [(name, None) for name in NAMES]
    # notebook 04 parsed the article's two paragraphs into the cache it was given
    assert len(ParseCache(tmp_path / "cache", load_nlp())) == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{name}.{ext}" for name in NAMES for ext in ("html", "ipynb")
    )
    executed = nbformat.read(tmp_path / "out" / "01_corpus_overview.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert f"CORPUS = {str(table)!r}" in injected[0].source.replace('"', "'")
    outputs = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "")
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert "<Corpus: 1 articles, 2 paragraphs, 0 problems>" in outputs
    reuse = nbformat.read(tmp_path / "out" / "02_boilerplate_reuse.ipynb", as_version=4)
    printed = [
        o.get("text", "") + o.get("data", {}).get("text/plain", "")
        for c in reuse.cells
        if c.cell_type == "code"
        for o in c.outputs
    ]
    # the pair sections say there is no pair; the article is never compared with itself
    alone = "One article: there is no earlier article to compare it with.\n"
    assert printed.count(alone) == 4
    assert not any("SideBySide" in text for text in printed)


def test_a_failing_notebook_is_kept_and_the_others_run(tmp_path):
    bad = _notebook(tmp_path / "01_bad.ipynb", "raise ValueError(f'cannot read {CORPUS}')")
    good = _notebook(tmp_path / "02_good.ipynb", "print(CORPUS)")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "date": "2023-01-01", "text": "Some text."}\n')
    runs = run_notebooks(corpus, tmp_path / "out", notebooks=[bad, good])
    assert [(r.name, r.error) for r in runs] == [
        ("01_bad", f"ValueError: cannot read {corpus}"),
        ("02_good", None),
    ]
    assert runs[0].html is None and runs[0].notebook.name == "01_bad.failed.ipynb"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "01_bad.failed.ipynb",
        "02_good.html",
        "02_good.ipynb",
    ]


def test_a_missing_corpus_is_an_error_before_any_work(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder: .*missing"):
        run_notebooks(tmp_path / "missing", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_folder_without_notebooks_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no numbered notebooks"):
        notebook_paths(tmp_path)


def test_cli_notebooks_rejects_a_missing_corpus(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["notebooks", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().endswith(f"no such file or folder: {tmp_path / 'nope'}")


def test_a_glob_that_matches_nothing_is_an_error_before_any_work(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"the glob pattern matched no files: .*reut2-\*"):
        run_notebooks(tmp_path / "reut2-*.sgm", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_glob_corpus_reaches_the_notebook_as_written(tmp_path):
    # The notebook's parameters cell receives the pattern itself; load_corpus expands it.
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(" date 2024-01-02\n\nOne paragraph.\n", encoding="utf-8")
    (tmp_path / "books").mkdir()
    book = _notebook(
        tmp_path / "books" / "01_glob.ipynb",
        "import analysis\nprint(len(analysis.load_corpus(CORPUS)), CORPUS.endswith('*.txt'))",
    )
    runs = run_notebooks(tmp_path / "*.txt", tmp_path / "out", notebooks=[book])
    assert runs[0].error is None
    executed = nbformat.read(tmp_path / "out" / "01_glob.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "2 True\n"


def test_the_parse_cache_reaches_only_the_notebooks_that_declare_it(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-02\n\nOne paragraph.\n", encoding="utf-8")
    (tmp_path / "books").mkdir()
    plain = _notebook(tmp_path / "books" / "01_plain.ipynb", "print('PARSE_CACHE' in dir())")
    declaring = _notebook(tmp_path / "books" / "02_parses.ipynb", "print(PARSE_CACHE)")
    book = nbformat.read(declaring, as_version=4)
    book.cells[0].source += "\nPARSE_CACHE = None"
    nbformat.write(book, declaring)
    runs = run_notebooks(
        tmp_path / "a.txt", tmp_path / "out", notebooks=[plain, declaring], parse_cache="cache"
    )
    assert [r.error for r in runs] == [None, None]
    outputs = [
        nbformat.read(tmp_path / "out" / name, as_version=4).cells[-1].outputs[0]["text"]
        for name in ("01_plain.ipynb", "02_parses.ipynb")
    ]
    # a relative folder is made absolute, since the kernel runs in the notebooks' folder
    assert outputs == ["False\n", f"{(Path.cwd() / 'cache')}\n"]
