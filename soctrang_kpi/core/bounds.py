"""What an indicator's values can be: a percentage share lies in 0–100, a count is not negative.

A forecast carried on by a trend (or a roadmap rebased on the latest value) can leave that range —
a share of 45 → 58 % trends to 160 % by 2030 — and is then held at the bound, saying so
(``Forecast.unbounded``). The bound comes from the indicator's unit (``UNIT_BOUNDS``, README
"Forecast"), or from its own ``bounds: [low, high]`` in targets.yaml. Pure data and one function.
"""

from functools import lru_cache

from .classify import fold
from .model import Indicator

Bounds = tuple[float | None, float | None]

#: units whose values are counts (people, cases, tonnes, communes): never below 0, shown as whole
#: numbers. Folded (no accents, lower case) so that "Đảng viên" and "dang vien" match
COUNT_UNITS = frozenset({
    "nguoi", "dang vien", "tan", "xa", "huyen", "huyen, thi xa", "ho", "truong", "giuong", "lao dong",
    "doanh nghiep", "con", "chiec", "km", "ha", "people", "party members", "tonnes", "communes", "districts",
    "vu", "vu viec", "ca", "cases", "incidents",
})

#: a count over a period is a count: "vụ/năm", "người/năm" are read as "vụ", "người" (a count per
#: population, "ca/100.000 dân", is not: it is no whole number)
PER_PERIOD = frozenset({"nam", "year", "thang", "month", "quy", "quarter"})

#: units whose values are places in a ranking: whole numbers from 1
RANK_UNITS = frozenset({"hang", "thu hang", "vi tri", "rank", "place"})

#: values shown as whole numbers: counts and places
WHOLE_UNITS = COUNT_UNITS | RANK_UNITS

#: the bounds of a unit, folded: a percentage share lies in 0–100 (a growth rate, whose unit is
#: also "%", is a rate kind and never bounded); counts are not negative
UNIT_BOUNDS: dict[str, Bounds] = {
    "%": (0.0, 100.0),
    "% grdp": (0.0, 100.0),
    "phan tram": (0.0, 100.0),
    "percent": (0.0, 100.0),
    **{unit: (0.0, None) for unit in COUNT_UNITS},
    **{unit: (1.0, None) for unit in RANK_UNITS},
}

NO_BOUNDS: Bounds = (None, None)


@lru_cache(maxsize=256)  # a plan has a handful of units, met once per row
def folded_unit(unit: str) -> str:
    """The unit as the tables above look it up: folded, and a count per period ("vụ/năm") as
    the count ("vu")."""
    folded = " ".join(fold(unit).split())
    count, per, period = (part.strip() for part in folded.partition("/"))
    return count if per and count in COUNT_UNITS and period in PER_PERIOD else folded


def bounds_of(indicator: Indicator) -> Bounds:
    """The indicator's own ``bounds``, else its unit's, else none."""
    if indicator.bounds is not None:
        return indicator.bounds
    return UNIT_BOUNDS.get(folded_unit(indicator.unit), NO_BOUNDS)


def whole_numbers(unit: str) -> bool:
    """Whether values in ``unit`` are whole numbers: counts and places (``WHOLE_UNITS``)."""
    return folded_unit(unit) in WHOLE_UNITS


def held(value: float, bounds: Bounds) -> float:
    """``value`` within ``bounds``."""
    low, high = bounds
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value
