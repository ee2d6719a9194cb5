"""CPU time of the report's family, pair and article pages on one corpus.

    python benchmarks/bench_pages.py CORPUS OUT.json

Runs ``find_reuse`` and ``boilerplate_families`` as the report does, then times
``family_pages`` alone (CPU seconds) and writes every page it makes to ``OUT.json`` (path ->
HTML, sorted), so two trees' pages can be compared byte for byte (``cmp``). Run it with
``PYTHONPATH=<tree>/src`` for each tree.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time

from analysis import boilerplate_families, find_reuse, load_corpus
from analysis.report.pages import family_pages
from analysis.report.steps import largest
from analysis.views.corpus import article_labels


def main(corpus_path: str, out: str) -> None:
    corpus = load_corpus(corpus_path)
    reuse = find_reuse(corpus)
    families = boilerplate_families(corpus, reuse)
    ordered = largest(families, ["n_articles", "n_words"], n=None, ties=["family_id"])
    labels = article_labels(corpus)
    started = time.process_time()
    made = family_pages(corpus, reuse, ordered, labels=labels)
    seconds = time.process_time() - started
    text = json.dumps(made.files, sort_keys=True)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    print(f"{len(made.files)} pages, {seconds:.2f} CPU s, sha256 {digest}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
