"""What changed: each indicator's verdict as of an earlier year beside today's ("so với năm trước")."""

from typing import NamedTuple

from .classify import SEVERITY
from .results import PlanResult, Result


class Change(NamedTuple):
    before: Result | None  # None when the indicator was not in the earlier table
    after: Result

    @property
    def changed(self) -> bool:
        """The verdict changed class (a new excess within "Vượt" is not a change of verdict)."""
        return self.before is None or self.before.status is not self.after.status

    @property
    def direction(self) -> str:
        """ "better", "worse", "same" (the same class, another excess) or "new"."""
        if self.before is None:
            return "new"
        old, new = SEVERITY[self.before.status], SEVERITY[self.after.status]
        if old == new:
            return "same"
        return "better" if new < old else "worse"


def compare(before: PlanResult, after: PlanResult) -> tuple[Change, ...]:
    """Every row of ``after`` with its row in ``before`` (same plan, two years), in table order."""
    earlier = {r.id: r for r in before.results}
    return tuple(Change(earlier.get(r.id), r) for r in after.results)
