"""Figures: one module per analysis, each function returning a matplotlib ``Figure``.

Figures take the DataFrames the analyses return; they never read files. Colours and sizes are fixed,
so a re-run draws the same picture.
"""
