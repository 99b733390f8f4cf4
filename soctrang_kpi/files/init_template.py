"""`kpi init`: a commented targets.yaml and actuals.yaml for a new plan, one example of each kind
of target, that `kpi validate` accepts as written; or a copy of the bundled data.

The template is text, not data dumped by a YAML library, so that its comments teach the format.
Comments come in the chosen language (``COMMENTS``); ``$`` placeholders are filled with
``string.Template``, which leaves YAML's braces alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template
from typing import NamedTuple

from .atomic import write_atomic
from .datadir import ACTUALS, BUNDLED, FILES, TARGETS
from .yaml_text import comment, flow
from ..core.kinds import KINDS
from ..core.model import Kind
from ..errors import UsageError, WriteError
from ..messages import Text

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
    actual: {$base: 6.5}        # $c_actual
    estimate: {$next: 8.1}      # $c_estimate
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
    actual: {$base: 120}
    estimate: {$next: 132}
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
    actual: {$base: 1.2}
    estimate: {$next: 1.1}
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
    actual: {$base: 52000}
    estimate: {$next: 53500}
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
    actual: {$base: 20}
    estimate: {$next: 19}
  grdp-share-other:
    actual: {$base: 80}
    estimate: {$next: 81}
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
    actual: {$next: 85.5}
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
    estimate: {$next: 95}
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
    actual: {$base: 45}
    estimate: {$next: 46.5}
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
    actual: {$base: 2.5}
    estimate: {$next: 2.1}
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
      - {indicator: grdp, number: "10", kind: level, value: 717, printed: "Tối thiểu 717 nghìn tỷ đồng"}  # $c_printed
      - {indicator: investment, number: "11", kind: share_of, of: grdp, value: 40}   # $c_share_of
""",
        """\
  grdp:
    actual: {$base: 313}
    estimate: {$next: 350}
  investment:
    actual: {$base: 110}
    estimate: {$next: 130}
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
    actual: {$base: 18}
    estimate: {$next: 14}
""",
    ),
}

#: examples of a kind's other forms, after one of every kind
MORE: tuple[Example, ...] = (
    Example(
        """\
  - id: budget-revenue
    name: Tổng thu ngân sách nhà nước trên địa bàn
    name_en: State budget revenue
    unit: Nghìn tỷ đồng
    unit_en: trillion VND
""",
        """\
      - {indicator: budget-revenue, number: "13", kind: growth, basis: level, value: 15}  # $c_growth_level
""",
        """\
  budget-revenue:
    actual: {$base: 30}
    estimate: {$next: 34.5}
""",
    ),
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
      classes: [{name: Xấp xỉ đạt, name_en: Nearly achieved, at_least: 95}]
    targets:
      # $c_kinds
"""

ACTUALS_HEAD = """\
# $c_actuals_head
# $c_numbers
schema_version: 1

series:
"""


def templates() -> tuple[str, str]:
    """The two files' templates: the heads, then every kind's example in the order of
    core/kinds.py."""
    examples = [EXAMPLES[kind] for kind in KINDS] + list(MORE)
    targets = TARGETS_HEAD + "".join(e.indicators for e in examples) + PLAN_HEAD + "".join(e.targets for e in examples)
    return targets, ACTUALS_HEAD + "".join(e.actuals for e in examples)


#: the template's comments, in each language
COMMENTS: dict[str, dict[str, str]] = {
    "targets_head": {
        "vi": "Chỉ tiêu của kế hoạch \"$name\" ($base–$target), tạo bởi kpi init.",
        "en": "Targets of the plan \"$name\" ($base–$target), written by kpi init.",
    },
    "edit": {
        "vi": "Thay các ví dụ dưới đây bằng chỉ tiêu của nghị quyết; kiểm tra bằng: kpi validate",
        "en": "Replace the examples below with the resolution's indicators; check with: kpi validate",
    },
    "indicator": {
        "vi": "mỗi chỉ tiêu: mã (chữ thường, gạch ngang), tên, đơn vị tính",
        "en": "each indicator: an id (lower case, dashes), a name, a unit",
    },
    "quote": {"vi": "viết % trong dấu nháy", "en": "write % in quotes"},
    "parent": {"vi": "chỉ tiêu con của grdp-structure", "en": "a sub-indicator of grdp-structure"},
    "base": {"vi": "năm gốc: năm cuối trước nhiệm kỳ", "en": "the last year before the term"},
    "precision": {"vi": "số chữ số thập phân khi so sánh phần trăm", "en": "decimals at which percentages are compared"},
    "classes": {
        "vi": "mức đánh giá giữa Đạt và Khó đạt mà báo cáo dùng: chưa đạt nhưng dự báo từ 95% (bỏ đi nếu không dùng)",
        "en": "a class between Đạt and Khó đạt the reports use: short, but forecast at 95% or more (leave out if unused)",
    },
    "kinds": {
        "vi": "mỗi loại chỉ tiêu một ví dụ; number là số thứ tự như bản in, trong dấu nháy",
        "en": "one example of each kind of target; number is the printed number, in quotes",
    },
    "growth": {"vi": "tăng trưởng bình quân (%/năm)", "en": "average yearly growth (%/year)"},
    "level": {"vi": "mức cần đạt vào năm cuối", "en": "the level to reach by the target year"},
    "average": {"vi": "bình quân hằng năm, trong khoảng 1–1,5", "en": "yearly average, within 1–1.5"},
    "progress": {"vi": "tiến độ từ năm gốc đến mục tiêu", "en": "progress from the baseline to the target"},
    "composition": {"vi": "cơ cấu: các chỉ tiêu con cộng lại 100%", "en": "composition: the parts sum to 100%"},
    "at_most": {"vi": "≤ 16: càng thấp càng tốt", "en": "≤ 16: less is better"},
    "group": {"vi": "nhóm: được đánh giá qua chỉ tiêu con", "en": "group: rated by its sub-indicators"},
    "threshold": {"vi": "ngưỡng mỗi năm: trên 80", "en": "a threshold every year: above 80"},
    "cumulative": {"vi": "lũy kế: tổng các năm của nhiệm kỳ đạt 500", "en": "cumulative: the years of the term add up to 500"},
    "band": {"vi": "trong khoảng 50–55%: trong khoảng là đạt", "en": "a band, 50–55%: inside it is achieved"},
    "reduction": {"vi": "giảm bình quân 0,5 điểm % mỗi năm, tính từ tỷ lệ từng năm", "en": "down 0.5 points a year on average, from the yearly rate"},
    "printed": {
        "vi": "printed: mục tiêu đúng như nghị quyết ghi, in thay cho cách viết tự tạo",
        "en": "printed: the target as the resolution words it, printed instead of the generated form",
    },
    "share_of": {"vi": "tỷ lệ so với GRDP: vốn đầu tư bằng 40% GRDP mỗi năm", "en": "a share of GRDP: investment at 40% of GRDP"},
    "rank": {"vi": "thứ hạng: thuộc nhóm 15 dẫn đầu (hạng 1–15)", "en": "a rank: within the top 15 (places 1–15)"},
    "growth_level": {
        "vi": "tăng 15%/năm tính từ giá trị từng năm (basis: level)",
        "en": "up 15% a year, from the yearly values (basis: level)",
    },
    "no_target": {
        "vi": "chưa có mục tiêu, số liệu: vẫn được liệt kê và đếm",
        "en": "no target or values yet: still listed and counted",
    },
    "actuals_head": {
        "vi": "Số liệu từng năm của kế hoạch \"$name\": thực hiện (actual), ước tính (estimate), lộ trình (plan).",
        "en": "Yearly values of the plan \"$name\": actual, estimate, plan (the roadmap).",
    },
    "numbers": {
        "vi": "Số viết với dấu chấm thập phân và không có dấu phân cách hàng nghìn: 5.76, 417000",
        "en": "Numbers with a decimal point and no thousands separator: 5.76, 417000",
    },
    "actual": {"vi": "số thực hiện", "en": "actual values"},
    "estimate": {"vi": "số ước tính", "en": "estimates"},
    "plan": {
        "vi": "plan: lộ trình từng năm còn lại, nếu nghị quyết có (plan: {2027: 9, 2028: 10}); chỉ ghi mục tiêu năm cuối thì không phải lộ trình, kpi dự báo từ số liệu",
        "en": "plan: the roadmap, each remaining year, when the resolution has one (plan: {2027: 9, 2028: 10}); the target year's target alone is no roadmap, kpi forecasts from the values",
    },
}


def plan_id(base: int, target: int) -> str:
    return f"term-{base}-{target}"


def render(name: str, base: int, target: int, lang: str) -> dict[str, str]:
    """The two files' text for a new plan."""
    if target <= base:
        raise UsageError(Text("init.years_order", base=base, target=target))
    fill = {"name": comment(_one_line(name)), "base": base, "target": target, "next": base + 1, "plan_id": plan_id(base, target)}
    comments = {f"c_{key}": Template(words[lang]).safe_substitute(fill) for key, words in COMMENTS.items()}
    values = {**fill, "name": flow(_one_line(name)), **comments}
    targets, actuals = templates()
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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path in paths:
            write_atomic(path, texts[path.name].encode("utf-8"))
    except OSError as err:
        raise WriteError(Text("cli.cannot_write", path=folder, reason=err.strerror or err)) from err
    return paths


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()

