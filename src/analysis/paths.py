"""Where the project's files are, so notebooks and scripts do not depend on their working folder.

``PROJECT_ROOT`` is the folder holding ``pyproject.toml`` (a source checkout); ``SEEDS_DIR`` the
seed articles in it. Set ``ANALYSIS_SEEDS_DIR`` to point at another copy of the seeds (for an
installed package used outside the checkout).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJECT_ROOT", "SEEDS_DIR", "SHARED_DATA_DIR"]


def _find_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "seeds").is_dir():
            return parent
    return Path.cwd()


PROJECT_ROOT: Path = _find_root()
SEEDS_DIR: Path = Path(os.environ.get("ANALYSIS_SEEDS_DIR", PROJECT_ROOT / "seeds"))
SHARED_DATA_DIR: Path = Path(
    os.environ.get("ANALYSIS_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data")
)
