"""`kpi init`: a commented targets.yaml and actuals.yaml for a new plan, one example of each kind
of target, that `kpi validate` accepts as written; or a copy of the bundled data.

The template is text, not data dumped by a YAML library, so that its comments teach the format.
Comments come in the chosen language (``COMMENTS``); ``$`` placeholders are filled with
``string.Template``, which leaves YAML's braces alone.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from string import Template
from ..records import NamedTuple

from .atomic import write_all
from .oserror import reason
from .datadir import ACTUALS, BUNDLED, FILES, TARGETS
from .yaml_text import comment, flow
from ..core.kinds import KINDS
from ..core.model import Kind, annual_years
from ..errors import UsageError, WriteError
from ..messages import Text, section

class Example(NamedTuple):
    """One kind's example in the template: its indicators, its target rows and its values (with
    ``$`` placeholders), each a block of lines."""

    indicators: str
    targets: str
    actuals: str = ""


#: one example of every kind of target, in the order of core/kinds.py (a test checks they agree)
EXAMPLES: dict[Kind, Example] = {
    Kind.GROWTH: Example(
        """\
  - id: grdp-growth
    name: Tốc độ tăng trưởng kinh tế (GRDP) bình quân hằng năm
    name_en: Average yearly GRDP growth
    unit: "%"               # $c_quote
""",
        """\
      - {indicator: grdp-growth, number: "1", kind: growth, value: 10}                 # $c_growth
""",
        """\
  grdp-growth:
    $s_base: {$base: 6.5}        # $c_actual
    $s_next: {$next: 8.1}      # $c_estimate
    # $c_plan
""",
    ),
    Kind.LEVEL: Example(
        """\
  - id: grdp-per-capita
    name: GRDP bình quân đầu người
    name_en: GRDP per capita
    unit: Triệu đồng
    unit_en: million VND
""",
        """\
      - {indicator: grdp-per-capita, number: "2", kind: level, value: 215}             # $c_level
""",
        """\
  grdp-per-capita:
    $s_base: {$base: 120}
    $s_next: {$next: 132}
""",
    ),
    Kind.AVERAGE: Example(
        """\
  - id: poverty-reduction
    name: Giảm tỷ lệ hộ nghèo bình quân hằng năm
    name_en: Average yearly reduction of the poverty rate
    unit: "%"
""",
        """\
      - {indicator: poverty-reduction, number: "3", kind: average, range: [1, 1.5]}    # $c_average
""",
        """\
  poverty-reduction:
    $s_base: {$base: 1.2}
    $s_next: {$next: 1.1}
""",
    ),
    Kind.PROGRESS: Example(
        """\
  - id: party-members
    name: Số lượng đảng viên
    name_en: Number of party members
    unit: Đảng viên
    unit_en: party members
""",
        """\
      - {indicator: party-members, number: "4", kind: progress, value: 60000}          # $c_progress
""",
        """\
  party-members:
    $s_base: {$base: 52000}
    $s_next: {$next: 53500}
""",
    ),
    Kind.COMPOSITION: Example(
        """\
  - id: grdp-structure
    name: Cơ cấu kinh tế
    name_en: Economic structure
    unit: "%"
  - id: grdp-share-agriculture
    name: Nông, lâm nghiệp và thuỷ sản
    name_en: Agriculture, forestry and fisheries
    unit: "%"
    parent: grdp-structure  # $c_parent
  - id: grdp-share-other
    name: Công nghiệp, xây dựng, dịch vụ và thuế sản phẩm
    name_en: Industry, construction, services and product taxes
    unit: "%"
    parent: grdp-structure
""",
        """\
      - {indicator: grdp-structure, number: "5", kind: composition}                    # $c_composition
      - {indicator: grdp-share-agriculture, number: "5.1", kind: level, direction: at_most, value: 16}  # $c_at_most
      - {indicator: grdp-share-other, number: "5.2", kind: level, value: 84}
""",
        """\
  grdp-share-agriculture:
    $s_base: {$base: 20}
    $s_next: {$next: 19}
  grdp-share-other:
    $s_base: {$base: 80}
    $s_next: {$next: 81}
""",
    ),
    Kind.GROUP: Example(
        """\
  - id: party-rating
    name: Tổ chức cơ sở đảng xếp loại chất lượng hằng năm
    name_en: Yearly rating of grassroots party organisations
""",
        """\
      - {indicator: party-rating, number: "6", kind: group}                            # $c_group
""",
    ),
    Kind.THRESHOLD: Example(  # a sub-row of the group above
        """\
  - id: party-rating-good
    name: Hoàn thành tốt nhiệm vụ trở lên
    name_en: Rated good or better
    unit: "%"
    parent: party-rating
""",
        """\
      - {indicator: party-rating-good, number: "6.1", kind: threshold, strict: true, value: 80}  # $c_threshold
""",
        """\
  party-rating-good:
    $s_next: {$next: 85.5}
""",
    ),
    Kind.CUMULATIVE: Example(
        """\
  - id: total-investment
    name: Tổng vốn đầu tư toàn xã hội 5 năm
    name_en: Total social investment over the five years
    unit: Nghìn tỷ đồng
    unit_en: trillion VND
""",
        """\
      - {indicator: total-investment, number: "7", kind: cumulative, value: 500}       # $c_cumulative
""",
        """\
  total-investment:
    $s_next: {$next: 95}
""",
    ),
    Kind.BAND: Example(
        """\
  - id: urbanisation
    name: Tỷ lệ đô thị hoá
    name_en: Urbanisation rate
    unit: "%"
""",
        """\
      - {indicator: urbanisation, number: "8", kind: band, range: [50, 55]}            # $c_band
""",
        """\
  urbanisation:
    $s_base: {$base: 45}
    $s_next: {$next: 50.5}
""",
    ),
    Kind.REDUCTION: Example(
        """\
  - id: poverty-rate
    name: Tỷ lệ hộ nghèo
    name_en: Poverty rate
    unit: "%"
""",
        """\
      - {indicator: poverty-rate, number: "9", kind: reduction, drop: points, value: 0.5}  # $c_reduction
""",
        """\
  poverty-rate:
    $s_base: {$base: 2.5}
    $s_next: {$next: 2.1}
""",
    ),
    Kind.SHARE_OF: Example(
        """\
  - id: grdp
    name: Tổng sản phẩm trên địa bàn (GRDP, giá hiện hành)
    name_en: GRDP (current prices)
    unit: Nghìn tỷ đồng
    unit_en: trillion VND
  - id: investment
    name: Tổng vốn đầu tư toàn xã hội
    name_en: Total social investment
    unit: Nghìn tỷ đồng
    unit_en: trillion VND
""",
        """\
      - {indicator: grdp, number: "10", kind: level, value: 717, printed: "Tối thiểu 717 nghìn tỷ đồng", printed_en: "At least VND 717 trillion"}  # $c_printed
      - {indicator: investment, number: "11", kind: share_of, of: grdp, value: 40}   # $c_share_of
""",
        """\
  grdp:
    $s_base: {$base: 313}
    $s_next: {$next: 350}
  investment:
    $s_base: {$base: 110}
    $s_next: {$next: 130}
""",
    ),
    Kind.RANK: Example(
        """\
  - id: pci-rank
    name: Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)
    name_en: Provincial competitiveness index (PCI) rank
    unit: Hạng
    unit_en: rank
""",
        """\
      - {indicator: pci-rank, number: "12", kind: rank, value: 15}                     # $c_rank
""",
        """\
  pci-rank:
    $s_base: {$base: 18}
    $s_next: {$next: 14}
""",
    ),
}

def _budget_revenue(name: str, unit: str, unit_en: str, number: str, value: int, comment: str, actual: str, estimate: str) -> Example:
    """The state budget's revenue, a growth of a level (``basis: level``): the term's example and
    the annual plan's, which differ only in these (its name, unit, row, target, comment, values)."""
    return Example(
        f"""\
  - id: budget-revenue
    name: {name}
    name_en: State budget revenue
    unit: {unit}
    unit_en: {unit_en}
""",
        f"""\
      - {{indicator: budget-revenue, number: "{number}", kind: growth, basis: level, value: {value}}}  # $c_{comment}
""",
        f"""\
  budget-revenue:
    $s_base: {{$base: {actual}}}
    $s_next: {{$next: {estimate}}}
""",
    )


#: examples of a kind's other forms, after one of every kind
MORE: tuple[Example, ...] = (
    _budget_revenue("Tổng thu ngân sách nhà nước trên địa bàn", "Nghìn tỷ đồng", "trillion VND", "13", 15, "growth_level", "30", "34.5"),
    Example(
        """\
  - id: fdi
    name: Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)
    name_en: Foreign direct investment attracted
    unit: Triệu USD
    unit_en: million USD
""",
        """\
      - {indicator: fdi, number: "14"}                                                 # $c_no_target
""",
    ),
)

def _numbered(example: Example, number: str, comment: str = "") -> Example:
    """An example of the term's template as a row of another plan: its number there, and its own
    comment (``$c_…``) where the plan says it otherwise."""
    targets = re.sub(r'number: "[^"]*"', f'number: "{number}"', example.targets, count=1)
    if comment:
        targets = re.sub(r"\$c_\w+", comment, targets, count=1)
    return example._replace(targets=targets)


#: a one-year plan's examples (base 2025, target 2026: the annual plan "Kế hoạch phát triển kinh tế -
#: xã hội năm 2026"): the targets an annual plan sets for its year — a rate, levels, the growth of a
#: level over the year before, a reduction, a place, an at-most count —, no total or average of a term
ANNUAL: tuple[Example, ...] = (
    Example(
        """\
  - id: grdp-growth
    name: Tốc độ tăng trưởng kinh tế (GRDP)
    name_en: GRDP growth
    unit: "%"               # $c_quote
""",
        """\
      - {indicator: grdp-growth, number: "1", kind: growth, value: 8}                  # $c_annual_growth
""",
        """\
  grdp-growth:
    $s_base: {$base: 6.5}        # $c_annual_actual
    $s_next: {$next: 7.8}      # $c_annual_estimate
""",
    ),
    Example(
        """\
  - id: exports
    name: Kim ngạch xuất khẩu
    name_en: Exports
    unit: Triệu USD
    unit_en: million USD
""",
        """\
      - {indicator: exports, number: "2", kind: level, value: 3300}                    # $c_annual_level
""",
        """\
  exports:
    $s_base: {$base: 3000}
    $s_next: {$next: 3150}
""",
    ),
    _budget_revenue("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "billion VND", "3", 10, "annual_growth_level", "5000", "5600"),
    Example(
        """\
  - id: health-insurance
    name: Tỷ lệ dân số tham gia bảo hiểm y tế
    name_en: Health insurance coverage
    unit: "%"
""",
        """\
      - {indicator: health-insurance, number: "4", kind: level, value: 95}             # $c_annual_share
""",
        """\
  health-insurance:
    $s_base: {$base: 93.2}
    $s_next: {$next: 94.5}
""",
    ),
    _numbered(EXAMPLES[Kind.REDUCTION], "5", "$c_annual_reduction"),
    _numbered(EXAMPLES[Kind.RANK], "6"),
    Example(
        """\
  - id: traffic-accidents
    name: Số vụ tai nạn giao thông
    name_en: Road traffic accidents
    unit: Vụ
    unit_en: accidents
    within_year: flow       # $c_annual_flow
""",
        """\
      - {indicator: traffic-accidents, number: "7", kind: level, direction: at_most, value: 120}  # $c_annual_at_most
""",
        """\
  traffic-accidents:
    $s_base: {$base: 135}
    $s_next: {$next: 118}
""",
    ),
    _numbered(MORE[-1], "8"),  # listed without a target yet
)

TARGETS_HEAD = """\
# $c_targets_head
# $c_edit
schema_version: 1

indicators:
  # $c_indicator
"""

PLAN_HEAD = """
plans:
  - id: $plan_id
    name: $name
    base_year: $base   # $c_base
    target_year: $target
    settings:
      precision: 2       # $c_precision
      # $c_classes
      classes: [{name: $class_nearly, name_en: $class_nearly_en, at_least: 95}]
    targets:
      # $c_kinds
"""

ACTUALS_HEAD = """\
# $c_actuals_head
# $c_numbers
schema_version: 1

series:
"""


def templates(annual: bool = False) -> tuple[str, str]:
    """The two files' templates: the heads, then every kind's example in the order of
    core/kinds.py — or, for an annual plan, the examples of an annual plan."""
    examples = list(ANNUAL) if annual else [EXAMPLES[kind] for kind in KINDS] + list(MORE)
    targets = TARGETS_HEAD + "".join(e.indicators for e in examples) + PLAN_HEAD + "".join(e.targets for e in examples)
    return targets, ACTUALS_HEAD + "".join(e.actuals for e in examples)


#: the template's comments, in each language
COMMENTS = section("template")

#: the head comments an annual plan says in its own words (README "The annual plan's own table")
ANNUAL_HEAD = ("edit", "base", "kinds", "actuals_head")


def plan_id(base: int, target: int, annual: bool | None = None) -> str:
    """A new plan's id, "annual-2026" or "term-2025-2030" (``annual``: known otherwise, as kpi
    import knows a table headed "Kế hoạch năm 2026"; else by its years)."""
    return f"annual-{target}" if (annual_years(base, target) if annual is None else annual) else f"term-{base}-{target}"


def default_name(base: int, target: int, annual: bool | None = None) -> str:
    """The catalogue key of the name a plan gets when none is given: an annual plan's, or a term's."""
    return "init.default_name_annual" if (annual_years(base, target) if annual is None else annual) else "init.default_name"


def statuses(base: int, today: date) -> tuple[str, str]:
    """The statuses of the examples' values of ``base`` and the year after it, that `kpi validate`
    accepts ``today`` without a warning (files/share_sums.py, ``warn_future_periods``): the base
    year's actual once it has ended, else its estimate ("ước thực hiện cả năm", made in its
    December); the next year's estimate once it has begun, else the roadmap's value (plan): an
    annual plan for 2027 is drafted in December 2026."""
    return ("actual" if base < today.year else "estimate", "estimate" if base + 1 <= today.year else "plan")


def render(name: str, base: int, target: int, lang: str, today: date | None = None) -> dict[str, str]:
    """The two files' text for a new plan, its examples' values of a status ``today`` allows
    (``statuses``; the day of the run unless given)."""
    if target <= base:
        raise UsageError(Text("init.years_order", base=base, target=target))
    check_name(name)
    status_base, status_next = statuses(base, today or date.today())
    fill = {
        "name": comment(_one_line(name)), "base": base, "target": target, "next": base + 1, "plan_id": plan_id(base, target),
        "s_base": status_base, "s_next": status_next,
    }
    # the class between Đạt and Khó đạt, in the catalogue's words (which kpi import reads back)
    fill |= {f"class_{key}": words["vi"] for key, words in section("class").items()}
    fill |= {f"class_{key}_en": words["en"] for key, words in section("class").items()}
    annual = annual_years(base, target)
    said = {key: COMMENTS[f"annual_{key}" if annual and key in ANNUAL_HEAD else key] for key in COMMENTS}
    # the values' comments say the status they are of: a year not ended estimated, one not begun the roadmap's
    for key, status, usual in (("actual", status_base, "actual"), ("estimate", status_next, "estimate")):
        if status != usual:
            said[key], said[f"annual_{key}"] = COMMENTS[f"{key}_{status}"], COMMENTS[f"annual_{key}_{status}"]
    comments = {f"c_{key}": Template(words[lang]).safe_substitute(fill) for key, words in said.items()}
    values = {**fill, "name": flow(_one_line(name)), **comments}
    targets, actuals = templates(annual)
    return {TARGETS: Template(targets).substitute(values), ACTUALS: Template(actuals).substitute(values)}


def bundled() -> dict[str, str]:
    return {name: (BUNDLED / name).read_text(encoding="utf-8") for name in FILES}


def write(folder: Path, texts: dict[str, str], force: bool) -> list[Path]:
    """Write the files into ``folder``; nothing is written if one exists and ``force`` is not
    given."""
    paths = [folder / name for name in texts]
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise UsageError(Text("cli.exists", path=existing[0]))
    for path in existing:
        _keeps_history(path, texts[path.name])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_all({path: texts[path.name].encode("utf-8") for path in paths})  # both or neither
    except OSError as err:
        raise WriteError(Text("cli.cannot_write", path=folder, reason=reason(err))) from err
    return paths


def _keeps_history(path: Path, new: str) -> None:
    """Writing over an actuals.yaml whose history the new text does not hold is refused (README
    "History of a value"): nothing of a value's history is lost by any command."""
    from . import regular, yamlio
    from .datadir import ACTUALS, shown
    from .history_data import versions_in
    from ..errors import DataError

    if path.name != ACTUALS:
        return
    try:
        old = yamlio.decode(shown(path), regular.read(path, shown(path), yamlio.MAX_BYTES))
    except DataError:
        return  # not a file kpi can read (a device, a FIFO, another encoding): refused or replaced as before
    lost = versions_in(old) - versions_in(new)  # the versions the new text would not hold
    if lost:
        raise UsageError(Text("history.has_history", path=path, count=sum(lost.values())))


#: what a YAML file cannot hold even quoted: C0 and C1 controls (but tab and line breaks, which
#: a name turns into spaces), DEL, lone surrogates, U+FFFE and U+FFFF
_UNWRITABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def check_name(name: str) -> None:
    """A plan's name that kpi validate will accept: some text, and no control character."""
    bad = re.search(_UNWRITABLE, name)
    if bad is not None:
        raise UsageError(Text("init.name_control", character=f"U+{ord(bad.group()):04X}", position=bad.start() + 1))
    if not _one_line(name):
        raise UsageError(Text("init.name_empty"))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()

