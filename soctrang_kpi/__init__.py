"""soctrang_kpi: compute the attainment of a province's resolution targets from its data.

The core (model, calc, classify, engine, audit) is pure Python with no I/O; load reads the YAML
files; views, render and cli make the command-line tool.
"""

__version__ = "0.1.0"
