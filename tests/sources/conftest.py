"""What the parse tests share: a small corpus of the seeds and written news articles."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.paths import SEEDS_DIR

# Written for these tests: a ruler type in each article, a repeated paragraph, a quote that runs
# over two paragraphs, a pronoun source.
WRITTEN = [
    "Turkey's Anadolu Agency reported that the Efes-2024 drills began on Monday.\n\n"
    "Defence Minister Selim Kaya said the Treaty of Kars was honoured.",
    "The Defence Ministry said on Tuesday that the drills would last a week.\n\n"
    "Defence Minister Selim Kaya said the Treaty of Kars was honoured.",
    '"We are ready," Colonel Amina Rahimova told reporters. "The units have trained.\n\n'
    '"They will stay," she added.',
]


def small_corpus():
    seeds = load_corpus(SEEDS_DIR).articles.reset_index().rename(columns={"article_id": "id"})
    seeds["date"] = seeds["date"].dt.strftime("%Y-%m-%d")
    written = pd.DataFrame(
        {
            "id": [f"w{i}" for i in range(len(WRITTEN))],
            "date": "2024-03-06",
            "author": None,
            "text": WRITTEN,
        }
    )
    frame = pd.concat(
        [seeds[["id", "date", "author", "text"]], written],
        ignore_index=True,
    )
    return load_corpus(frame)


@pytest.fixture(scope="module")
def corpus():
    return small_corpus()
