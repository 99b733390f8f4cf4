"""Words and number formats in Vietnamese (default) and English. Data, not code."""

from __future__ import annotations

from enum import Enum

from ..core.calc import round_half_up
from ..core.classify import Status
from ..core.model import Direction, Kind


class Lang(str, Enum):
    VI = "vi"
    EN = "en"


#: label of each status, per language; "Vượt" takes the excess when there is one
LABELS: dict[Status, dict[str, str]] = {
    Status.EXCEEDED: {"vi": "Vượt", "en": "Exceeded"},
    Status.ACHIEVED: {"vi": "Đạt", "en": "Achieved"},
    Status.AT_RISK: {"vi": "Khó đạt", "en": "At risk"},
    Status.MISSED: {"vi": "Không đạt", "en": "Missed"},
    Status.NO_DATA: {"vi": "Chưa có số liệu", "en": "No data"},
}

#: column headings and other fixed words
WORDS: dict[str, dict[str, str]] = {
    "no": {"vi": "TT", "en": "No"},
    "name": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "unit": {"vi": "ĐVT", "en": "Unit"},
    "target": {"vi": "Nghị quyết", "en": "Target"},
    "baseline": {"vi": "Năm {year}", "en": "{year}"},
    "latest": {"vi": "Mới nhất", "en": "Latest"},
    "avg_growth": {"vi": "Bình quân", "en": "Avg growth"},
    "attainment": {"vi": "% so NQ", "en": "% of target"},
    "forecast": {"vi": "Dự báo", "en": "Forecast"},
    "forecast_pct": {"vi": "So sánh %", "en": "Forecast %"},
    "assessment": {"vi": "Đánh giá", "en": "Assessment"},
    "year": {"vi": "Năm", "en": "Year"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "field": {"vi": "Mục", "en": "Field"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "published": {"vi": "Báo cáo ghi", "en": "Published"},
    "computed": {"vi": "Tính lại", "en": "Computed"},
    "note": {"vi": "Ghi chú", "en": "Note"},
    "count": {"vi": "Số chỉ tiêu", "en": "Indicators"},
    "kind": {"vi": "Loại chỉ tiêu", "en": "Kind of target"},
    "cagr": {"vi": "Tăng trưởng bình quân (CAGR)", "en": "CAGR"},
    "required": {"vi": "Tăng trưởng cần đạt mỗi năm", "en": "Required yearly growth"},
    "progress": {"vi": "Tiến độ so với năm gốc", "en": "Progress from baseline"},
    "trend": {"vi": "Theo xu hướng đến {year}", "en": "Trend to {year}"},
    "as_of": {"vi": "tính đến năm {year}", "en": "as of {year}"},
    "indicators_total": {"vi": "{n} chỉ tiêu", "en": "{n} indicators"},
    "indicator_one": {"vi": "{n} chỉ tiêu", "en": "{n} indicator"},
    "no_findings": {"vi": "Không có sai lệch.", "en": "No discrepancies."},
    "valid": {"vi": "Dữ liệu hợp lệ: {indicators} ({rows} dòng), {plans} kế hoạch.", "en": "Data is valid: {indicators} ({rows} rows), {plans}."},
    "plans_total": {"vi": "{n}", "en": "{n} plans"},
    "plan_one": {"vi": "{n}", "en": "{n} plan"},
    "at_risk_list": {"vi": "Chỉ tiêu khó đạt", "en": "Indicators at risk"},
    "audit_title": {"vi": "Sai lệch giữa số liệu công bố và số tính lại", "en": "Published figures that differ from the computed ones"},
    "appendix_average": {"vi": "Bình quân {start}–{end}", "en": "Average {start}–{end}"},
    "appendix_roadmap": {"vi": "Lộ trình {year}", "en": "Roadmap {year}"},
    "appendix_target": {"vi": "Nghị quyết", "en": "Target"},
    "appendix_attainment": {"vi": "% so Nghị quyết", "en": "% of target"},
    "appendix_sheet": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "audit_sheet": {"vi": "Kiểm tra", "en": "Audit"},
    "report_title": {"vi": "Kết quả thực hiện các chỉ tiêu", "en": "Indicator results"},
    "chart_target": {"vi": "mục tiêu", "en": "target"},
    "chart_forecast": {"vi": "dự báo", "en": "forecast"},
    "generated": {"vi": "Tạo bởi kpi {version} từ dữ liệu; mọi con số được tính lại từ số liệu đầu vào.", "en": "Made by kpi {version}; every figure is recomputed from the inputs."},
    "none_shown": {"vi": "không có chỉ tiêu nào để hiển thị", "en": "no indicator to show"},
    "components": {"vi": "Chỉ tiêu thành phần", "en": "Components"},
    "chart": {"vi": "Diễn biến (▇ thực hiện, ▒ ước tính, ░ kế hoạch, │ mục tiêu)", "en": "Trajectory (▇ actual, ▒ estimate, ░ plan, │ target)"},
}

#: the audit's field and source codes as a reader says them (JSON keeps the codes)
FIELD_NAMES = {
    "avg_growth": {"vi": "Bình quân", "en": "Average"},
    "midterm_pct": {"vi": "% so NQ", "en": "% of target"},
    "forecast": {"vi": "Dự báo", "en": "Forecast"},
    "forecast_pct": {"vi": "So sánh %", "en": "Forecast %"},
    "assessment": {"vi": "Đánh giá", "en": "Assessment"},
    "sum": {"vi": "Tổng", "en": "Sum"},
    "summary.total": {"vi": "Tổng số chỉ tiêu", "en": "Indicators"},
    "summary.exceeded": {"vi": "Số vượt", "en": "Exceeded"},
    "summary.achieved": {"vi": "Số đạt", "en": "Achieved"},
    "summary.not_achieved": {"vi": "Số chưa đạt", "en": "Not achieved"},
}
SOURCE_NAMES = {
    "table": {"vi": "bảng phụ lục", "en": "appendix"},
    "text": {"vi": "văn bản", "en": "text"},
    "summary": {"vi": "tổng hợp", "en": "summary"},
    "data": {"vi": "số liệu", "en": "data"},
}

#: units whose values are counts (people, tonnes, communes): shown as whole numbers. Folded
#: (no accents, lower case) so that "Đảng viên" and "dang vien" match
WHOLE_UNITS = frozenset({
    "nguoi", "dang vien", "tan", "xa", "huyen", "huyen, thi xa", "ho", "truong", "giuong", "lao dong",
    "doanh nghiep", "con", "chiec", "km", "ha", "people", "party members", "tonnes", "communes", "districts",
})

#: the state of a yearly value
POINT_STATUS = {
    "actual": {"vi": "thực hiện", "en": "actual"},
    "estimate": {"vi": "ước tính", "en": "estimate"},
    "plan": {"vi": "kế hoạch", "en": "plan"},
}

KIND_NAMES = {
    "level": {"vi": "mức cần đạt", "en": "level"},
    "growth": {"vi": "tăng trưởng bình quân (bình quân nhân)", "en": "average growth (geometric)"},
    "average": {"vi": "bình quân hằng năm", "en": "yearly average"},
    "threshold": {"vi": "ngưỡng hằng năm", "en": "yearly threshold"},
    "progress": {"vi": "tiến độ từ năm gốc", "en": "progress from baseline"},
    "composition": {"vi": "cơ cấu (tổng 100%)", "en": "composition (sums to 100%)"},
    "group": {"vi": "nhóm chỉ tiêu", "en": "group"},
}

FORECAST_SOURCES = {
    "actual": {"vi": "số thực hiện", "en": "actual"},
    "plan": {"vi": "lộ trình", "en": "roadmap"},
    "published": {"vi": "báo cáo", "en": "published"},
    "trend": {"vi": "xu hướng", "en": "trend"},
}

#: why an indicator has its status; {x} is the cited figure
REASONS = {
    "forecast_above": {"vi": "dự báo {x} > 100%", "en": "forecast {x} > 100%"},
    "forecast_meets": {"vi": "dự báo {x} đạt 100%", "en": "forecast {x} meets 100%"},
    "forecast_below": {"vi": "dự báo {x} < 100%", "en": "forecast {x} < 100%"},
    "final_below": {"vi": "kết quả năm cuối {x} < 100%", "en": "final result {x} < 100%"},
    "threshold_met": {"vi": "đạt ngưỡng các năm {x}", "en": "threshold met in {x}"},
    "threshold_failed": {"vi": "không đạt ngưỡng năm {x}", "en": "threshold missed in {x}"},
    "components_met": {"vi": "các chỉ tiêu thành phần đều đạt", "en": "every component meets its target"},
    "components_short": {"vi": "chỉ tiêu thành phần {x} chưa đạt", "en": "component {x} falls short"},
    "components_no_data": {"vi": "chỉ tiêu thành phần chưa có số liệu", "en": "components have no data"},
    "no_forecast": {"vi": "không có dự báo", "en": "no forecast"},
    "no_values": {"vi": "chưa có số liệu", "en": "no values yet"},
    "no_term_values": {"vi": "chưa có số liệu từ năm {x}", "en": "no values from {x} on"},
    "no_baseline": {"vi": "thiếu số liệu năm gốc {x}", "en": "no baseline value for {x}"},
    "missing_year": {"vi": "thiếu số liệu năm {x}", "en": "the year {x} has no value"},
    "one_point": {"vi": "chưa đủ hai năm để so sánh", "en": "fewer than two years to compare"},
    "non_positive": {"vi": "giá trị bằng 0 hoặc âm, không tính được tăng trưởng", "en": "zero or negative value: no growth rate"},
    "fall_to_zero": {"vi": "mức giảm {x}% không tính được bình quân", "en": "a fall of {x}% cannot be averaged"},
    "term_over": {"vi": "đã hết nhiệm kỳ", "en": "the term is over"},
    "zero_target": {"vi": "mục tiêu bằng 0", "en": "the target is zero"},
    "overflow": {"vi": "số quá lớn, không tính được", "en": "the numbers are too large to compute with"},
    "target_is_baseline": {"vi": "mục tiêu bằng giá trị năm gốc", "en": "the target equals the baseline"},
}

#: what a recognised audit pattern means
NOTES = {
    "": {"vi": "", "en": ""},
    "latest_year_alone": {"vi": "báo cáo chỉ tính năm {x}, không phải bình quân cả giai đoạn", "en": "the report rated {x} alone, not the period average"},
    "above_100": {"vi": "dự báo vượt 100% ({x}%) nhưng báo cáo ghi Đạt", "en": "forecast is above 100% (+{x}%) but the report says achieved"},
    "components_short": {"vi": "chưa đạt: {x}", "en": "falls short: {x}"},
    "trend_forecast": {"vi": "không có lộ trình; theo xu hướng hiện tại chưa đạt", "en": "no roadmap; the current trend falls short"},
    "not_computable": {"vi": "không tính được từ số liệu đầu vào", "en": "cannot be computed from the inputs"},
    "shares_sum": {"vi": "tổng các tỷ trọng khác 100", "en": "the shares do not sum to 100"},
    "missing_indicators": {"vi": "dữ liệu thiếu chỉ tiêu so với báo cáo", "en": "the data lacks indicators the report counts"},
}

SUMMARY_NAMES = {
    "total": {"vi": "tổng số chỉ tiêu", "en": "indicators"},
    "exceeded": {"vi": "số chỉ tiêu vượt", "en": "exceeded"},
    "achieved": {"vi": "số chỉ tiêu đạt", "en": "achieved"},
    "not_achieved": {"vi": "số chỉ tiêu chưa đạt", "en": "not achieved"},
}

#: the province's way of counting: "23 chỉ tiêu: 7 vượt, 10 đạt, 6 khó đạt"
COUNT_WORDS = {
    Status.EXCEEDED: {"vi": "vượt", "en": "exceeded"},
    Status.ACHIEVED: {"vi": "đạt", "en": "achieved"},
    Status.AT_RISK: {"vi": "khó đạt", "en": "at risk"},
    Status.MISSED: {"vi": "không đạt", "en": "missed"},
    Status.NO_DATA: {"vi": "chưa có số liệu", "en": "no data"},
}


def word(key: str, lang: Lang, **fill) -> str:
    return WORDS[key][lang.value].format(**fill)


def number(value: float | None, lang: Lang, decimals: int | None = None) -> str:
    """A number as the language writes it: 417.000 and 5,76 in Vietnamese, 417,000 and 5.76 in
    English. Without ``decimals``, whole numbers show none and others two."""
    if value is None:
        return "-"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{round_half_up(value, decimals):,.{decimals}f}"
    if lang is Lang.VI:
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def written(value: float | None, lang: Lang) -> str:
    """A number with the decimals it was written with: 1.765 stays 1,765 and 1.5 stays 1,5."""
    if value is None:
        return "-"
    text = repr(float(value))
    decimals = 0 if float(value).is_integer() else len(text.partition(".")[2]) if "e" not in text else 2
    return number(value, lang, decimals)


def percent(value: float | None, lang: Lang, precision: int = 2) -> str:
    return "-" if value is None else number(value, lang, precision) + "%"


def status_label(status: Status, excess: float | None, lang: Lang, precision: int = 2) -> str:
    """ "Vượt 25,00%", "Đạt", "Khó đạt"; a group that exceeds is plain "Vượt"."""
    label = LABELS[status][lang.value]
    if status is Status.EXCEEDED and excess is not None:
        label += " " + percent(excess, lang, precision)
    return label


def fill(template: dict[str, str], lang: Lang, detail: object, precision: int = 2) -> str:
    """A reason or note with its figure written in the language's way."""
    text = template[lang.value]
    if isinstance(detail, float):
        shown = number(detail, lang, precision) + ("" if "{x}%" in text else "%")
    elif isinstance(detail, tuple):
        shown = ", ".join(str(d) for d in detail)
    else:
        shown = str(detail)
    return text.format(x=shown)


#: how a target is written before its number, by (kind, direction, strict); other at-most
#: targets take "≤ " and other at-least targets nothing
TARGET_PREFIX: dict[tuple[Kind, Direction, bool], dict[str, str]] = {
    (Kind.THRESHOLD, Direction.AT_LEAST, True): {"vi": "Trên ", "en": "Above "},
    (Kind.THRESHOLD, Direction.AT_MOST, True): {"vi": "Dưới ", "en": "Below "},
    (Kind.THRESHOLD, Direction.AT_LEAST, False): {"vi": "≥ ", "en": "≥ "},
    (Kind.THRESHOLD, Direction.AT_MOST, False): {"vi": "≤ ", "en": "≤ "},
}
AT_MOST_PREFIX = {"vi": "≤ ", "en": "≤ "}

#: every table of words above, for the test that each has both languages
CATALOGS = {
    "LABELS": LABELS, "WORDS": WORDS, "POINT_STATUS": POINT_STATUS, "KIND_NAMES": KIND_NAMES,
    "FORECAST_SOURCES": FORECAST_SOURCES, "FIELD_NAMES": FIELD_NAMES, "SOURCE_NAMES": SOURCE_NAMES, "REASONS": REASONS, "NOTES": NOTES,
    "SUMMARY_NAMES": SUMMARY_NAMES, "COUNT_WORDS": COUNT_WORDS, "TARGET_PREFIX": TARGET_PREFIX,
}
