"""environment.yml installs what pyproject.toml declares (core, notebooks and test extras)."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis.paths import PROJECT_ROOT

CONDA_NAMES = {"dask[distributed]": {"dask", "distributed"}}


def requirement_name(spec: str) -> str:
    return re.split(r"[<>=!~ ]", spec, maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    declared = set(project["dependencies"])
    for extra in ("notebooks", "test"):
        declared |= {d for d in project["optional-dependencies"][extra] if "[" not in d}
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    conda = {requirement_name(d) for d in env["dependencies"] if isinstance(d, str)}
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = conda | {requirement_name(d) for d in pip}
    missing = []
    for spec in declared:
        names = CONDA_NAMES.get(requirement_name(spec), {requirement_name(spec)})
        if not names <= listed:
            missing.append(spec)
    assert not missing, f"in pyproject.toml but not in environment.yml: {sorted(missing)}"
    assert "-e .[test]" in pip
