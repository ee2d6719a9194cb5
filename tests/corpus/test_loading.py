"""Corpus loading: the seeds with exact expectations, the input shapes, and every bad input."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import ArticleFormatError, load_corpus
from analysis.paths import SEEDS_DIR

SEED_2021 = "000_5b183b1fed710e9a"
SEED_2022 = "001_80062493b65dd1fc"
BODY = "First paragraph of the story.\n\nSecond paragraph, with more."


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


def values(items) -> list:
    """The values of a column or row, with every missing value (None, NaN, NA) as None."""
    return [None if pd.isna(v) else v for v in items]


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- the seeds ---------------------------------------------------------------------------------


def test_seeds_articles(seeds):
    arts = seeds.articles
    assert list(arts.index) == [SEED_2021, SEED_2022]
    assert arts["date"].dtype == "datetime64[ns]"
    assert list(arts["date"]) == [pd.Timestamp("2021-07-15"), pd.Timestamp("2022-04-12")]
    assert list(arts["author"]) == ["Azernews", "Vugar Khalilov"]
    assert list(arts["path"]) == [
        str(SEEDS_DIR / f"{SEED_2021}.txt"),
        str(SEEDS_DIR / f"{SEED_2022}.txt"),
    ]
    assert seeds.problems.empty


def test_seeds_paragraphs(seeds):
    counts = seeds.paragraphs.groupby("article_id").size()
    assert counts.to_dict() == {SEED_2021: 11, SEED_2022: 11}
    last = seeds.paragraphs[seeds.paragraphs.article_id == SEED_2022].iloc[-1]
    assert last.text == (
        "Earlier, the Defence Ministry reported that Azerbaijani servicemen will take part in the "
        "Efes-2022 multinational drills to be held in Izmir, Turkey in May-June."
    )
    assert "---" not in seeds.text(SEED_2022)
    assert seeds.text(SEED_2022).endswith("in May-June.")
    first = seeds.paragraphs.iloc[0]
    assert (first.para, first.start, first.end) == (0, 0, 164)


def test_paragraph_spans_are_those_of_the_paragraph_table(seeds):
    for article_id in (SEED_2021, SEED_2022):
        rows = seeds.paragraphs_of(article_id)
        assert seeds.paragraph_spans(article_id) == list(
            zip(rows["start"].tolist(), rows["end"].tolist(), strict=True)
        )
    assert seeds.paragraph_spans(SEED_2022)[-1] == (1983, 2143)
    assert len(seeds.text(SEED_2022)) == 2143
    assert seeds.paragraph_spans("no such article") == []
    spans = seeds.paragraph_spans(SEED_2021)
    spans.clear()  # a copy: the corpus keeps its own
    assert len(seeds.paragraph_spans(SEED_2021)) == 11


def test_seeds_text_is_body_joined_by_blank_lines(seeds):
    raw = (SEEDS_DIR / f"{SEED_2021}.txt").read_text(encoding="utf-8")
    body = raw.split("\n", 1)[1].strip()
    assert seeds.text(SEED_2021) == body
    assert "Azerbaijan’s victory" in seeds.text(SEED_2021)


@pytest.mark.parametrize("table", ["paragraphs", "sentences"])
def test_seed_offsets_round_trip(seeds, table):
    frame = getattr(seeds, table)
    for row in frame.itertuples():
        assert seeds.text(row.article_id)[row.start : row.end] == row.text


def test_seed_sentences(seeds):
    sents = seeds.sentences
    assert sents.groupby("article_id").size().to_dict() == {SEED_2021: 13, SEED_2022: 13}
    last_para = sents[(sents.article_id == SEED_2021) & (sents.para == 10)]
    assert list(last_para.text) == [
        "It affirms joint efforts by the two armies in the face of foreign threats.",
        "The declaration also pledges joint efforts for the restructuring and modernization "
        "of the armed forces.",
        "Moreover, the two nations affirm to encourage the execution of joint projects with the "
        "aim of developing capabilities in the field of sea, air, and space.",
    ]
    assert list(sents[sents.article_id == SEED_2022].sent) == list(range(13))


# --- the variants a user will meet ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "author", "published"),
    [
        (" date 2021-07-15 By Azernews\n\n" + BODY, "Azernews", None),
        ("date 2021-07-15\n\n" + BODY, None, None),
        (
            " date 2021-07-15 14:05 +04:00 By Jane Roe\n\n" + BODY,
            "Jane Roe",
            "2021-07-15 10:05",
        ),
        (" date 2021-07-15 09:30:00 UTC\n" + BODY, None, "2021-07-15 09:30"),
        (
            " date 2021-07-15 By Jane Roe\n\n\n\n" + BODY.replace("\n\n", "\n\n\n\n") + "\n\n\n",
            "Jane Roe",
            None,
        ),
        (" date 2021-07-15 By Jane Roe\n\nBy Jane Roe\n\n" + BODY, "Jane Roe", None),
        (" date 2021-07-15\n\nBy Jane Roe\n\n" + BODY, "Jane Roe", None),
        (
            " date 2021-07-15 By X\n\n" + BODY + "\n\n---\nRead more: link\nFollow us",
            "X",
            None,
        ),
        ((" date 2021-07-15 By X\n\n" + BODY).replace("\n", "\r\n"), "X", None),
        ("\ufeff date 2021-07-15 By X\n\n" + BODY, "X", None),
    ],
    ids=[
        "seed",
        "no-byline",
        "time-zone",
        "utc",
        "blank-lines",
        "byline-repeated",
        "byline-in-body-only",
        "footer",
        "crlf",
        "bom",
    ],
)
def test_header_and_body_variants(tmp_path, content, author, published):
    write(tmp_path, "a.txt", content)
    corpus = load_corpus(tmp_path / "a.txt")
    art = corpus.articles.loc["a"]
    assert art.date == pd.Timestamp("2021-07-15")
    assert art.author == author
    if published is None:
        assert pd.isna(art.published)
    else:
        assert art.published == pd.Timestamp(published, tz="UTC")
    assert art.text == BODY
    assert list(corpus.paragraphs.text) == [
        "First paragraph of the story.",
        "Second paragraph, with more.",
    ]


def test_footer_is_kept_apart(tmp_path):
    write(tmp_path, "a.txt", " date 2021-07-15\n\n" + BODY + "\n\n---\nRead more: link\n")
    art = load_corpus(tmp_path).articles.loc["a"]
    assert art.footer == "Read more: link"
    assert "Read more" not in art.text


def test_quotes_kept_as_written(tmp_path):
    body = "He said “yes” and 'no' to \"both\" of Azerbaijan’s offers."
    write(tmp_path, "q.txt", f" date 2021-07-15\n\n{body}\n")
    assert load_corpus(tmp_path).text("q") == body


def test_hard_wrapped_paragraph_keeps_its_lines(tmp_path):
    write(tmp_path, "w.txt", " date 2021-07-15\n\n  One line\n  and the next.\n\nTwo.\n")
    corpus = load_corpus(tmp_path)
    assert corpus.text("w") == "One line\n  and the next.\n\nTwo."
    assert list(corpus.paragraphs.text) == ["One line\n  and the next.", "Two."]


# --- the input shapes ----------------------------------------------------------------------------


def records():
    return [
        {"id": "b", "date": "2022-01-02", "author": "Ann", "text": "Second story.\n\nMore."},
        {"id": "a", "date": "2022-01-01", "author": "", "text": "First story."},
    ]


def test_jsonl(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records()) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert list(corpus.articles.index) == ["b", "a"]
    assert pd.isna(corpus.articles.loc["a", "author"])
    assert corpus.text("b") == "Second story.\n\nMore."
    assert corpus.articles.loc["b", "path"] == str(path)


def test_csv(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame(records()).to_csv(path, index=False)
    corpus = load_corpus(path)
    assert corpus.articles["date"].tolist() == [
        pd.Timestamp("2022-01-02"),
        pd.Timestamp("2022-01-01"),
    ]
    assert corpus.paragraphs.groupby("article_id").size().to_dict() == {"a": 1, "b": 2}


def test_dataframe():
    corpus = load_corpus(pd.DataFrame(records()))
    assert len(corpus) == 2
    assert corpus.articles.loc["b", "path"] == "<DataFrame> row 0"


def test_glob_and_list(tmp_path):
    write(tmp_path, "x.txt", " date 2021-01-01\n\nX.")
    write(tmp_path, "y.txt", " date 2021-01-02\n\nY.")
    assert list(load_corpus(str(tmp_path / "*.txt")).articles.index) == ["x", "y"]
    both = load_corpus([tmp_path / "y.txt", tmp_path / "x.txt"])
    assert list(both.articles.index) == ["y", "x"]


def test_folder_ignores_other_files(tmp_path):
    write(tmp_path, "x.txt", " date 2021-01-01\n\nX.")
    write(tmp_path, "README.md", "# not an article")
    assert list(load_corpus(tmp_path).articles.index) == ["x"]


# --- bad input -----------------------------------------------------------------------------------

BAD_FILES = [
    ("no-header.txt", "Just a story with no header.\n\nMore.", 1, "expected a header"),
    ("no-date.txt", " date By Azernews\n\nBody.", 1, "expected a header"),
    ("bad-date.txt", " date 2021-13-45 By Azernews\n\nBody.", 1, "impossible date '2021-13-45'"),
    ("empty-body.txt", " date 2021-07-15 By Azernews\n\n\n", 2, "article body is empty"),
    ("footer-only.txt", " date 2021-07-15\n---\nFollow us on X", 2, "article body is empty"),
    ("empty.txt", "", 1, "the file is empty"),
    ("latin1.txt", " date 2021-07-15\n\nCaf\xe9 au lait.".encode("latin-1"), 3, "not valid UTF-8"),
]


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_bad_file_raises_with_file_line_and_reason(tmp_path, name, content, line, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleFormatError) as info:
        load_corpus(path)
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.path, err.line) == (str(path), line)
    assert reason in err.reason
    assert str(err).startswith(f"{path}, line {line}: ")


def test_missing_path(tmp_path):
    with pytest.raises(ArticleFormatError, match="no such file or folder") as info:
        load_corpus(tmp_path / "nowhere")
    assert info.value.path == str(tmp_path / "nowhere")
    assert info.value.line is None


def test_empty_folder(tmp_path):
    with pytest.raises(ArticleFormatError, match="holds no article files"):
        load_corpus(tmp_path)


def test_glob_matching_nothing(tmp_path):
    with pytest.raises(ArticleFormatError, match="matched no files"):
        load_corpus(str(tmp_path / "*.txt"))


def test_collect_loads_good_and_lists_every_bad(tmp_path):
    write(tmp_path, "good.txt", " date 2021-07-15 By A\n\nGood body.")
    for name, content, _, _ in BAD_FILES:
        write(tmp_path, name, content)
    corpus = load_corpus([tmp_path, tmp_path / "missing.txt"], errors="collect")
    assert list(corpus.articles.index) == ["good"]
    problems = corpus.problems.set_index("path")
    expected = {str(tmp_path / name): (line, reason) for name, _, line, reason in BAD_FILES}
    expected[str(tmp_path / "missing.txt")] = (pd.NA, "no such file or folder")
    assert sorted(problems.index) == sorted(expected)
    for path, (line, reason) in expected.items():
        assert reason in problems.loc[path, "reason"]
        if line is pd.NA:
            assert pd.isna(problems.loc[path, "line"])
        else:
            assert problems.loc[path, "line"] == line


def test_duplicate_ids(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write(tmp_path / "one", "x.txt", " date 2021-01-01\n\nX.")
    write(tmp_path / "two", "x.txt", " date 2021-01-02\n\nX again.")
    with pytest.raises(ArticleFormatError, match="duplicate article id 'x'"):
        load_corpus([tmp_path / "one", tmp_path / "two"])
    collected = load_corpus([tmp_path / "one", tmp_path / "two"], errors="collect")
    assert len(collected) == 1 and len(collected.problems) == 1


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"id": "a", "date": "2021-02-30", "author": "", "text": "T."}, "impossible date"),
        (
            {"id": "a", "date": "yesterday", "author": "", "text": "T."},
            "expected a publication date",
        ),
        ({"id": "a", "date": "2021-02-03", "author": "", "text": "  \n\n "}, "body is empty"),
        ({"id": "", "date": "2021-02-03", "author": "", "text": "T."}, "non-empty article id"),
    ],
)
def test_bad_jsonl_record_names_its_line(tmp_path, row, reason):
    good = {"id": "g", "date": "2021-01-01", "author": "", "text": "Good."}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ArticleFormatError, match=reason) as info:
        load_corpus(path)
    assert (info.value.path, info.value.line) == (str(path), 2)
    collected = load_corpus(path, errors="collect")
    assert list(collected.articles.index) == ["g"]
    assert collected.problems.line.tolist() == [2]


def test_invalid_json_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "date": "2021-01-01", "author": "", "text": "T."}\n{oops\n')
    with pytest.raises(ArticleFormatError, match="invalid JSON") as info:
        load_corpus(path)
    assert info.value.line == 2


def test_bad_csv_row_names_its_line(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame(
        [
            {"id": "a", "date": "2021-01-01", "author": "", "text": "T."},
            {"id": "b", "date": "2021-13-01", "author": "", "text": "T."},
        ]
    ).to_csv(path, index=False)
    with pytest.raises(ArticleFormatError, match="impossible date") as info:
        load_corpus(path)
    assert info.value.line == 3


def test_bad_dataframe_rows_name_their_row():
    frame = pd.DataFrame(
        [
            {"id": "ok", "date": "2022-04-12", "author": "", "text": "Fine."},
            {"id": "bad", "date": "2021-13-45", "author": "", "text": "Text."},
            {"id": "empty", "date": "2022-04-12", "author": "", "text": "  "},
        ]
    )
    collected = load_corpus(frame, errors="collect")
    assert list(collected.articles.index) == ["ok"]
    assert collected.problems.path.tolist() == ["<DataFrame> row 1", "<DataFrame> row 2"]
    assert collected.problems.line.isna().all()
    assert "impossible date '2021-13-45'" in collected.problems.reason[0]
    assert "body is empty" in collected.problems.reason[1]


def test_missing_columns():
    with pytest.raises(ArticleFormatError, match=r"missing column\(s\) \['text'\]"):
        load_corpus(pd.DataFrame([{"id": "a", "date": "2021-01-01", "body": "T."}]))


def test_author_column_is_optional():
    corpus = load_corpus(pd.DataFrame([{"id": "a", "date": "2021-01-01", "text": "T."}]))
    assert corpus.articles.loc["a", "author"] is None


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"source": 42}, TypeError, "source must be a path"),
        ({"source": "seeds", "errors": "ignore"}, ValueError, "errors must be one of"),
    ],
)
def test_invalid_arguments(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        load_corpus(**kwargs)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One sentence with no inner boundary, at 15.8 mln bpd.", 1),
        ('He said output would stay at 15.8 mln bpd."', 1),
        ("Kerdix Inc. and Nakamichi Corp agreed. Hoechst said so.", 2),
        ("Lt. Col. John Smith of the U.S. Army arrived at 9 a.m. on Monday. It was No. 1.", 2),
        ('J. R. R. Tolkien wrote it. "We will win. We must," he said. Then he left.', 3),
        ("", 0),
    ],
)
def test_sentence_splitter_on_news_cases(text, sentences):
    from analysis.corpus.units import split_sentences

    spans = split_sentences(text)
    assert len(spans) == sentences
    assert all(text[s:e] == text[s:e].strip() and text[s:e] for s, e in spans)


# --- inputs that used to abort a whole load, or were taken as good --------------------------------

BAD_TABLES = [
    ("year.csv", 'id,date,author,text\na,3021-07-15,,"Typo in the year."\n', 2,
     "publication date 3021-07-15 is outside the years 1678-2261"),
    ("garbage.csv", "id,date,author,text\na,2021-07-15 garbage,,Body.\n", 2,
     "expected a publication date YYYY-MM-DD, found '2021-07-15 garbage'"),
    ("time.csv", "id,date,author,text\na,2021-07-15 25:99,,Body.\n", 2,
     "impossible time in '2021-07-15 25:99'"),
    ("zero.csv", "", None, "the file is empty; expected a table of articles"),
    ("zero.jsonl", "", None, "the file is empty; expected a table of articles"),
    ("fields.csv", "id,date,author,text\na,2021-07-15,,Body,extra\n", 2,
     "5 fields, expected 4 as in the header"),
    ("author.jsonl", '{"id": "a", "date": "2021-07-15", "author": ["A", "B"], "text": "T."}\n', 1,
     "expected the author as a string or empty, found ['A', 'B']"),
    ("id.jsonl", '{"id": {"n": 1}, "date": "2021-07-15", "author": null, "text": "T."}\n', 1,
     "expected the article id as a string, found {'n': 1}"),
    ("date.jsonl", '{"id": "a", "date": [2021, 7, 15], "author": null, "text": "T."}\n', 1,
     "expected a publication date YYYY-MM-DD, found [2021, 7, 15]"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"), BAD_TABLES, ids=[b[0] for b in BAD_TABLES]
)
def test_bad_table_is_a_clear_error_and_a_problem_row(tmp_path, name, content, line, reason):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleFormatError) as info:
        load_corpus(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert reason in info.value.reason
    collected = load_corpus(path, errors="collect")
    assert len(collected) == 0
    assert collected.problems["path"].tolist() == [str(path)]
    assert reason in collected.problems["reason"].iloc[0]


@pytest.mark.parametrize(
    ("header", "reason"),
    [(" date 2021-07-15 25:99 By A", "impossible time"),
     (" date 3021-07-15 By A", "outside the years 1678-2261")],
)  # fmt: skip
def test_bad_header_time_or_year(tmp_path, header, reason):
    path = write(tmp_path, "a.txt", header + "\n\nBody.")
    with pytest.raises(ArticleFormatError, match=reason) as info:
        load_corpus(path)
    assert info.value.line == 1


def test_collect_never_aborts_and_keeps_the_good_rows(tmp_path):
    for name, content, _, _ in BAD_TABLES:
        write(tmp_path, name, content)
    write(tmp_path, "good.jsonl", '{"id": "ok", "date": "2021-07-15", "author": "A", "text": "T."}')
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["ok"]
    assert sorted(corpus.problems["path"]) == sorted(str(tmp_path / b[0]) for b in BAD_TABLES)


def test_csv_lines_are_physical_lines_after_quoted_line_breaks(tmp_path):
    content = (
        "id,date,author,text\n"
        'a,2021-07-15,,"First paragraph.\n\nSecond paragraph."\n'
        'b,2021-07-16,,"One line."\n'
        "c,2021-02-30,,Bad date.\n"
        'a,2021-07-17,,"Same id."\n'
    )
    path = write(tmp_path, "t.csv", content)
    corpus = load_corpus(path, errors="collect")
    assert list(corpus.articles.index) == ["a", "b"]
    assert corpus.text("a") == "First paragraph.\n\nSecond paragraph."
    assert corpus.problems[["line", "reason"]].values.tolist() == [
        [6, "impossible date '2021-02-30' (day is out of range for month); expected YYYY-MM-DD"],
        [7, f"duplicate article id 'a' (also in {path}, line 2); expected unique ids"],
    ]


def test_duplicate_id_names_the_lines(tmp_path):
    write(tmp_path, "x.txt", "\n date 2021-01-01\n\nX.")
    path = write(
        tmp_path, "x.jsonl", '{"id": "x", "date": "2021-01-02", "author": "", "text": "Y."}'
    )
    with pytest.raises(ArticleFormatError) as info:
        load_corpus([tmp_path / "x.txt", path])
    assert (info.value.path, info.value.line) == (str(path), 1)
    assert f"(also in {tmp_path / 'x.txt'}, line 2)" in info.value.reason


def test_unreadable_file_is_a_problem_row(tmp_path, monkeypatch):
    write(tmp_path, "good.txt", " date 2021-07-15\n\nGood.")
    locked = write(tmp_path, "locked.txt", " date 2021-07-15\n\nLocked.")
    read_bytes = type(locked).read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(type(locked), "read_bytes", refuse)
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["good"]
    assert corpus.problems.values.tolist() == [
        [str(locked), pd.NA, "cannot read the file (Permission denied); expected a readable file"]
    ]


def test_broken_and_looping_links_in_a_folder_are_problem_rows(tmp_path):
    write(tmp_path, "good.txt", " date 2021-07-15\n\nGood.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "notes.md").symlink_to(tmp_path / "gone.md")
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["good"]
    assert corpus.problems[["path", "reason"]].values.tolist() == [
        [
            str(tmp_path / "dangling.txt"),
            "a broken or looping symbolic link; expected an article file",
        ],
        [str(tmp_path / "loop.txt"), "a broken or looping symbolic link; expected an article file"],
    ]
    with pytest.raises(ArticleFormatError, match="broken or looping symbolic link"):
        load_corpus(tmp_path)


def test_nfd_words_are_whole_words():
    import unicodedata

    from analysis import word_spans

    text = unicodedata.normalize("NFD", "Zürich and Genève’s café")
    assert [text[s:e] for s, e in word_spans(text)] == [
        unicodedata.normalize("NFD", w) for w in ("Zürich", "and", "Genève’s", "café")
    ]


def test_a_separator_before_prose_is_a_paragraph_break(tmp_path):
    body = (
        "First part of the story.\n\n***\n\nThe minister, speaking after the talks, said the "
        "two sides would meet again in the spring to sign the agreement.\n\n---\n"
        "Follow us on Telegram\nTags: Azerbaijan, Turkey\nAzerbaijan, defence"
    )
    write(tmp_path, "a.txt", " date 2021-07-15\n\n" + body)
    art = load_corpus(tmp_path).articles.loc["a"]
    assert art.text == (
        "First part of the story.\n\nThe minister, speaking after the talks, said the two sides "
        "would meet again in the spring to sign the agreement."
    )
    assert art.footer == "Follow us on Telegram\nTags: Azerbaijan, Turkey\nAzerbaijan, defence"


def test_a_separator_before_a_long_line_is_no_footer(tmp_path):
    long_line = "Read more about the drills: " + "the forces trained together for days. " * 6
    write(tmp_path, "a.txt", f" date 2021-07-15\n\nLead.\n---\n{long_line.strip()}")
    art = load_corpus(tmp_path).articles.loc["a"]
    assert pd.isna(art.footer)
    assert art.text == "Lead.\n\n" + long_line.strip()


@pytest.mark.parametrize(
    ("first", "author", "kept"),
    [("By Sabina Mammadli", "Sabina Mammadli", False),
     ("By John Smith and Mary Jones", "John Smith and Mary Jones", False),
     ("By land, sea and air: drills begin", None, True),
     ("By the end of May the drills will be over.", None, True)],
)  # fmt: skip
def test_a_byline_is_by_and_names_nothing_more(tmp_path, first, author, kept):
    write(tmp_path, "a.txt", f" date 2021-07-15\n\n{first}\n\nThe story.")
    art = load_corpus(tmp_path).articles.loc["a"]
    assert (art.author if not pd.isna(art.author) else None) == author
    assert art.text == (f"{first}\n\nThe story." if kept else "The story.")


@pytest.mark.parametrize(
    ("after", "footer"),
    [("Follow us on Telegram", True), ("Read more: https://example.org/a", True),
     ("© 2021 Example News. All rights reserved.", True), ("Tags: drills, Efes-2022", True),
     ("Follow-up talks are set for May.", False), ("Shares of the company rose 5%.", False),
     ("Related talks ended without a deal.", False), ("Azerbaijan, Turkey", False)],
)  # fmt: skip
def test_what_reads_as_a_footer(tmp_path, after, footer):
    write(tmp_path, "a.txt", f" date 2021-07-15\n\nLead.\n---\n{after}")
    art = load_corpus(tmp_path).articles.loc["a"]
    assert (art.footer == after) if footer else pd.isna(art.footer)
    assert art.text == ("Lead." if footer else f"Lead.\n\n{after}")


# --- bylines and outlets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "author", "outlet", "byline", "byline_line"),
    [
        (
            " date 2022-05-21 By Azernews\n\nBy Sabina Mammadli\n\n" + BODY,
            "Sabina Mammadli",
            "Azernews",
            "By Sabina Mammadli",
            3,
        ),
        (
            " date 2022-05-21 By Trend\n\n\n\nBY: Jane Roe and John Smith\n\n" + BODY,
            "Jane Roe and John Smith",
            "Trend",
            "BY: Jane Roe and John Smith",
            5,
        ),
        (
            " date 2022-05-21 By Jane Roe\n\nBy John Smith\n\n" + BODY,
            "Jane Roe",
            None,
            "By John Smith",
            3,
        ),
        (" date 2022-05-21\n\nBy Reuters\n\n" + BODY, "Reuters", "Reuters", "By Reuters", 3),
        (
            " date 2022-05-21 By Sabina Mammadli, Azernews\n\n" + BODY,
            "Sabina Mammadli",
            "Azernews",
            None,
            None,
        ),
        (
            " date 2022-05-21 By Azernews By Sabina Mammadli\n" + BODY,
            "Sabina Mammadli",
            "Azernews",
            "By Sabina Mammadli",
            1,
        ),
        (" date 2022-05-21 By Azernews\n\n" + BODY, "Azernews", "Azernews", None, None),
    ],
    ids=[
        "outlet-then-reporter",
        "names-joined",
        "two-people",
        "agency-in-body",
        "credit",
        "all-on-header",
        "agency-copy",
    ],
)
def test_bylines_give_author_and_outlet(tmp_path, content, author, outlet, byline, byline_line):
    write(tmp_path, "a.txt", content)
    art = load_corpus(tmp_path).articles.loc["a"]
    assert values([art.author, art.outlet, art.byline]) == [author, outlet, byline]
    assert (pd.isna(art.byline_line) and byline_line is None) or art.byline_line == byline_line
    assert art.text == BODY


def test_by_phrase_that_is_not_a_byline_stays_text(tmp_path):
    body = "By land, sea and air: drills begin\n\n" + BODY
    write(tmp_path, "a.txt", " date 2022-05-21\n\n" + body)
    art = load_corpus(tmp_path).articles.loc["a"]
    assert values([art.author, art.byline, art.text]) == [None, None, body]


def test_outlets_the_user_adds(tmp_path):
    write(tmp_path, "a.txt", " date 2022-05-21 By Caspian Daily Talks resume in Baku.\n\n" + BODY)
    with pytest.raises(ArticleFormatError, match="cannot tell where the byline"):
        load_corpus(tmp_path)
    art = load_corpus(tmp_path, outlets=["Caspian Daily"]).articles.loc["a"]
    assert (art.author, art.outlet) == ("Caspian Daily", "Caspian Daily")
    assert art.text == "Talks resume in Baku.\n\n" + BODY
    with pytest.raises(TypeError, match="outlets must be a list"):
        load_corpus(tmp_path, outlets="Caspian Daily")


def test_table_author_naming_an_outlet_and_byline_in_text():
    frame = pd.DataFrame(
        [
            {"id": "a", "date": "2022-05-21", "author": "Reuters", "text": BODY},
            {"id": "b", "date": "2022-05-21", "author": "Trend", "text": "By Jane Roe\n\n" + BODY},
        ]
    )
    arts = load_corpus(frame).articles
    assert [values(row) for row in arts[["author", "outlet", "byline"]].values] == [
        ["Reuters", "Reuters", None],
        ["Jane Roe", "Trend", "By Jane Roe"],
    ]
    assert arts.text.tolist() == [BODY, BODY]


# --- tables in the shapes researchers get them -------------------------------------------------


def scraped_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "url": ["https://example.org/a", "https://example.org/b"],
            "publish_date": ["2022-05-20 10:00 +04:00", "2022-05-21"],
            "headline": ["Ministers meet in Baku", "Drills end"],
            "body": [BODY, "Only paragraph."],
            "site": ["Example News", None],
        }
    )


MAPPING = {
    "id": "url",
    "date": "publish_date",
    "text": "body",
    "title": "headline",
    "outlet": "site",
}


def test_column_mapping_on_a_dataframe():
    corpus = load_corpus(scraped_frame(), columns=MAPPING)
    arts = corpus.articles
    assert list(arts.index) == ["https://example.org/a", "https://example.org/b"]
    assert arts.title.tolist() == ["Ministers meet in Baku", "Drills end"]
    assert values(arts.outlet) == ["Example News", None]
    assert arts.author.isna().all()
    assert arts.published.iloc[0] == pd.Timestamp("2022-05-20 06:00", tz="UTC")
    assert pd.isna(arts.published.iloc[1])


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_column_mapping_on_files(tmp_path, suffix):
    frame = scraped_frame()
    path = tmp_path / f"scraped{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True)
    else:
        frame.to_parquet(path)
    arts = load_corpus(path, columns=MAPPING).articles
    assert arts.title.tolist() == ["Ministers meet in Baku", "Drills end"]
    assert arts.text.tolist() == [BODY, "Only paragraph."]
    where = [str(path)] * 2 if suffix != ".parquet" else [f"{path} row 0", f"{path} row 1"]
    assert arts.path.tolist() == where


def test_title_and_url_columns_are_kept_and_titles_are_a_corpus():
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "date": ["2022-05-20", "2022-05-21", "2022-05-22"],
            "title": ["Ministers meet in Baku", "Ministers meet in Baku", None],
            "url": ["https://example.org/a", None, None],
            "text": [BODY, BODY, BODY],
        }
    )
    corpus = load_corpus(frame)
    assert values(corpus.articles.url) == ["https://example.org/a", None, None]
    titles = corpus.title_corpus()
    assert titles.articles.text.to_dict() == {
        "a": "Ministers meet in Baku",
        "b": "Ministers meet in Baku",
    }
    assert titles.paragraphs[["article_id", "start", "end"]].values.tolist() == [
        ["a", 0, 22],
        ["b", 0, 22],
    ]


@pytest.mark.parametrize(
    ("columns", "exc", "match"),
    [
        ({"body": "text"}, ValueError, r"columns maps unknown field\(s\) \['body'\]"),
        ({"id": "url", "text": "url"}, ValueError, "columns maps two fields to one column"),
        ({"id": ""}, ValueError, "columns must map each field to a column name"),
        (["id", "url"], TypeError, "columns must be a mapping"),
    ],
)
def test_bad_column_mappings(columns, exc, match):
    with pytest.raises(exc, match=match):
        load_corpus(scraped_frame(), columns=columns)


def test_mapping_a_column_the_table_lacks_is_a_problem(tmp_path):
    path = tmp_path / "t.csv"
    scraped_frame().to_csv(path, index=False)
    corpus = load_corpus(path, columns={**MAPPING, "text": "content"}, errors="collect")
    assert len(corpus) == 0
    assert corpus.problems.to_dict("records") == [
        {
            "path": str(path),
            "line": None,
            "reason": "the column mapping names column(s) the table does not have: 'content' "
            "(for text); the table's columns are ['url', 'publish_date', 'headline', 'body', "
            "'site']",
        }
    ]


def test_parquet_that_is_not_parquet_and_empty_parquet(tmp_path):
    write(tmp_path, "fake.parquet", "id,date,text\na,2021-01-01,T.\n")
    pd.DataFrame({"id": [], "date": [], "text": []}).to_parquet(tmp_path / "empty.parquet")
    pd.DataFrame({"id": ["a"], "date": ["2021-01-01"], "text": ["T."]}).to_parquet(
        tmp_path / "good.parquet"
    )
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["a"]
    problems = corpus.problems.set_index("path").reason.to_dict()
    assert problems[str(tmp_path / "empty.parquet")] == "the table holds no articles"
    assert problems[str(tmp_path / "fake.parquet")].startswith("cannot read it as Parquet (")
    with pytest.raises(ArticleFormatError, match="fake.parquet: cannot read it as Parquet"):
        load_corpus(tmp_path / "fake.parquet")


def test_parquet_with_timestamps_and_an_id_index(tmp_path):
    frame = pd.DataFrame(
        {
            "date": pd.DatetimeIndex(
                [pd.Timestamp("2022-05-21 23:30"), pd.Timestamp("2022-05-21")]
            ).tz_localize("Asia/Baku"),
            "text": [BODY, BODY],
        },
        index=pd.Index(["a", "b"], name="id"),
    )
    frame.to_parquet(tmp_path / "t.parquet")
    arts = load_corpus(tmp_path / "t.parquet").articles
    assert arts.date.tolist() == [pd.Timestamp("2022-05-21")] * 2
    assert arts.published.tolist() == [
        pd.Timestamp("2022-05-21 19:30", tz="UTC"),
        pd.Timestamp("2022-05-20 20:00", tz="UTC"),
    ]


# --- saved HTML pages ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Baku | Example News</title>
<meta property="og:title" content="Ministers meet in Baku">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Sabina Mammadli">
{date}
<link rel="canonical" href="https://example.org/news/ministers-meet">
</head><body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Ministers meet in Baku</h1>
<p>The defence ministers of the two countries met in Baku on Friday to discuss joint drills
planned for the autumn, the ministry said.</p>
<p>They agreed to increase the number of joint exercises next year, according to a statement
issued after the meeting by the press service.</p>
</article><footer>Copyright 2022 Example News. Subscribe to our newsletter.</footer></body></html>
"""
DATED = '<meta property="article:published_time" content="2022-05-21T11:31:00+04:00">'


def test_html_pages(tmp_path):
    write(tmp_path, "page.html", PAGE.format(date=DATED))
    write(tmp_path, "undated.htm", PAGE.format(date=""))
    write(tmp_path, "empty.html", "<html><head><title>Nothing</title></head><body></body></html>")
    corpus = load_corpus(tmp_path, errors="collect")
    art = corpus.articles.loc["page"]
    assert (art.title, art.author, art.outlet, art.url) == (
        "Ministers meet in Baku",
        "Sabina Mammadli",
        "Example News",
        "https://example.org/news/ministers-meet",
    )
    assert (art.date, art.published) == (
        pd.Timestamp("2022-05-21"),
        pd.Timestamp("2022-05-21 07:31", tz="UTC"),
    )
    assert corpus.paragraphs.text.tolist() == [
        "The defence ministers of the two countries met in Baku on Friday to discuss joint drills "
        "planned for the autumn, the ministry said.",
        "They agreed to increase the number of joint exercises next year, according to a "
        "statement issued after the meeting by the press service.",
    ]
    assert corpus.problems.to_dict("records") == [
        {
            "path": str(tmp_path / "empty.html"),
            "line": None,
            "reason": "the page yields no article text; expected an HTML page of an article",
        },
        {
            "path": str(tmp_path / "undated.htm"),
            "line": None,
            "reason": "the page gives no publication date (in its metadata, structured data, "
            "<time> elements or URL); expected one",
        },
    ]


def test_html_page_that_is_not_html_is_a_problem(tmp_path):
    write(tmp_path, "binary.html", b"\x00\x01\x02\xff binary")
    write(tmp_path, "a.txt", " date 2022-05-21\n\n" + BODY)
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["a"]
    assert corpus.problems[["path", "reason"]].values.tolist() == [
        [
            str(tmp_path / "binary.html"),
            "the page yields no article text; expected an HTML page of an article",
        ]
    ]


@pytest.mark.parametrize("window", [200, 700, 3000])
def test_long_paragraphs_are_split_as_a_whole_would_be(window):
    """pysbd runs window by window on long paragraphs; the sentences are the same."""
    from analysis.corpus import units

    sentences = [
        "Col-Gen Hasanov met Gen. Dalkiran at 9 a.m. on Monday.",
        '"We agree. Fully," he said.',
        "The U.S. delegation, led by Dr. Smith, arrived on Jan. 5 at 10 p.m. local time.",
        "Prices rose 2.5 pct in the year to March, the bank said.",
    ]
    text = " ".join(sentences[n % 4] for n in range(120))
    whole = units._windowed_sentences(text, window=10**9)
    assert units._windowed_sentences(text, window=window) == whole
    assert len(whole) == 120
