"""What the lines after a separator say when they are a page's footer, not more of the article.

A footer is short lines of follow and subscribe prompts, copyright and rights notices, links, share
buttons, related-story headers and tag lists; :mod:`analysis.corpus.loading` cuts the text after a
``---``/``***``/``___`` line only when it reads as one.
"""

from __future__ import annotations

__all__ = ["FOOTER_LINE_CHARS", "FOOTER_MARKS", "FOOTER_STARTS", "TAG_LINE_CHARS"]

#: How footer lines begin (lower case, matched as whole words): prompts and headers.
FOOTER_STARTS: tuple[str, ...] = (
    "follow us", "follow me", "follow on", "subscribe", "sign up", "newsletter", "copyright",
    "all rights reserved", "read more", "read also", "also read", "see also", "more news",
    "more from", "related:", "related articles", "related news", "related stories", "share this",
    "share on", "share:", "tags:", "tags", "topics:", "source:", "photo:", "photos:",
    "click here", "download our app", "join us", "like us",
)  # fmt: skip
#: Marks that make a short line a footer line wherever they stand: links, handles, rights.
FOOTER_MARKS: tuple[str, ...] = (
    "http://", "https://", "www.", "@", "©", "(c) ", "all rights reserved",
)  # fmt: skip
#: The longest footer line; a longer line is prose, and the separator was a paragraph break.
FOOTER_LINE_CHARS = 200
#: A line this short with no sentence-final mark may be a tag list ("Azerbaijan, Turkey, defence").
TAG_LINE_CHARS = 60
