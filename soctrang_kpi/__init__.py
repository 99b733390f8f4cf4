"""soctrang_kpi: compute the attainment of a province's resolution targets from its data.

Four layers, imported one way (README "Architecture"): ``core`` is pure (the model, the
arithmetic, the evaluation of a plan as of a year, the audit of published figures); ``files``
reads and writes the YAML data and the office's own tables; ``output`` says the results (tables,
JSON, documents); ``cli`` and ``spoken`` are the command-line shell. ``compat`` holds what kpi
relies on from each library, pinned by contract tests.
"""

#: the one place the version is written: pyproject.toml reads it (``dynamic``), ``kpi --version``
#: prints it
__version__ = "0.2.0"


def __getattr__(name: str) -> object:
    """``soctrang_kpi.api`` without importing it first (README "Python API"); nothing is imported
    with the package itself."""
    if name == "api":
        import importlib

        return importlib.import_module(f"{__name__}.api")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
