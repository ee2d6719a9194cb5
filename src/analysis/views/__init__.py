"""Views: figures (matplotlib) and the side-by-side HTML view of two articles.

Figures take the DataFrames the analyses return and never read files; colours and sizes are fixed,
so a re-run draws the same picture. One module per analysis: :mod:`~analysis.views.corpus`,
:mod:`~analysis.views.reuse`, :mod:`~analysis.views.timeline`, :mod:`~analysis.views.sources`;
:mod:`~analysis.views.sidebyside` lays two aligned articles out paragraph by paragraph.
"""

from analysis.views.sidebyside import paragraph_similarity, side_by_side

__all__ = ["paragraph_similarity", "side_by_side"]
