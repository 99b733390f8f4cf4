"""Words and number formats in Vietnamese (default) and English. Data, not code."""

from __future__ import annotations

import math
from enum import Enum
from typing import TYPE_CHECKING

from ..numbers import number, written, written_decimals  # the one number formatter (re-exported)
from ..core.classify import Status
from ..core.model import Direction, Kind
from ..core.bounds import WHOLE_UNITS as WHOLE
from ..core.pace import Band

if TYPE_CHECKING:
    from ..core.results import Result


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

#: the within-year verdicts, per language (provisional before December)
MONTH_VERDICTS: dict[str, dict[str, str]] = {
    "on_course": {"vi": "Đúng tiến độ", "en": "On course"},
    "behind": {"vi": "Chậm tiến độ", "en": "Behind"},
    "achieved": {"vi": "Đạt kế hoạch năm", "en": "Year's plan met"},
    "missed": {"vi": "Không đạt kế hoạch năm", "en": "Year's plan missed"},
    "no_data": {"vi": "Chưa có số liệu", "en": "No data"},
}

#: why a within-year row has no figure
MONTH_REASONS: dict[str, dict[str, str]] = {
    "unknown_meaning": {"vi": "chưa rõ số liệu trong năm là dòng chảy, mức hay tốc độ (within_year)", "en": "within_year not known: flow, level or rate"},
    "no_values": {"vi": "chưa có số liệu của kỳ", "en": "no value for the period"},
    "no_target": {"vi": "chưa có kế hoạch năm", "en": "no target for the year"},
}

ROMAN = ("I", "II", "III", "IV")

#: column headings and other fixed words
WORDS: dict[str, dict[str, str]] = {
    "no": {"vi": "TT", "en": "No"},
    "period_ytd": {"vi": "lũy kế đến {period}", "en": "year to date to {period}"},
    # the monthly report of an annual plan (README "Within the year")
    "month_title": {"vi": "{plan} — {period}", "en": "{plan} — {period}"},
    "period_month": {"vi": "tháng {month}/{year}", "en": "month {month}/{year}"},
    "period_quarter": {"vi": "quý {roman}/{year}", "en": "quarter {roman}/{year}"},
    "month_plan": {"vi": "KH năm {year}", "en": "Plan {year}"},
    "month_alone": {"vi": "Tháng {month}", "en": "Month {month}"},
    "quarter_alone": {"vi": "Quý {roman}", "en": "Quarter {roman}"},
    "month_to_date": {"vi": "Lũy kế {month} tháng", "en": "{month} months to date"},
    "month_plan_pct": {"vi": "% KH năm", "en": "% of plan"},
    "month_change": {"vi": "So cùng kỳ", "en": "vs last year"},
    "month_marks": {"vi": "* ước tính, ° sơ bộ", "en": "* estimate, ° preliminary"},
    "month_estimate": {"vi": "Ước cả năm", "en": "Year estimate"},
    "month_footer": {"vi": "{counts}; {elapsed} thời gian của năm đã qua — đánh giá tạm tính", "en": "{counts}; {elapsed} of the year gone — provisional"},
    "month_footer_final": {"vi": "{counts}; cả năm", "en": "{counts}; the whole year"},
    "seasonal_note": {"vi": "theo tỷ trọng cùng kỳ năm trước {share}", "en": "by last year's share to date, {share}"},
    "entered_note": {"vi": "ước tính đã nhập", "en": "entered estimate"},
    "period_col": {"vi": "Kỳ", "en": "Period"},
    "month_fact": {"vi": "Tính đến {period}", "en": "As of {period}"},
    "month_fact_to_date": {"vi": "lũy kế {value} = {pct} KH năm", "en": "year to date {value} = {pct} of the year's plan"},
    "month_fact_change": {"vi": "so cùng kỳ {change}", "en": "{change} on the same period last year"},
    "month_fact_estimate": {"vi": "ước cả năm {value} ({how})", "en": "year estimate {value} ({how})"},
    "provisional": {"vi": "{verdict} (tạm tính, chưa hết năm)", "en": "{verdict} (provisional: the year is not over)"},
    "same_period_last_year": {"vi": "Cùng kỳ {year}", "en": "Same period {year}"},
    "periods_title": {"vi": "Các kỳ trong năm {year} và cùng kỳ {last}", "en": "Periods of {year} beside {last}"},
    "term_requires": {"vi": "Nhiệm kỳ cần năm {year}", "en": "The term needs in {year}"},
    "not_rated": {"vi": "Không đánh giá", "en": "Not rated"},
    "bounded": {"vi": "giữ trong giới hạn của chỉ tiêu, tính ra {value}", "en": "held within what the indicator can be, computed {value}"},
    # the columns of `kpi validate --format csv / markdown`
    "problem_file": {"vi": "tệp", "en": "file"},
    "problem_line": {"vi": "dòng", "en": "line"},
    "problem_column": {"vi": "cột", "en": "column"},
    "problem_indicator": {"vi": "chỉ tiêu", "en": "indicator"},
    "problem_field": {"vi": "trường", "en": "field"},
    "problem_message": {"vi": "thông báo", "en": "message"},
    "problem_severity": {"vi": "mức", "en": "severity"},
    "severity_warning": {"vi": "cảnh báo", "en": "warning"},
    "severity_error": {"vi": "lỗi", "en": "error"},
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
    "appendix_average_one": {"vi": "Bình quân {year}", "en": "Average {year}"},
    "appendix_roadmap": {"vi": "Lộ trình {year}", "en": "Roadmap {year}"},
    "appendix_target": {"vi": "Nghị quyết", "en": "Target"},
    "appendix_done": {"vi": "Thực hiện", "en": "Actual"},
    "appendix_roadmaps": {"vi": "Lộ trình", "en": "Roadmap"},
    "target_printed": {"vi": "Nghị quyết (ghi)", "en": "Target (as printed)"},
    "estimate_note": {"vi": "(*) Số liệu ước tính.", "en": "(*) Estimate."},
    "page_title": {"vi": "Phụ lục", "en": "Appendix"},
    "appendix_attainment": {"vi": "% so Nghị quyết", "en": "% of target"},
    "appendix_sheet": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "audit_sheet": {"vi": "Kiểm tra", "en": "Audit"},
    "report_title": {"vi": "Kết quả thực hiện các chỉ tiêu", "en": "Indicator results"},
    "chart_target": {"vi": "mục tiêu", "en": "target"},
    "chart_forecast": {"vi": "dự báo", "en": "forecast"},
    "generated": {"vi": "Tạo bởi kpi {version} từ dữ liệu; mọi con số được tính lại từ số liệu đầu vào.", "en": "Made by kpi {version}; every figure is recomputed from the inputs."},
    "none_shown": {"vi": "không có chỉ tiêu nào để hiển thị", "en": "no indicator to show"},
    "components": {"vi": "Chỉ tiêu thành phần", "en": "Components"},
    "pace": {"vi": "Tiến độ", "en": "Pace"},
    "pace_fact": {"vi": "Tiến độ (so với tốc độ cần đạt)", "en": "Pace (against the growth needed)"},
    "roadmap_gap": {"vi": "So với lộ trình", "en": "Against the roadmap"},
    "roadmap_gap_text": {
        "vi": "năm {year}: {observed}, thấp hơn lộ trình {planned} ({gap}); nay cần tăng {required}/năm",
        "en": "{year}: {observed}, behind the roadmap's {planned} ({gap}); now {required} a year is needed",
    },
    "baseline_fallback": {"vi": "Năm gốc", "en": "Baseline"},
    "baseline_fallback_text": {
        "vi": "thiếu số liệu năm {base}; dùng năm {year} ({value})",
        "en": "no value for {base}; {year} ({value}) stands in",
    },
    "compare_title": {"vi": "Đánh giá so với năm {year}", "en": "Assessment compared with {year}"},
    "compare_before": {"vi": "Năm {year}", "en": "{year}"},
    "compare_after": {"vi": "Năm {year}", "en": "{year}"},
    "compare_change": {"vi": "Thay đổi", "en": "Change"},
    "compare_footer": {"vi": "{n} chỉ tiêu thay đổi đánh giá so với năm {year}", "en": "{n} indicators changed assessment since {year}"},
    "audited_as_of": {"vi": "đối chiếu với số liệu tính đến năm {year} (năm báo cáo)", "en": "compared with the figures as of {year} (the report's year)"},
    "total_so_far": {"vi": "Tổng (lũy kế) đến nay", "en": "Total so far"},
    "group": {"vi": "Nhóm", "en": "Group"},
    "by_group": {"vi": "Theo nhóm chỉ tiêu", "en": "By group of indicators"},
    "met_column": {"vi": "Đạt và vượt", "en": "Achieved or exceeded"},
    "other_targets": {"vi": "Các mục tiêu khác của chỉ tiêu này", "en": "Other targets of this indicator"},
    "plan": {"vi": "Kế hoạch", "en": "Plan"},
    "value_note": {"vi": "Nguồn", "en": "Source"},
    "no_group": {"vi": "(không nhóm)", "en": "(no group)"},
    "chart": {"vi": "Diễn biến (▇ thực hiện, ▒ ước tính, ░ lộ trình, │ mục tiêu)", "en": "Trajectory (▇ actual, ▒ estimate, ░ roadmap, │ target)"},
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

#: units whose values are counts: shown as whole numbers (their home is core/bounds.py)
WHOLE_UNITS = WHOLE

#: the state of a yearly value
POINT_STATUS = {
    "actual": {"vi": "thực hiện", "en": "actual"},
    "preliminary": {"vi": "sơ bộ", "en": "preliminary"},
    "estimate": {"vi": "ước tính", "en": "estimate"},
    "plan": {"vi": "lộ trình", "en": "roadmap"},  # the report's "Lộ trình" columns
}

KIND_NAMES = {
    "level": {"vi": "mức cần đạt", "en": "level"},
    "growth": {"vi": "tăng trưởng bình quân (bình quân nhân)", "en": "average growth (geometric)"},
    "average": {"vi": "bình quân hằng năm", "en": "yearly average"},
    "threshold": {"vi": "ngưỡng hằng năm", "en": "yearly threshold"},
    "progress": {"vi": "tiến độ từ năm gốc", "en": "progress from baseline"},
    "composition": {"vi": "cơ cấu (tổng 100%)", "en": "composition (sums to 100%)"},
    "group": {"vi": "nhóm chỉ tiêu", "en": "group"},
    "cumulative": {"vi": "tổng (lũy kế) cả giai đoạn", "en": "total over the term"},
    "band": {"vi": "trong khoảng (hai phía)", "en": "band (two-sided)"},
    "reduction": {"vi": "mức giảm của tỷ lệ", "en": "reduction of a rate"},
    "share_of": {"vi": "tỷ lệ so với chỉ tiêu khác (% GRDP)", "en": "share of another indicator (% of GRDP)"},
    "rank": {"vi": "thứ hạng: trong nhóm dẫn đầu", "en": "rank: within the top group"},
}

#: the groups a plan's report counts by; a plan may use any other label, shown as written
GROUP_NAMES = {
    "economy": {"vi": "Kinh tế", "en": "Economy"},
    "society": {"vi": "Xã hội", "en": "Society"},
    "environment": {"vi": "Môi trường", "en": "Environment"},
    "defence": {"vi": "Quốc phòng – an ninh", "en": "Defence and security"},
    "party": {"vi": "Xây dựng Đảng", "en": "Party building"},
}

FORECAST_SOURCES = {
    "actual": {"vi": "số thực hiện", "en": "actual"},
    "plan": {"vi": "lộ trình", "en": "roadmap"},
    "published": {"vi": "báo cáo", "en": "published"},
    "rebased": {"vi": "lộ trình tính lại từ số mới nhất", "en": "roadmap rebased on the latest value"},
    "trend": {"vi": "xu hướng", "en": "trend"},
}

#: pace bands (core/pace.py), best first
PACE_BANDS: dict[Band, dict[str, str]] = {
    Band.ON_TRACK: {"vi": "Đúng tiến độ", "en": "On track"},
    Band.ACCELERATE: {"vi": "Cần tăng tốc", "en": "Acceleration needed"},
    Band.TOO_SLOW: {"vi": "Quá chậm", "en": "Too slow"},
    Band.BACKWARDS: {"vi": "Đi lùi", "en": "Going backwards"},
}

#: how a pace band came about, when not from the ratio alone
PACE_BASIS = {
    "ratio": {"vi": "", "en": ""},
    "target_met": {"vi": "đã đạt mục tiêu", "en": "target already met"},
    "behind_from_start": {"vi": "đã rời khỏi mục tiêu đạt được từ năm gốc", "en": "has left a target met at the base year"},
}

#: how a verdict changed (core/compare.py)
CHANGE_WORDS = {
    "better": {"vi": "tốt hơn", "en": "better"},
    "worse": {"vi": "kém hơn", "en": "worse"},
    "same": {"vi": "", "en": ""},
    "new": {"vi": "mới", "en": "new"},
    "data_in": {"vi": "mới có số liệu", "en": "data now in"},
    "data_out": {"vi": "chưa có số liệu", "en": "no data now"},
}

#: why an indicator has its status; {x} is the cited figure
REASONS = {
    "forecast_above": {"vi": "dự báo {x} > 100%", "en": "forecast {x} > 100%"},
    "forecast_meets": {"vi": "dự báo {x}", "en": "forecast {x}"},
    "forecast_below": {"vi": "dự báo {x} < 100%", "en": "forecast {x} < 100%"},
    "final_below": {"vi": "kết quả năm cuối {x} < 100%", "en": "final result {x} < 100%"},
    "threshold_met": {"vi": "đạt ngưỡng các năm {x}", "en": "threshold met in {x}"},
    "threshold_failed": {"vi": "không đạt ngưỡng năm {x}", "en": "threshold missed in {x}"},
    "components_met": {"vi": "các chỉ tiêu thành phần đều đạt", "en": "every component meets its target"},
    "components_short": {"vi": "chỉ tiêu thành phần {x} chưa đạt", "en": "component {x} falls short"},
    "components_no_data": {"vi": "chỉ tiêu thành phần chưa có số liệu", "en": "components have no data"},
    "no_forecast": {"vi": "không có dự báo (không có lộ trình năm cuối, chưa đủ hai năm số liệu, mới nhất {x})", "en": "no forecast (no roadmap for the target year, fewer than two years of values, latest {x})"},
    "final_pending": {"vi": "chưa có số liệu năm cuối {x}; đánh giá theo dự báo khi có số liệu", "en": "the final value for {x} is not in yet; the forecast meets the target"},
    "final_pending_below": {"vi": "chưa có số liệu năm cuối {x}; dự báo chưa đạt", "en": "the final value for {x} is not in yet; the forecast falls short"},
    "best_possible": {"vi": "giá trị bằng 0 hoặc thấp hơn (kết quả tốt nhất)", "en": "zero or below (the best possible outcome)"},
    "no_values": {"vi": "chưa có số liệu", "en": "no values yet"},
    "no_term_values": {"vi": "chưa có số liệu từ năm {x}", "en": "no values from {x} on"},
    "no_baseline": {"vi": "thiếu số liệu năm gốc {x}", "en": "no baseline value for {x}"},
    "missing_year": {"vi": "thiếu số liệu năm {x}", "en": "the year {x} has no value"},
    "one_point": {"vi": "chưa đủ hai năm để so sánh", "en": "fewer than two years to compare"},
    "non_positive": {"vi": "giá trị bằng 0 hoặc âm, không tính được tăng trưởng", "en": "zero or negative value, no growth rate"},
    "fall_to_zero": {"vi": "mức giảm {x}% không tính được bình quân", "en": "a fall of {x}% cannot be averaged"},
    "term_over": {"vi": "đã hết nhiệm kỳ", "en": "the term is over"},
    "zero_target": {"vi": "mục tiêu bằng 0", "en": "the target is zero"},
    "overflow": {"vi": "số quá lớn, không tính được", "en": "the numbers are too large to compute with"},
    "band_inside": {"vi": "dự báo trong khoảng mục tiêu", "en": "forecast inside the band"},
    "band_below": {"vi": "dự báo dưới khoảng mục tiêu ({x})", "en": "forecast below the band ({x})"},
    "band_above": {"vi": "dự báo trên khoảng mục tiêu ({x})", "en": "forecast above the band ({x})"},
    "forecast_about": {"vi": "dự báo {x}, trong sai số cho phép của \"khoảng\"", "en": "forecast {x}, within the tolerance of \"about\""},
    "forecast_at_bound": {"vi": "dự báo {x} chỉ bằng mức, chưa vượt qua", "en": "forecast {x} only reaches a strict bound"},
    "forecast_meets_floor": {"vi": "dự báo {x} so với mức cao; đã đạt mức thấp của khoảng", "en": "forecast {x} of the upper bound; the lower bound is reached"},
    "rank_in": {"vi": "xếp thứ {x}, trong nhóm dẫn đầu", "en": "placed {x}, within the top group"},
    "rank_out": {"vi": "xếp thứ {x}, ngoài nhóm dẫn đầu", "en": "placed {x}, outside the top group"},
    "not_a_place": {"vi": "{x} không phải thứ hạng (số nguyên từ 1)", "en": "{x} is no place in a ranking (a whole number from 1)"},
    "no_target": {"vi": "chưa có mục tiêu; không đánh giá", "en": "no target; not rated"},
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
    "shares_sum": {"vi": "tổng các tỷ trọng là {x}%, không phải 100%", "en": "the shares add up to {x}%, not 100%"},
    "met_tally_met": {"vi": "theo cách đếm đạt/chưa đạt, tính lại là đạt và vượt", "en": "as a met/not-met tally, the computed verdict is achieved or exceeded"},
    "met_tally_short": {"vi": "theo cách đếm đạt/chưa đạt, tính lại là chưa đạt", "en": "as a met/not-met tally, the computed verdict is not achieved"},
    "missing_indicators": {"vi": "dữ liệu thiếu chỉ tiêu so với báo cáo", "en": "the data lacks indicators the report counts"},
}

SUMMARY_NAMES = {
    "total": {"vi": "tổng số chỉ tiêu", "en": "indicators"},
    "exceeded": {"vi": "số chỉ tiêu vượt", "en": "exceeded"},
    "achieved": {"vi": "số chỉ tiêu đạt", "en": "achieved"},
    "not_achieved": {"vi": "số chỉ tiêu chưa đạt", "en": "not achieved"},
    "achieved_or_exceeded": {"vi": "số chỉ tiêu đạt và vượt", "en": "achieved or exceeded"},
}

#: a verdict in the met/not-met vocabulary of "11/18 chỉ tiêu đạt và vượt, 7 không đạt"
TALLY_WORDS = {
    True: {"vi": "đạt và vượt", "en": "achieved or exceeded"},
    False: {"vi": "chưa đạt", "en": "not achieved"},
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


#: Python's 417,000.5 written the Vietnamese way, 417.000,5 (a translate table)
def percent(value: float | None, lang: Lang, precision: int = 2) -> str:
    return "-" if value is None else number(value, lang, precision) + "%"


def status_label(status: Status, excess: float | None, lang: Lang, precision: int = 2) -> str:
    """ "Vượt 25,00%", "Đạt", "Khó đạt"; a group that exceeds is plain "Vượt"."""
    label = LABELS[status][lang.value]
    if status is Status.EXCEEDED and excess is not None:
        label += " " + percent(excess, lang, precision)
    return label


def result_label(result: "Result", lang: Lang, precision: int = 2) -> str:
    """A result's assessment as printed: its status's label, or "Không đánh giá" for a row with
    values and no target (a part of a structure the plan sets no target for)."""
    if not result.rated and result.latest is not None:
        return word("not_rated", lang)
    if result.klass is not None:
        return result.klass.name_en if lang is Lang.EN and result.klass.name_en else result.klass.name
    return status_label(result.status, result.excess, lang, precision)


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
    (Kind.LEVEL, Direction.AT_LEAST, True): {"vi": "Trên ", "en": "Above "},
    (Kind.LEVEL, Direction.AT_MOST, True): {"vi": "Dưới ", "en": "Below "},
    (Kind.CUMULATIVE, Direction.AT_LEAST, False): {"vi": "Tổng ", "en": "Total "},
    (Kind.REDUCTION, Direction.AT_LEAST, False): {"vi": "Giảm ", "en": "Down "},
}
AT_MOST_PREFIX = {"vi": "≤ ", "en": "≤ "}
#: kinds whose target is written around its number
TARGET_FORMS: dict[Kind, dict[str, str]] = {
    Kind.RANK: {"vi": "Nhóm {value} dẫn đầu", "en": "Top {value}"},
}
APPROXIMATE_PREFIX = {"vi": "Khoảng ", "en": "About "}

#: every table of words above, for the test that each has both languages
CATALOGS = {
    "LABELS": LABELS, "WORDS": WORDS, "POINT_STATUS": POINT_STATUS, "KIND_NAMES": KIND_NAMES,
    "FORECAST_SOURCES": FORECAST_SOURCES, "FIELD_NAMES": FIELD_NAMES, "SOURCE_NAMES": SOURCE_NAMES, "REASONS": REASONS, "NOTES": NOTES,
    "SUMMARY_NAMES": SUMMARY_NAMES, "COUNT_WORDS": COUNT_WORDS, "TARGET_PREFIX": TARGET_PREFIX, "TARGET_FORMS": TARGET_FORMS,
    "PACE_BANDS": PACE_BANDS, "PACE_BASIS": PACE_BASIS, "CHANGE_WORDS": CHANGE_WORDS,
    "GROUP_NAMES": GROUP_NAMES, "TALLY_WORDS": TALLY_WORDS,
}


def group_name(group: str | None, lang: Lang) -> str:
    """A group as the report heads it: a known code in the language, any other label as written."""
    if group is None:
        return word("no_group", lang)
    return GROUP_NAMES[group][lang.value] if group in GROUP_NAMES else group
