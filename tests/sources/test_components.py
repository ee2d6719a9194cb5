"""The indexed attribute ruler and the cached lemmatizer set what spaCy's components set, token for
token."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from analysis import load_corpus
from analysis.paths import SEEDS_DIR
from analysis.sources import components
from analysis.sources.components import (
    CachedLemmatizer,
    IndexedAttributeRuler,
    UnsupportedPattern,
    cache_lemmatizer,
    index_attribute_ruler,
)
from analysis.sources.parsing import MODEL_NAMES, load_nlp

# Written for these tests: newswire shapes the ruler's exceptions are about (contractions, "there
# is", auxiliaries, "whose", pronouns as objects, spaces, all capitals).
NEWS = [
    "There is no deal yet, and there aren't any talks, officials said on Tuesday.",
    '"We didn\'t know," she told him.  "Nothin\' was said to us, y\'know."',
    "The company, whose shares rose 12 pct, has said it would have done the same.",
    "BANK OF JAPAN SAYS IT WILL INTERVENE\n\nIt gets what it got: whatever that is.",
    "Did they do it? He does, and so do I; give it to me, not to you.",
]


def _model():
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English model")


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_same_annotations_as_spacy_on_seeds_and_news():
    spacy_nlp = _model()
    texts = [*load_corpus(SEEDS_DIR).paragraphs["text"], *NEWS]
    indexed = load_nlp()
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(indexed.get_pipe("lemmatizer"), CachedLemmatizer)
    assert indexed.pipe_names == [*spacy_nlp.pipe_names[:-1], "entity_ruler", "ner"]
    for text in texts:
        want = spacy_nlp(text)
        got = indexed(text)
        assert _annotations(got) == _annotations(want), text


@pytest.fixture
def blank():
    nlp = spacy.blank("en")
    return nlp, nlp.add_pipe("attribute_ruler")


def test_later_pattern_wins_and_attributes_merge(blank):
    nlp, ruler = blank
    ruler.add([[{"LOWER": "said"}]], {"POS": "VERB", "LEMMA": "say"})
    ruler.add([[{"TAG": ""}]], {"POS": "X"})  # every token of a blank pipeline
    ruler.add([[{"LOWER": {"IN": ["said", "says"]}}]], {"POS": "AUX"})
    doc = IndexedAttributeRuler(ruler)(nlp.make_doc("He said"))
    assert [(t.pos_, t.lemma_) for t in doc] == [("X", ""), ("AUX", "say")]


def test_conditions_read_before_anything_is_set(blank):
    nlp, ruler = blank
    ruler.add([[{"LOWER": "us"}]], {"TAG": "PRP"})
    ruler.add([[{"TAG": "PRP"}]], {"POS": "PRON"})  # the tag was empty when matching
    doc = IndexedAttributeRuler(ruler)(nlp.make_doc("tell us"))
    assert [(t.tag_, t.pos_) for t in doc] == [("", ""), ("PRP", "")]


def test_two_token_patterns_set_their_indexed_token(blank):
    nlp, ruler = blank
    ruler.add([[{"LOWER": "there"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "VERB"}, index=1)
    ruler.add([[{"LOWER": "no"}, {"LOWER": "deal"}]], {"POS": "DET"}, index=-2)
    ruler.add([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "not"})
    doc = IndexedAttributeRuler(ruler)(nlp.make_doc("there is no deal, there isn't"))
    assert [(t.text, t.pos_, t.lemma_) for t in doc] == [
        ("there", "", ""),
        ("is", "VERB", ""),
        ("no", "DET", ""),
        ("deal", "", ""),
        (",", "", ""),
        ("there", "", ""),
        ("is", "VERB", ""),
        ("n't", "", "not"),
    ]


def test_a_pattern_at_the_end_of_the_doc_does_not_run_over(blank):
    nlp, ruler = blank
    ruler.add([[{"LOWER": "there"}, {"LOWER": "is"}]], {"POS": "VERB"}, index=1)
    assert [t.pos_ for t in IndexedAttributeRuler(ruler)(nlp.make_doc("over there"))] == ["", ""]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "said", "OP": "+"}],
        [{"SHAPE": "Xxxx"}],
        [{"LENGTH": {">=": 3}}],
        [{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}],
        [{"IS_SPACE": "yes"}],
    ],
)
def test_unsupported_patterns_keep_spacys_ruler(blank, pattern):
    nlp, ruler = blank
    ruler.add([pattern], {"POS": "X"})
    with pytest.raises(UnsupportedPattern):
        IndexedAttributeRuler(ruler)
    with pytest.raises(UnsupportedPattern):
        index_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_outlet_with_a_hyphen_is_media():
    doc = load_nlp()("Agence France-Presse reported the vote on Sunday.")
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Agence France-Presse", "MEDIA")


def _lemmas_of(nlp, texts):
    return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]


def test_cached_lemmas_are_spacys_on_a_cold_and_a_warm_cache(monkeypatch):
    spacy_nlp = _model()
    texts = [*load_corpus(SEEDS_DIR).paragraphs["text"], *NEWS]
    want = _lemmas_of(spacy_nlp, texts)
    nlp = _model()
    cache_lemmatizer(nlp)
    assert _lemmas_of(nlp, texts) == want
    # The second pass reads every lemma from the cache, in another order.
    assert _lemmas_of(nlp, texts[::-1]) == want[::-1]
    # A cache that starts again after every few keys still gives the same lemmas.
    monkeypatch.setattr(components, "CACHE_LIMIT", 3)
    small = _model()
    cache_lemmatizer(small)
    assert _lemmas_of(small, texts) == want
    assert len(small.get_pipe("lemmatizer")._lemmas) <= 3


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_lemma_set_before_stays_unless_overwritten(overwrite):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "said"}]], {"LEMMA": "SAY"})
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": overwrite})
    lemmatizer.lookups.add_table("lemma_lookup", {"said": "say", "talks": "talk"})
    want = [t.lemma_ for t in nlp("She said talks said")]
    cache_lemmatizer(nlp)
    got = [t.lemma_ for t in nlp("She said talks said")]
    assert got == want
    assert got == ["She", "say" if overwrite else "SAY", "talk", "say" if overwrite else "SAY"]


class _ShoutingLemmatizer(Lemmatizer):
    """A lemmatizer of a mode whose lemma is not a function of word, tag and morphology alone."""

    def shout_lemmatize(self, token):
        return [token.text.upper()]


@Language.factory("shouting_lemmatizer")
def _make_shouting_lemmatizer(nlp, name):
    return _ShoutingLemmatizer(nlp.vocab, None, name, mode="shout")


def test_a_lemmatizer_of_another_mode_is_left_as_it_is():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("shouting_lemmatizer", name="lemmatizer")
    with pytest.raises(ValueError, match="lemmatizer mode 'shout' is not one of"):
        CachedLemmatizer(lemmatizer)
    with pytest.raises(ValueError, match="'shout'"):
        cache_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
    assert nlp.get_pipe("lemmatizer") is lemmatizer
    assert [t.lemma_ for t in nlp("said")] == ["SAID"]


def test_an_empty_doc_is_lemmatized_to_nothing():
    nlp = _model()
    cache_lemmatizer(nlp)
    assert len(nlp.get_pipe("lemmatizer")(nlp.make_doc(""))) == 0


def test_the_models_own_word_lists_are_left_as_they_are():
    nlp = _model()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    before = {key: list(words) for key, words in index.items()}
    cache_lemmatizer(nlp)
    cached = nlp.get_pipe("lemmatizer")
    assert cached.lemmatizer.lookups.get_table("lemma_index") is index
    assert {key: list(words) for key, words in index.items()} == before
    asked = cached._asked.lookups.get_table("lemma_index")
    assert {key: frozenset(words) for key, words in index.items()} == dict(asked.items())
    assert [t.lemma_ for t in nlp("Ministers discussed the agreements")] == [
        "minister",
        "discuss",
        "the",
        "agreement",
    ]
