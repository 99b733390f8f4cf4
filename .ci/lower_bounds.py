"""Print pip constraints pinning every direct dependency of pyproject.toml to its lower bound.

`.ci/run` installs the package with these constraints in a second venv and runs the suite there,
so a lower bound that no longer works fails CI instead of a user's install. Generated from
pyproject.toml at every run, never kept by hand. A dependency without a lower bound is an error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    sys.exit("lower_bounds.py needs Python 3.11 or newer (tomllib)")

_SPEC = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*?)\s*(?:;.*)?$")


def lower_bound(requirement: str) -> str:
    """``"typer>=0.24,<0.29"`` -> ``"typer==0.24"``."""
    found = _SPEC.match(requirement)
    if not found:
        raise SystemExit(f"cannot read the requirement {requirement!r}")
    name, specifiers = found.groups()
    bounds = [s.strip()[2:].strip() for s in specifiers.split(",") if s.strip().startswith(">=")]
    if len(bounds) != 1:
        raise SystemExit(f"{name}: a direct dependency needs exactly one lower bound (>=), found {specifiers!r}")
    return f"{name}=={bounds[0]}"


#: test-only dependencies whose lower bound the suite relies on for what it checks (the JSON
#: schemas are validated with jsonschema's Draft202012Validator, from 4.0): pinned too
TESTED_TEST_BOUNDS = ("jsonschema",)


def main() -> None:
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))["project"]
    for requirement in project["dependencies"]:
        print(lower_bound(requirement))
    for requirement in project["optional-dependencies"]["test"]:
        if requirement.split(">=")[0].strip() in TESTED_TEST_BOUNDS:
            print(lower_bound(requirement))


if __name__ == "__main__":
    main()
