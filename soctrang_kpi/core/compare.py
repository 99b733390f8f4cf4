"""What changed: each indicator's verdict as of an earlier year beside today's ("so với năm trước")."""

from ..records import NamedTuple

from .classify import SEVERITY, Status
from .results import PlanResult, Result


class Change(NamedTuple):
    before: Result | None  # None when the indicator was not in the earlier table
    after: Result

    @property
    def changed(self) -> bool:
        """The verdict changed class (a new excess within "Vượt" is not a change of verdict)."""
        return self.before is None or _verdict(self.before) != _verdict(self.after)

    @property
    def direction(self) -> str:
        """ "better", "worse", "same" (the same class, another excess), "new" (not in the earlier
        table), "data_in" (from no data to a verdict) or "data_out" (from a verdict to no data):
        a change from or to no data is neither better nor worse."""
        if self.before is None:
            return "new"
        if (self.before.status is Status.NO_DATA) != (self.after.status is Status.NO_DATA):
            return "data_in" if self.before.status is Status.NO_DATA else "data_out"
        old, new = _verdict(self.before), _verdict(self.after)
        if old == new:
            return "same"
        return "better" if new < old else "worse"


def _verdict(result: Result) -> tuple[int, float]:
    """A verdict's rank, lower is better: its status, then the plan's class ("Xấp xỉ đạt" from
    95 % is better than none within Khó đạt)."""
    return SEVERITY[result.status], -(result.klass.at_least if result.klass is not None else -1.0)


def compare(before: PlanResult, after: PlanResult) -> tuple[Change, ...]:
    """Every row of ``after`` with its row in ``before`` (same plan, two years), in table order."""
    earlier = {r.id: r for r in before.results}
    return tuple(Change(earlier.get(r.id), r) for r in after.results)
